"""The one holder of the answerer in use. The learning loop swaps it when the knowledge grows; every
reader (the FAQ, tickets, the agenda, `App.answerer`) asks the holder, so none keeps a stale one."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from bot.answering.answerer import Answerer


class CurrentAnswerer:
    def __init__(self, first: Answerer | Callable[[], Answerer], *, warm_up: bool = True) -> None:
        """`warm_up`: an answerer decides a question of its own before it is in service (`Answerer.warm_up`), so
        that the first member's question does not pay what a first question makes once; False for a process that
        answers one question and ends (`hotline ask`: the work would only move)."""
        # A factory is built on first use: a context made for a job or a test may never answer anything.
        self._warm_up = warm_up
        if isinstance(first, Answerer) and warm_up:
            first.warm_up()
        self._current: Answerer | None = first if isinstance(first, Answerer) else None
        self._factory = None if isinstance(first, Answerer) else first
        self._lock = threading.Lock()
        if self._current is not None:
            _out_of_the_collector()  # the hotline's start hands it the prepared answerer: in service from now

    def get(self) -> Answerer:
        current = self._current
        if current is not None:
            return current
        with self._lock:
            if self._current is None:
                assert self._factory is not None
                self._current = self._factory()  # for the question that asks for it now: no warm-up
                _out_of_the_collector()
            return self._current

    def swap(self, answerer: Answerer) -> None:
        """One assignment: a question being answered keeps the answerer it started with (warmed up before it)."""
        if self._warm_up:
            answerer.warm_up()
        self._current = answerer
        _out_of_the_collector()


def _out_of_the_collector() -> None:
    """What is alive now (the answerer in service above all) is left out of the garbage collector's passes.

    At 10,000 entries an answerer holds millions of objects, and a full collection walked them all for 0.8 s,
    at whatever moment it fell (a console edit, a member's message). Nothing in an answerer is garbage while it
    serves, and a replaced one is still freed by reference counting (it holds no cycle: a test checks it). Only
    garbage made of cycles among frozen objects would stay: the price of not walking them, paid at a start or
    a learning action, not at each message."""
    gc.freeze()
