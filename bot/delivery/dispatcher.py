"""Sends what the outbox holds, at Telegram's pace, losing nothing and sending nothing twice.

Rows are claimed (FOR UPDATE SKIP LOCKED on PostgreSQL, so two instances never take the same
row), at most one per chat at a time and only for chats whose slot has come, so each chat gets its
messages in order. Up to `max_in_flight` sends overlap (at 100 ms a request, 30 messages/s needs
three or more at once); each outcome is committed as soon as it is known. After a crash only the
sends in flight are in doubt (at most `max_in_flight`, never two for one chat), and each is sent
again at most once.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import bindparam, func, update
from sqlmodel import Session, col, select

from bot.clock import Clock, as_utc
from bot.delivery.errors import Blocked, Permanent, RetryLater, Transient, Uncertain
from bot.delivery.outbox import OutboundMessage, decode
from bot.delivery.ratelimit import Limits, RateLimiter
from bot.storage.db import Database
from bot.storage.models import Member, Outbound

log = logging.getLogger(__name__)


SLOT_TRIES = 50
_DUE = (select(Outbound.id, Outbound.chat_id)
        .where(col(Outbound.status) == "pending", col(Outbound.not_before) <= bindparam("now"),
               col(Outbound.channel) == bindparam("channel"),
               col(Outbound.chat_id).not_in(bindparam("busy", expanding=True)))
        .order_by(col(Outbound.not_before), col(Outbound.id))
        .limit(bindparam("window"))
        .with_for_update(skip_locked=True))


class Transport(Protocol):
    async def send(self, message: OutboundMessage) -> str | None:
        """Deliver one message; return its id in the chat, or raise a `DeliveryError`."""
        ...


@dataclass
class DispatchReport:
    sent: int = 0
    deferred: int = 0
    uncertain: int = 0
    blocked: int = 0
    failed: int = 0
    recovered: int = 0

    def __add__(self, other: DispatchReport) -> DispatchReport:
        return DispatchReport(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))


@dataclass
class Dispatcher:
    db: Database
    transport: Transport
    clock: Clock
    channel: str = "telegram"
    limits: Limits = field(default_factory=Limits)
    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    max_attempts: int = 8
    give_up_after: timedelta = timedelta(hours=1)  # and not before: a network down for minutes loses nothing
    stale_after: timedelta = timedelta(minutes=2)
    instance: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    max_in_flight: int = 24  # sends claimed and under way (those on the wire: about 30/s × the round trip)
    idle_wait: float = 2.0  # `pump` waits this long for a message about to fall due, then returns

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.monotonic, self.limits)
        self.in_flight: set[str] = set()  # chats with a send under way in this instance
        self.stopping = False
        self._turn_loop: asyncio.AbstractEventLoop | None = None
        self._turn_lock = asyncio.Lock()

    def _turns(self) -> asyncio.Lock:
        """The queue for start slots, one per event loop (tests run one dispatcher in several)."""
        loop = asyncio.get_running_loop()
        if self._turn_loop is not loop:
            self._turn_loop, self._turn_lock = loop, asyncio.Lock()
        return self._turn_lock

    def recover(self, *, everything: bool = False) -> int:
        """Rows left 'sending' by a crashed worker go back to the queue (the one ambiguous send)."""
        cutoff = self.clock.now() - (timedelta(0) if everything else self.stale_after)

        def work(session: Session) -> int:
            result = session.execute(
                update(Outbound)
                .where(col(Outbound.status) == "sending", col(Outbound.claimed_at) <= cutoff,
                       col(Outbound.channel) == self.channel)
                .values(status="pending", claimed_by=None)
            )
            session.commit()
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

        count = self.db.write(work, what="recovering the outbox")
        if count:
            log.warning("%d message(s) were being sent during a crash: queued again", count)
        return count

    def _busy(self) -> set[str]:
        return self.in_flight | set(self.limiter.waiting_chats())

    def _claim(self, limit: int, busy: set[str] | None = None) -> list[Outbound]:
        now = self.clock.now()
        token = f"{self.instance}:{uuid.uuid4().hex[:8]}"
        busy = self._busy() if busy is None else busy
        return self.db.write(lambda session: self._claim_in(session, now, token, limit, busy),
                             what="claiming messages")

    def _claim_in(self, session: Session, now: datetime, token: str, limit: int,
                  busy: Collection[str]) -> list[Outbound]:
        """One unit of work, run again from the start if the database was locked or unreachable."""
        # Lock the due rows (PostgreSQL skips rows another instance holds), then mark them ours. Two
        # statements: a LIMIT inside "UPDATE … WHERE id IN (SELECT …)" may be re-evaluated and overshoot.
        # Chats that must wait are left out in the query, so that a long queue for one group cannot
        # hide everybody else's messages; then only each chat's first message is taken.
        # One cached statement whatever the number of busy chats (an expanding parameter): building
        # a fresh statement at each claim cost more than running it.
        first_of_chat: dict[str, int] = {}
        rows = session.execute(_DUE, {"now": now, "channel": self.channel, "busy": sorted(busy) or [""],
                                      "window": limit * 4})
        for row_id, chat_id in rows:
            if row_id is not None and len(first_of_chat) < limit:
                first_of_chat.setdefault(chat_id, row_id)
        due = list(first_of_chat.values())
        if due:
            # On SQLite (no row locks) another worker may have taken some meanwhile: the status
            # condition keeps only the rows still pending, and we read back exactly those.
            session.execute(
                update(Outbound)
                .where(col(Outbound.id).in_(due), col(Outbound.status) == "pending")
                .values(status="sending", claimed_at=now, claimed_by=token)
                .execution_options(synchronize_session=False)
            )
        session.commit()
        if not due:
            return []
        return list(session.exec(
            select(Outbound).where(Outbound.claimed_by == token, Outbound.status == "sending")
            .order_by(col(Outbound.not_before), col(Outbound.id))))

    def _finish(self, row_id: int, **values: object) -> None:
        """The outcome of a send, stored even if the database hiccups (else the message could go twice)."""

        def work(session: Session) -> None:
            session.execute(update(Outbound).where(col(Outbound.id) == row_id).values(**values))
            session.commit()

        self.db.write(work, what=f"recording the outcome of message {row_id}")

    def _defer(self, row: Outbound, until: datetime, **values: object) -> None:
        """Back to the queue until `until`; the chat's later messages wait too, so they keep their order."""

        def work(session: Session) -> None:
            session.execute(update(Outbound).where(col(Outbound.id) == row.id)
                            .values(status="pending", claimed_by=None, not_before=until, **values))
            session.execute(update(Outbound)
                            .where(col(Outbound.chat_id) == row.chat_id, col(Outbound.channel) == self.channel,
                                   col(Outbound.status) == "pending", col(Outbound.not_before) < until)
                            .values(not_before=until)
                            .execution_options(synchronize_session=False))
            session.commit()

        self.db.write(work, what=f"putting message {row.id} back in the queue")

    def _next_due(self) -> datetime | None:
        with self.db.session() as session:
            found = session.exec(select(func.min(Outbound.not_before))
                                 .where(col(Outbound.status) == "pending", col(Outbound.channel) == self.channel)
                                 ).one()
        return as_utc(found) if found is not None else None

    def _mark_blocked(self, chat_id: str) -> None:
        def work(session: Session) -> None:
            member = session.exec(
                select(Member).where(Member.external_id == chat_id, Member.channel == self.channel)).first()
            if member is not None and member.blocked_at is None:
                member.blocked_at = self.clock.now()
                session.add(member)
                session.commit()

        self.db.write(work, what="marking a blocked chat")

    async def run_once(self, limit: int = 200) -> DispatchReport:
        """One round: what is due now, for chats whose slot has come (`max_in_flight` sends at a time)."""
        gate = asyncio.Semaphore(self.max_in_flight)

        async def one(row: Outbound) -> DispatchReport:
            async with gate:
                return await self._deliver(row)

        report = DispatchReport()
        for result in await asyncio.gather(*(one(row) for row in self._claim(limit))):
            report += result
        return report

    async def pump(self, wake: asyncio.Event | None = None) -> DispatchReport:
        """Send for as long as something is due: a new send starts as soon as a lane and a chat are free,
        instead of waiting for the next tick. Returns when nothing falls due within `idle_wait`.
        `wake` (set when a message is queued) cuts a wait short."""
        wake = wake or asyncio.Event()
        total = DispatchReport()
        lanes: set[asyncio.Task[DispatchReport]] = set()
        try:
            while not self.stopping:
                free = self.max_in_flight - len(lanes)
                refill = free >= max(1, self.max_in_flight // 4)  # claim by batches: fewer round trips
                # The database work runs in a worker thread: a write waiting for SQLite's lock (the reminder
                # job is writing) must not freeze the sends already on the wire.
                claimed = await asyncio.to_thread(self._claim, free, self._busy()) if refill else []
                for row in claimed:
                    lanes.add(asyncio.create_task(self._deliver(row, offload=True)))
                pause = await asyncio.to_thread(self._pause, self.limiter.waiting_chats()) if refill else None
                if not lanes and pause is None:
                    break
                wake.clear()
                woken = asyncio.ensure_future(wake.wait())
                # The pause goes through the dispatcher's own sleep, so that a clock given to it (tests,
                # simulated time) moves on while nothing is on the wire.
                timer = asyncio.ensure_future(self.sleep(pause)) if pause is not None else None
                await asyncio.wait({*lanes, woken, *([timer] if timer else [])}, return_when=asyncio.FIRST_COMPLETED)
                woken.cancel()
                if timer is not None:
                    timer.cancel()
                for task in [task for task in lanes if task.done()]:
                    lanes.discard(task)
                    total += task.result()
        finally:
            for result in await asyncio.gather(*lanes):  # a send under way is seen through, even when stopping
                total += result
        return total

    def _pause(self, waiting: dict[str, float]) -> float | None:
        """How long until something may be claimed; None when nothing falls due soon."""
        due = self._next_due()
        if due is None:
            return None
        until_due = (due - self.clock.now()).total_seconds()
        if until_due > self.idle_wait:
            return None
        soonest_chat = min(waiting.values(), default=self.idle_wait)
        return min(self.idle_wait, max(0.005, until_due if until_due > 0 else soonest_chat))

    async def drain(self, *, max_rounds: int = 1000) -> DispatchReport:
        """Send until nothing is due (benchmarks, the terminal chat)."""
        total = DispatchReport()
        for _ in range(max_rounds):
            report = await self.run_once()
            total += report
            if report == DispatchReport():
                break
        return total

    async def _deliver(self, row: Outbound, *, offload: bool = False) -> DispatchReport:
        assert row.id is not None
        self.in_flight.add(row.chat_id)
        try:
            async with self._turns():  # first come, first served: no send waits behind later ones
                for _ in range(SLOT_TRIES):
                    wait = self.limiter.start_in()
                    if wait <= 0:
                        break
                    await self.sleep(wait)
                else:  # a clock that never moves (some tests) gets through in the end
                    self.limiter.starting()
            return await self._send(row, row.id, offload)
        finally:
            self.limiter.sent(row.chat_id)
            self.in_flight.discard(row.chat_id)

    async def _send(self, row: Outbound, row_id: int, offload: bool) -> DispatchReport:
        async def record(write: Callable[..., None], *args: object, **values: object) -> None:
            if offload:
                await asyncio.to_thread(write, *args, **values)
            else:
                write(*args, **values)

        attempts = row.attempts + 1
        try:
            external_id = await self.transport.send(decode(row))
        except RetryLater as exc:
            self.limiter.refused(row.chat_id, exc.seconds)
            await record(self._defer, row, self.clock.now() + timedelta(seconds=exc.seconds), attempts=attempts, error="429")
            return DispatchReport(deferred=1)
        except Uncertain:
            log.warning("message %s timed out: marked uncertain, not resent", row_id)
            await record(self._finish, row_id, status="uncertain", attempts=attempts, error="timed out")
            return DispatchReport(uncertain=1)
        except Blocked:
            await record(self._finish, row_id, status="blocked", attempts=attempts, error="blocked by the recipient")
            await record(self._mark_blocked, row.chat_id)
            return DispatchReport(blocked=1)
        except Permanent as exc:
            log.error("message %s refused: %s", row_id, exc)
            await record(self._finish, row_id, status="failed", attempts=attempts, error=str(exc)[:255])
            return DispatchReport(failed=1)
        except Transient as exc:
            if attempts >= self.max_attempts and self.clock.now() - as_utc(row.created_at) >= self.give_up_after:
                await record(self._finish, row_id, status="failed", attempts=attempts, error=str(exc)[:255])
                return DispatchReport(failed=1)
            backoff = timedelta(seconds=min(300, 2 ** attempts))
            await record(self._defer, row, self.clock.now() + backoff, attempts=attempts, error=str(exc)[:255])
            return DispatchReport(deferred=1)
        await record(self._finish, row_id, status="sent", attempts=attempts, sent_at=self.clock.now(), external_id=external_id,
                     error=None)
        return DispatchReport(sent=1)
