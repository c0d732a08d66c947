"""Delivery as the application sees it: the dispatcher appears when a channel brings its transport."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from bot.clock import Clock
from bot.core.replies import Reply
from bot.delivery import outbox
from bot.delivery.dispatcher import Dispatcher, DispatchReport, Transport
from bot.scheduling import Jobs
from bot.storage.db import Database

DELIVER_JOB = "deliver"
DELIVER_EVERY_SECONDS = 2.0


class Delivery:
    def __init__(self, *, db: Database, clock: Clock, jobs: Jobs) -> None:
        self.db = db
        self.clock = clock
        self.jobs = jobs
        self.dispatcher: Dispatcher | None = None
        jobs.every(DELIVER_JOB, DELIVER_EVERY_SECONDS, self.tick)

    def attach(self, transport: Transport, *, channel: str = "telegram") -> Dispatcher:
        self.dispatcher = Dispatcher(db=self.db, transport=transport, clock=self.clock, channel=channel)
        return self.dispatcher

    async def tick(self) -> DispatchReport:
        if self.dispatcher is None:
            return DispatchReport()
        recovered = self.dispatcher.recover()
        report = await self.dispatcher.run_once()
        report.recovered = recovered
        return report

    def defer(self, chat_id: str, replies: list[Reply], *, channel: str, wait: float = 0.0) -> None:
        """Replies that could not go out at once (network down, flood control): the dispatcher sends them."""
        now = self.clock.now()

        def work(session: Session) -> None:
            for reply in replies:
                outbox.enqueue(session, reply, chat_id=reply.to_chat or chat_id, purpose="reply", now=now,
                               not_before=now + timedelta(seconds=wait), channel=channel)
            session.commit()

        self.db.write(work, what="queueing replies for later")

    def wake(self) -> None:
        self.jobs.wake(DELIVER_JOB)
