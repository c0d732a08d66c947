"""One dispatcher process for the "one sender only" test: sends whatever it can claim, records each send.

Usage: python -m tests.support.sender_worker DATABASE_URL LOG_FILE NAME

Each send appends "<name> <outbound id>" to LOG_FILE (fsynced) and takes a moment, like the network.
The two workers start together (a ".ready" file each, next to LOG_FILE) and stop when nothing is left
pending or being sent.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, func, select

from bot.clock import SystemClock
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.outbox import OutboundMessage
from bot.delivery.ratelimit import Limits
from bot.storage.db import Database, make_engine
from bot.storage.models import Outbound


@dataclass
class FileTransport:
    path: Path
    name: str

    async def send(self, message: OutboundMessage) -> str | None:
        time.sleep(0.001)  # the network
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{self.name} {message.id}\n".encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        return str(message.id)


async def main(url: str, log: Path, name: str) -> None:
    db = Database(make_engine(url))
    dispatcher = Dispatcher(db=db, transport=FileTransport(log, name), clock=SystemClock(),
                            limits=Limits(per_second=1e9, private_interval=0.0, group_interval=0.0))
    (log.parent / f"{name}.ready").touch()  # start together: wait for the other worker
    deadline = time.monotonic() + 30
    while len(list(log.parent.glob("*.ready"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    while True:
        await dispatcher.run_once(limit=7)
        with db.session() as session:
            left = session.exec(select(func.count()).select_from(Outbound)
                                .where(col(Outbound.status).in_(("pending", "sending")))).one()
        if not left:
            break


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3]))
