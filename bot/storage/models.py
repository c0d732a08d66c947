"""Database tables. Times are timezone-aware UTC (SQLite hands them back naive: see `clock.as_utc`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, UniqueConstraint
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
