"""10,000 reminders through the real dispatcher and a real SQLite file, against a fake Bot API that
enforces Telegram's limits (30 messages/s overall, 1/s per chat) and answers random 429s.

Time is virtual: the dispatcher's monotonic clock and sleep, and the fake API's limit checks, all
read one simulated clock, so the run measures the pacing algorithm itself (how close to the
ceiling it gets, without ever being over it) in seconds of wall time instead of minutes.
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from collections import Counter, deque
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from bench.common import table
from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.core.replies import Reply
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.errors import RetryLater
from bot.delivery.outbox import OutboundMessage, enqueue
from bot.storage.db import Database, make_engine
from bot.storage.migrate import upgrade
from bot.storage.models import Outbound

CEILING = 30.0


class LimitedApi(MemoryTransport):
    """Refuses (429) any message over 30/s overall or 1/s per chat, and 0.5 % of the others at random."""

    def __init__(self, clock: ManualClock, seed: int = 11, random_429: float = 0.005) -> None:
        super().__init__()
        self.clock = clock
        self.rng = random.Random(seed)
        self.random_429 = random_429
        self.window: deque[float] = deque()
        self.last_in_chat: dict[str, float] = {}
        self.refused = Counter[str]()

    async def send(self, message: OutboundMessage) -> str | None:
        now = self.clock.now().timestamp()
        while self.window and now - self.window[0] >= 1.0:
            self.window.popleft()
        if len(self.window) >= CEILING:
            self.refused["over 30/s"] += 1
            raise RetryLater(1)
        if now - self.last_in_chat.get(message.chat_id, -10.0) < 1.0:
            self.refused["over 1/s in a chat"] += 1
            raise RetryLater(1)
        if self.rng.random() < self.random_429:
            self.refused["random 429"] += 1
            raise RetryLater(self.rng.choice((1, 2, 5)))
        self.window.append(now)
        self.last_in_chat[message.chat_id] = now
        return await super().send(message)


async def run_dispatch(messages: int = 10_000, chats: int = 2_500) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        db = Database(engine)
        clock = ManualClock(datetime(2026, 3, 1, 8, 0, tzinfo=UTC))
        with db.session() as session:
            for n in range(messages):
                enqueue(session, Reply(text=f"Rappel {n}"), chat_id=str(100_000 + n % chats), purpose="reminder",
                        now=clock.now(), dedupe_key=f"bench:{n}")
            session.commit()

        async def sleep(seconds: float) -> None:
            clock.advance(timedelta(seconds=seconds))

        api = LimitedApi(clock)
        # One send at a time: every sleep moves the one simulated clock, so overlapping sends would
        # each move it. The real-time benchmark (bench/delivery.py) measures overlapping sends.
        dispatcher = Dispatcher(db=db, transport=api, clock=clock, monotonic=lambda: clock.now().timestamp(),
                                sleep=sleep, max_in_flight=1)
        start_virtual, start_wall = clock.now(), time.perf_counter()
        while True:
            report = await dispatcher.run_once(limit=500)
            if report.sent == 0 and report.deferred == 0:
                with db.session() as session:
                    pending = len(session.exec(select(Outbound.id).where(Outbound.status == "pending")).all())
                if pending == 0:
                    break
                clock.advance(timedelta(milliseconds=100))  # nothing due yet: let simulated time pass
        elapsed = (clock.now() - start_virtual).total_seconds()
        wall = time.perf_counter() - start_wall
        texts = [m.text for m in api.sent]
        with db.session() as session:
            statuses = Counter(session.exec(select(Outbound.status)).all())
        engine.dispose()
    return {
        "messages": messages, "chats": chats, "sent": len(texts), "duplicates": len(texts) - len(set(texts)),
        "lost": messages - len(set(texts)), "virtual_s": elapsed, "rate": len(texts) / elapsed,
        "share_of_ceiling": 100 * len(texts) / elapsed / CEILING, "wall_s": wall,
        "refused_over_limit": api.refused["over 30/s"] + api.refused["over 1/s in a chat"],
        "random_429": api.refused["random 429"], "statuses": dict(statuses),  # type: ignore[dict-item]
    }


def run() -> tuple[str, dict[str, float]]:
    result = asyncio.run(run_dispatch())
    text = table(
        ["reminders", "chats", "sent", "lost", "duplicates", "simulated s", "msg/s", "% of 30/s ceiling",
         "refused for going over a limit", "random 429s", "wall s"],
        [[int(result["messages"]), int(result["chats"]), int(result["sent"]), int(result["lost"]),
          int(result["duplicates"]), f"{result['virtual_s']:.0f}", f"{result['rate']:.1f}",
          f"{result['share_of_ceiling']:.1f}", int(result["refused_over_limit"]), int(result["random_429"]),
          f"{result['wall_s']:.0f}"]])
    return text, result


if __name__ == "__main__":
    print(run()[0])
