"""Sends overlap, and still: each chat gets its messages in order and one per second, a group no more than
twenty a minute, the bot no more than thirty a second; a crash in the middle of sends loses nothing and
sends again only what was on the wire. Time is the test's clock: nothing here waits for real seconds."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from sqlmodel import select
from telegram.ext import AIORateLimiter, ApplicationBuilder, ExtBot

from bot.channels.memory_transport import MemoryTransport
from bot.channels.telegram.transport import TelegramTransport, unpaced
from bot.clock import ManualClock
from bot.core.replies import Reply
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.outbox import OutboundMessage, enqueue
from bot.delivery.ratelimit import RateLimiter
from bot.storage.db import Database as Db
from bot.storage.models import Outbound
from tests.support.desk import NO_LIMITS
from tests.support.telegram import RecordingRequest


class StampedTransport(MemoryTransport):
    """Telegram as the test's clock sees it: when each message arrived."""

    def __init__(self, clock: ManualClock) -> None:
        super().__init__()
        self.clock = clock
        self.arrivals: list[tuple[str, str, datetime]] = []

    async def send(self, message: OutboundMessage) -> str | None:
        self.arrivals.append((message.chat_id, message.text, self.clock.now()))
        await asyncio.sleep(0)  # the answer comes back later: other sends start meanwhile
        return await super().send(message)


class CrashingNetwork(MemoryTransport):
    """Answers the first `answered` sends; the next ones never come back (the process dies meanwhile)."""

    def __init__(self, answered: int, stuck: int) -> None:
        super().__init__()
        self.answered = answered
        self.stuck_wanted = stuck
        self.on_the_wire: list[str] = []
        self.all_stuck = asyncio.Event()

    async def send(self, message: OutboundMessage) -> str | None:
        if self.answered > 0:
            self.answered -= 1
            return await super().send(message)
        self.on_the_wire.append(message.text)
        if len(self.on_the_wire) >= self.stuck_wanted:
            self.all_stuck.set()
        await asyncio.Event().wait()  # no answer, ever
        raise AssertionError("unreachable")


def virtual_time(db: Db, transport: MemoryTransport, clock: ManualClock, **kwargs: object) -> Dispatcher:
    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)

    return Dispatcher(db=db, transport=transport, clock=clock, monotonic=lambda: clock.now().timestamp(),
                      sleep=sleep, **kwargs)  # type: ignore[arg-type]


def queue(db: Db, clock: ManualClock, chats: list[str], per_chat: int) -> None:
    with db.session() as session:
        for n in range(per_chat):
            for chat in chats:
                enqueue(session, Reply(text=f"{chat}:{n}"), chat_id=chat, purpose="test", now=clock.now())
        session.commit()


def most_in_any(window: timedelta, times: list[datetime]) -> int:
    times = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= window:
            first += 1
        most = max(most, last - first + 1)
    return most


async def test_many_chats_at_once_keep_their_order_one_per_second_and_thirty_a_second_overall(
        db: Db, clock: ManualClock) -> None:
    chats = [str(4000 + n) for n in range(40)]
    queue(db, clock, chats, per_chat=3)
    network = StampedTransport(clock)
    report = await virtual_time(db, network, clock, max_in_flight=8, idle_wait=0.01).pump()
    assert report.sent == 120
    for chat in chats:
        mine = [(text, at) for to, text, at in network.arrivals if to == chat]
        assert [text for text, _ in mine] == [f"{chat}:{n}" for n in range(3)]
        assert all(b - a >= timedelta(seconds=1) for (_, a), (_, b) in pairwise(mine))
    assert most_in_any(timedelta(seconds=1), [at for _, _, at in network.arrivals]) <= 30


async def test_a_group_gets_no_more_than_twenty_messages_a_minute(db: Db, clock: ManualClock) -> None:
    queue(db, clock, ["-100123"], per_chat=30)
    queue(db, clock, ["555"], per_chat=1)  # a private chat alongside is not held up by the group
    network = StampedTransport(clock)
    sender = virtual_time(db, network, clock)
    start = clock.now()
    for _ in range(150):  # two and a half minutes, second by second
        await sender.run_once()
        clock.advance(timedelta(seconds=1))
    group = [at for chat, _, at in network.arrivals if chat == "-100123"]
    assert len(group) == 30, "all of them go out in the end"
    assert most_in_any(timedelta(minutes=1), group) <= 20
    assert [text for chat, text, _ in network.arrivals if chat == "-100123"] == [f"-100123:{n}" for n in range(30)]
    (private,) = [at for chat, _, at in network.arrivals if chat == "555"]
    assert private - start < timedelta(seconds=1)


async def test_a_crash_with_sends_on_the_wire_loses_nothing_and_sends_again_only_those(
        db: Db, clock: ManualClock) -> None:
    chats = [str(6000 + n) for n in range(10)]
    queue(db, clock, chats, per_chat=2)
    network = CrashingNetwork(answered=5, stuck=4)
    first = Dispatcher(db=db, transport=network, clock=clock, limits=NO_LIMITS, max_in_flight=4, idle_wait=0.01)
    running = asyncio.create_task(first.pump())
    await asyncio.wait_for(network.all_stuck.wait(), timeout=30)
    while not running.done():  # the process dies: nothing more is written
        running.cancel()
        await asyncio.sleep(0)
    with pytest.raises(asyncio.CancelledError):
        await running
    with db.session() as session:
        in_doubt = session.exec(select(Outbound.text).where(Outbound.status == "sending")).all()
    assert sorted(in_doubt) == sorted(network.on_the_wire), "only the sends under way are in doubt"

    restarted = MemoryTransport()
    second = Dispatcher(db=db, transport=restarted, clock=clock, limits=NO_LIMITS, idle_wait=0.01)
    assert second.recover(everything=True) == 4
    await second.pump()

    delivered_before = [m.text for m in network.sent]
    delivered_after = [m.text for m in restarted.sent]
    everything = {f"{chat}:{n}" for chat in chats for n in range(2)}
    assert set(delivered_before) | set(network.on_the_wire) | set(delivered_after) == everything, "none lost"
    assert not set(delivered_before) & set(delivered_after), "an answered send never goes again"
    assert set(network.on_the_wire) <= set(delivered_after), "a send whose outcome is unknown goes once more"
    assert len(delivered_after) == len(set(delivered_after))
    for chat in chats:  # and each chat still reads its messages in order
        mine = [t for t in delivered_before + delivered_after if t.split(":")[0] == chat]
        assert mine == sorted(mine)


def test_sends_that_waited_for_the_same_instant_start_one_slot_apart() -> None:
    now = [1_000.0]
    limiter = RateLimiter(lambda: now[0])
    for _ in range(28):  # a second's worth started (a stall had bunched them)
        limiter.starting()
    now[0] += 0.5
    waits = [limiter.start_in() for _ in range(5)]  # five sends waiting for room
    assert all(wait == pytest.approx(0.5) for wait in waits)
    now[0] += 0.5
    assert [limiter.start_in() == 0 for _ in range(5)] == [True, False, False, False, False]


async def test_the_dispatcher_sends_through_the_same_connections_without_ptbs_rate_limiter() -> None:
    api = RecordingRequest()
    application = (ApplicationBuilder().token("123:abc").request(api).get_updates_request(RecordingRequest())
                   .rate_limiter(AIORateLimiter(max_retries=0)).build())
    bot = unpaced(application.bot)
    assert not isinstance(bot, ExtBot) and bot.request is api and bot.base_url == application.bot.base_url
    message = OutboundMessage(id=1, chat_id="42", text="Rappel", buttons=(), attachment=None, reply_to=None)
    assert await TelegramTransport(bot).send(message) is not None
    assert [(call.method, call.params["chat_id"]) for call in api.calls] == [("sendMessage", 42)]
