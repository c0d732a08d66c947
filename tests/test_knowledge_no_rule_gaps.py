"""Three questions members asked that no text answers: belonging to two councils, having a steering committee's
minutes corrected, how early its documents must come. Each entry says plainly that no national text sets a rule,
gives what the texts do say, and stays marked for the team's review."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line, reply_in_chat

MINUTES = "Comment demander une correction du compte rendu d'un comité de pilotage du contrat de ville ?"
DOCUMENTS = "Combien de temps avant un comité de pilotage doit-on recevoir ses documents ?"
TWO_COUNCILS = "Peut-on être membre de deux conseils à la fois ?"


@pytest.mark.parametrize("entry_id", [
    "cc-membre-deux-conseils", "cdv-copil-corriger-compte-rendu", "cdv-copil-delai-documents",
])
def test_an_entry_without_a_text_behind_it_says_so_and_waits_for_review(entry_id: str) -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry(entry_id)
    assert entry is not None
    assert entry.answer.startswith("Aucun texte national ne")
    assert entry.short is not None and entry.short.startswith("Aucun texte")
    assert entry.needs_review


def test_a_representant_who_finds_the_minutes_wrong_learns_how_to_ask_for_a_correction(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "le compte rendu du dernier copil est faux, comment on le fait corriger ?")
    assert first_line(shown) == MINUTES, shown


def test_a_council_that_gets_the_file_the_day_before_learns_no_delay_is_set(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on reçoit le dossier du copil trop tard, il y a un délai minimum ?")
    assert first_line(shown) == DOCUMENTS, shown
    assert "Aucun texte ne fixe de délai" in shown


def test_a_neighbourhood_council_member_is_offered_the_two_councils_entry(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je suis au conseil de quartier, je peux aussi être au conseil citoyen ?")
    assert TWO_COUNCILS in shown, shown
