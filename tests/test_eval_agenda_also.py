"""A member asks for the next interconseil and, in the same message, something else about it: the reply shows the
agenda with the entries for the other question beside it, answered at once or offered as choices. What the
evaluation counts as shown for such an agenda reply is what the reply carries."""

from __future__ import annotations

from bench.realistic import outcome_of
from bot.answering.decision import Kind
from bot.app import App
from bot.core.replies import Sender

MEMBER = Sender(channel="cli", user_id="42", chat_id="42")
CHOICES = "c'est quand le prochain interconseil ? et je peux venir avec ma voisine ?"
ANSWERED = "l'interconseil c'est tous les combien ? et c'est quand le prochain ?"


def test_the_choices_beside_the_agenda_are_counted_as_shown(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(MEMBER, CHOICES)
    assert decision.kind == Kind.AGENDA
    replies = shipped_app.faq.render(MEMBER, decision, log_id=1)
    offered = [button.data.split(":")[1] for reply in replies for row in reply.buttons for button in row
               if button.data.startswith("faq:") and button.label.startswith("➡️")]
    outcome = outcome_of(decision)
    assert offered and list(outcome.shown) == offered and outcome.answered == ()


def test_the_entry_answered_beside_the_agenda_is_counted_as_shown_not_answered(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(MEMBER, ANSWERED)
    assert decision.kind == Kind.AGENDA
    replies = shipped_app.faq.render(MEMBER, decision, log_id=1)
    outcome = outcome_of(decision)
    [entry_id] = outcome.shown
    entry = shipped_app.faq.answerer.kb.entry(entry_id)
    assert entry is not None and any(entry.question in reply.text for reply in replies[1:])
    assert outcome.answered == () and outcome.label == "agenda"
