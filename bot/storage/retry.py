"""Running a unit of work again when the database was locked (SQLite) or briefly unreachable (PostgreSQL).

A unit of work either commits or leaves nothing behind, so running it again from the start is safe.
Only transient failures are retried: a lock held too long, a connection refused or dropped. A wrong
query or a broken constraint fails at once, as it should.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
_TRANSIENT_WORDS = ("database is locked", "database is busy", "database table is locked", "connection refused",
                    "could not connect", "server closed the connection", "connection is closed",
                    "terminating connection", "connection timeout", "connection reset", "the database system is",
                    "ssl syscall error", "consuming input failed", "no connection to the server")


def is_transient(error: BaseException) -> bool:
    """A lock or a lost connection, from SQLAlchemy or straight from the driver (while connecting)."""
    from sqlalchemy.exc import DBAPIError, OperationalError  # imported once something failed: see db.py

    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    driver_error = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    if not (isinstance(error, OperationalError) or type(driver_error).__name__ == "OperationalError"):
        return False
    message = str(driver_error).lower()
    return any(word in message for word in _TRANSIENT_WORDS)


@dataclass
class Retry:
    """How long to insist: `attempts` runs, waiting `first_delay` then twice as long each time (at most
    `max_delay`): about 15 s in all by default, enough for a PostgreSQL restart or a long SQLite write."""

    attempts: int = 8
    first_delay: float = 0.1
    max_delay: float = 4.0
    sleep: Callable[[float], None] = time.sleep

    def run(self, work: Callable[[], T], *, what: str = "database work") -> T:
        delay = self.first_delay
        for attempt in range(1, self.attempts + 1):
            try:
                return work()
            except Exception as error:
                if attempt == self.attempts or not is_transient(error):
                    raise
                log.warning("%s failed (%s); attempt %d/%d in %.1f s", what, type(error).__name__, attempt + 1,
                            self.attempts, delay)
                self.sleep(delay)
                delay = min(self.max_delay, delay * 2)
        raise AssertionError("unreachable")
