"""A transport that keeps messages in memory: the terminal chat shows them, tests read them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from bot.delivery.outbox import OutboundMessage


@dataclass
class MemoryTransport:
    sent: list[OutboundMessage] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def send(self, message: OutboundMessage) -> str | None:
        self.sent.append(message)
        return str(next(self._ids))

    def take(self, chat_id: str | None = None) -> list[OutboundMessage]:
        taken = [m for m in self.sent if chat_id is None or m.chat_id == chat_id]
        self.sent = [m for m in self.sent if m not in taken]
        return taken
