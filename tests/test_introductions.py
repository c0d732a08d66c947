"""Members say who they are before they ask: their nationality ("je suis marocaine") is what some of them ask about."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)


@pytest.mark.parametrize("text", [
    "Bonjour, moi c'est Mehdi, 35 ans. Je suis marocain, je peux quand même être conseiller citoyen ?",
    "jsui tunisienne jpeu etre ds le cc",
])
def test_a_member_naming_a_foreign_nationality_is_offered_the_nationality_entry_first(
        answerer: Answerer, text: str) -> None:
    decision = answerer.decide(text)
    assert decision.candidates and decision.candidates[0].entry.id == "cc-nationalite"


def test_a_member_who_introduces_herself_then_tells_why_she_asks_is_answered_on_what_she_asks(
        answerer: Answerer) -> None:
    # Who asks (name, age, district, college) and a word of story ("Question :", "dont on parle sans arrêt")
    # must not keep the one entry of the question from being answered.
    decision = answerer.decide("Bonjour, Hervé, 49 ans, j'habite Malakoff et je suis dans le collège des habitants. "
                               "Question : cette histoire de GUSP dont on parle sans arrêt, c'est quoi ?")
    assert decision.entry is not None and decision.entry.id == "theme-gusp"
