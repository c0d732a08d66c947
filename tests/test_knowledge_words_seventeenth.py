"""Words of members (issue 11, seventeenth round): fear of speaking in a meeting, said in everyday words
("la trouille"), and elected officials who do the opposite of what the council advised. Each question is
ours, written as a member would; each is answered from the shipped knowledge."""

from __future__ import annotations

from bot.app import App
from tests.conftest import first_line, reply_in_chat

SPEAKING_UP = "Comment oser prendre la parole en réunion quand on est timide ?"


def test_a_member_afraid_of_speaking_in_a_meeting_gets_the_advice_on_speaking_up(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "parler en public me fait peur, comment faire au conseil ?")
    assert first_line(shown) == SPEAKING_UP, shown


def test_la_trouille_is_fear_for_a_member_who_dares_not_speak(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'ai la trouille de prendre la parole en réunion")
    assert first_line(shown) == SPEAKING_UP, shown



def test_a_council_whose_opinions_the_town_goes_against_learns_how_to_be_heard(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "à chaque fois les élus font l'inverse de nos avis")
    assert first_line(shown) == "Les élus ne tiennent pas compte des avis du conseil citoyen : que faire ?", shown


def test_a_council_asking_what_reso_villes_does_for_councils_gets_its_role_with_councils(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "concrètement vous faites quoi pour les conseils citoyens de la métropole ?")
    assert first_line(shown) == "Quel est le rôle de RésO Villes auprès des conseils citoyens de Nantes Métropole ?", shown
