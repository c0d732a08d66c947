"""Knowledge side, gaps from a members' trial: the town hall deciding alone, the yearly report on the
politique de la ville the councils are consulted on, the public sessions of the municipal council, who writes
a meeting's minutes and whether a council must hold a general meeting. Each is answered from the shipped
knowledge, with the real text it rests on."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line


def test_a_council_left_out_of_a_town_hall_decision_learns_the_decision_is_the_elected_members(
    shipped_app: App,
) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("la mairie a décidé toute seule pour le quartier sans nous consulter, elle avait le droit ?"))
    assert first_line(shown) == (
        "La mairie a pris une décision pour le quartier sans consulter le conseil citoyen : en avait-elle le droit ?"
    )


def test_the_town_hall_answer_rests_on_the_co_construction_of_article_1_and_promises_no_veto() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cdv-mairie-decide-sans-avis")
    assert entry is not None
    assert "La décision appartient aux élus" in entry.answer
    assert "Aucun texte national n'oblige la mairie" in entry.answer
    assert "article 1 (coconstruction avec les habitants)" in entry.source


def test_a_president_asked_for_a_yearly_report_learns_the_councils_are_consulted_on_the_towns_one(
    shipped_app: App,
) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on a reçu le projet de rapport politique de la ville pour avis, c'est quoi ?"))
    assert first_line(shown).startswith("Qu'est-ce que le rapport annuel sur la politique de la ville")


def test_the_yearly_report_rests_on_the_2015_decree_and_stays_for_review() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cdv-rapport-annuel")
    assert entry is not None
    assert "consultés sur le projet de rapport" in entry.answer
    assert entry.source.startswith("Décret n° 2015-1118 du 3 septembre 2015")
    assert "L. 1111-2" in entry.source
    # Read from the 2015 decree's summaries, not from the article as in force today: staff re-read it.
    assert entry.needs_review


def test_a_member_wanting_to_speak_at_the_municipal_council_learns_the_public_listens(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est-ce que je peux aller au conseil municipal et poser une question aux élus ?"))
    assert first_line(shown) == (
        "Les membres du conseil citoyen peuvent-ils assister au conseil municipal et y poser des questions ?"
    )
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-conseil-municipal-public")
    assert entry is not None
    assert "Le public écoute sans intervenir" in entry.answer
    assert "article L. 2121-18" in entry.source


def test_a_new_member_asking_who_writes_the_minutes_is_told_the_charter_decides(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("qui doit écrire le compte rendu de nos réunions ?"))
    assert first_line(shown) == "Qui écrit le compte rendu des réunions du conseil citoyen, et à qui faut-il l'envoyer ?"
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-compte-rendu")
    assert entry is not None
    assert "Aucun texte national ne dit qui écrit le compte rendu" in entry.answer
    assert "/modeles" in entry.answer


def test_a_council_asking_about_a_yearly_general_meeting_learns_no_law_requires_one(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est-ce qu'on doit faire une assemblée générale chaque année dans notre conseil ?"))
    assert first_line(shown) == "Notre conseil citoyen doit-il tenir une assemblée générale ?"
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-assemblee-generale")
    assert entry is not None
    assert "la loi ne l'oblige pas non plus" in entry.answer
    assert "ce sont ses statuts qui le prévoient" in entry.answer
    assert "question écrite n° 20937" in entry.source
