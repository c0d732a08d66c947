"""A member thanks for an answer and names what it was about, counts how often she asked, asks what is new about a
question she sent, says what is on in a month in three words, or tells of an appointment at an office: the hotline
sends each message where it belongs (a close, an apology, the status, the agenda, no agenda)."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import reply_in_chat

CLOSE_WORDS = ("plaisir", "revoir", "Très bien")
AGENDA = "Agenda de RésO Villes"


def after_an_answer(app: App) -> TerminalChat:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    return chat


# --- thanks that name what the answer was about ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["merci pour les explications concernant le copil",
                                  "ok merci pour l'info sur le fonds de participation",
                                  "merci beaucoup grâce à vous je comprends mieux la politique de la ville"])
def test_thanks_naming_what_the_answer_was_about_close(app: App, text: str) -> None:
    chat = after_an_answer(app)
    shown = chat.render(chat.handle(text))
    assert any(word in shown for word in CLOSE_WORDS)
    assert "[1]" not in shown


@pytest.mark.parametrize("text", ["merci pour l'info sur le copil, et qui y va ?",
                                  "merci pour la réponse sur le copil mais je voudrais savoir qui vote"])
def test_thanks_naming_a_topic_that_still_ask_are_no_close(text: str) -> None:
    assert Act.THANKS not in detect(text)


# --- an ordinal written with its figure ----------------------------------------------------------------------

def test_the_third_time_asked_written_3e_is_a_complaint(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est la 4e fois que je pose la même question")
    assert "désolé" in shown and "Poser la question à l'équipe" in shown


# --- what is new about a question sent -----------------------------------------------------------------------

def test_a_question_sent_then_is_there_anything_new_asks_its_status() -> None:
    assert Act.STATUS in detect("j'ai envoyé une question sur les subventions lundi matin avant la réunion, "
                                "il y a du nouveau ?")


# --- a month and "what" --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["en avril il y a quoi ?", "et en juin y a quoi"])
def test_a_month_and_what_alone_is_the_agenda(shipped_app: App, text: str) -> None:
    assert AGENDA in reply_in_chat(shipped_app, text)


# --- an appointment at an office -----------------------------------------------------------------------------

def test_an_office_giving_no_appointment_next_month_is_no_agenda_question(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "mon passeport est périmé et la mairie me donne un rendez-vous que le mois "
                                       "prochain, c'est trop long")
    assert AGENDA not in shown


def test_a_meeting_on_a_council_topic_next_month_is_still_the_agenda(shipped_app: App) -> None:
    assert AGENDA in reply_in_chat(shipped_app, "il y a une rencontre sur le logement le mois prochain ?")
