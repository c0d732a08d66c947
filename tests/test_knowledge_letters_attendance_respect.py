"""Gaps members hit (issue 11, knowledge side, twelfth round): a letter sent in the council's name, whether one
must come to every meeting, a council member who shouts or makes racist or sexist remarks, the renewal project
(the council's right to a seat versus how residents give their opinion), and money for a council without a legal
status. Each question is ours, written as a member would; each is answered from the shipped knowledge."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line, reply_in_chat

LETTER = "Comment écrire un courrier au nom du conseil citoyen, et qui le signe ?"
ATTENDANCE = "Dois-je venir à toutes les réunions du conseil citoyen ?"
RESPECT = "Quelqu'un du conseil me manque de respect ou tient des propos blessants : à qui le dire ?"
RENEWAL_RIGHT = "Le conseil citoyen participe-t-il aux décisions sur la rénovation de son quartier ?"
RENEWAL_HOW = "Comment donner concrètement notre avis sur le projet de renouvellement urbain (la rénovation du quartier) ?"
MONEY = "Un conseil citoyen sans statut peut-il recevoir une subvention ou de l'argent ?"


@pytest.mark.parametrize("message", [
    "on voudrait envoyer un courrier au maire pour tout le conseil, qui le signe ?",
    "faut-il que le conseil vote avant qu'on écrive au maire ?",
])
def test_a_council_writing_to_the_mayor_learns_who_signs_and_that_it_decides_together(
        shipped_app: App, message: str) -> None:
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown) == LETTER, shown
    assert "compte rendu" in shown


def test_the_letter_answer_sends_a_serious_matter_for_the_prefect_to_the_right_of_interpellation() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-ecrire-au-nom-du-conseil")
    assert entry is not None
    assert "droit d'interpellation (loi du 27 janvier 2017)" in entry.answer
    assert "fonct-droit-interpellation" in entry.related


@pytest.mark.parametrize("message", [
    "je suis obligée de venir à toutes les réunions du conseil ?",
    "j'ai raté plusieurs réunions, est-ce que je risque d'être virée du conseil ?",
    "je peux pas venir jeudi, quelqu'un peut me remplacer à la réunion ?",
])
def test_a_member_who_misses_meetings_hears_the_charter_sets_the_rule(shipped_app: App, message: str) -> None:
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown) == ATTENDANCE, shown
    assert "charte" in shown


def test_the_attendance_answer_links_exclusion_and_resigning_both_ways() -> None:
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE)
    attendance = knowledge.entry("fonct-presence-reunions")
    assert attendance is not None
    assert {"fonct-exclusion", "cc-demissionner"} <= set(attendance.related)
    for other in ("fonct-exclusion", "cc-demissionner"):
        entry = knowledge.entry(other)
        assert entry is not None and "fonct-presence-reunions" in entry.related, other


@pytest.mark.parametrize("message", [
    "un conseiller m'a crié dessus devant tout le monde",
    "un membre du conseil a fait une remarque raciste sur moi pendant la réunion",
    "un conseiller fait des blagues sexistes sur les femmes du groupe",
])
def test_shouting_or_racist_or_sexist_remarks_inside_the_council_get_the_respect_answer(
        shipped_app: App, message: str) -> None:
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown) == RESPECT, shown


@pytest.mark.parametrize("message", [
    "je suis victime de racisme dans mon quartier, qui contacter ?",
    "au travail mon chef me fait des remarques racistes, qui peut m'aider ?",
])
def test_racism_from_outside_the_council_still_gets_the_discrimination_answer(shipped_app: App, message: str) -> None:
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown) == "Que faire si je suis victime ou témoin d'une discrimination ?", shown


def test_asking_how_to_give_an_opinion_on_the_renovation_gets_the_practical_ways(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "de quelle manière on peut faire connaître notre avis sur la rénovation du quartier ?")
    assert first_line(shown) == RENEWAL_HOW, shown
    assert "maison du projet" in shown


def test_asking_whether_the_council_has_a_seat_in_the_renewal_bodies_gets_the_law(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "le conseil a-t-il le droit de siéger dans les instances de la rénovation urbaine ?")
    assert first_line(shown) == RENEWAL_RIGHT, shown


def test_the_two_renewal_entries_point_to_each_other() -> None:
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE)
    right, how = knowledge.entry("cdv-renouvellement-urbain"), knowledge.entry("theme-renouvellement-participer")
    assert right is not None and how is not None
    assert how.id in right.related and right.id in how.related


def test_a_council_without_status_that_wants_money_learns_it_goes_through_an_association(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on n'a aucun statut, est-ce qu'il faut devenir une asso pour toucher des sous ?")
    # Two entries answer it (money without a status, and whether to become an association): money first, the
    # other one tap away (answered beside its button, or both offered, as the classifier reads the question).
    assert MONEY[:40] in shown and "Le conseil citoyen doit-il être une" in shown, shown
    assert shown.index(MONEY[:40]) < shown.index("Le conseil citoyen doit-il être une"), shown
    money = load_knowledge(SHIPPED_KNOWLEDGE).entry("moyens-subvention-sans-association")
    assert money is not None and ("structure porteuse" in money.answer or "porte votre conseil" in money.answer)
