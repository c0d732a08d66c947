"""PTB's real Application with a request class that records every Bot API call and answers like Telegram.

Nothing leaves the machine: `RecordingRequest` plays Telegram's servers, the only part that cannot
run here. Updates are built as Telegram would send them and fed to `Application.process_update`.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

BOT_USER = {"id": 999, "is_bot": True, "first_name": "Hotline", "username": "hotline_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
DATE = 1767600000  # 2026-01-05


@dataclass(frozen=True)
class SentFile:
    filename: str
    content: bytes
    mime_type: str


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, SentFile] = field(default_factory=dict)  # uploads, by parameter ("document")

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return list(markup.get("inline_keyboard", []))

    @property
    def button_labels(self) -> list[str]:
        return [b["text"] for row in self.buttons for b in row]

    def button_data(self, label_part: str) -> str:
        for row in self.buttons:
            for button in row:
                if label_part in button["text"]:
                    return str(button["callback_data"])
        raise AssertionError(f"no button with {label_part!r} in {self.button_labels}")


@dataclass
class RecordingRequest(BaseRequest):
    calls: list[Call] = field(default_factory=list)
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # queued error answers
    _ids: Any = field(default_factory=lambda: itertools.count(1000))

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data is not None else {}
        if endpoint != "getMe" and self.failures:
            status, body = self.failures.pop(0)
            self.calls.append(Call(method=endpoint + "!failed", params=params))
            return status, json.dumps(body).encode()
        files = {name: SentFile(filename=str(part[0]), content=bytes(part[1]), mime_type=str(part[2]))
                 for name, part in (request_data.multipart_data or {}).items()} if request_data is not None else {}
        self.calls.append(Call(method=endpoint, params=params, files=files))
        return 200, json.dumps({"ok": True, "result": self._result(endpoint, params)}).encode()

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return BOT_USER
        if endpoint in ("sendMessage", "sendDocument"):
            chat_id = int(params["chat_id"])
            message: dict[str, Any] = {
                "message_id": next(self._ids), "date": DATE, "from": BOT_USER,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "Équipe"},
            }
            if endpoint == "sendMessage":
                message["text"] = params.get("text", "")
            else:
                message["document"] = {"file_id": "f", "file_unique_id": "u", "file_name": "file"}
            return message
        if endpoint == "getChatMember":
            return {"status": "member", "user": {"id": int(params["user_id"]), "is_bot": False, "first_name": "X"}}
        return True

    def sent(self) -> list[Call]:
        return [c for c in self.calls if c.method in ("sendMessage", "sendDocument")]

    def take(self) -> list[Call]:
        """The messages sent since the last take."""
        sent = self.sent()
        self.calls.clear()
        return sent


class Members:
    """Builds updates as Telegram sends them."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self.application = application
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    def user(self, user_id: int, first_name: str = "Awa", last_name: str | None = None) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "fr"}
        if last_name:
            user["last_name"] = last_name
        return user

    def message(self, user_id: int, *, text: str | None = None, chat_id: int | None = None,
                chat_type: str = "private", first_name: str = "Awa", reply_to: int | None = None,
                **extra: Any) -> dict[str, Any]:
        chat_id = chat_id if chat_id is not None else user_id
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = "Groupe"
        message: dict[str, Any] = {"message_id": next(self._message_ids), "date": DATE, "chat": chat,
                                   "from": self.user(user_id, first_name), **extra}
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                length = len(text.split()[0])
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        if reply_to is not None:
            message["reply_to_message"] = {"message_id": reply_to, "date": DATE, "chat": chat, "from": BOT_USER,
                                           "text": "…"}
        return message

    async def send(self, update: dict[str, Any]) -> None:
        update = {"update_id": next(self._update_ids), **update}
        await self.application.process_update(Update.de_json(update, self.application.bot))

    async def says(self, user_id: int, text: str, **kwargs: Any) -> None:
        await self.send({"message": self.message(user_id, text=text, **kwargs)})

    async def sends(self, user_id: int, **content: Any) -> None:
        await self.send({"message": self.message(user_id, **content)})

    async def presses(self, user_id: int, data: str, *, chat_id: int | None = None, first_name: str = "Awa") -> None:
        chat_id = chat_id if chat_id is not None else user_id
        chat_type = "private" if chat_id > 0 else "supergroup"
        await self.send({"callback_query": {
            "id": str(next(self._update_ids)), "from": self.user(user_id, first_name), "chat_instance": "ci",
            "data": data,
            "message": {"message_id": next(self._message_ids), "date": DATE, "from": BOT_USER,
                        "chat": {"id": chat_id, "type": chat_type, "first_name": first_name, "title": "Groupe"},
                        "text": "…"},
        }})
