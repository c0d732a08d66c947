"""Telegram's sending limits: about 30 messages/s overall, 1/s per private chat, 20/min per group.

PTB's AIORateLimiter has no per-chat limit, so the dispatcher keeps its own, and sends through a bot
without PTB's (two pacers in a row only add up their jitter). Time comes from an injected monotonic
function, so tests and benchmarks control it.

Sends overlap (a request takes 50–150 ms from Europe), so the overall pace is kept by handing out
start slots one at a time (`start_in`: a slot, and room in the last second), and a chat's next slot
counts from the moment its last message was answered (`sent`): Telegram received it before that, so
the gap it sees is never shorter.
"""

from __future__ import annotations

import math
from collections import deque
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
    _next_global_us: int = 0
    _next_chat: dict[str, float] = field(default_factory=dict)
    _recent_refusals: list[tuple[float, str]] = field(default_factory=list)
    _starts: deque[float] = field(default_factory=deque)  # when the sends of the last second started

    @staticmethod
    def is_group(chat_id: str) -> bool:
        return chat_id.startswith("-")

    def chat_ready_in(self, chat_id: str) -> float:
        return max(0.0, self._next_chat.get(chat_id, 0.0) - self.monotonic())

    def global_ready_in(self) -> float:
        return max(0.0, self._next_global_us / 1e6 - self.monotonic())

    def waiting_chats(self) -> dict[str, float]:
        """Chats that must wait before their next message, with the seconds left."""
        now = self.monotonic()
        if len(self._next_chat) > 50_000:  # forget chats whose slot has long passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        return {chat: at - now for chat, at in self._next_chat.items() if at > now}

    def take_slot(self) -> float:
        """0.0 when a send may start now (the slot is taken), else the seconds until the next slot.

        Slots are not booked ahead: after a stall (a long database write, a busy machine) the sends
        that were waiting go out one slot apart again, not all at once to catch up."""
        # In whole microseconds, rounded up: float seconds since 1970 lose a little at each addition,
        # and a slot a hair early could be the 31st message of a second.
        now = math.ceil(self.monotonic() * 1e6)
        interval = math.ceil(1e6 / self._paced_rate())
        if now >= self._next_global_us:
            # Late by less than half a slot (the event loop had other work): the next keeps the cadence,
            # else every slot would lose that delay. Later: a stall, and the cadence starts afresh.
            late = now - self._next_global_us
            self._next_global_us = (self._next_global_us if late < interval // 2 else now) + interval
            return 0.0
        return (self._next_global_us - now) / 1e6

    def _paced_rate(self) -> float:
        """Two messages a second under the limit when the limit is Telegram's scale (30/s): the gaps
        Telegram sees are not the gaps we leave (a busy machine stalls a send between its slot and its
        socket, network jitter), and each refusal costs a second for that chat."""
        rate = self.limits.per_second
        return rate - 2 if 10 <= rate <= 1000 else rate

    def window_ready_in(self) -> float:
        """Seconds until a send may start without making the last second's count reach the limit.

        The slots of `reserve` are evenly spaced, but a stalled event loop (a long database write, a
        busy machine) wakes several late sends at once: they may not exceed the paced rate in any
        rolling second either."""
        now = self.monotonic()
        while self._starts and now - self._starts[0] >= 1.0:
            self._starts.popleft()
        cap = math.floor(self._paced_rate()) if self._paced_rate() != self.limits.per_second else math.inf
        if len(self._starts) < cap:
            return 0.0
        return self._starts[0] + 1.0 - now

    def starting(self) -> None:
        self._starts.append(self.monotonic())

    def start_in(self) -> float:
        """0.0 when a send may start now (its slot and its place in the last second are taken), else the
        seconds to wait before asking again. Both are checked at each call: sends that waited for the same
        instant must not all start at it."""
        crowded = self.window_ready_in()
        if crowded > 0:
            return crowded
        wait = self.take_slot()
        if wait > 0:
            return wait
        self.starting()
        return 0.0

    def sent(self, chat_id: str) -> None:
        """The chat's message was answered: its next one waits a full interval from now."""
        interval = self.limits.group_interval if self.is_group(chat_id) else self.limits.private_interval
        self._next_chat[chat_id] = max(self._next_chat.get(chat_id, 0.0), self.monotonic() + interval)

    def record(self, chat_id: str) -> None:
        """One send starting now (a caller that does not overlap sends)."""
        self.take_slot()
        self.starting()
        self.sent(chat_id)

    def refused(self, chat_id: str, seconds: float) -> None:
        """A 429 for this chat: it waits `retry_after`. When several chats are refused within a couple of
        seconds, the whole bot is over its limit, and everybody waits."""
        now = self.monotonic()
        self._next_chat[chat_id] = max(self._next_chat.get(chat_id, 0.0), now + seconds)
        self._recent_refusals = [(t, c) for t, c in self._recent_refusals if now - t < GLOBAL_FLOOD_WINDOW]
        self._recent_refusals.append((now, chat_id))
        if len({c for _, c in self._recent_refusals}) >= GLOBAL_FLOOD_CHATS:
            self._next_global_us = max(self._next_global_us, math.ceil((now + seconds) * 1e6))
