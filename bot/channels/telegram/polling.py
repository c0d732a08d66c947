"""Long polling that loses no message when the process dies.

Telegram forgets an update as soon as `getUpdates` is called with a higher `offset`. PTB's updater
asks again the moment it has queued a batch, so a crash while that batch is being handled would
lose it. This request class, used only for `getUpdates`, holds each call until the application
has handled every update already fetched: after a crash (SIGKILL, power cut) the updates in hand
come back from Telegram. When a batch holds several updates, each one handled is confirmed at once
(`handled`), so a crash replays only the update that was being handled: at most one duplicate.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Bot
from telegram.error import TelegramError
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)


class ConfirmAfterHandling(BaseRequest):
    def __init__(self, inner: BaseRequest | None = None) -> None:
        self.inner = inner or HTTPXRequest(connection_pool_size=1)
        self.queue: asyncio.Queue[Any] | None = None  # the application's update queue, set once built
        self._confirming = False

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self.queue is not None and url.endswith("/getUpdates") and not self._confirming:
            await self.queue.join()  # every fetched update handled: now they may be confirmed
        return await self.inner.do_request(url, method, request_data, read_timeout=read_timeout,
                                           write_timeout=write_timeout, connect_timeout=connect_timeout,
                                           pool_timeout=pool_timeout)

    async def handled(self, bot: Bot, update_id: int) -> None:
        """`update_id` is handled: tell Telegram now if others of its batch still wait (else the
        updater's next call does it), so that a crash cannot make it come back."""
        if self.queue is None or self.queue.empty():
            return
        self._confirming = True
        try:
            await bot.get_updates(offset=update_id + 1, limit=1, timeout=0)
        except TelegramError as error:  # the next poll confirms it anyway
            log.debug("could not confirm update %s: %s", update_id, error)
        finally:
            self._confirming = False
