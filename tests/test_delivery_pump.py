"""The delivery loop keeps several sends in flight, as Telegram's latency requires, without ever sending
two messages to one chat at once or out of order, and it stops by itself when nothing is due."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.core.replies import Reply
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.errors import RetryLater
from bot.delivery.outbox import OutboundMessage, enqueue
from bot.delivery.ratelimit import RateLimiter
from bot.storage.db import Database as Db
from tests.support.desk import NO_LIMITS


class SlowNetwork(MemoryTransport):
    """Each send takes a few turns of the event loop; records how many overlap, and for which chats."""

    def __init__(self, refuse_once: str | None = None) -> None:
        super().__init__()
        self.open: list[str] = []
        self.most_at_once = 0
        self.overlapping_chat = False
        self.refuse_once = refuse_once

    async def send(self, message: OutboundMessage) -> str | None:
        self.overlapping_chat |= message.chat_id in self.open
        self.open.append(message.chat_id)
        self.most_at_once = max(self.most_at_once, len(self.open))
        for _ in range(3):
            await asyncio.sleep(0)
        self.open.remove(message.chat_id)
        if message.text == self.refuse_once:
            self.refuse_once = None
            raise RetryLater(0)
        return await super().send(message)


def queue(db: Db, clock: ManualClock, chats: int, per_chat: int) -> None:
    with db.session() as session:
        for n in range(per_chat):
            for chat in range(chats):
                enqueue(session, Reply(text=f"{chat}:{n}"), chat_id=str(3000 + chat), purpose="test",
                        now=clock.now())
        session.commit()


async def test_sends_overlap_but_each_chat_gets_its_messages_one_at_a_time_in_order(db: Db,
                                                                                     clock: ManualClock) -> None:
    queue(db, clock, chats=12, per_chat=4)
    network = SlowNetwork(refuse_once="5:1")  # a 429 for one message: its chat's next ones wait behind it
    sender = Dispatcher(db=db, transport=network, clock=clock, limits=NO_LIMITS, max_in_flight=5,
                        idle_wait=0.05)
    report = await sender.pump()
    assert report.sent == 48 and report.deferred == 1
    assert 1 < network.most_at_once <= 5 and not network.overlapping_chat
    for chat in range(12):
        texts = [m.text for m in network.sent if m.chat_id == str(3000 + chat)]
        assert texts == [f"{chat}:{n}" for n in range(4)]


async def test_the_loop_returns_when_nothing_is_due_soon(db: Db, clock: ManualClock) -> None:
    with db.session() as session:
        enqueue(session, Reply(text="demain"), chat_id="1", purpose="test", now=clock.now(),
                not_before=clock.now() + timedelta(days=1))
        session.commit()
    transport = MemoryTransport()
    report = await Dispatcher(db=db, transport=transport, clock=clock, limits=NO_LIMITS).pump()
    assert report.sent == 0 and transport.sent == []


def test_sends_held_up_by_a_stall_leave_one_slot_apart_not_in_a_burst() -> None:
    now = [1_767_600_000.0]
    limiter = RateLimiter(lambda: now[0])
    assert limiter.take_slot() == 0
    waits = [limiter.take_slot() for _ in range(5)]  # five sends waiting for their turn
    assert all(0 < wait <= 1 / 28 + 1e-5 for wait in waits)
    now[0] += 2.0  # the machine stalled for two seconds
    assert limiter.take_slot() == 0
    assert limiter.take_slot() > 0, "the others wait for the next slot"
    starts = 0
    for _ in range(1000):  # a second of wake-ups: no more than the paced rate goes out
        if limiter.take_slot() == 0 and limiter.window_ready_in() == 0:
            limiter.starting()
            starts += 1
        now[0] += 0.001
    assert 25 <= starts <= 29


def test_a_chats_next_slot_counts_from_the_answer_to_its_last_message() -> None:
    now = [100.0]
    limiter = RateLimiter(lambda: now[0])
    limiter.take_slot()
    now[0] += 0.15  # Telegram answered 150 ms later
    limiter.sent("42")
    assert limiter.chat_ready_in("42") == pytest.approx(1.0)
    assert set(limiter.waiting_chats()) == {"42"}
