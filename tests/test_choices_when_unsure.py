"""A member types fast, in SMS spellings the hotline has never seen ("kelkechoz", "wsh"). Those words say nothing
of what is asked: when the rest of the question points to an entry that the rankers agree on, the member is offered
it rather than told that the hotline does not know. A real word the knowledge base never uses ("piscine") or a
town's name ("Rezé") is another subject: the hotline still says honestly that it does not know."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.app import App
from bot.channels.terminal import TerminalChat

GARBLED = "wsh jsp si on doi payer kelkechoz pr etre membre du conseil citoyen"


def test_a_question_with_unknown_sms_words_is_offered_the_entry_the_rankers_agree_on(answerer: Answerer) -> None:
    decision = answerer.decide(GARBLED)
    assert decision.kind == Kind.SUGGEST
    assert [c.entry.id for c in decision.candidates][:1] == ["cc-cout-membre"]


@pytest.mark.parametrize("question", [
    "c'est qui le maire de Rezé",  # a town's name: its own subject, not a garbled word
    "c quoi les horaires de la piscine de la bottiere",  # a French word the base never uses
])
def test_a_subject_the_base_does_not_cover_still_gets_an_honest_unknown(answerer: Answerer, question: str) -> None:
    assert answerer.decide(question).kind == Kind.UNKNOWN


def test_in_the_terminal_the_member_is_offered_the_entry_as_a_numbered_choice(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(GARBLED))
    assert "Vouliez-vous dire" in shown
    assert "[1] Être membre d'un conseil citoyen, est-ce que ça coûte" in shown
    assert "Je ne connais pas la réponse" not in shown
