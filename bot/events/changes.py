"""When an event changes (file re-read, staff edit): tell the people concerned and recompute reminders."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.clock import as_utc
from bot.core.context import Context
from bot.core.timefmt import when_label
from bot.events.notices import active_registrations, notify_cancelled, notify_dated, notify_moved
from bot.events.reminders import cancel_all, schedule
from bot.events.store import Snapshot
from bot.storage.models import Event, EventStatus


def apply_change(session: Session, ctx: Context, event: Event, before: Snapshot, now: datetime) -> int:
    """Returns how many people were told. The caller commits (notices and the change go together)."""
    assert event.id is not None
    old_when = when_label(before.starts_at, before.ends_at, before.all_day, ctx.tz, None)
    registrations = active_registrations(session, event.id)
    if event.status == EventStatus.CANCELLED:
        if before.status == EventStatus.CANCELLED:
            return 0
        for registration, _member in registrations:
            cancel_all(session, registration, now)
        return notify_cancelled(session, ctx, event, old_when)
    told = 0
    start = as_utc(event.starts_at) if event.starts_at is not None else None
    moved = start != before.starts_at or event.all_day != before.all_day
    was_undated = before.starts_at is None or before.status == EventStatus.TO_CONFIRM
    if event.status == EventStatus.PLANNED and start is not None and was_undated:
        told += notify_dated(session, ctx, event, now)
    elif moved and before.starts_at is not None and before.status != EventStatus.CANCELLED:
        told += notify_moved(session, ctx, event, old_when)
    for registration, _member in registrations:
        if event.status == EventStatus.PLANNED:
            schedule(session, ctx, registration, event, now)
        else:
            cancel_all(session, registration, now)
    return told
