"""Registering: the profile given once with consent, capacity and waitlist, deadline, cancellation.

The event row is locked (FOR UPDATE on PostgreSQL) while places are counted, so two members can never
take the last place together. The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from bot.core.calendar import has_started
from bot.core.context import Context
from bot.core.labels import AGENDA_TOPIC
from bot.events.notices import notify_promoted, waitlist_position
from bot.events.reminders import cancel_all, schedule
from bot.events.store import closes_at, counts, member_wish, new_wish
from bot.storage.models import Event, EventStatus, Member, Profile, Registration, RegistrationStatus, Subscription


@dataclass(frozen=True, kw_only=True)
class Outcome:
    status: str  # confirmed | waitlist | already | already_waitlist | not_dated | cancelled | past | closed |
    #              needs_profile | unregistered | not_registered
    position: int = 0
    reminders: int = 0


def registration_of(session: Session, event: Event, member: Member) -> Registration | None:
    return session.exec(select(Registration).where(Registration.event_id == event.id,
                                                   Registration.member_id == member.id)).first()


def can_register(event: Event, now: datetime) -> str | None:
    """None when registration is open, else the reason it is not."""
    if event.status == EventStatus.CANCELLED:
        return "cancelled"
    if event.status == EventStatus.TO_CONFIRM or event.starts_at is None:
        return "not_dated"
    if has_started(event, now):
        return "past"
    closing = closes_at(event)
    if closing is not None and now > closing:
        return "closed"
    return None


def register(session: Session, ctx: Context, member: Member, event: Event, now: datetime) -> Outcome:
    reason = can_register(event, now)
    if reason is not None:
        return Outcome(status=reason)
    if session.get(Profile, member.id) is None:
        return Outcome(status="needs_profile")
    assert event.id is not None and member.id is not None
    session.exec(select(Event.id).where(Event.id == event.id).with_for_update()).first()  # serialise the count
    registration = registration_of(session, event, member)
    if registration is not None and registration.status == RegistrationStatus.CONFIRMED:
        return Outcome(status="already")
    if registration is not None and registration.status == RegistrationStatus.WAITLIST:
        return Outcome(status="already_waitlist", position=waitlist_position(session, registration))
    confirmed, waiting = counts(session, event.id)
    full = event.capacity is not None and (confirmed >= event.capacity or waiting > 0)
    status = RegistrationStatus.WAITLIST if full else RegistrationStatus.CONFIRMED
    if registration is None:
        registration = Registration(event_id=event.id, member_id=member.id, status=status, queued_at=now,
                                    created_at=now, updated_at=now)
    else:  # registering again after a cancellation: the same row, at the end of the queue
        registration.status, registration.queued_at, registration.updated_at = status, now, now
        registration.promoted_at = None
    session.add(registration)
    session.flush()
    reminders = schedule(session, ctx, registration, event, now)
    position = waitlist_position(session, registration) if status == RegistrationStatus.WAITLIST else 0
    return Outcome(status=status, position=position, reminders=reminders)


def unregister(session: Session, ctx: Context, member: Member, event: Event, now: datetime) -> Outcome:
    registration = registration_of(session, event, member)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return Outcome(status="not_registered")
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status, registration.updated_at = RegistrationStatus.CANCELLED, now
    session.add(registration)
    cancel_all(session, registration, now)
    session.flush()
    if was_confirmed:
        promote_waiting(session, ctx, event, now)
    return Outcome(status="unregistered")


def promote_waiting(session: Session, ctx: Context, event: Event, now: datetime) -> int:
    """Give free places to the waitlist, first come first served; each promoted person is told."""
    if event.status != EventStatus.PLANNED or has_started(event, now) or event.id is None:
        return 0
    session.exec(select(Event.id).where(Event.id == event.id).with_for_update()).first()
    confirmed, _ = counts(session, event.id)
    free = None if event.capacity is None else max(0, event.capacity - confirmed)
    if free == 0:
        return 0
    query = (select(Registration, Member).join(Member, col(Member.id) == Registration.member_id)
             .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.WAITLIST)
             .order_by(col(Registration.queued_at), col(Registration.id)))
    if free is not None:
        query = query.limit(free)
    promoted = 0
    for registration, member in session.exec(query).all():
        registration.status, registration.promoted_at, registration.updated_at = RegistrationStatus.CONFIRMED, now, now
        session.add(registration)
        session.flush()
        notify_promoted(session, ctx, event, registration, member)
        promoted += 1
    if promoted:
        ctx.wake()
    return promoted


def watch(session: Session, event: Event, member: Member, now: datetime) -> bool:
    """"Tell me when the date is fixed"; True when newly noted."""
    wish = member_wish(session, event, member, "dated")
    if wish is not None and wish.notified_at is None:
        return False
    wish = wish or new_wish(event, member, "dated", now)
    wish.notified_at = None
    session.add(wish)
    return True


def follow_agenda(session: Session, member: Member, now: datetime) -> bool:
    """"Me prévenir du prochain programme": the member subscribes to the agenda's announcements (the staff
    announce the new programme there; /abonnements shows and stops it). True when newly noted."""
    assert member.id is not None
    existing = session.exec(select(Subscription).where(Subscription.member_id == member.id,
                                                        Subscription.topic == AGENDA_TOPIC)).first()
    if existing is not None:
        return False
    session.add(Subscription(member_id=member.id, topic=AGENDA_TOPIC, created_at=now))
    session.flush()
    return True


def save_profile(session: Session, member: Member, *, pseudonym: str, council_id: str | None, role: str,
                 now: datetime) -> Profile:
    assert member.id is not None
    profile = session.get(Profile, member.id) or Profile(member_id=member.id, pseudonym=pseudonym, role=role,
                                                         consent_at=now, updated_at=now)
    profile.pseudonym, profile.council_id, profile.role = pseudonym[:64], council_id, role
    profile.consent_at, profile.updated_at = now, now
    session.add(profile)
    return profile
