"""Delivery as the application sees it: the dispatcher appears when a channel brings its transport.

Every two seconds the scheduler makes sure the dispatcher's loop (`Dispatcher.pump`) runs; the loop
keeps sending for as long as anything is due, and a message just queued wakes it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
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
        self.sole_sender = False  # no other process sends: rows left "sending" died with the last one
        self._wake = asyncio.Event()
        self._pump: asyncio.Task[DispatchReport] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        jobs.every(DELIVER_JOB, DELIVER_EVERY_SECONDS, self.keep_pumping)

    def attach(self, transport: Transport, *, channel: str = "telegram") -> Dispatcher:
        self.dispatcher = Dispatcher(db=self.db, transport=transport, clock=self.clock, channel=channel)
        return self.dispatcher

    async def tick(self) -> DispatchReport:
        """One round of sending (tests and tools; the running bot pumps)."""
        if self.dispatcher is None:
            return DispatchReport()
        recovered = self.dispatcher.recover()
        report = await self.dispatcher.run_once()
        report.recovered = recovered
        return report

    async def keep_pumping(self) -> None:
        """The scheduled job: start the sending loop unless it is running."""
        if self.dispatcher is None or (self._pump is not None and not self._pump.done()):
            return
        self._loop = asyncio.get_running_loop()
        self._pump = asyncio.create_task(self._run_pump(self.dispatcher))

    async def _run_pump(self, dispatcher: Dispatcher) -> DispatchReport:
        recovered = dispatcher.recover(everything=self.sole_sender)
        self.sole_sender = False  # once, at start: later claims may be this process's own
        report = await dispatcher.pump(self._wake)
        report.recovered = recovered
        return report

    async def stop(self) -> None:
        """Let the sends under way finish (their outcome is recorded), start no other."""
        if self.dispatcher is not None:
            self.dispatcher.stopping = True
        self._wake.set()
        if self._pump is not None:
            with contextlib.suppress(Exception):
                await self._pump

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
        if self._pump is not None and not self._pump.done() and self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)  # the web console queues from its own thread
        else:
            self.jobs.wake(DELIVER_JOB)
