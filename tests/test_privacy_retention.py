"""The daily retention job, with the clock moved by the test: question texts go after
`privacy.question_retention_days`, members silent for `privacy.profile_inactivity_days` are erased."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.core.replies import Reply
from bot.delivery import outbox
from bot.privacy.retention import RetentionReport
from bot.storage.models import Member, Outbound, Profile, QuestionLog
from tests.support.events import member, register

AWA, BILAL, CHLOE = member(1001, "Awa"), member(1002, "Bilal"), member(1003, "Chloé")


@pytest.fixture
def short_retention(make_settings: Callable[..., Settings], clock: ManualClock) -> App:
    return build_app(make_settings(extra="[privacy]\nquestion_retention_days = 10\nprofile_inactivity_days = 30"),
                     clock=clock)


def question_texts(app: App) -> list[str | None]:
    with app.db.session() as session:
        return [q.text for q in session.exec(select(QuestionLog).order_by(col(QuestionLog.id)))]


def members(app: App) -> list[str]:
    with app.db.session() as session:
        return sorted(m.display_name for m in session.exec(select(Member)))


async def test_question_texts_are_erased_after_the_retention_period(short_retention: App, clock: ManualClock) -> None:
    app = short_retention
    app.hotline.on_text(AWA, "c'est quoi un conseil citoyen")
    app.hotline.on_text(BILAL, "quel temps fera-t-il demain")
    with app.db.session() as session:
        outbox.enqueue(session, Reply(text="Un ancien message pour Awa"), chat_id=AWA.chat_id, purpose="relay",
                       now=clock.now())
        session.commit()
    await app.delivery.tick()  # no transport attached: it stays pending, and pending messages are kept whole
    clock.advance(timedelta(days=5))
    app.hotline.on_text(AWA, "c'est quoi un QPV")

    clock.advance(timedelta(days=5, hours=1))  # the first two are now 10 days and 1 hour old
    report = await app.privacy.retention.run()
    assert report == RetentionReport(questions=2, messages=0, members=0)
    assert question_texts(app) == [None, None, "c'est quoi un QPV"]
    with app.db.session() as session:
        assert [o.text for o in session.exec(select(Outbound))] == ["Un ancien message pour Awa"]
        row = session.exec(select(Outbound)).one()
        row.status = "sent"
        session.add(row)
        session.commit()
    assert (await app.privacy.retention.run()).messages == 1  # once sent, its text goes too
    with app.db.session() as session:
        assert [o.text for o in session.exec(select(Outbound))] == [""]


async def test_inactive_members_are_erased_unless_an_event_they_registered_to_is_still_to_come(
        short_retention: App, clock: ManualClock) -> None:
    app = short_retention
    register(app, AWA, "webinaire-janvier", name="Awa")  # 22 January
    register(app, BILAL, "journee-mai", name="Bilal")  # 19 May
    app.hotline.on_text(CHLOE, "bonjour")
    clock.advance(timedelta(days=20))
    app.hotline.on_text(AWA, "merci")

    clock.advance(timedelta(days=11))  # Bilal and Chloé: 31 days of silence; Awa: 11
    report = await app.privacy.retention.run()
    assert report.members == 1 and members(app) == ["Awa", "Bilal"]  # Bilal still has the Journée to come

    clock.set(datetime(2026, 5, 21, 8, 0, tzinfo=UTC))
    assert (await app.privacy.retention.run()).members == 2
    assert members(app) == []
    with app.db.session() as session:
        assert list(session.exec(select(Profile))) == []


def test_the_retention_job_runs_every_night(app: App) -> None:
    job = app.jobs.jobs["privacy-retention"]
    assert job.daily_at == (3, 45) and job.func == app.privacy.retention.run
