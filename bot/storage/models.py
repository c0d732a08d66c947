"""Database tables. Times are timezone-aware UTC (SQLite hands them back naive: see `clock.as_utc`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


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
    entry_id: str | None = Field(default=None, max_length=96)
    score: float = 0.0
    feedback: int | None = None  # +1 / -1
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
    status: str = Field(default="pending", max_length=16, index=True)
    attempts: int = 0
    not_before: datetime = utc_column(index=True)
    created_at: datetime = utc_column()
    claimed_at: datetime | None = utc_column(nullable=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    sent_at: datetime | None = utc_column(nullable=True)
    external_id: str | None = Field(default=None, max_length=32)  # Telegram message id once sent
    error: str | None = Field(default=None, max_length=255)
