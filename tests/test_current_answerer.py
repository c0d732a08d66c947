"""The one holder of the answerer in service: a swap puts the new one in service at once, and the one it
replaces is freed in another thread (not in the learning action staff wait for)."""

from __future__ import annotations

import threading
import weakref

from bot.answering.answerer import Answerer
from bot.config import Settings
from bot.core.answers import CurrentAnswerer
from bot.knowledge.loader import load_knowledge
from tests.conftest import FIXTURE_KNOWLEDGE


def test_the_answerer_replaced_is_freed_in_another_thread(settings: Settings) -> None:
    kb = load_knowledge(FIXTURE_KNOWLEDGE)
    first = Answerer(kb, settings.answering)
    holder = CurrentAnswerer(first)
    freed_in: list[str] = []
    weakref.finalize(first, lambda: freed_in.append(threading.current_thread().name))
    del first
    second = Answerer(kb, settings.answering, previous=holder.get())
    holder.swap(second)
    assert holder.get() is second
    for thread in threading.enumerate():
        if thread.name == "answerer-release":
            thread.join()
    assert freed_in == ["answerer-release"]
