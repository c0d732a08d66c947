"""Bot API faults on simulated time: a request class that answers 429, 5xx, times out or finds no network,
and a simulated clock for the code that waits (the dispatcher, PTB's polling retry loop)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData

from bot.clock import ManualClock
from tests.support.telegram import Call, RecordingRequest

# What a send may meet, as Telegram's servers and the network produce it.
ANSWERS: dict[str, tuple[int, dict[str, Any]]] = {
    "429": (429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 5",
                  "parameters": {"retry_after": 5}}),
    "500": (500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}),
    "502": (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}),
    "503": (503, {"ok": False, "error_code": 503, "description": "Service Unavailable"}),
}


@dataclass
class SimulatedTime:
    """Waiting moves the manual clock instead of the wall clock."""

    clock: ManualClock
    waited: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.clock.now().timestamp()

    async def sleep(self, seconds: float) -> None:
        self.waited.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))
        await asyncio.sleep(0)


@dataclass
class FaultyRequest(RecordingRequest):
    """Telegram as seen through a bad day: `script` faults for the next sends ("429", "500", "502", "503",
    "timeout", "cut"), and no network at all while `network_down()` says so."""

    script: list[str] = field(default_factory=list)
    network_down: Callable[[], bool] = lambda: False
    faults_met: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)  # served by getUpdates

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data is not None else {}
        if endpoint != "getMe" and self.network_down():
            self.faults_met.append("network down")
            raise NetworkError("httpx.ConnectError: [Errno 101] Network is unreachable")
        if endpoint == "getUpdates":
            offset = int(params.get("offset") or 0)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            await asyncio.sleep(0.005)  # a long poll that comes back empty: let the application work
            return 200, json.dumps({"ok": True, "result": self.updates[:100]}).encode()
        if endpoint in ("sendMessage", "sendDocument") and self.script:
            fault = self.script.pop(0)
            self.faults_met.append(fault)
            self.calls.append(Call(method=endpoint + "!" + fault, params=params))
            if fault == "timeout":
                raise TimedOut("Timed out")
            if fault == "cut":
                raise NetworkError("httpx.RemoteProtocolError: Server disconnected without sending a response.")
            status, body = ANSWERS[fault]
            return status, json.dumps(body).encode()
        return await super().do_request(url, method, request_data, read_timeout, write_timeout, connect_timeout,
                                        pool_timeout)
