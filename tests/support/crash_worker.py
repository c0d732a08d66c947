"""A real dispatcher process for the crash test: materialise due reminders, send them, record each send.

Usage: python -m tests.support.crash_worker DATABASE_URL LOG_FILE RUN_NUMBER NOW_ISO

The transport appends "<run> <outbound id>" to LOG_FILE and fsyncs before returning, so the parent
counts every message that left, even when this process is killed with SIGKILL the next instant.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import col, select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.core.context import Context as EventContext
from bot.delivery.dispatcher import Dispatcher, DispatchReport
from bot.delivery.outbox import OutboundMessage
from bot.delivery.ratelimit import Limits
from bot.events.reminders import materialise_due
from bot.knowledge.model import KnowledgeBase
from bot.storage.db import Database, make_engine
from bot.storage.models import Outbound, Reminder


@dataclass
class FileTransport:
    path: Path
    run: int

    async def send(self, message: OutboundMessage) -> str | None:
        time.sleep(random.uniform(0.0005, 0.003))  # the network: a kill may land in here
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{self.run} {message.id}\n".encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        return str(message.id)


async def main(url: str, log: Path, run: int, now: datetime, config: Path) -> None:
    db = Database(make_engine(url))
    clock = ManualClock(now)
    settings = load_settings(config, env={})
    ctx = EventContext(db=db, clock=clock, settings=settings, knowledge=KnowledgeBase(faq=()))
    dispatcher = Dispatcher(db=db, transport=FileTransport(log, run), clock=clock,
                            limits=Limits(per_second=100_000.0), stale_after=timedelta(0))
    dispatcher.recover(everything=True)  # this is the only worker: whatever was "sending" died with the last one
    while True:
        report = materialise_due(ctx, limit=37)
        sent = await dispatcher.run_once(limit=25)
        if report.queued == 0 and sent == DispatchReport() and not _left(db):
            break
    print("done", flush=True)


def _left(db: Database) -> int:
    with db.session() as session:
        return len(session.exec(select(Outbound.id).where(col(Outbound.status).in_(("pending", "sending")))).all()) + len(
            session.exec(select(Reminder.id).where(Reminder.status == "pending")).all())


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), datetime.fromisoformat(sys.argv[4]),
                     Path(sys.argv[5])))
