"""Members open with who they are: a name with its title as on the phone, a trade. Who writes is not a story told,
nor what is asked."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.segment import Role, split_message
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.mark.parametrize("text", [
    "Bonjour, c'est Mme Rivière, j'habite la Bottière depuis 10 ans. Mon fils voudrait venir à une réunion, il peut ?",
    "Bonsoir, c'est Monsieur Lopez. Est-ce que les réunions du conseil sont ouvertes à tout le monde ?",
    "Bonjour, c'est Madame Camara, je suis au conseil depuis 2 ans. On peut avoir un local ?",
])
def test_a_name_said_with_its_title_is_who_writes_not_a_story(text: str) -> None:
    # Mme Rivière gives her name as a neighbour would on the phone: it tells nothing of what she asks.
    named = next(s for s in split_message(text) if s.text)
    assert named.role == Role.INTRO


def test_a_titled_name_inside_the_story_stays_the_story() -> None:
    # Here Mme Petit is the person the question is about, not the one who writes.
    segments = [s for s in split_message("c'est Mme Petit qui s'occupe du local, on peut la joindre ?") if s.text]
    assert segments[0].role == Role.CONTEXT



@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)


@pytest.mark.parametrize("text", [
    "Bonjour, je suis Nadia, animatrice à la maison de quartier du Breil depuis 2020. "
    "Que peut faire le délégué du préfet pour le conseil ?",
    "Bonjour à tous, je suis Farid, adulte-relais à Malakoff depuis 2019. "
    "Le délégué du préfet, il peut faire quoi pour le conseil ?",
])
def test_a_trade_named_by_who_asks_does_not_take_the_answer_from_the_question(answerer: Answerer,
                                                                              text: str) -> None:
    # Nadia runs activities; she asks about the prefect's delegate, not about running activities. Her trade lifts
    # its own entry beside the one asked, yet her question says nothing of herself: it is answered as asked alone.
    decision = answerer.decide(text)
    assert decision.entry is not None and decision.entry.id == "cdv-delegue-prefet"
