"""The knowledge shipped in knowledge/ loads cleanly and answers what a new member asks first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.knowledge_check import check_knowledge
from bot.config import Settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


def test_the_shipped_knowledge_has_no_error_and_no_warning(make_settings: Callable[..., Settings]) -> None:
    problems, summary = check_knowledge(make_settings(knowledge=SHIPPED_KNOWLEDGE), today=date(2026, 11, 22))
    assert [str(p) for p in problems if p.severity != "info"] == [], summary


def test_every_faq_answer_names_its_source_and_review_date() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    assert all(entry.source and entry.reviewed for entry in kb.faq)


def test_what_is_a_council_in_sms_spelling_gets_the_definition(answerer: Answerer) -> None:
    decision = answerer.decide("c'est koi un conseil citoyen")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-definition"


def test_the_weather_gets_an_honest_unknown(answerer: Answerer) -> None:
    assert answerer.decide("quel temps fera-t-il demain").kind == Kind.UNKNOWN


def test_an_acronym_question_is_answered_from_the_glossary(answerer: Answerer) -> None:
    decision = answerer.decide("c'est quoi la TFPB")
    assert decision.kind in (Kind.ANSWER, Kind.GLOSSARY)
    text = decision.entry.answer if decision.entry else (decision.term.meaning if decision.term else "")
    assert "foncière" in text
