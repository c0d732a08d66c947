"""Worries of a new member that the knowledge did not answer (coverage round, issue 11): daring to speak, elected
officials who ignore the council's opinions, asking the resource centre to come to a meeting, the 2026 study on the
vote. Each is answered from the shipped knowledge, with what the centre's programme and the texts say."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import first_line


def test_a_shy_member_learns_how_to_dare_to_speak_in_a_meeting(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je suis trop timide pour prendre la parole en réunion, comment je fais ?"))
    assert first_line(shown) == "Comment oser prendre la parole en réunion quand on est timide ?", shown
    assert "tour de parole" in shown


def test_a_council_whose_opinions_are_ignored_hears_of_the_steering_committee_and_a_written_answer(
        shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("les élus ne nous écoutent jamais, à quoi ça sert ?"))
    assert first_line(shown) == "Les élus ne tiennent pas compte des avis du conseil citoyen : que faire ?", shown
    assert "réponse écrite" in shown
    assert "comité de pilotage" in shown


def test_asking_the_centre_to_come_to_a_meeting_gets_the_limits_of_its_offer(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est-ce que quelqu'un de RésO Villes peut venir à notre réunion de mardi ?"))
    assert first_line(shown) == "L'équipe de RésO Villes peut-elle se déplacer à nos réunions ?", shown
    assert "Pas à toutes" in shown


def test_the_town_hall_sitting_in_gets_the_elected_officials_at_meetings_answer_not_the_centre_coming(
        shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("la mairie veut assister à nos réunions"))
    assert first_line(shown) == "Le maire ou un élu a-t-il sa place aux réunions du conseil citoyen ?", shown
    assert "L'équipe de RésO Villes peut-elle se déplacer" not in first_line(shown)


def test_the_study_on_the_vote_is_the_2026_programme_not_the_data_hub(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c'est quoi cette étude sur le vote dans les quartiers ?"))
    assert first_line(shown) == (
        "Existe-t-il une étude sur le vote et les élections dans les quartiers prioritaires ?"), shown
    assert "2027" in shown


def test_a_member_who_wants_to_register_is_not_told_how_to_see_her_registrations(shipped_app: App) -> None:
    # "mes inscriptions" and "m'inscrire" read the same once lemmatised: a phrasing of the registrations list made
    # of that one word alone matched "je veux m'inscrire" fully, and e5 then backed it as the answer.
    answerer = shipped_app.faq.answerer
    entry = answerer.kb.entry("event-mes-inscriptions")
    assert entry is not None
    alone = answerer.normalizer.analyze("je veux m'inscrire").tokens
    assert all(answerer.normalizer.analyze(p).tokens != alone for p in (entry.question, *entry.alternates))
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je veux m'inscrire"))
    assert first_line(shown) != "Comment voir les événements auxquels je suis inscrit ?", shown
    assert "Comment m'inscrire à un événement avec le bot ?" in shown
