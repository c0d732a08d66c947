"""Staff reminders: the daily digest, the "still unanswered" flags counted in working hours, opening-hours maths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.config import DeskSettings
from bot.desk.hours import OpeningHours
from bot.storage.models import Ticket
from tests.conftest import STAFF_CHAT
from tests.test_desk_tickets import AWA, CLAIRE, MALIK, ask_team, deliver

PARIS = ZoneInfo("Europe/Paris")
HOURS = OpeningHours(desk=DeskSettings(opening_days=frozenset(range(5)), opening_start_hour=9, opening_end_hour=17,
                                       unanswered_alert_hours=16, digest_hour=9, minutes_per_ticket=30,
                                       auto_ticket=False), timezone=PARIS)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


def test_working_time_skips_nights_and_weekends() -> None:
    assert HOURS.working_time(paris(2026, 1, 9, 16), paris(2026, 1, 12, 10)) == timedelta(hours=2)  # Fri → Mon
    assert HOURS.working_time(paris(2026, 1, 5, 20), paris(2026, 1, 6, 8)) == timedelta(0)  # a night
    assert HOURS.add_working_time(paris(2026, 1, 9, 16, 30), timedelta(hours=1)) == paris(2026, 1, 12, 9, 30)


def test_working_time_is_right_across_the_daylight_saving_changes() -> None:
    # Last Sunday of March and of October 2026: the opening hours stay 9–17 in Paris time
    assert HOURS.working_time(paris(2026, 3, 27, 9), paris(2026, 3, 30, 17)) == timedelta(hours=16)
    assert HOURS.working_time(paris(2026, 10, 23, 9), paris(2026, 10, 26, 17)) == timedelta(hours=16)
    assert HOURS.add_working_time(paris(2026, 3, 27, 16), timedelta(hours=2)) == paris(2026, 3, 30, 10)


def test_the_estimate_is_worded_for_the_member() -> None:
    now = paris(2026, 1, 5, 9)
    assert HOURS.describe_when(now, HOURS.expected_reply(now, 0)) == "aujourd'hui avant 10 h"
    assert HOURS.describe_when(now, HOURS.expected_reply(now, 20)) == "demain avant 12 h"  # 1 h + 10 h of queue
    assert HOURS.describe_hours() == "du lundi au vendredi, de 9 h à 17 h"


async def test_the_morning_digest_lists_open_tickets_once_a_day_on_opening_days(app: App,
                                                                               clock: ManualClock) -> None:
    ask_team(app, AWA)
    ask_team(app, MALIK, "qui organise le carnaval du quartier")
    with app.db.session() as session:
        first = session.exec(select(Ticket)).first()
    assert first is not None
    app.hotline.on_button(CLAIRE, f"tk:take:{first.id}")
    await deliver(app, clock)  # the posts themselves
    clock.set(paris(2026, 1, 6, 9))
    assert await app.desk.jobs.digest() == 2
    await app.desk.jobs.digest()  # a second run the same morning queues nothing new (dedupe key)
    [digest] = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "Questions ouvertes (2)" in digest.text and "prise par Claire" in digest.text
    assert "nouvelle" in digest.text and "carnaval" in digest.text
    clock.set(paris(2026, 1, 10, 9))  # Saturday
    assert await app.desk.jobs.digest() == 0
    assert (await deliver(app, clock)).take(str(STAFF_CHAT)) == []


async def test_a_ticket_unanswered_for_16_working_hours_is_flagged_again(app: App, clock: ManualClock) -> None:
    clock.set(paris(2026, 1, 5, 9))  # Monday 9:00
    ask_team(app, AWA)
    await deliver(app, clock)
    clock.set(paris(2026, 1, 6, 16, 59))  # 15 h 59 of working time
    assert await app.desk.jobs.alerts() == 0
    clock.set(paris(2026, 1, 7, 9, 0))  # Wednesday 9:00: 16 working hours (the nights do not count)
    assert await app.desk.jobs.alerts() == 1
    [alert] = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "Toujours sans réponse" in alert.text and "16 h ouvrées" in alert.text
    assert "🙋 Je m'en occupe" in [b.label for row in alert.buttons for b in row]
    assert await app.desk.jobs.alerts() == 0  # not again at once
    clock.set(paris(2026, 1, 9, 9, 0))  # another 16 working hours
    assert await app.desk.jobs.alerts() == 1


async def test_answered_tickets_are_not_flagged(app: App, clock: ManualClock) -> None:
    clock.set(paris(2026, 1, 5, 9))
    ask_team(app, AWA)
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id} Voici.")
    clock.set(paris(2026, 1, 12, 9))
    assert await app.desk.jobs.alerts() == 0


async def test_old_closed_tickets_lose_their_text(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA)
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id} Voici.")
    app.hotline.on_command(CLAIRE, "clore", f"{ticket.id}")
    clock.advance(timedelta(days=364))
    assert await app.desk.jobs.purge() == 0
    clock.advance(timedelta(days=2))
    assert await app.desk.jobs.purge() == 1
    with app.db.session() as session:
        erased = session.get(Ticket, ticket.id)
    assert erased is not None and erased.question is None and erased.answer is None


def test_the_desk_jobs_are_registered(app: App) -> None:
    jobs = app.jobs.jobs
    assert jobs["desk-digest"].daily_at == (9, 0)
    assert jobs["desk-alerts"].every_seconds is not None
    assert "desk-learning" in jobs and "desk-purge" in jobs
