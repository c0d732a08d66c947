"""A member names an inter-conseil by its quarter, as the programme titles them ("Inter-conseil du 2e trimestre"),
on 10 January 2026, when no date is fixed yet.

"je veux m'inscrire à l'inter-conseil du deuxième trimestre" got choices of entries: numbers are not naming words
of a title, and "inter-conseil" written in two words named no kind of event. Now the quarter asked names that
event: to register or for its places, its card; asked whether there is one, the agenda of that quarter.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.answering.normalize import words
from bot.app import App
from bot.clock import ManualClock
from bot.events.event_words import kind_from_text
from bot.events.periods import asked_period
from tests.conftest import reply_in_chat

JANUARY_10 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("said", "marker"), [
    ("l'inter-conseil du deuxième trimestre", "2026-T2"), ("celui du 1er trimestre", "2026-T1"),
    ("au 3eme trimestre", "2026-T3"), ("le dernier trimestre", "2026-T4"), ("le second trimestre", "2026-T2"),
])
def test_a_quarter_asked_in_january_is_this_years(said: str, marker: str) -> None:
    period = asked_period(words(said), date(2026, 1, 10))
    assert period is not None and period.marker == marker


def test_a_quarter_already_over_is_next_years() -> None:
    period = asked_period(words("l'inter-conseil du premier trimestre"), date(2026, 11, 27))
    assert period is not None and period.marker == "2027-T1"


def test_inter_conseil_in_two_words_names_the_kind() -> None:
    assert kind_from_text(tuple(words("l'inter conseil du mois prochain"))) == "interconseil"


def test_registering_for_the_second_quarters_inter_conseil_shows_its_card(shipped_app: App,
                                                                        clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    shown = reply_in_chat(shipped_app, "je veux m'inscrire à l'inter-conseil du deuxième trimestre")
    assert "Inter-conseil du 2e trimestre" in shown and "date à confirmer (2e trimestre 2026)" in shown
    assert "1er trimestre" not in shown and "Vouliez-vous dire" not in shown


def test_places_left_at_the_first_quarters_one_shows_its_card(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    shown = reply_in_chat(shipped_app, "il reste de la place pour l'inter conseil du premier trimestre ?")
    assert "Inter-conseil du 1er trimestre" in shown and "2e trimestre" not in shown


def test_asking_whether_there_is_one_in_a_quarter_lists_that_quarter(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    shown = reply_in_chat(shipped_app, "ya un interconseil au 4eme trimestre ?")
    assert "Agenda de RésO Villes" in shown and "Inter-conseil du 4e trimestre" in shown
    assert "Inter-conseil du 2e trimestre" not in shown and "au 4e trimestre 2026" in shown
