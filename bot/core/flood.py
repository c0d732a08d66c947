"""Flood control: a member who sends more than `per_minute` inputs in a minute is asked, once, to slow down.

A sliding window per member (channel + user id), on the application's clock. Over the limit, the
input is dropped: the first time in a window the member gets a polite notice, after that silence,
so that a flood costs neither a database write nor a Bot API call. Staff are never held back.
The counts live in memory on purpose: a restart forgives everyone, and nothing else needs them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from bot.clock import Clock
from bot.core.replies import Sender

WINDOW = timedelta(minutes=1)
SWEEP_EVERY = 1000  # checks between two clean-ups of members who went quiet


class Verdict(Enum):
    PASS = "pass"  # handle the input
    NOTICE = "notice"  # drop it, and say once why
    DROP = "drop"  # drop it silently


@dataclass
class FloodGuard:
    clock: Clock
    per_minute: int
    window: timedelta = WINDOW
    _seen: dict[tuple[str, str], deque[datetime]] = field(default_factory=dict)
    _noticed: dict[tuple[str, str], datetime] = field(default_factory=dict)
    _checks: int = 0

    def check(self, sender: Sender, *, exempt: Callable[[Sender], bool] = lambda sender: False) -> Verdict:
        """Count one input from `sender`; `exempt` (staff) is asked only when the limit is reached."""
        now = self.clock.now()
        self._checks += 1
        if self._checks % SWEEP_EVERY == 0:
            self._sweep(now)
        key = (sender.channel, sender.user_id)
        times = self._seen.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.per_minute:
            times.append(now)  # only accepted inputs count: a steady flood still gets `per_minute` through
            return Verdict.PASS
        if exempt(sender):
            return Verdict.PASS
        noticed = self._noticed.get(key)
        if noticed is not None and now - noticed < self.window:
            return Verdict.DROP
        self._noticed[key] = now
        return Verdict.NOTICE

    def _sweep(self, now: datetime) -> None:
        cutoff = now - self.window
        for key in [k for k, times in self._seen.items() if not times or times[-1] <= cutoff]:
            del self._seen[key]
        for key in [k for k, at in self._noticed.items() if at <= cutoff]:
            del self._noticed[key]

    @property
    def tracked(self) -> int:
        """How many members the guard remembers (it forgets the quiet ones)."""
        return len(self._seen)
