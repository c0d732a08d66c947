"""The one holder of the answerer in use. The learning loop swaps it when the knowledge grows; every
reader (the FAQ, tickets, the agenda, `App.answerer`) asks the holder, so none keeps a stale one."""

from __future__ import annotations

import threading
from collections.abc import Callable

from bot.answering.answerer import Answerer


class CurrentAnswerer:
    def __init__(self, first: Answerer | Callable[[], Answerer]) -> None:
        # A factory is built on first use: a context made for a job or a test may never answer anything.
        self._current: Answerer | None = first if isinstance(first, Answerer) else None
        self._factory = None if isinstance(first, Answerer) else first
        self._lock = threading.Lock()

    def get(self) -> Answerer:
        current = self._current
        if current is not None:
            return current
        with self._lock:
            if self._current is None:
                assert self._factory is not None
                self._current = self._factory()
            return self._current

    def swap(self, answerer: Answerer) -> None:
        """One assignment: a question being answered keeps the answerer it started with."""
        self._current = answerer
