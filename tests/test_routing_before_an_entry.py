"""A member asks something an entry answers, but a word on the way looks like another place: "quand même" looks like
"when", "seulement les dates" like a request for dates, "on sert à rien" like anger at the hotline, "madame ou
monsieur" like a question ("où"), "c'est une machine qui invente ?" like a wish for a person, a wait told before a
question like "where is my question", "quelqu'un de la mairie" like a wish for one of us, "est à confirmer, ça signifie
quoi" like a request for a date, "le repas est annulé ?" like cancelling one's registration, a passage where the council
"gagne en assurance" like an answer to "combien gagne…". The message goes where it belongs before any entry is
chosen."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answering.acts import Act, detect
from bot.answering.decision import Kind
from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from tests.conftest import FIXTURE_KNOWLEDGE, first_line, reply_in_chat

AGENDA = "Agenda de RésO Villes"
CLOSE_WORDS = ("plaisir", "revoir", "Très bien")


# --- "quand même" is "anyway", not "when" --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["la formation affiche complet, je m'inscris quand même ?",
                                  "c'est plein pour la rencontre, on peut passer quand meme ?"])
def test_coming_anyway_to_a_full_event_is_the_entry_on_full_events(shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert AGENDA not in shown
    assert first_line(shown) == "Que faire si un événement est complet ?"


def test_when_the_next_training_is_still_asks_the_agenda(shipped_app: App) -> None:
    assert AGENDA in reply_in_chat(shipped_app, "la prochaine formation c'est quand ?")


# --- dates narrowed among what the bot sends -----------------------------------------------------------------

def test_receiving_only_the_dates_is_a_setting_of_the_announcements(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je reçois plein d'annonces, je voudrais recevoir uniquement les horaires "
                                       "des formations")
    assert AGENDA not in shown
    assert "Comment choisir les annonces que je reçois du bot ?" in shown


def test_the_dates_of_the_trainings_are_still_the_agenda(shipped_app: App) -> None:
    assert AGENDA in reply_in_chat(shipped_app, "vous avez les dates des prochaines formations ?")


# --- the council doubting its own use ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["on a proposé un banc devant l'école et la ville n'a rien fait, on sert à rien",
                                  "nous on sert à rien, nos avis finissent à la poubelle"])
def test_the_council_saying_it_is_useless_is_no_anger_at_the_hotline(text: str) -> None:
    assert Act.FRUSTRATION not in detect(text)


def test_telling_the_hotline_it_is_useless_is_still_anger() -> None:
    assert Act.FRUSTRATION in detect("franchement tu sers à rien")


# --- the reproach holds what was asked -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ça fait deux fois que j'écris ici et toujours pas de bonne réponse",
                                  "vous répondez jamais à ce que j'écris, je perds mon temps"])
def test_a_reproach_naming_the_question_asked_gets_an_apology_not_an_entry(shipped_app: App, text: str) -> None:
    decision = shipped_app.faq.answerer.decide(text)
    assert (decision.kind, decision.act) == (Kind.ACT, Act.FRUSTRATION)


def test_how_long_before_a_real_answer_is_still_a_question() -> None:
    assert Act.FRUSTRATION not in detect("il faut combien de temps pour avoir une vraie réponse de l'équipe ?")


# --- the formal address --------------------------------------------------------------------------------------

def test_thanks_to_madame_or_monsieur_close_the_exchange(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Merci beaucoup madame ou monsieur, je vais le dire à mes voisins.")
    assert any(word in shown for word in CLOSE_WORDS)
    assert Act.THANKS in detect("Merci mesdames et messieurs, je vais en parler à la réunion")


def test_a_thanks_to_madame_that_asks_where_still_asks() -> None:
    assert Act.THANKS not in detect("merci madame, et vous êtes où exactement")


# --- doubting the answers is no wish for a person ------------------------------------------------------------

def test_asking_whether_a_machine_makes_up_the_answers_asks_about_their_reliability(shipped_app: App) -> None:
    text = "vos réponses sont contrôlées par l'équipe ou c'est un programme qui peut se tromper ?"
    assert Act.HUMAN not in detect(text)
    assert first_line(reply_in_chat(shipped_app, text)) == "Les réponses du bot sont-elles fiables ?"


@pytest.mark.parametrize("text", ["c'est un robot ou une personne qui me répond ?", "vous êtes une machine ?"])
def test_asking_whether_a_machine_answers_still_asks_for_a_person(text: str) -> None:
    assert Act.HUMAN in detect(text)


# --- a wait told, then a question of its own -----------------------------------------------------------------

def test_a_wait_told_then_how_long_it_usually_takes_is_answered(shipped_app: App) -> None:
    decision = shipped_app.faq.answerer.decide("J'ai écrit à l'équipe il y a dix jours et personne ne m'a répondu. "
                                               "Il est normal d'attendre aussi longtemps ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "hotline-delai"


def test_a_wait_told_then_is_it_normal_still_asks_where_the_question_is(shipped_app: App) -> None:
    decision = shipped_app.faq.answerer.decide("J'ai écrit à l'équipe lundi et personne ne m'a répondu. C'est normal ?")
    assert (decision.kind, decision.act) == (Kind.ACT, Act.STATUS)


# --- a count is answered with a figure -----------------------------------------------------------------------

@pytest.fixture
def passage_app(make_settings: Callable[..., Settings], tmp_path: Path, clock: ManualClock) -> App:
    """The test knowledge, with a practical sheet whose passage on speaking up gives no figure."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, knowledge)
    (knowledge / "docs" / "prendre-la-parole.md").write_text(
        "---\nid: prendre-la-parole\ntitle: Prendre la parole\nsource: RésO Villes (fiche pratique)\n"
        "reviewed: 2026-11-22\n---\n## Gagner en assurance\n"
        "Le trésorier gagne en assurance quand il prépare ses notes avant la séance.\n", encoding="utf-8")
    return build_app(make_settings(knowledge=knowledge), clock=clock)


def test_a_passage_without_a_figure_does_not_answer_how_much(passage_app: App) -> None:
    decision = passage_app.answerer.decide("combien gagne le trésorier pour une séance ?")
    assert decision.kind != Kind.PASSAGE


def test_the_same_passage_still_answers_how(passage_app: App) -> None:
    decision = passage_app.answerer.decide("comment le trésorier gagne en assurance ?")
    assert decision.kind == Kind.PASSAGE


# --- what "à confirmer" means --------------------------------------------------------------------------------

def test_what_an_unconfirmed_date_means_is_no_agenda_question(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "la date de l'interconseil d'automne est à confirmer, ça signifie quoi ?")
    assert AGENDA not in shown
    assert "Que veut dire « date à confirmer » sur un événement ?" in shown


def test_whether_the_next_event_is_unconfirmed_is_still_the_agenda(shipped_app: App) -> None:
    assert AGENDA in reply_in_chat(shipped_app, "la prochaine formation est à confirmer ?")


# --- a person of another office ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["je voudrais parler à quelqu'un du bailleur pour les caves, je fais comment ?",
                                  "on aimerait discuter avec un responsable de la métropole, c'est qui ?"])
def test_wanting_someone_of_another_office_is_no_request_for_our_team(text: str) -> None:
    assert Act.HUMAN not in detect(text)


def test_wanting_someone_of_the_team_still_asks_for_a_person() -> None:
    assert Act.HUMAN in detect("je voudrais parler à quelqu'un de l'équipe")


# --- whether someone else's event is called off --------------------------------------------------------------

@pytest.mark.parametrize("text", ["le repas de quartier est annulé ?", "la kermesse de l'école elle est annulée ?"])
def test_whether_an_event_of_others_is_called_off_gets_no_sure_answer(shipped_app: App, text: str) -> None:
    decision = shipped_app.faq.answerer.decide(text)
    assert decision.kind != Kind.ANSWER


def test_cancelling_ones_own_registration_is_still_answered(shipped_app: App) -> None:
    decision = shipped_app.faq.answerer.decide("comment j'annule mon inscription à la formation ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "event-annuler"
