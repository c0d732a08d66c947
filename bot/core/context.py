"""What every feature is given when it is built: the database, the clock, the settings, the knowledge
loaded at start, the answerer in use, and how to wake the dispatcher after queueing messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.answering.answerer import Answerer
from bot.clock import Clock
from bot.config import Settings
from bot.core.answers import CurrentAnswerer
from bot.core.conversation import get_state, set_state
from bot.knowledge.model import Council, KnowledgeBase
from bot.storage.db import Database
from bot.storage.models import Member


@dataclass(kw_only=True)
class Context:
    db: Database
    clock: Clock
    settings: Settings
    knowledge: KnowledgeBase  # as loaded at start: councils, contacts, events (learned entries live in `answers`)
    wake: Callable[[], None] = field(default=lambda: None)  # ask the dispatcher to send what was queued
    answers: CurrentAnswerer | None = None

    def __post_init__(self) -> None:
        if self.answers is None:
            self.answers = CurrentAnswerer(lambda: Answerer(self.knowledge, self.settings.answering))

    @property
    def answerer(self) -> Answerer:
        assert self.answers is not None
        return self.answers.get()

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.timezone

    @property
    def centre(self) -> str:
        return self.settings.centre_name

    def form(self, member: Member) -> dict[str, Any]:
        """The member's form in progress, or {} (none, or left alone too long: it has expired)."""
        return get_state(member, now=self.clock.now(), timeout=self.settings.form_timeout)

    def save_form(self, session: Session, member: Member, flow: str, **data: Any) -> None:
        set_state(session, member, flow, now=self.clock.now(), **data)

    def council(self, council_id: str | None) -> Council | None:
        return self.knowledge.council(council_id) if council_id else None

    def council_name(self, council_id: str | None) -> str:
        council = self.council(council_id)
        return council.name if council is not None else "autre / aucun"
