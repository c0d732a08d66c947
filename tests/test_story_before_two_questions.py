"""A member tells the situation once, then asks two questions about it: the second question is read with that story
too ("…on peut encore donner notre avis ?" is about the renovation told before the first question)."""

from __future__ import annotations

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


def test_the_second_question_is_read_with_the_story_told_before_the_first() -> None:
    answerer = Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)
    decision = answerer.decide("Bonjour, je m'appelle Rachida, je suis au conseil citoyen de Bellevue depuis le "
                               "printemps. La mairie nous a envoyé un gros dossier sur la rénovation des tours, plein "
                               "de sigles, personne n'y comprend rien. Qui peut nous l'expliquer avec des mots simples ? "
                               "Et est-ce qu'on peut donner notre avis avant que tout soit décidé ?")
    # The entry on giving one's opinion on a renovation answers the second question (and may answer both).
    given = [decision] if decision.kind == Kind.ANSWER else list(decision.parts)
    assert "theme-renouvellement-participer" in {(d.entry or d.candidates[0].entry).id for d in given}
