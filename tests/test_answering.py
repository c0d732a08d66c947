"""Given a member's question as they type it, the hotline decides: answer, suggest, or say it does not know."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind, Smalltalk
from bot.app import App


@pytest.fixture
def answerer(app: App) -> Answerer:
    return app.answerer


@pytest.mark.parametrize("question", [
    "Qu'est-ce qu'un conseil citoyen ?",
    "c'est koi un conseil citoyen",
    "C'EST QUOI UN CONSEIL CITOYEN",
    "cé koi un conseil citoyen svp",
    "c quoi 1 conseil citoyn",  # typo
    "c koi un CC",  # acronym from the glossary
])
def test_a_member_asking_what_a_council_is_gets_the_answer(answerer: Answerer, question: str) -> None:
    decision = answerer.decide(question)
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == "cc-definition"


def test_synonyms_from_the_knowledge_base_bring_the_right_entry(answerer: Answerer) -> None:
    decision = answerer.decide("comment on rejoint un conseil citoyen ?")
    assert decision.entry is not None and decision.entry.id == "cc-rejoindre"


def test_an_acronym_written_out_is_the_same_question(answerer: Answerer) -> None:
    long = answerer.decide("comment préparer le comité de pilotage")
    short = answerer.decide("comment preparer le copil")
    assert long.entry is not None and short.entry is not None
    assert long.entry.id == short.entry.id == "copil-preparer"


def test_a_question_the_base_cannot_answer_gets_an_honest_unknown(answerer: Answerer) -> None:
    decision = answerer.decide("quel temps fera-t-il demain")
    assert decision.kind == Kind.UNKNOWN
    assert decision.entry is None


def test_a_vague_question_gets_suggestions_not_a_guess(answerer: Answerer) -> None:
    decision = answerer.decide("rejoindre ou quitter le conseil citoyen")
    assert decision.kind == Kind.SUGGEST
    assert 1 <= len(decision.candidates) <= 3


def test_what_does_an_acronym_mean_is_answered_from_the_glossary(answerer: Answerer) -> None:
    decision = answerer.decide("c'est quoi la TFPB ?")
    assert decision.kind == Kind.GLOSSARY
    assert decision.term is not None and decision.term.term == "TFPB"


def test_a_passage_of_a_document_answers_when_no_entry_fits(answerer: Answerer) -> None:
    decision = answerer.decide("ou trouver une salle pour la reunion ?")
    assert decision.kind == Kind.PASSAGE
    assert decision.passage is not None and decision.passage.passage.heading == "Trouver une salle"


@pytest.mark.parametrize(("text", "kind"), [
    ("Bonjour", Smalltalk.GREETING),
    ("slt !", Smalltalk.GREETING),
    ("merci beaucoup", Smalltalk.THANKS),
    ("Merci, au revoir", Smalltalk.THANKS),
    ("au revoir", Smalltalk.BYE),
    ("aide", Smalltalk.HELP),
    ("comment ça marche ?", Smalltalk.HELP),
])
def test_greetings_thanks_and_help_get_natural_replies(answerer: Answerer, text: str, kind: Smalltalk) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.SMALLTALK
    assert decision.smalltalk == kind


def test_a_greeting_before_a_question_does_not_hide_the_question(answerer: Answerer) -> None:
    decision = answerer.decide("Bonjour, c'est quoi un conseil citoyen ?")
    assert decision.kind == Kind.ANSWER and decision.greeted


@pytest.mark.parametrize("text", ["", "   ", "???", "😀😀😀", "\u200b\u200f"])
def test_a_message_without_words_is_told_so(answerer: Answerer, text: str) -> None:
    assert answerer.decide(text).kind == Kind.EMPTY


def test_a_very_long_message_is_still_answered(answerer: Answerer) -> None:
    decision = answerer.decide("c'est quoi un conseil citoyen " + "blabla " * 2000)
    assert decision.kind in (Kind.ANSWER, Kind.SUGGEST, Kind.UNKNOWN)
