"""Events in the database: synced from knowledge/events.yaml, looked up, listed. The caller commits."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.clock import as_utc
from bot.core.calendar import is_over
from bot.core.timefmt import local_to_utc
from bot.events.periods import parse_period, period_of
from bot.knowledge.model import EventSpec
from bot.storage.models import Event, EventStatus, EventWish, Member, Registration, RegistrationStatus

log = logging.getLogger(__name__)
PAST_SHOWN = 3
# A date alone means the whole day for these kinds; for the others (a webinar, an evening) the programme gave
# the day but not the time yet: "horaire à confirmer", never "toute la journée".
DAY_LONG_KINDS = ("journee", "formation")


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """What an event looked like before a change (to tell registrants what moved)."""

    status: str
    starts_at: datetime | None
    ends_at: datetime | None
    all_day: bool

    @classmethod
    def of(cls, event: Event) -> Snapshot:
        return cls(status=event.status, starts_at=event.starts_at and as_utc(event.starts_at),
                   ends_at=event.ends_at and as_utc(event.ends_at), all_day=event.all_day)


# Fields added to the file's schema later count only once set: adding a field to the schema must not make
# every event look changed (a re-sync would overwrite the staff's edits of events the file did not change).
LATER_FIELDS = ("period", "audience_group", "replay_url")


def spec_hash(spec: EventSpec) -> str:
    data = {f.name: getattr(spec, f.name) for f in fields(spec)
            if f.name != "origin" and not (f.name in LATER_FIELDS and getattr(spec, f.name) is None)}
    return hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()[:32]


def spec_values(spec: EventSpec, tz: ZoneInfo) -> dict[str, object]:
    """The database columns of a knowledge event: Paris times to UTC; a date alone is a whole day."""
    all_day = spec.start is not None and not isinstance(spec.start, datetime)
    starts_at = local_to_utc(spec.start, tz) if spec.start is not None else None
    ends_at: datetime | None = None
    if spec.end is not None:
        end = spec.end
        ends_at = local_to_utc(end + timedelta(days=1) if not isinstance(end, datetime) else end, tz)
    elif all_day and isinstance(spec.start, date):
        ends_at = local_to_utc(spec.start + timedelta(days=1), tz)
    deadline = spec.registration_deadline
    if deadline is not None and not isinstance(deadline, datetime):
        deadline = datetime.combine(deadline, datetime.max.time()).replace(microsecond=0)  # the whole day
    return {
        "kind": spec.kind, "title": spec.title[:255], "starts_at": starts_at, "ends_at": ends_at,
        "all_day": all_day, "time_to_confirm": all_day and spec.kind not in DAY_LONG_KINDS,
        "month": spec.month, "period": spec.period, "place": spec.place,
        "online_url": spec.online_url, "audience": spec.audience, "audience_group": spec.audience_group,
        "replay_url": spec.replay_url, "territory": spec.territory, "description": spec.description,
        "capacity": spec.capacity or None,
        "registration_deadline": local_to_utc(deadline, tz) if deadline is not None else None,
        "price": spec.price, "status": spec.status, "source": spec.source[:255],
    }


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    changed: list[tuple[Event, Snapshot]] | None = None


def sync_knowledge(session: Session, specs: Sequence[EventSpec], tz: ZoneInfo, now: datetime) -> SyncReport:
    """Make the database say what the file says. Idempotent: an unchanged spec is left alone (so a
    staff edit made in Telegram stays until the file itself changes). Returns what changed, so the
    caller can tell registrants (moved, cancelled, dated)."""
    report = SyncReport(changed=[])
    assert report.changed is not None
    existing = {e.slug: e for e in session.exec(select(Event).where(Event.origin == "knowledge"))}
    for spec in specs:
        digest = spec_hash(spec)
        event = existing.pop(spec.id, None)
        if event is None:
            clash = session.exec(select(Event).where(Event.slug == spec.id)).first()
            if clash is not None:
                log.warning("event %s in knowledge clashes with a staff event: skipped", spec.id)
                continue
            event = Event(slug=spec.id, origin="knowledge", spec_hash=digest, created_at=now, updated_at=now,
                          **spec_values(spec, tz))  # type: ignore[arg-type]
            session.add(event)
            report.created += 1
            continue
        if event.spec_hash == digest:
            continue
        before = Snapshot.of(event)
        for key, value in spec_values(spec, tz).items():
            setattr(event, key, value)
        event.spec_hash, event.updated_at = digest, now
        session.add(event)
        report.updated += 1
        report.changed.append((event, before))
    for event in existing.values():  # gone from the file: cancelled, and registrants told
        if event.status != EventStatus.CANCELLED:
            log.warning("event %s is no longer in knowledge/events.yaml: cancelled", event.slug)
            before = Snapshot.of(event)
            event.status, event.updated_at, event.spec_hash = EventStatus.CANCELLED, now, None
            session.add(event)
            report.removed += 1
            report.changed.append((event, before))
    session.flush()
    return report


def find_event(session: Session, ref: str) -> Event | None:
    """By slug (deep links, staff commands) or by number (buttons)."""
    ref = ref.strip()
    if not ref:
        return None
    if ref.isdigit():
        return session.get(Event, int(ref))
    return session.exec(select(Event).where(Event.slug == ref.lower())).first()


def closes_at(event: Event) -> datetime | None:
    """Registrations close at the deadline if any, else when the event starts."""
    if event.registration_deadline is not None:
        return as_utc(event.registration_deadline)
    return as_utc(event.starts_at) if event.starts_at is not None else None


def is_upcoming(event: Event, now: datetime, tz: ZoneInfo) -> bool:
    """Still to come: a dated event not over yet, or an undated one whose announced period is not over.
    An undated event with no period at all stays (nothing says it is over)."""
    if event.status == EventStatus.CANCELLED:
        return False
    if event.starts_at is not None:
        return not is_over(event, now)
    period = period_of(event.month, event.period)
    return period is None or not period.is_over(now, tz)


def upcoming(session: Session, now: datetime, tz: ZoneInfo, kind: str | None = None) -> list[Event]:
    """Events still to come, soonest first. An undated event whose month is known takes its place at the start
    of that month; one known by a coarser period, at its end; one with nothing known comes last."""
    query = select(Event).where(col(Event.status) != EventStatus.CANCELLED)
    if kind:
        query = query.where(Event.kind == kind)
    far = datetime.max.replace(tzinfo=UTC)

    def key(event: Event) -> tuple[datetime, int, int]:
        if event.starts_at is not None:
            return (as_utc(event.starts_at), 0, event.id or 0)
        if (month := parse_period(event.month)) is not None:
            return (local_to_utc(month.starts_on, tz), 1, event.id or 0)
        # A coarser period ("2026-T1", "2026") comes after the events dated within it
        period = parse_period(event.period)
        return (local_to_utc(period.ends_before, tz) if period else far, 1, event.id or 0)

    return sorted((e for e in session.exec(query) if is_upcoming(e, now, tz)), key=key)


def lapsed(session: Session, now: datetime, tz: ZoneInfo, kind: str | None = None) -> list[Event]:
    """Undated events whose announced period is over: no date was ever announced here."""
    query = select(Event).where(col(Event.starts_at).is_(None), col(Event.status) != EventStatus.CANCELLED)
    if kind:
        query = query.where(Event.kind == kind)
    return [e for e in session.exec(query) if not is_upcoming(e, now, tz)]


def programme_years(session: Session) -> set[int]:
    """The years the published programme covers (dated events, and undated ones by their period)."""
    years: set[int] = set()
    for event in session.exec(select(Event).where(col(Event.status) != EventStatus.CANCELLED)):
        if event.starts_at is not None:
            years.add(as_utc(event.starts_at).year)
        elif (period := period_of(event.month, event.period)) is not None:
            years.add(period.year)
    return years


def recent_past(session: Session, now: datetime, kind: str | None = None, limit: int | None = PAST_SHOWN
                ) -> list[Event]:
    """Dated events over, the latest first (`limit` None: all of them)."""
    query = select(Event).where(col(Event.starts_at).is_not(None), col(Event.status) != EventStatus.CANCELLED)
    if kind:
        query = query.where(Event.kind == kind)
    events = [e for e in session.exec(query) if is_over(e, now)]
    return sorted(events, key=lambda e: as_utc(e.starts_at), reverse=True)[:limit]  # type: ignore[arg-type]


def counts(session: Session, event_id: int) -> tuple[int, int]:
    """(confirmed, waitlist)."""
    rows = session.exec(
        select(Registration.status, func.count()).where(Registration.event_id == event_id)
        .group_by(col(Registration.status))).all()
    by_status = dict(rows)
    return int(by_status.get(RegistrationStatus.CONFIRMED, 0)), int(by_status.get(RegistrationStatus.WAITLIST, 0))


def member_wish(session: Session, event: Event, member: Member, kind: str) -> EventWish | None:
    """What the member asked about the event ("dated": tell me the date; "copil_prep": help me prepare)."""
    return session.exec(select(EventWish).where(EventWish.event_id == event.id, EventWish.member_id == member.id,
                                                EventWish.kind == kind)).first()


def new_wish(event: Event, member: Member, kind: str, now: datetime) -> EventWish:
    assert event.id is not None and member.id is not None
    return EventWish(event_id=event.id, member_id=member.id, kind=kind, created_at=now)
