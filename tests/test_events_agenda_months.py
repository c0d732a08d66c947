"""A member asks the agenda about a month, on 27 November 2026, in the terminal chat (a trial's findings).

"ya quoi comme evenement en decembre" lists December's events only, and keeps those announced for a period
that takes in December, marked "date à confirmer"; a month with nothing says so and shows what comes next;
a month already past says those events took place, with their date. And "comment j'annule" from a member
with registrations brings, under the how-to, the registrations to cancel.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.events.periods import asked_period
from tests.support.events import register

NOVEMBER_27 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def press(chat: TerminalChat, shown: str, label_part: str) -> str:
    """Types the number of the button whose label holds `label_part`, as the member would."""
    number = re.search(rf"\[(\d+)\] [^\n]*{re.escape(label_part)}", shown)
    assert number is not None, shown
    return chat.render(chat.handle(number.group(1)))


@pytest.mark.parametrize(("words", "label"), [
    ("en decembre", "décembre 2026"),
    ("la journee de septembre", "septembre 2026"),  # two months back: the one just past
    ("en janvier", "janvier 2027"),  # two months ahead: the one to come
    ("en mai", "mai 2027"),  # half a year either way: the one to come
    ("le mois prochain", "décembre 2026"),
    ("ce mois ci", "novembre 2026"),
    ("en juin 2026", "juin 2026"),
])
def test_a_month_named_without_a_year_is_its_nearest_occurrence(words: str, label: str) -> None:
    period = asked_period(words.split(), date(2026, 11, 27))
    assert period is not None and period.label == label


def test_a_question_without_a_month_names_no_period() -> None:
    assert asked_period(["c", "est", "quand", "le", "prochain", "interconseil"], date(2026, 11, 27)) is None


def test_asking_what_happens_in_december_lists_decembers_events_only(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("ya quoi comme evenement en decembre"))
    assert "Agenda de RésO Villes — décembre 2026" in shown
    # announced for a quarter or a half-year that takes in December: kept, and marked as not dated
    assert "Inter-conseil du 4e trimestre" in shown and "date à confirmer (4e trimestre 2026)" in shown
    assert "Journée régionale « Transitions solidaires »" in shown
    assert "période annoncée tombe, même en partie, en décembre 2026" in shown
    # announced for November or for the autumn: not December's
    assert "Journée de clôture du cycle enfance" not in shown
    assert "Journée GUSP de l'automne" not in shown
    assert "Suivants" not in shown  # the month's events all on one page


def test_what_happens_in_a_month_is_asked_of_the_agenda(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("qu'est-ce qu'il se passe en decembre"))
    assert "Agenda de RésO Villes — décembre 2026" in shown


def test_a_month_with_nothing_planned_says_so_and_shows_what_comes_next(shipped_app: App,
                                                                        clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("quels webinaires en janvier ?"))
    assert "Aucun événement (webinaires) n'est prévu en janvier 2027 pour le moment." in shown
    assert "Voici ce qui vient ensuite :" in shown
    assert "Webinaire GUSP du 2nd semestre" in shown


def test_asking_about_septembers_big_day_in_nantes_says_it_took_place(shipped_app: App,
                                                                      clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("la grande journée de septembre à Nantes"))
    assert "Septembre 2026 est passé. Voici ce qui a déjà eu lieu (journées) :" in shown
    assert ("• jeudi 24 septembre 2026 — Rencontre interrégionale de la politique de la ville et assemblée "
            "générale de RésO Villes — Nantes") in shown
    assert shown.index("Septembre 2026 est passé") < shown.index("Voici ce qui vient ensuite :")
    assert "Journée régionale « Transitions solidaires »" in shown  # what comes next


def test_she_cannot_come_on_the_24th_and_the_how_to_brings_her_registration_to_cancel(
        shipped_app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 9, 18, 9, 0, tzinfo=UTC))
    chat = TerminalChat(shipped_app.hotline)
    register(shipped_app, chat.sender, "journee-politique-de-la-ville-2026", council="-")
    shown = chat.render(chat.handle("je pourrai pas venir le 24, comment j'annule"))
    assert "Comment annuler mon inscription à un événement ?" in shown
    assert "Vos inscriptions" in shown and "jeudi 24 septembre 2026" in shown
    event_card = press(chat, shown, "📅 Rencontre interrégionale")
    done = press(chat, event_card, "Annuler mon inscription")
    assert "Rencontre interrégionale de la politique de la ville" in done
    assert "Vos inscriptions" not in chat.render(chat.handle("comment j'annule mon inscription ?"))


def test_without_registrations_the_how_to_comes_alone(shipped_app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 9, 18, 9, 0, tzinfo=UTC))
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je pourrai pas venir le 24, comment j'annule"))
    assert "Comment annuler mon inscription à un événement ?" in shown and "Vos inscriptions" not in shown


def test_a_past_month_without_events_says_nothing_was_planned_then(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("il y a des formations en octobre ?"))
    assert "Octobre 2026 est passé : aucun événement (formations) n'était prévu en octobre 2026." in shown
    assert "Voici ce qui vient ensuite :" in shown
