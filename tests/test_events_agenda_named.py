"""A member asks when one event takes place, named as people say it, on 27 November 2026 (a trial's findings).

A title that joins two things names each one: the interregional meeting "et assemblée générale de RésO
Villes" is asked as "l'assemblée générale"; the book launch "« Un oiseau persan »" as "la soirée de lancement
du livre". Asked when, both reach the agenda (the event's card). "Ça débute quand et y en aura combien ?" about a
webinar series asks for dates (not how long a city contract lasts), whatever else it asks: its cards; and "le
programme de la semaine prochaine", typed as an SMS, is the agenda too.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.answering.normalize import words
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.events.event_words import event_names
from bot.events.intent import agenda_intent
from tests.conftest import reply_in_chat

NOVEMBER_27 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
TITLES = ("Rencontre interrégionale de la politique de la ville et assemblée générale de RésO Villes",
          "Soirée de lancement du livre « Un oiseau persan : d'Ahwaz à Nantes, itinéraire d'une femme libre »")


@pytest.mark.parametrize("question", [
    "l'assemblée générale de RésO Villes, elle se tient quand cette fois ?",
    "on peut savoir quand se fait la soirée de lancement du livre ?",
])
def test_one_part_of_a_title_names_the_event(question: str) -> None:
    assert agenda_intent(words(question), event_names(TITLES, words)) is not None


def test_one_word_of_a_title_names_nothing() -> None:
    assert agenda_intent(words("c'est quand qu'on parle du livre ?"), event_names(TITLES, words)) is None


def test_the_assembly_asked_when_reaches_the_agenda(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    shown = reply_in_chat(shipped_app, "l'assemblée générale de RésO Villes, elle se tient quand cette fois ?")
    assert "et assemblée générale de RésO Villes" in shown and "24 septembre 2026" in shown  # its card


def test_when_a_webinar_series_starts_and_how_many_sessions_is_the_agenda(shipped_app: App,
                                                                         clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("les visios sur l'évaluation du contrat de ville, ça débute quand et y en "
                                    "aura combien ?"))
    # All five are over on 27 November: the latest one's card, a button to each of the four others.
    assert "Évaluation des contrats de ville (5/5)" in shown and "Évaluation des contrats de ville (1/5)" in shown


def test_the_programme_of_next_week_typed_as_an_sms_is_the_agenda(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    shown = reply_in_chat(shipped_app, "c koi le programme de la semaine prochaine")
    assert "Agenda de RésO Villes" in shown


@pytest.mark.parametrize("text", ["vous avez des choses prévues en avril ?", "vous avez prévu des choses cet été ?",
                                  "qu'est ce que vous prévoyez pour la rentrée", "vous avez des trucs en juin ?"])
def test_asking_what_the_centre_has_planned_for_a_time_is_the_agenda(text: str) -> None:
    # Josette plans her spring: what RésO Villes has planned then is its agenda.
    assert agenda_intent(words(text)) is not None


@pytest.mark.parametrize("text", ["on a prévu une fête en juin, on doit prévenir la mairie ?",
                                  "vous avez prévu quoi pour les nouveaux membres ?"])
def test_the_members_own_plans_or_a_plan_without_a_time_is_no_agenda(text: str) -> None:
    assert agenda_intent(words(text)) is None
