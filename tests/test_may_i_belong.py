"""A member asking whether she may be or join a council (issue 11, small misreadings, thirteenth round): "je peux
encore être conseiller citoyen ?" asks whether she may, not what a council is. The term she names is no request
for its definition once "je peux" / "j'ai le droit de" comes before a verb of belonging."""

from __future__ import annotations

import pytest

from bot.app import App
from tests.conftest import first_line, reply_in_chat

_DEFINITION = "Groupe d'habitants et d'acteurs locaux"


@pytest.mark.parametrize("question", [
    "Marc, 70 ans, je peux encore etre conseiller citoyen ?",
])
def test_a_member_asking_whether_she_may_join_is_not_given_the_glossary_line(shipped_app: App, question: str) -> None:
    shown = reply_in_chat(shipped_app, question)
    assert _DEFINITION not in shown, shown


def test_a_member_asking_what_a_council_is_still_gets_what_it_is(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est quoi un conseil citoyen ?")
    assert "conseil citoyen" in shown.lower()
    assert "indépendant" in shown or _DEFINITION in shown or "Qu'est-ce qu'un conseil citoyen" in shown, shown


def test_a_member_asking_whether_she_may_take_part_is_not_told_how_to_bring_young_people_in(shipped_app: App) -> None:
    # "faire participer les jeunes" is mobilising others; "je peux participer" is her own place.
    shown = reply_in_chat(shipped_app, "et moi je peux participer ?")
    assert "Comment faire participer les jeunes" not in shown.splitlines()[0], shown
    assert "Comment faire participer les jeunes" not in shown.split("\n\n")[0], shown


def test_a_resident_asking_whether_she_may_take_part_in_meetings_learns_they_are_open(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "bonjour je pourrais participer aux réunions du conseil ?")
    open_meetings = "Un habitant qui n'est pas membre peut-il assister aux"
    assert open_meetings in first_line(shown) or f"[1] {open_meetings}" in shown, shown


def test_a_council_asked_to_step_in_for_one_family_s_housing_learns_it_does_not_handle_personal_files(
        shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "une voisine nous demande de l'aide pour son logement, le conseil peut "
                                       "intervenir ?")
    assert first_line(shown) == "Attribution des logements sociaux : que peut faire le conseil citoyen ?", shown


@pytest.mark.parametrize(("question", "entry_question"), [
    ("comment faire entendre notre avis sur les travaux de rénovation du quartier ?",
     "Comment donner concrètement notre avis sur le projet de renouvellement urbain (la rénovation du quartier) ?"),
    ("on a une place au comité du projet de rénovation urbaine ?",
     "Le conseil citoyen participe-t-il aux décisions sur la rénovation de son quartier ?"),
])
def test_the_two_renewal_entries_each_answer_their_own_kind_of_question(
        shipped_app: App, question: str, entry_question: str) -> None:
    shown = reply_in_chat(shipped_app, question)
    assert first_line(shown) == entry_question, shown
