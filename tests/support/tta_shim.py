"""A thin adapter in front of telegram-test-api (npm) for a Bot API client that checks what it reads (PTB).

telegram-test-api v4 keeps the state (updates, the bot's messages) and offers the client API we drive.
It differs from Telegram on a few points that make PTB refuse its answers; this proxy mends only those:
- `getMe` has no `is_bot` (PTB requires it): added;
- message dates are in milliseconds (PTB reads seconds, so "year 58861 is out of range"): divided;
- methods it does not know (`setMyCommands`…) answer HTTP 500: the menu calls get Telegram's `true`,
  the others a Telegram-style error;
- a sent message comes back with the request's fields as sent (JSON strings): only a Message's are kept;
- a button press (callback query) lacks `chat_instance`: added.
`getUpdates` answers at once when empty; the proxy waits a little, like Telegram's long polling.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MENU_METHODS = {"setMyCommands", "deleteMyCommands", "setMyDescription", "setMyShortDescription", "setChatMenuButton"}


def _seconds(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (v // 1000 if k in ("date", "edit_date") and isinstance(v, int) and v > 10**11 else _seconds(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_seconds(v) for v in value]
    return value


def _message(echo: dict[str, Any]) -> dict[str, Any]:
    """The emulator answers a send with the request's own fields (JSON strings among them): keep a Message."""
    kept = {key: echo[key] for key in ("message_id", "date", "chat", "text", "caption") if key in echo}
    markup = echo.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        kept["reply_markup"] = markup
    return kept


class TtaShim:
    def __init__(self, emulator: str) -> None:
        self.emulator = emulator.rstrip("/")
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        shim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                status, payload = shim.forward(self.path, self.rfile.read(int(self.headers.get("Content-Length") or 0)),
                                               self.headers.get("Content-Type", ""))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def forward(self, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
        method = path.rsplit("/", 1)[-1].split("?")[0]
        for _attempt in range(25 if method == "getUpdates" else 1):
            status, answer = self._call(path, body, content_type)
            if method != "getUpdates" or status != 200 or answer.get("result"):
                break
            time.sleep(0.04)  # nothing yet: hold the poll a moment, as Telegram does
        if status >= 500 and "is not supported" in str(answer.get("message", "")):
            if method in MENU_METHODS:
                return 200, b'{"ok": true, "result": true}'
            return 400, json.dumps({"ok": False, "error_code": 400,
                                    "description": f"Bad Request: {method} unsupported by the emulator"}).encode()
        if method == "getUpdates":
            for update in answer.get("result") or []:
                if "callback_query" in update:  # the emulator drops this required field
                    update["callback_query"].setdefault("chat_instance", "emulator")
        if method.startswith(("send", "edit")) and isinstance(answer.get("result"), dict):
            answer["result"] = _message(answer["result"])
        if method == "getMe" and isinstance(answer.get("result"), dict):
            answer["result"] = {"is_bot": True, "can_join_groups": True, "can_read_all_group_messages": False,
                                "supports_inline_queries": False, **answer["result"]}
        return status, json.dumps(_seconds(answer)).encode()

    def _call(self, path: str, body: bytes, content_type: str) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(self.emulator + path, data=body or None, method="POST",
                                         headers={"Content-Type": content_type or "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")
