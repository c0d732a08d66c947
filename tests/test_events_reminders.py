"""Reminders are rows: sent once, on time, after a restart too; never for a cancelled event or registration."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.app import App, build_app
from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock, as_utc
from bot.config import Settings
from bot.delivery.dispatcher import Dispatcher
from bot.events.reminders import copil_preparations, materialise_due
from bot.knowledge.loader import load_knowledge
from bot.storage.models import Event, Member, Reminder
from tests.conftest import FIXTURE_KNOWLEDGE
from tests.support.events import event_id, member, outbox, register, reminders

AWA, BILAL, CHLOE = member(1001, "Awa"), member(1002, "Bilal"), member(1003, "Chloé")


async def deliver(app: App, clock: ManualClock) -> MemoryTransport:
    transport = MemoryTransport()

    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    await Dispatcher(db=app.db, transport=transport, clock=clock, monotonic=lambda: clock.now().timestamp(),
                     sleep=sleep).drain()
    return transport


def test_each_registration_gets_one_reminder_row_per_configured_offset(app: App) -> None:
    register(app, AWA, "webinaire-janvier")  # 22 January 18:00 Paris
    due = [(r.offset_minutes, as_utc(r.due_at)) for r in reminders(app)]
    assert due == [(7 * 24 * 60, datetime(2026, 1, 15, 17, 0, tzinfo=UTC)),
                   (24 * 60, datetime(2026, 1, 21, 17, 0, tzinfo=UTC)),
                   (120, datetime(2026, 1, 22, 15, 0, tzinfo=UTC))]


def test_offsets_come_from_the_configuration(make_settings: object, clock: ManualClock) -> None:
    settings: Settings = make_settings(extra='[events]\nreminder_offsets = ["3d", "30min"]\n')  # type: ignore[operator]
    app = build_app(settings, clock=clock)
    register(app, AWA, "webinaire-janvier")
    assert [r.offset_minutes for r in reminders(app)] == [3 * 24 * 60, 30]


def test_reminders_already_past_at_registration_are_not_created(app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 1, 21, 12, 0, tzinfo=UTC))
    replies = register(app, AWA, "webinaire-janvier")
    assert [r.offset_minutes for r in reminders(app)] == [24 * 60, 120]
    assert "1 jour et 2 heures avant" in replies[0].text


async def test_a_due_reminder_is_queued_once_and_sent_once(app: App, clock: ManualClock) -> None:
    register(app, AWA, "webinaire-janvier")
    clock.set(datetime(2026, 1, 15, 17, 0, 30, tzinfo=UTC))
    assert materialise_due(app.events.ctx).queued == 1
    assert materialise_due(app.events.ctx).queued == 0  # the job runs every minute: nothing twice
    [row] = outbox(app, purpose="reminder")
    assert row.dedupe_key == f"reminder:{reminders(app)[0].id}:0" and row.chat_id == "1001"
    sent = (await deliver(app, clock)).sent
    assert len(sent) == 1 and "Rappel" in sent[0].text and "dans 7 jours" in sent[0].text
    assert "https://example.org/visio" in sent[0].text
    assert [b.label for row in sent[0].buttons for b in row] == ["📆 Ajouter à mon agenda", "❌ Annuler mon inscription"]
    assert len((await deliver(app, clock)).sent) == 0


def test_after_a_restart_missed_reminders_within_the_grace_window_are_sent_once_older_ones_skipped(
        settings: Settings, clock: ManualClock, caplog: pytest.LogCaptureFixture) -> None:
    app = build_app(settings, clock=clock)
    register(app, AWA, "webinaire-janvier")
    # The bot was down from before the 1-day reminder (21 Jan 17:00 UTC) until 4 hours after it,
    # and it also missed the 7-day one by six days.
    clock.set(datetime(2026, 1, 21, 21, 0, tzinfo=UTC))
    restarted = build_app(settings, clock=clock)  # a new process on the same database
    with caplog.at_level(logging.WARNING):
        report = materialise_due(restarted.events.ctx)
    assert (report.queued, report.skipped) == (1, 1)
    assert [r.status for r in reminders(restarted)] == ["skipped", "queued", "pending"]
    assert "skipped" in caplog.text
    assert len(outbox(restarted, purpose="reminder")) == 1


def test_no_reminder_for_a_cancelled_registration_or_a_cancelled_event(app: App, clock: ManualClock) -> None:
    register(app, AWA, "webinaire-janvier")
    register(app, BILAL, "webinaire-janvier", name="Bilal")
    app.hotline.on_button(AWA, f"ev:unreg:{event_id(app, 'webinaire-janvier')}")
    with app.db.session() as session:  # the event is cancelled behind the job's back (no notice path)
        event = session.get(Event, event_id(app, "webinaire-janvier"))
        assert event is not None
        event.status = "cancelled"
        session.add(event)
        session.commit()
    clock.set(datetime(2026, 1, 22, 16, 0, tzinfo=UTC))
    report = materialise_due(app.events.ctx)
    assert report.queued == 0
    assert outbox(app, purpose="reminder") == []


async def test_people_on_the_waitlist_get_their_own_reminder(app: App, clock: ManualClock) -> None:
    for sender, name in ((AWA, "Awa"), (BILAL, "Bilal"), (CHLOE, "Chloé")):
        register(app, sender, "interconseil-printemps", name=name)
    clock.set(datetime(2026, 3, 22, 9, 0, tzinfo=UTC))  # 7 days before, 10:00 Paris
    assert materialise_due(app.events.ctx).queued == 3
    sent = {m.chat_id: m.text for m in (await deliver(app, clock)).sent}
    assert "Rappel" in sent["1001"] and "Rappel" in sent["1002"]
    assert "liste d'attente (position 1)" in sent["1003"] and "Rappel" not in sent["1003"]


def test_when_an_event_moves_registrants_are_told_and_reminders_follow(settings: Settings, clock: ManualClock,
                                                                      tmp_path: object) -> None:
    from pathlib import Path

    app = build_app(settings, clock=clock)
    register(app, AWA, "webinaire-janvier")
    moved_kb = _edited_knowledge(Path(str(tmp_path)), "start: 2026-01-22T18:00", "start: 2026-01-29T18:30")
    report = app.events.sync(moved_kb.events)
    assert report.updated == 1
    [notice] = outbox(app, purpose="event_moved")
    assert "jeudi 29 janvier 2026" in notice.text and "jeudi 22 janvier 2026" in notice.text
    assert as_utc(reminders(app)[0].due_at) == datetime(2026, 1, 22, 17, 30, tzinfo=UTC)
    assert all(r.status == "pending" and r.generation == 1 for r in reminders(app))
    assert app.events.sync(moved_kb.events).updated == 0, "syncing the same file again changes nothing"
    assert len(outbox(app, purpose="event_moved")) == 1


def test_when_an_event_is_cancelled_registrants_are_told_and_reminders_withdrawn(settings: Settings,
                                                                                  clock: ManualClock,
                                                                                  tmp_path: object) -> None:
    from pathlib import Path

    app = build_app(settings, clock=clock)
    register(app, AWA, "webinaire-janvier")
    clock.set(datetime(2026, 1, 15, 17, 1, tzinfo=UTC))
    materialise_due(app.events.ctx)  # the 7-day reminder is queued, not sent yet
    cancelled = _edited_knowledge(Path(str(tmp_path)), "start: 2026-01-22T18:00\n  end: 2026-01-22T19:30\n  status: planned",
                                  "start: 2026-01-22T18:00\n  end: 2026-01-22T19:30\n  status: cancelled")
    app.events.sync(cancelled.events)
    [notice] = outbox(app, purpose="event_cancelled")
    assert "est annulé" in notice.text and notice.chat_id == "1001"
    assert {r.status for r in reminders(app)} == {"cancelled"}
    assert [r.status for r in outbox(app, purpose="reminder")] == ["cancelled"]


def test_a_date_fixed_later_tells_those_who_asked(settings: Settings, clock: ManualClock, tmp_path: object) -> None:
    from pathlib import Path

    app = build_app(settings, clock=clock)
    app.hotline.on_button(AWA, f"ev:watch:{event_id(app, 'interconseil-t1')}")
    dated = _edited_knowledge(Path(str(tmp_path)), "status: to_confirm\n  month: 2026-02",
                              "status: planned\n  start: 2026-02-12T18:00")
    app.events.sync(dated.events)
    [notice] = outbox(app, purpose="event_dated")
    assert "jeudi 12 février 2026 à 18 h" in notice.text and "S'inscrire" in (notice.buttons or "")


def test_syncing_is_idempotent_and_keeps_staff_edits_until_the_file_changes(app: App) -> None:
    kb = load_knowledge(FIXTURE_KNOWLEDGE)
    assert app.events.sync(kb.events).created == 0 and app.events.sync(kb.events).updated == 0
    with app.db.session() as session:
        count = len(session.exec(select(Event)).all())
        event = session.get(Event, event_id(app, "journee-mai"))
        assert event is not None
        event.place = "Rennes, salle B"
        session.add(event)
        session.commit()
    app.events.sync(kb.events)
    with app.db.session() as session:
        assert len(session.exec(select(Event)).all()) == count == len(kb.events)
        assert session.get(Event, event_id(app, "journee-mai")).place == "Rennes, salle B"  # type: ignore[union-attr]


async def test_a_copil_offers_the_preparation_meeting_to_the_councils_of_its_territory(
        app: App, clock: ManualClock) -> None:
    register(app, AWA, "journee-mai", council="quartier-nord")
    register(app, BILAL, "journee-mai", name="Bilal", council="quartier-sud")
    register(app, CHLOE, "journee-mai", name="Chloé", council="-")  # no council: not concerned
    clock.set(datetime(2026, 1, 3, 9, 0, tzinfo=UTC))  # 11 days before the copil of 14 January
    assert copil_preparations(app.events.ctx) == 0
    clock.set(datetime(2026, 1, 4, 9, 0, tzinfo=UTC))  # 10 days before
    copil_preparations(app.events.ctx)
    copil_preparations(app.events.ctx)  # the daily job may run twice (restart): still one message each
    rows = outbox(app, purpose="copil_preparation")
    assert sorted(r.chat_id for r in rows) == ["1001", "1002"]
    assert "rencontre de préparation" in rows[0].text and "dans 10 jours" in rows[0].text
    noted = app.hotline.on_button(AWA, f"ev:prep:{event_id(app, 'copil-nantes')}")
    assert "l'équipe vous recontacte" in noted[0].text
    staff = app.hotline.on_command(member(4242, "Équipe"), "inscrits", "copil-nantes")
    assert "Personnes intéressées par la rencontre de préparation : 1" in staff[0].text


def test_a_member_who_blocked_the_bot_gets_no_reminder(app: App, clock: ManualClock) -> None:
    register(app, AWA, "webinaire-janvier")
    with app.db.session() as session:
        awa = session.exec(select(Member).where(Member.external_id == "1001")).one()
        awa.blocked_at = clock.now()
        session.add(awa)
        session.commit()
    clock.set(datetime(2026, 1, 15, 17, 0, tzinfo=UTC))
    assert materialise_due(app.events.ctx).skipped == 1
    assert outbox(app, purpose="reminder") == []
    with app.db.session() as session:
        assert session.exec(select(Reminder)).first().status == "skipped"  # type: ignore[union-attr]


def _edited_knowledge(tmp: object, old: str, new: str) -> object:
    """A copy of the fixture knowledge with one edit in events.yaml (as the staff would save it)."""
    import shutil
    from pathlib import Path

    root = Path(str(tmp)) / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root, dirs_exist_ok=True)
    path = root / "events.yaml"
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return load_knowledge(root)


async def test_registration_waitlist_and_reminders_on_each_real_database(
        database: object, make_settings: object, clock: ManualClock) -> None:
    """The same story on SQLite and PostgreSQL (row locks, FOR UPDATE SKIP LOCKED on joined rows)."""
    settings: Settings = make_settings(database_url=database.url)  # type: ignore[attr-defined,operator]
    app = build_app(settings, clock=clock)
    for sender, name in ((AWA, "Awa"), (BILAL, "Bilal"), (CHLOE, "Chloé")):
        register(app, sender, "interconseil-printemps", name=name)
    app.hotline.on_button(AWA, f"ev:unreg:{event_id(app, 'interconseil-printemps')}")
    assert [r.chat_id for r in outbox(app, purpose="event_promoted")] == ["1003"]
    clock.set(datetime(2026, 3, 22, 9, 0, tzinfo=UTC))
    assert materialise_due(app.events.ctx).queued == 2
    assert materialise_due(app.events.ctx).queued == 0
    sent = (await deliver(app, clock)).sent
    assert sorted(m.chat_id for m in sent) == ["1002", "1003"]
    app.db.engine.dispose()


def test_an_all_day_event_is_reminded_on_the_morning_itself(app: App, clock: ManualClock) -> None:
    register(app, AWA, "journee-mai")
    clock.set(datetime(2026, 5, 19, 5, 0, tzinfo=UTC))  # 7:00 Paris, two hours before the 9:00 anchor
    materialise_due(app.events.ctx)
    [row] = outbox(app, purpose="reminder", status="pending")
    assert "c'est aujourd'hui" in row.text
