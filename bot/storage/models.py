"""Database tables. Times are timezone-aware UTC (SQLite hands them back naive: see `clock.as_utc`)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, LargeBinary, Text, UniqueConstraint
from sqlmodel import AutoString, Field, SQLModel


# Statuses are stored as these plain strings (a StrEnum equals its value): no migration, and old rows read back.
class OutboundStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNCERTAIN = "uncertain"
    BLOCKED = "blocked"
    FAILED = "failed"
    CANCELLED = "cancelled"


class TicketStatus(StrEnum):
    """A forwarded question: new → taken by a staff member → answered → closed."""

    NEW = "new"
    TAKEN = "taken"
    ANSWERED = "answered"
    CLOSED = "closed"


OPEN_TICKETS = (TicketStatus.NEW, TicketStatus.TAKEN, TicketStatus.ANSWERED)
WAITING_TICKETS = (TicketStatus.NEW, TicketStatus.TAKEN)  # waiting for the staff


class EventStatus(StrEnum):
    """An event on the agenda: planned, announced without a firm date, or cancelled."""

    PLANNED = "planned"
    TO_CONFIRM = "to_confirm"
    CANCELLED = "cancelled"


class RegistrationStatus(StrEnum):
    """A place taken, a place waited for in the queue, or given back."""

    CONFIRMED = "confirmed"
    WAITLIST = "waitlist"
    CANCELLED = "cancelled"


REGISTERED = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLIST)  # a place, or one in the queue


class AnnouncementStatus(StrEnum):
    """An announcement is put in the outbox in batches, then reported to its author."""

    QUEUED = "queued"  # batches still to put in the outbox
    ENQUEUED = "enqueued"  # all in the outbox, report not sent yet
    DONE = "done"


class ReminderStatus(StrEnum):
    """A reminder waits for its time, then is queued in the outbox, or is not sent at all."""

    PENDING = "pending"
    QUEUED = "queued"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class EditStatus(StrEnum):
    DRAFT = "draft"  # waits in the review queue
    PUBLISHED = "published"  # the latest published version of an item is served
    REJECTED = "rejected"
    MERGED = "merged"  # a draft published (as a new version)


UNSENT = (OutboundStatus.PENDING, OutboundStatus.SENDING)  # a message still to go (or going)


def status_column(default: StrEnum | None = None, *, index: bool = True) -> Any:
    """A status column holding the enum's string (a VARCHAR, as before the enums)."""
    if default is None:
        return Field(sa_type=AutoString(length=16), index=index)
    return Field(default=default, sa_type=AutoString(length=16), index=index)


def part_of(table: str) -> Any:
    """A reference to the parent row this row belongs to: deleted with it."""
    return Field(foreign_key=f"{table}.id", index=True, ondelete="CASCADE")


def utc_column(*, nullable: bool = False, index: bool = False) -> datetime:
    return Field(sa_type=DateTime(timezone=True), nullable=nullable, index=index)  # type: ignore[no-any-return]


class Member(SQLModel, table=True):
    """Someone who talks to the hotline, on one channel. Only what the service needs."""

    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    external_id: str = Field(max_length=64)
    display_name: str = Field(default="", max_length=128)
    created_at: datetime = utc_column()
    last_seen_at: datetime = utc_column()
    blocked_at: datetime | None = utc_column(nullable=True)  # the member blocked the bot (403): skip them
    state: str | None = Field(default=None, sa_type=Text)  # JSON: the form or flow in progress, if any


class QuestionLog(SQLModel, table=True):
    """Every question asked, with what the hotline decided: statistics and learning."""

    id: int | None = Field(default=None, primary_key=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True, ondelete="SET NULL")
    text: str | None = Field(default=None, max_length=4096)  # None once purged or erased
    decision: str = Field(max_length=16, index=True)
    entry_id: str | None = Field(default=None, max_length=96)  # what the hotline answered (or offered first)
    score: float = 0.0
    feedback: int | None = None  # +1 / -1
    # The entry the member picked instead: the runner-up under an answer ("Ce n'est pas votre question ?") says
    # the answer was wrong; a suggestion picked says which entry an unsure question meant. Staff see it as a hint.
    chosen_id: str | None = Field(default=None, max_length=96)
    # When staff took the question off the "to learn" queue (a wording attached from it, or set aside).
    handled_at: datetime | None = utc_column(nullable=True)
    created_at: datetime = utc_column(index=True)


class Outbound(SQLModel, table=True):
    """A message the hotline must deliver on its own initiative (reminder, staff post, relay, announcement).

    Stored in the same transaction as the fact that caused it, then sent by the dispatcher: a crash
    or a Telegram error between the two loses nothing.
    """

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(default="telegram", max_length=16)
    chat_id: str = Field(max_length=64, index=True)
    text: str = Field(sa_type=Text)
    buttons: str | None = Field(default=None, sa_type=Text)  # JSON: [[{"label", "data"|"url"}]]
    attachment_name: str | None = Field(default=None, max_length=128)
    attachment: bytes | None = Field(default=None, sa_type=LargeBinary)
    reply_to: str | None = Field(default=None, max_length=32)  # message id in that chat, to thread replies
    purpose: str = Field(max_length=32, index=True)  # "reminder", "ticket", "relay", "announcement"…
    ref: str | None = Field(default=None, max_length=64, index=True)  # e.g. "ticket:12"
    dedupe_key: str | None = Field(default=None, max_length=128, unique=True)
    status: OutboundStatus = status_column(OutboundStatus.PENDING)
    attempts: int = 0
    not_before: datetime = utc_column(index=True)
    created_at: datetime = utc_column()
    claimed_at: datetime | None = utc_column(nullable=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    sent_at: datetime | None = utc_column(nullable=True)
    external_id: str | None = Field(default=None, max_length=32)  # Telegram message id once sent
    error: str | None = Field(default=None, max_length=255)


# --- desk: tickets to the staff, their threads, and what the staff taught the hotline


class Ticket(SQLModel, table=True):
    """A question handed to a person: new → taken (by whom) → answered → closed."""

    id: int | None = Field(default=None, primary_key=True)
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True, ondelete="SET NULL")
    question_log_id: int | None = Field(default=None, foreign_key="questionlog.id", index=True, ondelete="SET NULL")
    channel: str = Field(max_length=16)  # where the member is, to relay the answers
    chat_id: str = Field(max_length=64)
    question: str | None = Field(default=None, sa_type=Text)  # None once erased
    origin: str = Field(max_length=16)  # "button", "feedback", "auto"
    status: TicketStatus = status_column(TicketStatus.NEW)
    taken_by: str | None = Field(default=None, max_length=128)  # staff display name
    taken_by_id: str | None = Field(default=None, max_length=64)
    answer: str | None = Field(default=None, sa_type=Text)  # the latest staff answer (the learning loop uses it)
    created_at: datetime = utc_column(index=True)
    waiting_since: datetime | None = utc_column(nullable=True)  # the member's latest unanswered message
    taken_at: datetime | None = utc_column(nullable=True)
    answered_at: datetime | None = utc_column(nullable=True)  # first human answer
    closed_at: datetime | None = utc_column(nullable=True)
    alerted_at: datetime | None = utc_column(nullable=True)  # last "still unanswered" flag to the staff


class TicketMessage(SQLModel, table=True):
    """One message of a ticket's thread (the member's question and follow-ups, the staff answers)."""

    id: int | None = Field(default=None, primary_key=True)
    ticket_id: int = part_of("ticket")
    author: str = Field(max_length=16)  # "member", "staff"
    author_name: str = Field(default="", max_length=128)
    text: str | None = Field(default=None, sa_type=Text)
    chat_id: str | None = Field(default=None, max_length=64)  # where the person wrote it
    external_id: str | None = Field(default=None, max_length=32)  # its message id there (replies to it map back)
    created_at: datetime = utc_column()


class Learned(SQLModel):
    """What the staff taught from a ticket: who, when, and whether it was exported to knowledge/ yet."""

    ticket_id: int | None = Field(default=None, foreign_key="ticket.id", ondelete="SET NULL")
    created_by: str = Field(default="", max_length=128)
    created_at: datetime = utc_column()
    exported_at: datetime | None = utc_column(nullable=True)


class LearnedEntry(Learned, table=True):
    """A FAQ entry written from a staff answer: used at once, exported to knowledge/ on demand."""

    id: str = Field(primary_key=True, max_length=96)
    question: str = Field(max_length=512)
    answer: str = Field(sa_type=Text)
    source: str = Field(max_length=255)


class LearnedPhrasing(Learned, table=True):
    """A member's wording attached by the staff to an entry (of the files or learned)."""

    __table_args__ = (UniqueConstraint("entry_id", "text"),)

    id: int | None = Field(default=None, primary_key=True)
    entry_id: str = Field(max_length=96, index=True)
    text: str = Field(max_length=512)


# --- events: the programme, members' profiles, registrations and their reminders


class Event(SQLModel, table=True):
    """An event of the programme, from knowledge/events.yaml or created by the staff. Times in UTC."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=96, unique=True)  # stable: deep links and QR codes (ev_<slug>)
    kind: str = Field(max_length=16, index=True)
    title: str = Field(max_length=255)
    starts_at: datetime | None = utc_column(nullable=True, index=True)
    ends_at: datetime | None = utc_column(nullable=True)
    all_day: bool = False  # a date without a time of day
    time_to_confirm: bool = False  # with all_day: the event has a time of day, not announced yet ("horaire à confirmer")
    month: str | None = Field(default=None, max_length=7)  # "2026-06" when only the month is known
    # An undated event's announced period ("2026-T1", "2026-S2", "2026-printemps", "2026": bot/events/periods.py);
    # once it is over, the event is no longer offered as upcoming.
    period: str | None = Field(default=None, max_length=16)
    place: str | None = Field(default=None, max_length=255)
    online_url: str | None = Field(default=None, max_length=512)  # sent to registrants only, in the reminder
    audience: str | None = Field(default=None, max_length=512)  # who it is for, in words
    audience_group: str | None = Field(default=None, max_length=16)  # "residents", "professionals", "elected", "everyone"
    replay_url: str | None = Field(default=None, max_length=512)  # shown once the event is past
    territory: str | None = Field(default=None, max_length=128)
    description: str | None = Field(default=None, sa_type=Text)
    capacity: int | None = None
    registration_deadline: datetime | None = utc_column(nullable=True)
    price: str | None = Field(default=None, max_length=512)
    status: EventStatus = status_column(EventStatus.PLANNED)
    source: str = Field(max_length=255)
    origin: str = Field(default="knowledge", max_length=16)  # "knowledge" or "staff"
    spec_hash: str | None = Field(default=None, max_length=64)  # the file's version last synced
    created_at: datetime = utc_column()
    updated_at: datetime = utc_column()


class Profile(SQLModel, table=True):
    """What registering needs, given once with consent: a name or pseudonym, a council, a role."""

    member_id: int = Field(primary_key=True, foreign_key="member.id", ondelete="CASCADE")
    pseudonym: str = Field(max_length=64)
    council_id: str | None = Field(default=None, max_length=96)  # None: "other / not in the list"
    role: str = Field(max_length=32)
    consent_at: datetime = utc_column()
    updated_at: datetime = utc_column()


class Registration(SQLModel, table=True):
    """One member at one event: confirmed, on the waitlist, or cancelled (the row is reused)."""

    __table_args__ = (UniqueConstraint("event_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = part_of("event")
    member_id: int = part_of("member")
    status: RegistrationStatus = status_column()
    queued_at: datetime = utc_column()  # order of the waitlist
    created_at: datetime = utc_column()
    updated_at: datetime = utc_column()
    promoted_at: datetime | None = utc_column(nullable=True)
    attended_at: datetime | None = utc_column(nullable=True)  # marked present by the staff after the event


class Reminder(SQLModel, table=True):
    """A reminder to send, one per registration and offset: the source of truth, not the scheduler."""

    __table_args__ = (UniqueConstraint("registration_id", "offset_minutes"),)

    id: int | None = Field(default=None, primary_key=True)
    registration_id: int = part_of("registration")
    offset_minutes: int
    due_at: datetime = utc_column(index=True)
    status: ReminderStatus = status_column(ReminderStatus.PENDING)
    generation: int = 0  # +1 each time it is re-armed (event moved, new registration): part of the dedupe key
    outbound_id: int | None = None
    handled_at: datetime | None = utc_column(nullable=True)


class EventWish(SQLModel, table=True):
    """A member asked to be told something about an event: "dated" (date fixed) or "copil_prep"."""

    __table_args__ = (UniqueConstraint("event_id", "member_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = part_of("event")
    member_id: int = part_of("member")
    kind: str = Field(max_length=16)
    created_at: datetime = utc_column()
    notified_at: datetime | None = utc_column(nullable=True)


# --- announcements: members' subscriptions, the staff's broadcasts, and anonymous counts kept after erasure


class Subscription(SQLModel, table=True):
    """A member chose to receive the announcements of one topic ("agenda", "cdv", "publications", "territoire")."""

    __table_args__ = (UniqueConstraint("member_id", "topic"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = part_of("member")
    topic: str = Field(max_length=32, index=True)
    council_id: str | None = Field(default=None, max_length=96)  # "territoire" without a profile: the council chosen
    created_at: datetime = utc_column()


class Announcement(SQLModel, table=True):
    """A staff broadcast. Its messages are outbox rows (ref "announce:<id>", one dedupe key per member);
    `last_member_id` is the progress, so a crash mid-broadcast resumes where it stopped."""

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=32, index=True)
    target_kind: str | None = Field(default=None, max_length=16)  # None (everyone), "territory", "council"
    target: str | None = Field(default=None, max_length=128)  # the territory's name or the council's id
    text: str = Field(sa_type=Text)
    status: AnnouncementStatus = status_column(AnnouncementStatus.QUEUED)
    created_by: str = Field(default="", max_length=128)
    created_by_id: str = Field(default="", max_length=64)
    report_channel: str = Field(default="telegram", max_length=16)  # where the final report goes
    report_chat_id: str = Field(default="", max_length=64)
    recipients: int = 0  # expected at confirmation
    enqueued: int = 0
    skipped: int = 0  # subscribers who had blocked the bot: not queued
    last_member_id: int = 0  # progress: every subscriber up to this member id is queued
    created_at: datetime = utc_column(index=True)
    enqueued_at: datetime | None = utc_column(nullable=True)
    reported_at: datetime | None = utc_column(nullable=True)


class ErasedRegistration(SQLModel, table=True):
    """Registrations of members who erased their data: only the counts remain, per event and status."""

    __table_args__ = (UniqueConstraint("event_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = part_of("event")
    status: RegistrationStatus = status_column(index=False)
    count: int = 0


# --- the staff console: one-time sign-in links, sessions, the audit log, and knowledge edits


class StaffToken(SQLModel):
    """What a sign-in link and a session both are: the hash of a secret token, for one staff member, until
    it expires (only the hash is kept)."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: str = Field(max_length=64)  # "telegram:<user id>" or "cli:<name>"
    staff_name: str = Field(max_length=128)
    created_at: datetime = utc_column()
    expires_at: datetime = utc_column()


class ConsoleLink(StaffToken, table=True):
    """A one-time sign-in link: used once, before it expires."""

    used_at: datetime | None = utc_column(nullable=True)


class ConsoleSession(StaffToken, table=True):
    """A signed-in browser. The cookie carries the token (signed); logging out revokes the row."""

    revoked_at: datetime | None = utc_column(nullable=True)


class AuditEntry(SQLModel, table=True):
    """Who changed what in the console (and when)."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: str = Field(max_length=64, index=True)
    staff_name: str = Field(max_length=128)
    action: str = Field(max_length=64)  # "ticket.reply", "knowledge.publish", "signin"…
    target: str = Field(default="", max_length=128)  # "ticket:12", "faq:budget-participatif"
    detail: str = Field(default="", sa_type=Text)
    created_at: datetime = utc_column(index=True)


class KnowledgeEdit(SQLModel, table=True):
    """One version of a knowledge item written in the console, overlaid on the files at load.

    Every save is a new row (the history); the latest "published" row of an item is served.
    "draft" rows wait in the review queue; "deleted" hides the item.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16, index=True)  # "faq", "glossary", "contact"
    key: str = Field(max_length=96, index=True)  # the entry's id, the term, the contact's id
    data: str = Field(sa_type=Text)  # JSON of the fields
    status: EditStatus = status_column()
    author: str = Field(default="", max_length=128)
    author_id: str = Field(default="", max_length=64)
    created_at: datetime = utc_column()
    exported_at: datetime | None = utc_column(nullable=True)
