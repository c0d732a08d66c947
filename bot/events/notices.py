"""Messages the hotline sends on its own about events, always through the outbox (the caller commits)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from bot.clock import as_utc
from bot.core.context import Context
from bot.core.replies import Button, Reply, esc, rows
from bot.core.timefmt import short_label, when_label
from bot.delivery import outbox
from bot.events import texts
from bot.events.periods import period_of
from bot.storage.models import REGISTERED, Event, EventWish, Member, Registration, RegistrationStatus


def when(ctx: Context, event: Event, *, past: bool = False) -> str:
    """"jeudi 22 janvier 2026 de 10 h à 12 h", "jeudi 22 janvier 2026, horaire à confirmer" (not once it is
    `past`: nobody waits for that time any more), "date à confirmer (1er trimestre 2026)"."""
    if event.starts_at is None:
        period = period_of(event.month, event.period)
        return texts.WHEN_UNDATED_IN.format(period=period.label) if period else texts.WHEN_UNDATED
    label = when_label(event.starts_at, event.ends_at, event.all_day, ctx.tz)
    waiting = event.all_day and event.time_to_confirm and not past
    return texts.WHEN_TIME_TO_CONFIRM.format(when=label) if waiting else label


def when_short(ctx: Context, event: Event) -> str:
    """For a button: "22 janv.", "janv.-mars ?", "juin ?", "date ?"."""
    if event.starts_at is None and (period := period_of(event.month, event.period)) is not None:
        return period.short
    return short_label(event.starts_at, ctx.tz)


def card_button(event: Event, label: str | None = None) -> Button:
    return Button(label=label or "📅 Voir l'événement", data=f"ev:card:{event.id}")


def send_to_member(session: Session, ctx: Context, member: Member, reply: Reply, *, purpose: str,
                   dedupe_key: str, ref: str | None = None, now: datetime | None = None) -> bool:
    """Queue `reply` for the member's private chat; members who blocked the bot are skipped."""
    if member.blocked_at is not None:
        return False
    outbox.enqueue(session, reply, chat_id=member.external_id, channel=member.channel, purpose=purpose,
                   now=now or ctx.clock.now(), ref=ref, dedupe_key=dedupe_key)
    return True


def active_registrations(session: Session, event_id: int) -> list[tuple[Registration, Member]]:
    return list(session.exec(
        select(Registration, Member).join(Member, col(Member.id) == Registration.member_id)
        .where(Registration.event_id == event_id, col(Registration.status).in_(REGISTERED))
        .order_by(col(Registration.queued_at))).all())


def waitlist_position(session: Session, registration: Registration) -> int:
    ahead = session.exec(select(Registration.id).where(
        Registration.event_id == registration.event_id, Registration.status == RegistrationStatus.WAITLIST,
        col(Registration.queued_at) < registration.queued_at)).all()
    return len(ahead) + 1


def notify_moved(session: Session, ctx: Context, event: Event, old_when: str) -> int:
    stamp = int(as_utc(event.starts_at).timestamp()) if event.starts_at else 0
    reply = Reply(text=texts.MOVED.format(title=esc(event.title), when=when(ctx, event), old=old_when),
                  buttons=rows(card_button(event)))
    return sum(send_to_member(session, ctx, member, reply, purpose="event_moved", ref=f"event:{event.id}",
                              dedupe_key=f"moved:{event.id}:{registration.id}:{stamp}")
               for registration, member in active_registrations(session, event.id or 0))


def notify_cancelled(session: Session, ctx: Context, event: Event, old_when: str) -> int:
    reply = Reply(text=texts.CANCELLED_NOTICE.format(title=esc(event.title), when=old_when))
    return sum(send_to_member(session, ctx, member, reply, purpose="event_cancelled", ref=f"event:{event.id}",
                              dedupe_key=f"cancelled:{event.id}:{registration.id}")
               for registration, member in active_registrations(session, event.id or 0))


def notify_dated(session: Session, ctx: Context, event: Event, now: datetime) -> int:
    """Members who asked to be told when the date is fixed."""
    wishes = session.exec(
        select(EventWish, Member).join(Member, col(Member.id) == EventWish.member_id)
        .where(EventWish.event_id == event.id, EventWish.kind == "dated", col(EventWish.notified_at).is_(None))).all()
    reply = Reply(text=texts.DATED_NOTICE.format(title=esc(event.title), when=when(ctx, event)),
                  buttons=rows(Button(label=texts.REGISTER_BUTTON, data=f"ev:reg:{event.id}"), card_button(event)))
    count = 0
    for wish, member in wishes:
        count += send_to_member(session, ctx, member, reply, purpose="event_dated", ref=f"event:{event.id}",
                                dedupe_key=f"dated:{event.id}:{member.id}")
        wish.notified_at = now
        session.add(wish)
    return count


def notify_promoted(session: Session, ctx: Context, event: Event, registration: Registration,
                    member: Member) -> bool:
    stamp = int(as_utc(registration.promoted_at).timestamp()) if registration.promoted_at else 0
    reply = Reply(text=texts.PROMOTED.format(title=esc(event.title), when=when(ctx, event)),
                  buttons=rows(Button(label=texts.ICS_BUTTON, data=f"ev:ics:{event.id}"),
                               Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))
    return send_to_member(session, ctx, member, reply, purpose="event_promoted", ref=f"registration:{registration.id}",
                          dedupe_key=f"promoted:{registration.id}:{stamp}")
