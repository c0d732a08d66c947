"""A Bot API server on the loopback, in a thread, with faults on demand: for PTB's real HTTP stack.

It speaks HTTP/1.1 like api.telegram.org: `/bot<token>/<method>`, JSON or form or multipart bodies,
long polling on `getUpdates` with Telegram's confirmation rule (an `offset` confirms every update
below it; unconfirmed updates are handed out again, e.g. to a restarted bot). Tests queue member
updates, read what the bot sent, and inject faults: HTTP errors (429 with `retry_after`, 5xx),
answers slower than the client's time-out, or connections cut without an answer (the network is down).
Because it runs in its own thread, a test can drive it from asyncio code or from a subprocess's parent.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT = {"id": 4711, "is_bot": True, "first_name": "Hotline", "username": "hotline_test_bot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
DATE = 1767600000


@dataclass(frozen=True)
class Fault:
    """What the server does instead of answering: an HTTP error, a slow answer, or a cut connection."""

    status: int = 0  # 0: no HTTP answer at all (see `delay`): the connection is cut
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0  # seconds before answering (or cutting)

    def body(self) -> bytes:
        payload: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            payload["parameters"] = {"retry_after": self.retry_after}
        return json.dumps(payload).encode()


TOO_MANY = Fault(status=429, description="Too Many Requests: retry after 3", retry_after=3)
BAD_GATEWAY = Fault(status=502, description="Bad Gateway")
SERVER_ERROR = Fault(status=500, description="Internal Server Error")
CUT = Fault(status=0)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def chat_id(self) -> int:
        return int(self.params.get("chat_id", 0))

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class FakeBotApi:
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)  # not yet confirmed
    # Decides, for each request (method name), whether a fault replaces the answer; None: answer.
    fault: Callable[[str], Fault | None] = lambda method: None
    _lock: threading.Condition = field(default_factory=threading.Condition)
    _update_ids: Any = field(default_factory=lambda: itertools.count(1))
    _message_ids: Any = field(default_factory=lambda: itertools.count(1))
    _server: ThreadingHTTPServer | None = None

    # --- life ------------------------------------------------------------------------------

    def start(self) -> str:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                api._handle(self)

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="fake-bot-api", daemon=True).start()
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/bot"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:
            self._lock.notify_all()

    # --- what tests do ---------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        with self._lock:
            update_id = next(self._update_ids)
            self.updates.append({"update_id": update_id, **update})
            self._lock.notify_all()
            return update_id

    def member_says(self, user_id: int, text: str, *, first_name: str = "Awa") -> int:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": DATE, "text": text,
            "chat": {"id": user_id, "type": "private", "first_name": first_name},
            "from": {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "fr"}}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.push({"message": message})

    def sent(self, chat_id: int | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method in ("sendMessage", "sendDocument")
                    and (chat_id is None or c.chat_id == chat_id)]

    def wait_for(self, predicate: Callable[[FakeBotApi], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(min(left, 0.05))
            return True

    @property
    def pending_updates(self) -> int:
        with self._lock:
            return len(self.updates)

    # --- the Bot API -----------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        path = request.path.split("?", 1)[0]
        token, _, method = path.removeprefix("/bot").partition("/")
        params = _parse(body, request.headers.get("Content-Type", ""))
        fault = self.fault(method)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status == 0:
                request.close_connection = True
                request.connection.close()  # no answer at all: the client sees a network error
                return
            self._answer(request, fault.status, fault.body())
            return
        result = self._api(method, params, token)
        self._answer(request, 200, json.dumps({"ok": True, "result": result}).encode())

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int, payload: bytes) -> None:
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            request.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its time-out): like Telegram, the call may still have happened

    def _api(self, method: str, params: dict[str, Any], token: str) -> Any:
        if method == "getUpdates":
            return self._get_updates(params)
        with self._lock:
            self.calls.append(Call(method=method, params=params, token=token))
            self._lock.notify_all()
            if method == "getMe":
                return BOT
            if method in ("sendMessage", "sendDocument", "editMessageText"):
                chat_id = int(params.get("chat_id", 0))
                message: dict[str, Any] = {
                    "message_id": next(self._message_ids), "date": DATE, "from": BOT,
                    "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "Équipe"}}
                if method == "sendDocument":
                    message["document"] = {"file_id": "f", "file_unique_id": "u", "file_name": "fichier"}
                    message["caption"] = params.get("caption", "")
                else:
                    message["text"] = params.get("text", "")
                return message
            if method == "getChatMember":
                return {"status": "member",
                        "user": {"id": int(params.get("user_id", 0)), "is_bot": False, "first_name": "X"}}
            return True

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._lock:
            self.calls.append(Call(method="getUpdates", params=params, token=""))
            if offset:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]  # confirmed
            while not self.updates and (left := deadline - time.monotonic()) > 0 and self._server is not None:
                self._lock.wait(min(left, 0.5))
            return list(self.updates[:limit])


def _parse(body: bytes, content_type: str) -> dict[str, Any]:
    if not body:
        return {}
    if "json" in content_type:
        return dict(json.loads(body))
    if "form-urlencoded" in content_type:
        return {key: _maybe_json(value) for key, value in parse_qsl(body.decode(), keep_blank_values=True)}
    if "multipart" in content_type:
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name and part.get_filename() is None:
                params[str(name)] = _maybe_json(part.get_content().strip() if isinstance(part.get_content(), str)
                                                else part.get_payload(decode=True).decode())
            elif name:
                params[str(name)] = {"filename": part.get_filename()}
        return params
    return {}


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
