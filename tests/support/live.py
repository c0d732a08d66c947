"""The hotline's real PTB application, long polling over real HTTP against `FakeBotApi`, in the test's loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.app import App
from bot.channels.telegram.adapter import build_application
from tests.support.botapi import FakeBotApi


@asynccontextmanager
async def polling(app: App, *, rate_limit: bool = True,
                  on_polling_error: Callable[[Exception], None] | None = None
                  ) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """`app` must be built with `telegram.api_base_url` pointing at a started `FakeBotApi`."""
    application = build_application(app, rate_limit=rate_limit, start_jobs=False)
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1, error_callback=on_polling_error)
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Let the event loop run (PTB works in it) until `condition` holds; the fake API runs in its own thread."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


async def replies_to(fake: FakeBotApi, chat_id: int, count: int, timeout: float = 10.0) -> list[str]:
    assert await until(lambda: len(fake.sent(chat_id)) >= count, timeout), (
        f"expected {count} message(s) to {chat_id}, got {[c.text[:60] for c in fake.sent(chat_id)]}")
    return [c.text for c in fake.sent(chat_id)]
