"""Where an event stands in time (several features ask: registration, reminders, erasure, retention)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from bot.clock import as_utc
from bot.storage.models import Event

# What frees a place at an event calls (the events feature gives it to the waitlist); the caller commits.
PlaceFreed = Callable[[Session, Event, datetime], int]


def is_over(event: Event, now: datetime) -> bool:
    if event.starts_at is None:
        return False
    end = as_utc(event.ends_at) if event.ends_at is not None else as_utc(event.starts_at)
    return end <= now


def has_started(event: Event, now: datetime) -> bool:
    return event.starts_at is not None and as_utc(event.starts_at) <= now
