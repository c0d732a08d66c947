"""What every part of the events feature needs: the database, the clock, the settings, the knowledge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import Settings
from bot.knowledge.model import Council, KnowledgeBase
from bot.storage.db import Database


@dataclass(kw_only=True)
class EventContext:
    db: Database
    clock: Clock
    settings: Settings
    knowledge: KnowledgeBase
    wake: Callable[[], None] = field(default=lambda: None)  # ask the dispatcher to send what was queued

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.timezone

    @property
    def centre(self) -> str:
        return self.settings.centre_name

    def council(self, council_id: str | None) -> Council | None:
        return self.knowledge.council(council_id) if council_id else None

    def council_name(self, council_id: str | None) -> str:
        council = self.council(council_id)
        return council.name if council is not None else "autre / aucun"
