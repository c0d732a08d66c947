"""Long polling that loses no message when the process dies.

Telegram forgets an update as soon as `getUpdates` is called with a higher `offset`. PTB's updater
asks again the moment it has queued a batch, so a crash while that batch is being handled would
lose it. This request class, used only for `getUpdates`, holds each call until the application
has handled every update already fetched: after a crash (SIGKILL, power cut) the updates in hand
come back from Telegram. The price: the batch in hand when the process dies may be handled twice.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import BaseRequest, HTTPXRequest, RequestData


class ConfirmAfterHandling(BaseRequest):
    def __init__(self, inner: BaseRequest | None = None) -> None:
        self.inner = inner or HTTPXRequest(connection_pool_size=1)
        self.queue: asyncio.Queue[Any] | None = None  # the application's update queue, set once built

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
        if self.queue is not None and url.endswith("/getUpdates"):
            await self.queue.join()  # every fetched update handled: now they may be confirmed
        return await self.inner.do_request(url, method, request_data, read_timeout=read_timeout,
                                           write_timeout=write_timeout, connect_timeout=connect_timeout,
                                           pool_timeout=pool_timeout)
