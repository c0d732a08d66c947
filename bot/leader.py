"""One leader among the `hotline run` processes sharing a database: it alone polls Telegram and runs the
scheduler; the others wait, ready, and one of them takes over when it dies.

On PostgreSQL the leader holds a session advisory lock on a connection of its own. When the process
dies (even SIGKILL) the server closes that session and frees the lock at once; a standby, asking every
second, gets it. If the leader loses its connection while alive, it can no longer be sure it is alone:
it stops (`on_lost`) rather than risk two pollers. SQLite serves one process: it leads trivially.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)
LOCK_KEY = 0x686F746C696E65  # "hotline": one lock per database
POLL_SECONDS = 1.0


@dataclass
class Leadership:
    engine: Engine
    poll_seconds: float = POLL_SECONDS
    sleep: Callable[[float], None] = time.sleep
    _connection: Connection | None = field(default=None, repr=False)
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def shared(self) -> bool:
        """Several processes can share this database (PostgreSQL): a leader must be chosen."""
        return self.engine.dialect.name == "postgresql"

    def try_acquire(self) -> bool:
        if not self.shared:
            return True
        if self._connection is None:
            self._connection = self.engine.connect()
        got = bool(self._connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY}).scalar())
        self._connection.commit()  # the lock belongs to the session, not to a transaction
        return got

    def wait(self, *, announce: Callable[[], None] = lambda: None) -> None:
        """Return once this process leads (at once on SQLite, or when no other holds the lock)."""
        announced = False
        while True:
            try:
                if self.try_acquire():
                    return
            except Exception as error:  # the database is unreachable: keep waiting, with a fresh connection
                log.warning("could not ask for the leadership: %s", type(error).__name__)
                self._drop()
            if not announced:
                announce()
                announced = True
            self.sleep(self.poll_seconds)

    def watch(self, on_lost: Callable[[], None], every: float = 2.0) -> None:
        """Check the lock's connection in a thread; call `on_lost` once if it is gone."""
        if not self.shared:
            return

        def check() -> None:
            while not self._stop.wait(every):
                try:
                    assert self._connection is not None
                    self._connection.execute(text("SELECT 1"))
                    self._connection.commit()
                except Exception:
                    log.error("lost the database connection that holds the leadership: stopping")
                    on_lost()
                    return

        threading.Thread(target=check, name="leadership", daemon=True).start()

    def release(self) -> None:
        self._stop.set()
        self._drop()

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()  # closing the session frees the lock
            except Exception:
                log.debug("closing the leadership connection failed", exc_info=True)
            self._connection = None
