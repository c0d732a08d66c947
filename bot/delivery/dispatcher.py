"""Sends what the outbox holds, at Telegram's pace, losing nothing and sending nothing twice.

Rows are claimed (FOR UPDATE SKIP LOCKED on PostgreSQL, so two instances never take the same
row) then sent one at a time, each outcome committed at once: after a crash only the one
message in flight is in doubt, and it is sent again at most once.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.clock import Clock, as_utc
from bot.delivery.errors import Blocked, Permanent, RetryLater, Transient, Uncertain
from bot.delivery.outbox import OutboundMessage, decode
from bot.delivery.ratelimit import Limits, RateLimiter
from bot.storage.db import Database
from bot.storage.models import Member, Outbound

log = logging.getLogger(__name__)


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

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.monotonic, self.limits)

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

    def _claim(self, limit: int) -> list[Outbound]:
        now = self.clock.now()
        token = f"{self.instance}:{uuid.uuid4().hex[:8]}"
        return self.db.write(lambda session: self._claim_in(session, now, token, limit), what="claiming messages")

    def _claim_in(self, session: Session, now: datetime, token: str, limit: int) -> list[Outbound]:
        """One unit of work, run again from the start if the database was locked or unreachable."""
        # Lock the due rows (PostgreSQL skips rows another instance holds), then mark them ours. Two
        # statements: a LIMIT inside "UPDATE … WHERE id IN (SELECT …)" may be re-evaluated and overshoot.
        due = list(session.exec(
            select(Outbound.id)
            .where(col(Outbound.status) == "pending", col(Outbound.not_before) <= now,
                   col(Outbound.channel) == self.channel)
            .order_by(col(Outbound.not_before), col(Outbound.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ))
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
        report = DispatchReport()
        for row in self._claim(limit):
            report += await self._deliver(row)
        return report

    async def drain(self, *, max_rounds: int = 1000) -> DispatchReport:
        """Send until nothing is due (benchmarks, the terminal chat)."""
        total = DispatchReport()
        for _ in range(max_rounds):
            report = await self.run_once()
            total += report
            if report == DispatchReport():
                break
        return total

    async def _deliver(self, row: Outbound) -> DispatchReport:
        assert row.id is not None
        now = self.clock.now()
        wait_chat = self.limiter.chat_ready_in(row.chat_id)
        if wait_chat > 0:  # this chat had a message a moment ago: give the slot to others
            self._finish(row.id, status="pending", claimed_by=None,
                         not_before=now + timedelta(seconds=wait_chat))
            return DispatchReport(deferred=1)
        wait_global = self.limiter.global_ready_in()
        if wait_global > 0:
            await self.sleep(wait_global)
        self.limiter.record(row.chat_id)
        attempts = row.attempts + 1
        try:
            external_id = await self.transport.send(decode(row))
        except RetryLater as exc:
            self.limiter.refused(row.chat_id, exc.seconds)
            self._finish(row.id, status="pending", claimed_by=None, attempts=attempts,
                         not_before=self.clock.now() + timedelta(seconds=exc.seconds), error="429")
            return DispatchReport(deferred=1)
        except Uncertain:
            log.warning("message %s timed out: marked uncertain, not resent", row.id)
            self._finish(row.id, status="uncertain", attempts=attempts, error="timed out")
            return DispatchReport(uncertain=1)
        except Blocked:
            self._finish(row.id, status="blocked", attempts=attempts, error="blocked by the recipient")
            self._mark_blocked(row.chat_id)
            return DispatchReport(blocked=1)
        except Permanent as exc:
            log.error("message %s refused: %s", row.id, exc)
            self._finish(row.id, status="failed", attempts=attempts, error=str(exc)[:255])
            return DispatchReport(failed=1)
        except Transient as exc:
            if attempts >= self.max_attempts and self.clock.now() - as_utc(row.created_at) >= self.give_up_after:
                self._finish(row.id, status="failed", attempts=attempts, error=str(exc)[:255])
                return DispatchReport(failed=1)
            backoff = timedelta(seconds=min(300, 2 ** attempts))
            self._finish(row.id, status="pending", claimed_by=None, attempts=attempts,
                         not_before=self.clock.now() + backoff, error=str(exc)[:255])
            return DispatchReport(deferred=1)
        self._finish(row.id, status="sent", attempts=attempts, sent_at=self.clock.now(), external_id=external_id,
                     error=None)
        return DispatchReport(sent=1)
