"""Reminders are rows, one per registration and offset. A job turns the due ones into outbox rows.

APScheduler only wakes the job; the rows say what is due. After a restart, reminders missed by less
than `events.grace_window` are sent once; older ones are marked "skipped" and logged. Nothing is
ever sent for a cancelled event or a cancelled registration.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from bot.clock import as_utc
from bot.core.context import Context
from bot.core.replies import Button, Reply, esc, rows
from bot.core.timefmt import relative_day, to_local
from bot.delivery import outbox
from bot.events import texts
from bot.events.notices import send_to_member, waitlist_position, when
from bot.events.store import member_wish, new_wish
from bot.storage.models import (
    REGISTERED,
    Event,
    EventStatus,
    Member,
    Profile,
    Registration,
    RegistrationStatus,
    Reminder,
    ReminderStatus,
)

log = logging.getLogger(__name__)
ALL_DAY_ANCHOR_HOUR = 9  # an all-day event's reminders count back from 9:00 (Paris) on its day
BATCH = 200
LIVE = (ReminderStatus.PENDING, ReminderStatus.QUEUED)  # still to send (or in the outbox)


def anchor(event: Event, tz: ZoneInfo) -> datetime:
    assert event.starts_at is not None
    local = to_local(event.starts_at, tz)
    return local.replace(hour=ALL_DAY_ANCHOR_HOUR, minute=0) if event.all_day else local


def due_at(event: Event, offset: timedelta, tz: ZoneInfo) -> datetime:
    """Whole days are counted on the Paris wall clock (1 day before 10:00 is 10:00 the day before, even
    across a daylight-saving change); hours and minutes are counted as elapsed time."""
    local = anchor(event, tz)
    whole_days = timedelta(days=offset.days)
    return (local - whole_days).astimezone(UTC) - (offset - whole_days)


def minutes(offset: timedelta) -> int:
    return int(offset.total_seconds() // 60)


def offsets_label(offsets: tuple[timedelta, ...], *, all_day: bool = False) -> str:
    """"7 jours, 1 jour et 2 heures avant" for an event at a time of day; for a day without a time
    (counted from the morning, see `anchor`), "7 jours avant, la veille et le matin même"."""
    def one(offset: timedelta) -> str:
        if offset.days and not offset.seconds:
            return f"{offset.days} jour{'s' if offset.days > 1 else ''}"
        hours = int(offset.total_seconds() // 3600)
        if hours and not offset.total_seconds() % 3600:
            return f"{hours} heure{'s' if hours > 1 else ''}"
        return f"{minutes(offset)} minutes"

    def one_day(offset: timedelta) -> str:
        if offset.days == 0:
            return texts.REMIND_SAME_MORNING
        return texts.REMIND_DAY_BEFORE if offset.days == 1 else texts.REMIND_DAYS_BEFORE.format(days=offset.days)

    labels = list(dict.fromkeys(one_day(o) for o in offsets)) if all_day else [one(o) for o in offsets]
    joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]
    return joined if all_day else joined + " avant"


def schedule(session: Session, ctx: Context, registration: Registration, event: Event, now: datetime) -> int:
    """Create or re-arm the registration's reminders for the event's current date. Returns how many are pending."""
    existing = {r.offset_minutes: r for r in session.exec(
        select(Reminder).where(Reminder.registration_id == registration.id))}
    offsets = ctx.settings.events.reminder_offsets
    wanted = {minutes(o) for o in offsets}
    pending = 0
    for offset in offsets:
        due = due_at(event, offset, ctx.tz) if event.starts_at is not None else None
        row = existing.get(minutes(offset))
        if due is None or due <= now:
            if row is not None and row.status in LIVE:
                _withdraw(session, row, ReminderStatus.SKIPPED, now)
            continue
        pending += 1
        if row is None:
            assert registration.id is not None
            session.add(Reminder(registration_id=registration.id, offset_minutes=minutes(offset), due_at=due))
            continue
        if row.status in LIVE and as_utc(row.due_at) == due:
            continue  # unchanged
        if row.status == ReminderStatus.QUEUED:
            outbox.cancel(session, ref=f"reminder:{row.id}")
        row.due_at, row.status, row.generation = due, ReminderStatus.PENDING, row.generation + 1
        row.outbound_id, row.handled_at = None, None
        session.add(row)
    for offset_minutes, row in existing.items():  # an offset removed from the configuration
        if offset_minutes not in wanted and row.status == ReminderStatus.PENDING:
            _withdraw(session, row, ReminderStatus.CANCELLED, now)
    session.flush()
    return pending


def _withdraw(session: Session, row: Reminder, status: ReminderStatus, now: datetime) -> None:
    if row.status == ReminderStatus.QUEUED:
        outbox.cancel(session, ref=f"reminder:{row.id}")
    row.status, row.handled_at = status, now
    session.add(row)


def cancel_all(session: Session, registration: Registration, now: datetime) -> None:
    for row in session.exec(select(Reminder).where(Reminder.registration_id == registration.id,
                                                   col(Reminder.status).in_(LIVE))):
        _withdraw(session, row, ReminderStatus.CANCELLED, now)


@dataclass
class ReminderReport:
    queued: int = 0
    skipped: int = 0
    cancelled: int = 0


def reminder_reply(session: Session, ctx: Context, event: Event, registration: Registration,
                   now: datetime) -> Reply:
    assert event.starts_at is not None
    relative = relative_day(now, event.starts_at, ctx.tz)
    if registration.status == RegistrationStatus.WAITLIST:
        text = texts.REMINDER_WAITLIST.format(title=esc(event.title), relative=relative, when=when(ctx, event),
                                              position=waitlist_position(session, registration))
        return Reply(text=text, buttons=rows(Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))
    text = texts.REMINDER.format(title=esc(event.title), relative=relative, when=when(ctx, event))
    if event.place:
        text += "\n" + texts.REMINDER_PLACE.format(place=esc(event.place))
    if event.online_url:  # only registrants get the link, here
        text += "\n" + texts.REMINDER_LINK.format(url=esc(event.online_url))
    return Reply(text=text, buttons=rows(Button(label=texts.ICS_BUTTON, data=f"ev:ics:{event.id}"),
                                         Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))


def materialise_due(ctx: Context, *, limit: int = BATCH) -> ReminderReport:
    """Due reminder rows → outbox rows (dedupe key `reminder:<id>:<generation>`), in one transaction."""
    now = ctx.clock.now()
    grace = ctx.settings.events.grace_window
    report = ReminderReport()
    with ctx.db.session() as session:
        due = session.exec(
            select(Reminder, Registration, Event, Member)
            .join(Registration, col(Registration.id) == Reminder.registration_id)
            .join(Event, col(Event.id) == Registration.event_id)
            .join(Member, col(Member.id) == Registration.member_id)
            .where(Reminder.status == ReminderStatus.PENDING, col(Reminder.due_at) <= now)
            .order_by(col(Reminder.due_at), col(Reminder.id)).limit(limit)
            .with_for_update(skip_locked=True, of=Reminder)).all()
        for reminder, registration, event, member in due:
            late = now - as_utc(reminder.due_at)
            if registration.status not in REGISTERED or event.status != EventStatus.PLANNED:
                reminder.status = ReminderStatus.CANCELLED
                report.cancelled += 1
            elif late > grace or now >= anchor(event, ctx.tz) or member.blocked_at is not None:
                log.warning("reminder %s (event %s) due %s skipped: %s late", reminder.id, event.slug,
                            as_utc(reminder.due_at).isoformat(), late)
                reminder.status = ReminderStatus.SKIPPED
                report.skipped += 1
            else:
                row = outbox.enqueue(session, reminder_reply(session, ctx, event, registration, now),
                                     chat_id=member.external_id, channel=member.channel, purpose="reminder",
                                     now=now, ref=f"reminder:{reminder.id}",
                                     dedupe_key=f"reminder:{reminder.id}:{reminder.generation}")
                reminder.status, reminder.outbound_id = ReminderStatus.QUEUED, row.id
                report.queued += 1
            reminder.handled_at = now
            session.add(reminder)
        session.commit()
    if report.queued:
        ctx.wake()
    return report


def copil_preparations(ctx: Context) -> int:
    """Comités de pilotage: `copil_preparation_days` before, the councils of the territory are offered the
    preparatory meeting (seed 003: « une rencontre dans les dix jours avant la tenue des comités de pilotage »)."""
    now = ctx.clock.now()
    days = ctx.settings.events.copil_preparation_days
    queued = 0
    with ctx.db.session() as session:
        events = session.exec(select(Event).where(
            Event.kind == "copil", Event.status == EventStatus.PLANNED, col(Event.starts_at) > now,
            col(Event.starts_at) <= now + timedelta(days=days + 1))).all()
        today = to_local(now, ctx.tz).date()
        for event in events:  # from the Paris calendar day that is `days` days before
            assert event.starts_at is not None
            if (to_local(event.starts_at, ctx.tz).date() - today).days > days:
                continue
            councils = {c.id for c in ctx.knowledge.councils
                        if not event.territory or (c.territory or "").casefold() == event.territory.casefold()}
            members = session.exec(select(Member).join(Profile, col(Profile.member_id) == Member.id)
                                   .where(col(Profile.council_id).in_(councils))).all()
            assert event.starts_at is not None
            reply = Reply(
                text=texts.COPIL_PREPARATION.format(when=when(ctx, event), title=esc(event.title),
                                                    relative=relative_day(now, event.starts_at, ctx.tz),
                                                    centre=esc(ctx.centre)),
                buttons=rows(Button(label=texts.COPIL_YES_BUTTON, data=f"ev:prep:{event.id}"),
                             Button(label=texts.COPIL_HOWTO_BUTTON, data=f"ev:howto:{event.id}")))
            for member in members:
                queued += send_to_member(session, ctx, member, reply, purpose="copil_preparation",
                                         ref=f"event:{event.id}", dedupe_key=f"copil:{event.id}:{member.id}", now=now)
        session.commit()
    if queued:
        ctx.wake()
    return queued


def note_preparation_interest(session: Session, event: Event, member: Member, now: datetime) -> bool:
    """True when newly noted."""
    if member_wish(session, event, member, "copil_prep") is not None:
        return False
    session.add(new_wish(event, member, "copil_prep", now))
    return True


def next_due(ctx: Context) -> datetime | None:
    """When the next pending reminder falls due (the terminal's simulated time stops there)."""
    with ctx.db.session() as session:
        due = session.exec(select(Reminder.due_at).where(Reminder.status == ReminderStatus.PENDING)
                           .order_by(col(Reminder.due_at)).limit(1)).first()
    return as_utc(due) if due is not None else None
