"""The classifier learned from members' messages doubts a sure answer it reads otherwise: the member gets choices,
not a confident wrong answer."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE, Learned
from bot.answering.learned_doubt import Doubts, doubted
from bot.answering.matcher import Candidate
from bot.answering.normalize import Analysis
from bot.app import App
from bot.core.replies import Sender
from bot.knowledge.model import KnowledgeBase

MEMBER = Sender(channel="cli", user_id="12", chat_id="12")


def _decided(app: App, text: str, *, doubting: bool) -> Decision:
    answerer = app.faq.answerer
    answerer.doubts = Doubts() if doubting else None
    answerer.parts_agreed = None  # its doubts alone (a part it agrees on: tests/test_learned.py)
    return app.faq.decide(MEMBER, text)


def test_a_member_invited_to_the_steering_committee_asking_what_it_is_gets_both_entries(shipped_app: App) -> None:
    asked = "le copil de jeudi c'est quoi comme réunion"
    sure = _decided(shipped_app, asked, doubting=False)
    doubted_ = _decided(shipped_app, asked, doubting=True)
    assert sure.kind == Kind.ANSWER and sure.entry is not None and sure.entry.id == "cdv-copil-preparer"
    # The classifier reads a question on what the committee is: both are offered, the rankers' first first.
    assert doubted_.kind == Kind.SUGGEST
    assert [c.entry.id for c in doubted_.candidates] == ["cdv-copil-preparer", "cdv-copil-definition"]


def test_one_of_two_questions_answered_with_an_entry_the_classifier_barely_names_is_offered(shipped_app: App) -> None:
    asked = "la rencontre à Nantes en septembre c'est gratuit ? et le repas ?"
    sure = _decided(shipped_app, asked, doubting=False)
    doubted_ = _decided(shipped_app, asked, doubting=True)
    assert sure.kind == Kind.MULTI and [p.kind for p in sure.parts] == [Kind.ANSWER, Kind.SUGGEST]
    assert doubted_.kind == Kind.MULTI and [p.kind for p in doubted_.parts] == [Kind.SUGGEST, Kind.SUGGEST]
    # The doubted question keeps its entry as its choice.
    assert [p.candidates[0].entry.id for p in doubted_.parts] == [p.candidates[0].entry.id for p in sure.parts]


def _answer(kb: KnowledgeBase, entry: str, runner_up: str, *, acts: tuple[Act, ...] = ()) -> Decision:
    first, second = kb.entry(entry), kb.entry(runner_up)
    assert first is not None and second is not None
    ours = Candidate(entry=first, score=70.0, phrasing=first.question)
    other = Candidate(entry=second, score=50.0, phrasing=second.question)
    return Decision(kind=Kind.ANSWER, entry=first, score=70.0, candidates=(ours, other), runner_up=other, acts=acts)


def _reading(classes: tuple[str, ...], **probabilities: float) -> np.ndarray:
    p = np.full(len(classes), 0.0)
    for name, value in probabilities.items():
        p[classes.index(name.replace("_", "-"))] = value
    return p


def test_a_question_the_classifier_reads_as_out_of_scope_gets_our_choices_not_an_answer(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    classes = (NONE, "hotline-delai", "event-gratuit")
    # "quel temps fera-t-il ce week-end pour notre barbecue ?" answered with the reply time: the classifier says
    # "none" surely, and gives the reply-time entry almost nothing.
    answered = _answer(kb, "hotline-delai", "event-gratuit")
    offered = doubted(answered, _reading(classes, none=0.9, hotline_delai=0.01), classes, kb)
    assert offered.kind == Kind.SUGGEST and offered.entry is None
    assert [c.entry.id for c in offered.candidates] == ["hotline-delai", "event-gratuit"]


def test_an_answer_the_classifier_gives_some_weight_is_kept(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    classes = (NONE, "hotline-delai", "event-gratuit")
    answered = _answer(kb, "hotline-delai", "event-gratuit")
    assert doubted(answered, _reading(classes, event_gratuit=0.8, hotline_delai=0.1), classes, kb) is answered
    # Nor when it names another entry without being sure of it.
    assert doubted(answered, _reading(classes, event_gratuit=0.25, hotline_delai=0.01), classes, kb) is answered


def test_a_follow_up_read_after_the_previous_answer_is_left_alone(shipped_app: App) -> None:
    # "et c'est payant ?" after an answer is read in its context, which the classifier never learned.
    kb = shipped_app.knowledge
    classes = (NONE, "hotline-delai", "event-gratuit")
    answered = dataclasses.replace(_answer(kb, "hotline-delai", "event-gratuit"), acts=(Act.FOLLOW_UP,))
    assert doubted(answered, _reading(classes, none=0.95, hotline_delai=0.01), classes, kb) is answered


def test_another_entry_three_times_as_likely_as_ours_doubts_it_from_a_third_on(shipped_app: App) -> None:
    # The classifier unsure of its own first, but three times surer of it than of ours (bench/RESULTS.md: fewer
    # confident wrong answers on batches it never learned, none right lost).
    kb = shipped_app.knowledge
    classes = (NONE, "hotline-delai", "event-gratuit")
    answered = _answer(kb, "hotline-delai", "event-gratuit")
    offered = doubted(answered, _reading(classes, event_gratuit=0.35, hotline_delai=0.02), classes, kb)
    assert offered.kind == Kind.SUGGEST and [c.entry.id for c in offered.candidates] == ["hotline-delai", "event-gratuit"]
    # Named below a third, or ours given a twentieth or more: kept.
    assert doubted(answered, _reading(classes, event_gratuit=0.28, hotline_delai=0.02), classes, kb) is answered
    assert doubted(answered, _reading(classes, event_gratuit=0.35, hotline_delai=0.06), classes, kb) is answered
    assert doubted(answered, _reading(classes, event_gratuit=0.35, hotline_delai=0.0), classes, kb,
                   Doubts(other_least=2.0, times=0.0)) is answered


def test_an_answer_with_an_entry_added_after_the_classifier_learned_is_kept_without_the_message_read(
        shipped_app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = "le copil de jeudi c'est quoi comme réunion"
    answerer = shipped_app.faq.answerer
    answerer.doubts = Doubts()
    sure = _answer(shipped_app.knowledge, "cdv-copil-preparer", "cdv-copil-definition")
    assert answerer.learned_doubts(sure, asked).kind == Kind.SUGGEST  # the entry it learned: doubted
    assert sure.entry is not None
    added = dataclasses.replace(sure, entry=dataclasses.replace(sure.entry, id="ajoutee-apres"))

    def unread(self: Learned, analysis: Analysis) -> np.ndarray:
        raise AssertionError("the message is read for an answer the classifier never learned")

    monkeypatch.setattr(Learned, "probabilities", unread)
    assert answerer.learned_doubts(added, asked) is added


def test_a_member_asking_if_the_september_day_costs_anything_is_offered_the_day_and_the_prices(
        shipped_app: App) -> None:
    # The rankers answer the day's own entry; the classifier reads a question on prices: both are one tap away.
    decided = shipped_app.faq.decide(MEMBER, "la journée de septembre c'est payant ?")
    assert decided.kind == Kind.SUGGEST
    assert [c.entry.id for c in decided.candidates][:2] == ["event-journees-2026", "event-gratuit"]
    shipped_app.faq.answerer.doubts = None
    assert shipped_app.faq.decide(MEMBER, "la journée de septembre c'est payant ?").kind == Kind.ANSWER


def test_two_classes_named_equally_first_the_first_in_the_classifier_s_order_is_the_one_named(
        shipped_app: App) -> None:
    # Its doubt reads ours and the class it names first, not every class: a tie goes to the first in its order,
    # as it always did.
    kb = shipped_app.knowledge
    answered = _answer(kb, "hotline-delai", "event-gratuit")
    out_first = (NONE, "cdv-copil-definition", "hotline-delai")
    reading = _reading(out_first, none=0.8, cdv_copil_definition=0.8, hotline_delai=0.01)
    offered = doubted(answered, reading, out_first, kb)
    assert [c.entry.id for c in offered.candidates] == ["hotline-delai", "event-gratuit"]  # "none": our choices
    entry_first = ("cdv-copil-definition", NONE, "hotline-delai")
    reading = _reading(entry_first, none=0.8, cdv_copil_definition=0.8, hotline_delai=0.01)
    offered = doubted(answered, reading, entry_first, kb)
    assert [c.entry.id for c in offered.candidates] == ["hotline-delai", "cdv-copil-definition"]


def test_of_two_questions_one_answered_with_an_entry_the_classifier_never_learned_is_kept(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    classes = (NONE, "hotline-delai")
    known = _answer(kb, "hotline-delai", "event-gratuit")
    added_later = _answer(kb, "event-gratuit", "hotline-delai")
    both = Decision(kind=Kind.MULTI, parts=(known, added_later))
    offered = doubted(both, _reading(classes, none=0.9, hotline_delai=0.01), classes, kb)
    assert [p.kind for p in offered.parts] == [Kind.SUGGEST, Kind.ANSWER]


def test_an_answer_read_in_context_is_kept_without_the_message_read(shipped_app: App,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    answerer = shipped_app.faq.answerer
    answerer.doubts = Doubts()
    sure = _answer(shipped_app.knowledge, "cdv-copil-preparer", "cdv-copil-definition", acts=(Act.FOLLOW_UP,))

    def unread(self: Learned, analysis: Analysis) -> np.ndarray:
        raise AssertionError("a follow-up's message is read")

    monkeypatch.setattr(Learned, "probabilities", unread)
    assert answerer.learned_doubts(sure, "et le copil de jeudi c'est quoi ?") is sure


def test_unsure_between_ours_and_its_related_entry_the_answer_is_kept(shipped_app: App) -> None:
    # "…le conseil citoyen… Ça sert à quoi ?": its role or its definition, entries that list each other.
    kb = shipped_app.knowledge
    classes = (NONE, "cc-role", "cc-definition")
    answered = _answer(kb, "cc-role", "cc-definition")
    assert doubted(answered, _reading(classes, cc_definition=0.35, cc_role=0.02), classes, kb) is answered
    # Surely the other, it is doubted all the same.
    assert doubted(answered, _reading(classes, cc_definition=0.8, cc_role=0.02), classes, kb) is not answered
