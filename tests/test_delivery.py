"""Messages the hotline sends on its own go through the outbox: nothing lost, nothing doubled, Telegram's pace."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

from sqlmodel import select

from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.core.members import touch_member
from bot.core.replies import Button, Reply, Sender
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.errors import Blocked, DeliveryError, RetryLater, Transient, Uncertain
from bot.delivery.outbox import OutboundMessage, enqueue
from bot.storage.db import Database as Db
from bot.storage.models import Member, Outbound


class ScriptedTransport(MemoryTransport):
    """Answers with the queued errors first, then like Telegram."""

    def __init__(self, *errors: DeliveryError) -> None:
        super().__init__()
        self.errors = list(errors)
        self.attempts = 0

    async def send(self, message: OutboundMessage) -> str | None:
        self.attempts += 1
        if self.errors:
            raise self.errors.pop(0)
        return await super().send(message)


class SlowTransport(MemoryTransport):
    """Telegram answers in about a millisecond: enough for two workers to interleave."""

    async def send(self, message: OutboundMessage) -> str | None:
        await asyncio.sleep(0.001)
        return await super().send(message)


def dispatcher(db: Db, transport: MemoryTransport, clock: ManualClock) -> Dispatcher:
    async def sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    return Dispatcher(db=db, transport=transport, clock=clock, monotonic=lambda: clock.now().timestamp(),
                      sleep=sleep)


def queue(db: Db, clock: ManualClock, chat_id: str = "1001", text: str = "Rappel", **kwargs: object) -> int:
    with db.session() as session:
        row = enqueue(session, Reply(text=text, buttons=((Button(label="OK", data="ok"),),)), chat_id=chat_id,
                      purpose="test", now=clock.now(), **kwargs)  # type: ignore[arg-type]
        session.commit()
        assert row.id is not None
        return row.id


def status(db: Db, row_id: int) -> Outbound:
    with db.session() as session:
        row = session.get(Outbound, row_id)
        assert row is not None
        return row


async def test_a_queued_message_is_sent_once_with_its_buttons(db: Db, clock: ManualClock) -> None:
    transport = MemoryTransport()
    row_id = queue(db, clock)
    await dispatcher(db, transport, clock).run_once()
    [sent] = transport.sent
    assert sent.text == "Rappel" and sent.buttons[0][0].data == "ok"
    assert status(db, row_id).status == "sent" and status(db, row_id).external_id == "1"
    await dispatcher(db, transport, clock).run_once()
    assert len(transport.sent) == 1


async def test_the_same_dedupe_key_is_queued_only_once(db: Db, clock: ManualClock) -> None:
    first = queue(db, clock, dedupe_key="reminder:1:7d")
    second = queue(db, clock, dedupe_key="reminder:1:7d")
    assert first == second
    with db.session() as session:
        assert len(session.exec(select(Outbound)).all()) == 1


async def test_a_429_waits_for_retry_after_then_sends(db: Db, clock: ManualClock) -> None:
    transport = ScriptedTransport(RetryLater(30))
    row_id = queue(db, clock)
    sender = dispatcher(db, transport, clock)
    await sender.run_once()
    assert status(db, row_id).status == "pending" and transport.sent == []
    await sender.run_once()
    assert transport.sent == [], "not before retry_after"
    clock.advance(timedelta(seconds=31))
    await sender.run_once()
    assert len(transport.sent) == 1 and status(db, row_id).status == "sent"


async def test_a_timed_out_send_is_marked_uncertain_and_not_resent(db: Db, clock: ManualClock) -> None:
    transport = ScriptedTransport(Uncertain("timed out"))
    row_id = queue(db, clock)
    sender = dispatcher(db, transport, clock)
    await sender.run_once()
    clock.advance(timedelta(hours=1))
    await sender.run_once()
    assert status(db, row_id).status == "uncertain" and transport.attempts == 1


async def test_a_member_who_blocked_the_bot_is_marked_and_skipped(db: Db, clock: ManualClock) -> None:
    with db.session() as session:
        touch_member(session, Sender(channel="telegram", user_id="1001", chat_id="1001"), clock)
        session.commit()
    row_id = queue(db, clock)
    await dispatcher(db, ScriptedTransport(Blocked("403")), clock).run_once()
    assert status(db, row_id).status == "blocked"
    with db.session() as session:
        assert session.exec(select(Member)).one().blocked_at is not None


async def test_server_errors_are_retried_with_backoff_then_given_up(db: Db, clock: ManualClock) -> None:
    transport = ScriptedTransport(Transient("502"), Transient("502"))
    row_id = queue(db, clock)
    sender = dispatcher(db, transport, clock)
    for _ in range(3):
        await sender.run_once()
        clock.advance(timedelta(minutes=1))
    assert status(db, row_id).status == "sent" and transport.attempts == 3

    hopeless = ScriptedTransport(*[Transient("down")] * 20)
    lost_cause = queue(db, clock, text="autre")
    sender = dispatcher(db, hopeless, clock)
    for _ in range(20):
        await sender.run_once()
        clock.advance(timedelta(minutes=10))
    assert status(db, lost_cause).status == "failed" and hopeless.attempts == sender.max_attempts


async def test_one_chat_gets_at_most_one_message_per_second(db: Db, clock: ManualClock) -> None:
    transport = MemoryTransport()
    queue(db, clock, text="un")
    queue(db, clock, text="deux")
    queue(db, clock, chat_id="2002", text="autre membre")
    sender = dispatcher(db, transport, clock)
    await sender.run_once()
    assert [m.text for m in transport.sent] == ["un", "autre membre"]
    clock.advance(timedelta(seconds=1))
    await sender.run_once()
    assert [m.text for m in transport.sent] == ["un", "autre membre", "deux"]


async def test_the_overall_pace_stays_under_thirty_per_second(db: Db, clock: ManualClock) -> None:
    for n in range(60):
        queue(db, clock, chat_id=str(5000 + n))
    start = clock.now()
    await dispatcher(db, MemoryTransport(), clock).drain()
    assert clock.now() - start >= timedelta(seconds=59 / 30)


async def test_a_message_left_in_flight_by_a_crash_is_sent_again_once(db: Db, clock: ManualClock) -> None:
    row_id = queue(db, clock)
    with db.session() as session:
        row = session.get(Outbound, row_id)
        assert row is not None
        row.status, row.claimed_at, row.claimed_by = "sending", clock.now(), "crashed-worker"
        session.add(row)
        session.commit()
    transport = MemoryTransport()
    sender = dispatcher(db, transport, clock)
    assert sender.recover() == 0, "a recent claim may still be in flight elsewhere"
    clock.advance(timedelta(minutes=5))
    assert sender.recover() == 1
    await sender.drain()
    await sender.drain()
    assert len(transport.sent) == 1


def test_two_dispatchers_on_one_database_never_send_the_same_message(db: Db, clock: ManualClock) -> None:
    for n in range(200):
        queue(db, clock, chat_id=str(7000 + n), text=f"m{n}")
    transports = [SlowTransport(), SlowTransport()]
    start_together = threading.Barrier(2)

    def work(transport: MemoryTransport) -> None:
        sender = Dispatcher(db=db, transport=transport, clock=clock, monotonic=lambda: 0.0,
                            sleep=lambda s: asyncio.sleep(0))
        start_together.wait()
        for _ in range(40):
            asyncio.run(sender.run_once(limit=7))

    threads = [threading.Thread(target=work, args=(t,)) for t in transports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = [m.text for t in transports for m in t.sent]
    assert len(texts) == len(set(texts)) == 200
    assert all(t.sent for t in transports), "both instances took part"
