"""A local Bot API that enforces Telegram's sending limits and adds network latency, in its own process.

Over real HTTP on 127.0.0.1 only. A request "reaches Telegram" half a round trip after this server read
it (that instant is what the limits count, so a stall of this process on a busy machine does not squeeze
arrivals together), and the answer leaves half a round trip after that. The limits: 30 messages in any
one second overall, one per second in a private chat, 20 per minute in a group. A message over a limit
is refused with 429 and `retry_after`, as Telegram does. Apart from the bot, it does not steal the bot's
event loop; `time.monotonic` is one clock for both processes on Linux, so send times compare.

`GET /stats` returns what was accepted (chat, text, time) and what was refused (how many, by limit; when).
"""

from __future__ import annotations

import asyncio
import bisect
import json
import multiprocessing
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from bench.emulator import BOT, _parse

SENDS = ("sendMessage", "sendDocument")


@dataclass
class Limited:
    latency: float = 0.0  # seconds, round trip
    per_second: int = 30
    private_interval: float = 1.0
    group_per_minute: int = 20
    accepted: list[tuple[int, str, float]] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    refused_at: list[tuple[int, float]] = field(default_factory=list)
    _window: list[float] = field(default_factory=list)  # sorted arrival times of the accepted sends
    _last_private: dict[int, float] = field(default_factory=dict)
    _group_sends: dict[int, deque[float]] = field(default_factory=dict)
    _message_ids: int = 0

    def over_limit(self, chat_id: int, now: float) -> str | None:
        if len(self._window) > 1000:
            del self._window[:-1000]
        # Arrivals are checked nearly, not exactly, in order: count the second before `now` and the one after.
        before = bisect.bisect_right(self._window, now) - bisect.bisect_left(self._window, now - 1.0 + 1e-9)
        after = bisect.bisect_right(self._window, now + 1.0 - 1e-9) - bisect.bisect_right(self._window, now)
        if before >= self.per_second or after >= self.per_second:
            return "over 30/s"
        if chat_id > 0:
            if now - self._last_private.get(chat_id, -1e9) < self.private_interval:
                return "over 1/s in a chat"
        else:
            sends = self._group_sends.setdefault(chat_id, deque())
            while sends and now - sends[0] >= 60.0:
                sends.popleft()
            if len(sends) >= self.group_per_minute:
                return "over 20/min in a group"
        return None

    def api(self, method: str, params: dict[str, Any], now: float) -> tuple[int, dict[str, Any]]:
        if method == "getMe":
            return 200, {"ok": True, "result": BOT}
        if method not in SENDS:
            return 200, {"ok": True, "result": [] if method == "getUpdates" else True}
        chat_id = int(params["chat_id"])
        reason = self.over_limit(chat_id, now)
        if reason is not None:
            self.refused[reason] += 1
            self.refused_at.append((chat_id, now))
            return 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                         "parameters": {"retry_after": 1}}
        bisect.insort(self._window, now)
        if chat_id > 0:
            self._last_private[chat_id] = now
        else:
            self._group_sends[chat_id].append(now)
        text = str(params.get("text") or params.get("caption") or "")
        self.accepted.append((chat_id, text, now))
        self._message_ids += 1
        return 200, {"ok": True, "result": {"message_id": self._message_ids, "date": int(time.time()), "from": BOT,
                                            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                                            "text": text}}

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while request_line := await reader.readline():
                _, path, _ = request_line.decode().split(" ", 2)
                headers: dict[str, str] = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = line.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                if path == "/stats":
                    status, payload = 200, {"accepted": self.accepted, "refused": dict(self.refused),
                                     "refused_at": self.refused_at}
                else:
                    arrival = time.monotonic() + self.latency / 2  # on the way to Telegram
                    await asyncio.sleep(max(0.0, arrival - time.monotonic()))
                    status, payload = self.api(path.rsplit("/", 1)[-1], _parse(body, headers.get("content-type", "")),
                                               arrival)
                    await asyncio.sleep(max(0.0, arrival + self.latency / 2 - time.monotonic()))  # and back
                data = json.dumps(payload).encode()
                writer.write(f"HTTP/1.1 {status} {'OK' if status == 200 else 'Too Many Requests'}\r\n".encode()
                             + f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def _main(latency: float, ready: Any) -> None:
    async def run() -> None:
        api = Limited(latency=latency)
        server = await asyncio.start_server(api.serve, "127.0.0.1", 0)
        ready.send(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(run())


class LimitedApiProcess:
    """The fake API in a child process: `with LimitedApiProcess(0.1) as url: …`."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.port = 0
        self._process: multiprocessing.process.BaseProcess | None = None

    def __enter__(self) -> str:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_main, args=(self.latency, child), daemon=True)
        self._process.start()
        self.port = int(parent.recv())
        return f"http://127.0.0.1:{self.port}/bot"

    @staticmethod
    def stats_of(url: str) -> dict[str, Any]:
        import urllib.request

        with urllib.request.urlopen(url.removesuffix("/bot") + "/stats", timeout=30) as answer:
            return dict(json.loads(answer.read()))

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(5)
