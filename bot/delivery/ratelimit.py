"""Telegram's sending limits: about 30 messages/s overall, 1/s per private chat, 20/min per group.

PTB's AIORateLimiter has no per-chat limit, so the dispatcher keeps its own. Time comes from an
injected monotonic function, so tests and benchmarks control it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

GLOBAL_FLOOD_WINDOW = 2.0  # seconds
GLOBAL_FLOOD_CHATS = 3  # distinct chats refused within the window: the bot as a whole is over its limit


@dataclass(frozen=True, kw_only=True)
class Limits:
    per_second: float = 30.0
    private_interval: float = 1.0
    group_interval: float = 3.0  # 20 per minute


@dataclass
class RateLimiter:
    monotonic: Callable[[], float]
    limits: Limits = field(default_factory=Limits)
    _next_global: float = 0.0
    _next_chat: dict[str, float] = field(default_factory=dict)
    _recent_refusals: list[tuple[float, str]] = field(default_factory=list)

    @staticmethod
    def is_group(chat_id: str) -> bool:
        return chat_id.startswith("-")

    def chat_ready_in(self, chat_id: str) -> float:
        return max(0.0, self._next_chat.get(chat_id, 0.0) - self.monotonic())

    def global_ready_in(self) -> float:
        return max(0.0, self._next_global - self.monotonic())

    def record(self, chat_id: str) -> None:
        now = self.monotonic()
        self._next_global = max(self._next_global, now) + 1.0 / self.limits.per_second
        interval = self.limits.group_interval if self.is_group(chat_id) else self.limits.private_interval
        self._next_chat[chat_id] = now + interval
        if len(self._next_chat) > 50_000:  # forget chats whose slot has long passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}

    def refused(self, chat_id: str, seconds: float) -> None:
        """A 429 for this chat: it waits `retry_after`. When several chats are refused within a couple of
        seconds, the whole bot is over its limit, and everybody waits."""
        now = self.monotonic()
        self._next_chat[chat_id] = max(self._next_chat.get(chat_id, 0.0), now + seconds)
        self._recent_refusals = [(t, c) for t, c in self._recent_refusals if now - t < GLOBAL_FLOOD_WINDOW]
        self._recent_refusals.append((now, chat_id))
        if len({c for _, c in self._recent_refusals}) >= GLOBAL_FLOOD_CHATS:
            self._next_global = max(self._next_global, now + seconds)
