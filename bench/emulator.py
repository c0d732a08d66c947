"""A minimal local Bot API emulator: enough of Telegram's HTTP API for PTB's polling Application.

It speaks real HTTP/1.1 (keep-alive) on 127.0.0.1, so the benchmark exercises PTB's own request
stack (httpx), JSON (de)serialisation and long polling, with no network beyond the loopback.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

BOT = {"id": 42, "is_bot": True, "first_name": "Hotline", "username": "hotline_bench_bot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}


@dataclass
class Sent:
    method: str
    params: dict[str, Any]
    at: float


@dataclass
class Emulator:
    host: str = "127.0.0.1"
    port: int = 0
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    _update_ids: Any = field(default_factory=lambda: itertools.count(1))
    _message_ids: Any = field(default_factory=lambda: itertools.count(1))
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _waiters: dict[int, asyncio.Future[Sent]] = field(default_factory=dict)
    _server: asyncio.AbstractServer | None = None

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return f"http://{self.host}:{self.port}/bot"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    # --- what the benchmark does -------------------------------------------------------------

    def member_says(self, user_id: int, text: str) -> asyncio.Future[Sent]:
        """Queue a private message from `user_id`; the future resolves with the bot's next reply to them."""
        update = {"update_id": next(self._update_ids), "message": {
            "message_id": next(self._message_ids), "date": int(time.time()), "text": text,
            "chat": {"id": user_id, "type": "private", "first_name": f"M{user_id}"},
            "from": {"id": user_id, "is_bot": False, "first_name": f"M{user_id}", "language_code": "fr"}}}
        if text.startswith("/"):
            update["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        future: asyncio.Future[Sent] = asyncio.get_running_loop().create_future()
        self._waiters[user_id] = future
        self.updates.append(update)
        self._new_update.set()
        return future

    # --- the Bot API -------------------------------------------------------------------------

    async def _api(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates:
                self._new_update.clear()
                try:
                    await asyncio.wait_for(self._new_update.wait(), timeout=float(params.get("timeout") or 0))
                except TimeoutError:
                    return []
            return self.updates[:100]
        if method in ("sendMessage", "sendDocument"):
            chat_id = int(params["chat_id"])
            record = Sent(method=method, params=params, at=time.perf_counter())
            self.sent.append(record)
            waiter = self._waiters.pop(chat_id, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(record)
            return {"message_id": next(self._message_ids), "date": int(time.time()), "from": BOT,
                    "chat": {"id": chat_id, "type": "private"}, "text": params.get("text", "")}
        return True

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    break
                _, path, _ = request_line.decode().split(" ", 2)
                headers: dict[str, str] = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = line.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                params = _parse(body, headers.get("content-type", ""))
                result = await self._api(path.rsplit("/", 1)[-1], params)
                payload = json.dumps({"ok": True, "result": result}).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the emulator is stopping
        finally:
            writer.close()


def _parse(body: bytes, content_type: str) -> dict[str, Any]:
    if not body:
        return {}
    if "json" in content_type:
        return dict(json.loads(body))
    if "form-urlencoded" in content_type:
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode(), keep_blank_values=True):
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
        return params
    return {}  # multipart (documents): the benchmark does not need the fields
