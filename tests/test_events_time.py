"""Times are stored in UTC and shown in Paris time, right across the daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import App
from bot.clock import as_utc
from bot.core.timefmt import human_duration, local_to_utc, parse_local, when_label
from bot.events.ics import event_ics
from bot.events.reminders import due_at
from tests.support.events import event

PARIS = ZoneInfo("Europe/Paris")


def test_an_event_on_the_last_sunday_of_march_is_stored_at_the_summer_offset(app: App) -> None:
    spring = event(app, "interconseil-printemps")  # 2026-03-29 10:00 Paris, the day clocks go forward
    assert as_utc(spring.starts_at) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)  # type: ignore[arg-type]
    assert when_label(spring.starts_at, spring.ends_at, spring.all_day, PARIS) == "dimanche 29 mars 2026 de 10 h à 12 h"


def test_an_event_on_the_last_sunday_of_october_is_stored_at_the_winter_offset(app: App) -> None:
    autumn = event(app, "webinaire-automne")  # 2026-10-25 10:00 Paris, the day clocks go back
    assert as_utc(autumn.starts_at) == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)  # type: ignore[arg-type]
    assert when_label(autumn.starts_at, None, False, PARIS) == "dimanche 25 octobre 2026 à 10 h"


def test_a_reminder_one_day_before_keeps_the_same_wall_clock_hour_across_the_change(app: App) -> None:
    spring, autumn = event(app, "interconseil-printemps"), event(app, "webinaire-automne")
    # Saturday 28 March 10:00 is still winter time (UTC+1): 09:00 UTC, 23 hours before the event.
    assert due_at(spring, timedelta(days=1), PARIS) == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert due_at(spring, timedelta(days=7), PARIS) == datetime(2026, 3, 22, 9, 0, tzinfo=UTC)
    # Saturday 24 October 10:00 is still summer time (UTC+2): 08:00 UTC, 25 hours before.
    assert due_at(autumn, timedelta(days=1), PARIS) == datetime(2026, 10, 24, 8, 0, tzinfo=UTC)


def test_a_reminder_two_hours_before_is_two_real_hours_even_on_the_night_of_the_change() -> None:
    from bot.storage.models import Event

    now = datetime(2026, 1, 1, tzinfo=UTC)
    early = Event(slug="x", kind="autre", title="x", source="x", created_at=now, updated_at=now,
                  starts_at=local_to_utc(datetime(2026, 3, 29, 4, 0), PARIS))  # 04:00 CEST = 02:00 UTC
    assert due_at(early, timedelta(hours=2), PARIS) == datetime(2026, 3, 29, 0, 0, tzinfo=UTC)  # 01:00 CET


def test_an_ambiguous_hour_in_october_is_read_as_the_first_one() -> None:
    assert local_to_utc(datetime(2026, 10, 25, 2, 30), PARIS) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_date_alone_is_a_whole_day_in_paris(app: App) -> None:
    day = event(app, "journee-mai")
    assert day.all_day
    assert as_utc(day.starts_at) == datetime(2026, 5, 18, 22, 0, tzinfo=UTC)  # type: ignore[arg-type]
    assert when_label(day.starts_at, day.ends_at, day.all_day, PARIS) == "mardi 19 mai 2026"
    # Its reminders count back from 9:00 that day: "2 hours before" is 7:00, not the evening before.
    assert due_at(day, timedelta(hours=2), PARIS) == datetime(2026, 5, 19, 5, 0, tzinfo=UTC)


def test_the_staff_can_type_dates_the_french_way() -> None:
    assert parse_local("29/03/2026 10h", PARIS) == (datetime(2026, 3, 29, 8, 0, tzinfo=UTC), False)
    assert parse_local("2026-10-25 18:30", PARIS) == (datetime(2026, 10, 25, 17, 30, tzinfo=UTC), False)
    assert parse_local("19/05/2026", PARIS) == (local_to_utc(date(2026, 5, 19), PARIS), True)
    assert parse_local("mardi prochain", PARIS) is None


def test_the_ics_file_has_utc_times_or_whole_days(app: App) -> None:
    now = app.clock.now()
    spring = event_ics(event(app, "interconseil-printemps"), tz=PARIS, now=now).decode()
    assert "DTSTART:20260329T080000Z\r\n" in spring and "DTEND:20260329T100000Z\r\n" in spring
    assert "UID:interconseil-printemps@" in spring and spring.endswith("END:VCALENDAR\r\n")
    assert "LOCATION:Maison de quartier\\, Nantes" in spring
    day = event_ics(event(app, "journee-mai"), tz=PARIS, now=now).decode()
    assert "DTSTART;VALUE=DATE:20260519" in day and "DTEND;VALUE=DATE:20260520" in day
    assert all(len(line.encode()) <= 75 for line in spring.split("\r\n"))


@pytest.mark.parametrize(("days", "said"), [(730, "deux ans"), (365, "un an"), (180, "six mois"), (30, "un mois"),
                                             (14, "deux semaines"), (7, "une semaine"), (45, "45 jours"),
                                             (400, "400 jours"), (1, "un jour")])
def test_durations_are_said_as_people_say_them_and_never_rounded(days: int, said: str) -> None:
    assert human_duration(days) == said
