"""Members write as they speak: a thanks that says what the help made possible, a question told as sent and
then asked after, a term named with where it happens, an apostrophe left out. The stories in the terminal chat."""

from __future__ import annotations

import pytest

from bot.app import App
from tests.conftest import first_line, reply_in_chat

CLOSE_WORDS = ("plaisir", "revoir", "Très bien")
NOT_YET_SENT = "pas encore transmis"


def test_a_thanks_that_says_what_the_help_made_possible_closes_the_conversation(app: App) -> None:
    shown = reply_in_chat(app, "merci beaucoup, grâce à vous je vais pouvoir en parler à la réunion")
    assert any(word in shown for word in CLOSE_WORDS)
    assert "équipe" not in shown


@pytest.mark.parametrize("text", ["j'ai envoyé une question hier soir, vous avez une réponse ?",
                                  "ma demande envoyée, elle en est où ?",
                                  "vous m'aviez dit qu'on me rappellerait et toujours rien"])
def test_asking_after_a_question_sent_earlier_gets_its_status(app: App, text: str) -> None:
    assert NOT_YET_SENT in reply_in_chat(app, text)


def test_a_term_named_with_the_place_where_it_happens_gets_the_definition_of_the_term(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on nous parle d'un CLAS à la MJC du quartier, c'est quoi exactement ?")
    assert "CLAS" in shown and "aide aux devoirs" in shown


def test_not_knowing_a_body_and_asking_what_it_does_gets_its_definition(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je connais pas la DILCRAH, elle fait quoi ?")
    assert "DILCRAH" in shown and "racisme" in shown


def test_asking_how_to_get_a_health_cover_for_oneself_is_oriented_not_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je voudrais avoir la complémentaire santé solidaire, je m'y prends comment ?")
    assert first_line(shown) != "Où se faire aider pour ses droits à la santé ?"
    assert "Où se faire aider pour ses droits à la santé ?" in shown


def test_an_elision_typed_without_its_apostrophe_is_read_as_one(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c koi linterconseil exactement")
    assert first_line(shown) == "Qu'est-ce que l'interconseil ?"


def test_a_bare_what_is_after_a_story_asks_the_term_the_story_names(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Les poubelles débordent et les lampes du parking sont cassées, "
                                       "la mairie nous parle de GUSP. C'est quoi ?")
    assert first_line(shown) == "Qu'est-ce que la GUSP (gestion urbaine et sociale de proximité) ?"
