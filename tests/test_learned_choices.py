"""A single question the rankers are unsure of: the entry the classifier learned from members' messages names first
leads the choices, joins them when missing, or is offered instead of « je ne sais pas »."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.answering import answerer as answerer_module
from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE, Learned, shipped_model
from bot.answering.learned_choices import LEAD_PROBABILITY, with_learned_choice
from bot.answering.normalize import Analysis
from bot.app import App
from bot.core.replies import Sender

MEMBER = Sender(channel="cli", user_id="7", chat_id="7")


def _before_and_after(app: App, asked: str) -> tuple[Decision, Decision]:
    app.faq.answerer.doubts = None  # the choices it leads, alone (its doubts: tests/test_learned_doubt.py)
    app.faq.answerer.use_learned_choices = False
    before = app.faq.decide(MEMBER, asked)
    app.faq.answerer.use_learned_choices = True
    return before, app.faq.decide(MEMBER, asked)


def _shown(decision: Decision) -> list[str]:
    return [c.entry.id for c in decision.candidates]


def test_the_entry_the_classifier_names_is_shown_first_among_the_choices(shipped_app: App) -> None:
    before, after = _before_and_after(shipped_app, "Dans quels lieux peut-on tenir nos rencontres ?")
    # Our scores miss the entries on where to meet ("rencontres", "lieux"); the classifier knows members asking
    # where to meet, not surely: the one it names leads the choices. Members tap the first button most.
    named = _shown(after)[0]
    assert named in ("fonct-salle-reunion", "fonct-locaux")
    assert before.kind == Kind.SUGGEST and named not in _shown(before)
    assert after.kind == Kind.SUGGEST and _shown(after) == [named, *_shown(before)[:2]]
    # Already among ours, it moves to the front, the others keeping their order.
    other = shipped_app.faq.answerer.kb.entry(_shown(before)[1])
    assert other is not None
    led = with_learned_choice(before, other.id, 0.5, other, most=3)
    assert _shown(led) == [other.id, _shown(before)[0], *_shown(before)[2:]]


def test_the_entry_the_classifier_names_joins_the_choices_when_they_miss_it(shipped_app: App) -> None:
    before, after = _before_and_after(shipped_app, "je sais pas à quoi sert le conseil")
    assert before.kind == Kind.SUGGEST and "cc-role" not in _shown(before) and len(before.candidates) == 3
    # First, the last of ours making room: still three choices and « none of these ».
    assert after.kind == Kind.SUGGEST and _shown(after) == ["cc-role", *_shown(before)[:2]]


def test_an_entry_the_classifier_names_without_much_confidence_still_leads_unsure_choices(shipped_app: App) -> None:
    asked = "on est trois dans le conseil c'est assez ?"
    before, _ = _before_and_after(shipped_app, asked)
    named = "cc-nombre-membres"
    assert before.kind == Kind.SUGGEST and named not in _shown(before)
    # Our rankers offered parity. A classifier reading the number of members at only 0.25 is still more often right
    # than our unsure choices (bench/tidy_learned.py); the shipped one, having learned more members, now reads it surely.
    entry = shipped_app.faq.answerer.kb.entry(named)
    led = with_learned_choice(before, named, 0.25, entry, most=3)
    assert led.kind == Kind.SUGGEST and _shown(led)[:1] == [named]
    assert with_learned_choice(before, named, 0.05, entry, most=3) is before


def test_nothing_found_the_entry_the_classifier_names_is_offered_instead_of_i_do_not_know(shipped_app: App) -> None:
    # Nothing of ours reaches the level of a choice; the classifier reads a room of the council's own (0.38).
    before, after = _before_and_after(shipped_app, "Peut-on exiger de la ville une pièce rien qu'à nous ?")
    assert before.kind == Kind.UNKNOWN
    assert after.kind == Kind.SUGGEST and _shown(after) == ["fonct-locaux"]


def test_nothing_found_and_the_classifier_sure_of_it_the_entry_is_answered(shipped_app: App) -> None:
    """Offered first, then answered by the classifier's agreement (`Answerer.learned_agrees`, at 0.7 or more)."""
    before, after = _before_and_after(shipped_app, "ANRU en entier")
    assert before.kind == Kind.UNKNOWN
    assert after.kind == Kind.ANSWER and after.entry is not None and after.entry.id == "theme-anru"


def test_an_out_of_scope_question_keeps_its_choices(shipped_app: App) -> None:
    asked = "le bus passe plus dans le quartier"
    model = shipped_model()
    assert model is not None
    assert model.first(shipped_app.faq.answerer.analyze(asked))[0] == NONE
    before, after = _before_and_after(shipped_app, asked)
    assert _shown(after) == _shown(before) and after.kind == before.kind


def test_a_members_own_matter_keeps_the_offices_choices(shipped_app: App) -> None:
    offered = shipped_app.faq.decide(MEMBER, "jpeu me faire rembourser mon ticket de bus pr venir")
    assert offered.personal and offered.kind == Kind.SUGGEST
    other = shipped_app.knowledge.entry("moyens-financer-action")
    assert other is not None and other.id not in _shown(offered)
    # Whatever the classifier names, however surely: who deals with it first, then the same entries.
    assert with_learned_choice(offered, other.id, 0.99, other, most=3) is offered


def test_an_unsure_classifier_leaves_the_choices_as_they_are(shipped_app: App) -> None:
    asked = "faut venir souvent"
    model = shipped_model()
    assert model is not None
    assert model.first(shipped_app.faq.answerer.analyze(asked))[1] < LEAD_PROBABILITY
    before, after = _before_and_after(shipped_app, asked)
    assert after.kind == before.kind == Kind.SUGGEST and _shown(after) == _shown(before)


def test_beside_an_answer_the_entry_the_classifier_names_is_one_tap_away(shipped_app: App) -> None:
    before, after = _before_and_after(shipped_app, "la journée de septembre c'est payant ?")
    # The day's own entry is answered; members asking whether it costs anything meant the entry on free events.
    assert before.kind == Kind.ANSWER and before.entry is not None and before.entry.id == "event-journees-2026"
    assert before.runner_up is None or before.runner_up.entry.id != "event-gratuit"
    assert after.kind == Kind.ANSWER and after.entry == before.entry
    assert after.runner_up is not None and after.runner_up.entry.id == "event-gratuit"


def test_choices_read_in_context_are_left_without_the_message_read(shipped_app: App,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # "et pour les jeunes ?" after financing: the classifier never learned from follow-ups, so it is not asked.
    _, offered = _before_and_after(shipped_app, "Dans quels lieux peut-on tenir nos rencontres ?")
    assert offered.kind == Kind.SUGGEST
    following = dataclasses.replace(offered, acts=(Act.FOLLOW_UP,))

    def unread(self: Learned, analysis: Analysis) -> np.ndarray:
        raise AssertionError("a follow-up's message is read")

    monkeypatch.setattr(Learned, "probabilities", unread)
    assert shipped_app.faq.answerer.learned_choices(following, "et pour les jeunes ?") is following


def test_what_someone_earns_is_not_answered_by_the_entry_on_the_job(shipped_app: App,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # The classifier names the adult mediators' entry fairly surely (0.68); it describes the job and gives no pay.
    # Even with the agreement's bar below that (0.6 was tried), it stays offered.
    monkeypatch.setattr(answerer_module, "AGREED_PROBABILITY", 0.6)
    asked = "combien touche un adulte relais par mois"
    model = shipped_model()
    assert model is not None
    named, probability = model.first(shipped_app.faq.answerer.analyze(asked))
    assert named == "theme-adultes-relais" and probability >= 0.6
    decided = shipped_app.faq.decide(MEMBER, asked)
    assert decided.kind == Kind.SUGGEST and _shown(decided)[:1] == ["theme-adultes-relais"]


@pytest.mark.parametrize("asked", ["Combien gagne en moyenne un chef de projet politique de la ville ?",
                                   "quel est le salaire d'un délégué du préfet ?"])
def test_what_someone_earns_is_offered_not_answered_by_the_entry_on_the_job(shipped_app: App, asked: str) -> None:
    decided = shipped_app.faq.decide(MEMBER, asked)
    assert decided.kind == Kind.SUGGEST and decided.entry is None


def test_whether_members_are_paid_is_still_answered_by_the_entry_on_members_pay(shipped_app: App) -> None:
    # Its question is about pay: « nobody is paid » answers « combien ? » without a sum.
    decided = shipped_app.faq.decide(MEMBER, "les conseillers citoyens sont payés combien ?")
    assert decided.kind == Kind.ANSWER and decided.entry is not None and decided.entry.id == "moyens-remboursement-frais"
