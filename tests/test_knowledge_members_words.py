"""Everyday words of members that the knowledge missed (issue 11, knowledge side, eleventh round): an elected
official who sits in every meeting, the tram ticket to the steering committee, "la sécu", being called names in a
meeting, whether the lottery is still required, training for newcomers, which announcements /abonnements can sort.
Each question is ours, written as a member would; each is answered from the shipped knowledge."""

from __future__ import annotations

import pytest

from bot.app import App
from tests.conftest import first_line, reply_in_chat


@pytest.mark.parametrize(("question", "entry_question"), [
    ("un adjoint de la mairie vient à toutes nos séances, il peut être membre ?",
     "Un élu ou un agent de la mairie peut-il être membre du conseil citoyen ?"),
    ("j'ai payé le tram pour aller au comité de pilotage, c'est remboursé ?",
     "Les conseillers citoyens sont-ils payés ou remboursés de leurs frais ?"),
    ("un conseiller m'a traitée d'idiote en pleine séance, à qui je le dis ?",
     "Quelqu'un du conseil me manque de respect ou tient des propos blessants : à qui le dire ?"),
    ("y a-t-il une formation pour les nouveaux conseillers citoyens ?",
     "Existe-t-il des formations pour les membres des conseils citoyens ?"),
    ("il y a des cours pour les conseillers citoyens ?",  # lessons are training, in everyday words
     "Existe-t-il des formations pour les membres des conseils citoyens ?"),
    ("on est trop jeunes pour participer aux réunions du conseil citoyen ?",  # their age, not bringing the young in
     "Peut-on être membre d'un conseil citoyen quand on est jeune ou mineur ?"),
])
def test_a_member_asking_in_everyday_words_gets_the_entry_that_answers(
        shipped_app: App, question: str, entry_question: str) -> None:
    shown = reply_in_chat(shipped_app, question)
    assert first_line(shown) == entry_question, shown


def test_asking_whether_the_lottery_is_still_required_is_not_told_how_it_works(shipped_app: App) -> None:
    # The two entries share "tirer au sort"; the question of the rule is the one of the 2024 decree.
    shown = reply_in_chat(shipped_app, "on est toujours obligés de tirer des habitants au sort ?")
    assert first_line(shown) == "Le tirage au sort est-il encore obligatoire ?", shown
    assert "2024" in shown


def test_a_member_who_wants_only_the_interconseils_learns_the_topics_are_broad_and_the_agenda_filters(
        shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je veux les annonces des interconseils mais plus celles des formations")
    assert first_line(shown) == "Comment choisir les annonces que je reçois du bot ?", shown
    assert "/abonnements" in shown and "/agenda" in shown


def test_a_feeling_is_not_printing_and_the_secu_is_health_insurance(shipped_app: App) -> None:
    normalizer = shipped_app.faq.answerer.normalizer
    printing = set(normalizer.analyze("photocopies").tokens)
    assert not printing & set(normalizer.analyze("j'ai l'impression que le conseil ne sert à rien").tokens)
    insurance = set(normalizer.analyze("assurance maladie").tokens)
    assert insurance <= set(normalizer.analyze("mes papiers de la sécu").tokens)
    assert insurance <= set(normalizer.analyze("la sécurité sociale").tokens)


def test_civil_servants_of_the_town_are_its_agents_not_candidates(shipped_app: App) -> None:
    # « fonctionnaires municipaux » once pulled the entry on municipal elections; they are the town's agents.
    shown = reply_in_chat(shipped_app, "les fonctionnaires municipaux peuvent faire partie du conseil citoyen ?")
    assert "[1] Un élu ou un agent de la mairie" in shown, shown


def test_declining_a_lottery_draw_is_refusing_it(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "est-il possible de décliner quand le sort vous a désigné ?")
    assert first_line(shown) == "J'ai été tiré au sort : suis-je obligé d'accepter ?", shown
