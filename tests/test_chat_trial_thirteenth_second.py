"""What a new member met in the second chat trial of the thirteenth round, told again in our own words through
the terminal chat: "kes ke" typed for "qu'est-ce que", and a member who asks to hold the council's own meetings
another way ("faire les réunions en visio", "à une autre heure"), which is not a request for the agenda."""

from __future__ import annotations

import pytest

from bot.answering.questions import asks_what_the_council_can_do
from bot.app import App
from tests.conftest import first_line, reply_in_chat


@pytest.mark.parametrize(("text", "question"), [
    ("kes ke la politique de la ville", "Qu'est-ce que la politique de la ville ?"),
    ("kes ki se passe si je rate une reunion", None),
])
def test_kes_ke_typed_on_a_phone_asks_what_something_is(shipped_app: App, text: str, question: str) -> None:
    shown = first_line(reply_in_chat(shipped_app, text))
    assert shown == question if question else not shown.startswith("Je ne suis pas sûr")


@pytest.mark.parametrize("text", [
    "Moi je finis le travail à 19h et on se retrouve toujours à 18h. On pourrait faire la réunion à une autre heure ?",
    "bjr on peut faire nos reunions en visio cet hiver ? plein de gens sortent pas le soir",
    "On voudrait faire les réunions à un autre horaire, c'est possible ?",
])
def test_holding_the_councils_own_meetings_another_way_is_not_a_request_for_the_agenda(
        shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert "Agenda de RésO Villes" not in shown
    assert "date à confirmer" not in shown


def test_the_next_webinar_and_its_time_still_open_the_agenda(shipped_app: App) -> None:
    assert "Voici le prochain webinaire" in reply_in_chat(shipped_app, "le prochain webinaire c'est à quelle heure ?")


# --- "j'ai le droit de me plaindre, et à qui ?" asks about the story told before it -------------------------------

def test_whether_to_complain_is_asked_of_the_story_before(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Notre président coupe la parole à tout le monde et il décide tout seul depuis "
                                       "des mois, moi je n'ose plus rien dire. Je sais pas si j'ai le droit de me "
                                       "plaindre, et à qui ? J'ai peur que ça crée des histoires dans l'immeuble.")
    assert "Comment le conseil citoyen prend-il ses décisions" in shown
    assert "À qui s'adresser selon le problème" not in shown


@pytest.mark.parametrize("text", [
    "Je sais pas si j'ai le droit de me plaindre, et à qui ?",
    "on peut se plaindre ?",
    "est-ce que j'ai le droit de me plaindre a qui"])
def test_whether_and_to_whom_to_complain_names_no_subject(text: str) -> None:
    assert asks_what_the_council_can_do(text)
