"""End to end against telegram-test-api, a Bot API emulator nobody here wrote (npm package, v4).

`.ci/run` installs and starts it (HOTLINE_EMULATOR_URL, default http://127.0.0.1:9000) and sets
HOTLINE_REQUIRE_EMULATOR; elsewhere the test is skipped when no emulator answers. The real `hotline run`
runs as a subprocess pointed at it (`TELEGRAM_API_BASE_URL`, through tests/support/tta_shim.py, which
mends the few answers of the emulator that PTB refuses), and a member's story is driven through the
emulator's own client API: /start, a question, a registration, and an escalation the staff answer.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import FIXTURE_KNOWLEDGE, STAFF_CHAT, STAFF_USER
from tests.support.tta_shim import TtaShim

ROOT = Path(__file__).resolve().parent.parent
EMULATOR = os.environ.get("HOTLINE_EMULATOR_URL", "http://127.0.0.1:9000").rstrip("/")
AWA = 880_001


def emulator_reachable() -> bool:
    try:
        urllib.request.urlopen(EMULATOR + "/", timeout=2)
    except urllib.error.HTTPError:
        return True  # it answered (404 "Route not found")
    except OSError:
        return False
    return True


def post(path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(EMULATOR + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


class Client:
    """Members and staff, through telegram-test-api's client API (/sendMessage, /sendCommand,
    /sendCallback, /getUpdates with the bot's token and a chat id)."""

    def __init__(self, token: str, log: Path | None = None) -> None:
        self.token = token
        self.log = log
        self.seen: dict[int, list[dict[str, Any]]] = {}
        self._ids = iter(range(1, 10**6))

    def _chat(self, chat_id: int, first_name: str) -> dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": "Équipe"}
        return {"id": chat_id, "type": "private", "first_name": first_name}

    def says(self, user: int, text: str, *, chat_id: int | None = None, first_name: str = "Awa") -> None:
        message: dict[str, Any] = {"botToken": self.token, "date": int(time.time()), "text": text,
                                   "from": {"id": user, "is_bot": False, "first_name": first_name},
                                   "chat": self._chat(chat_id or user, first_name)}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            post("/sendCommand", message)
        else:
            post("/sendMessage", message)

    def presses(self, user: int, data: str, *, chat_id: int | None = None, first_name: str = "Awa") -> None:
        chat = self._chat(chat_id or user, first_name)
        post("/sendCallback", {"botToken": self.token, "data": data, "date": int(time.time()),
                               "from": {"id": user, "is_bot": False, "first_name": first_name},
                               "message": {"message_id": next(self._ids), "date": int(time.time()), "chat": chat,
                                           "text": "…"}})

    def expect(self, chat_id: int, predicate: Callable[[dict[str, Any]], bool], timeout: float = 20.0
               ) -> dict[str, Any]:
        """The first new message from the bot to `chat_id` that matches."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for update in post("/getUpdates", {"token": self.token, "chatId": chat_id}).get("result", []):
                self.seen.setdefault(chat_id, []).append(update["message"])
            for message in self.seen.get(chat_id, []):
                if predicate(message):
                    self.seen[chat_id].remove(message)
                    return message
            time.sleep(0.1)
        got = [str(m.get("text", ""))[:80] for m in self.seen.get(chat_id, [])]
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:] if self.log else ""
        raise AssertionError(f"nothing matching for {chat_id}; got {got}\n--- the bot's log ---\n{tail}")

    def text(self, chat_id: int, part: str) -> dict[str, Any]:
        return self.expect(chat_id, lambda message: part in str(message.get("text", "")))


def button(message: dict[str, Any], label_part: str) -> str:
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    for row in markup.get("inline_keyboard", []):
        for b in row:
            if label_part in b["text"]:
                return str(b["callback_data"])
    raise AssertionError(f"no button {label_part!r} in {markup}")


@pytest.fixture
def emulator() -> None:
    if not emulator_reachable():
        if os.environ.get("HOTLINE_REQUIRE_EMULATOR"):
            pytest.fail(f"HOTLINE_REQUIRE_EMULATOR is set but telegram-test-api does not answer at {EMULATOR}")
        pytest.skip(f"telegram-test-api is not running at {EMULATOR} (`.ci/run` starts it)")


def knowledge_with_an_upcoming_event(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    start = (datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=20)).replace(hour=18, minute=0)
    with (folder / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(f"\n- id: rencontre-e2e\n  kind: journee\n  title: Rencontre de bout en bout\n"
                     f"  start: {start:%Y-%m-%dT%H:%M}\n  end: {start + timedelta(hours=2):%Y-%m-%dT%H:%M}\n"
                     f"  status: planned\n  place: Nantes\n  territory: Nantes Métropole\n  source: test\n")
    return folder


@pytest.fixture
def hotline(emulator: None, tmp_path: Path) -> Iterator[Client]:
    token = f"{secrets.randbelow(10**9) + 10**8}:AA{secrets.token_urlsafe(30)}"
    config = tmp_path / "config.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "hotline.db"}"\n'
                      f'[knowledge]\ndir = "{knowledge_with_an_upcoming_event(tmp_path)}"\n'
                      f"[telegram]\nstaff_chat_id = {STAFF_CHAT}\nstaff_ids = [{STAFF_USER}]\n", encoding="utf-8")
    shim = TtaShim(EMULATOR)
    base = shim.start()
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": base,
                 "HOTLINE_CONFIG": str(config)})
    try:
        yield Client(token, log)
    finally:
        process.terminate()
        process.wait(timeout=20)
        shim.stop()
    assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace")


def test_a_members_story_end_to_end_against_telegram_test_api(hotline: Client) -> None:
    client = hotline
    client.says(AWA, "/start")
    client.text(AWA, "bienvenue")

    client.says(AWA, "c'est koi un conseil citoyen")
    answer = client.text(AWA, "Qu'est-ce qu'un conseil citoyen ?")
    assert button(answer, "Utile").startswith("fb:")

    client.says(AWA, "/start ev_rencontre-e2e")  # the poster's QR code
    card = client.text(AWA, "Rencontre de bout en bout")
    client.presses(AWA, button(card, "S'inscrire"))
    client.text(AWA, "nom ou pseudonyme")
    client.says(AWA, "Awa")
    councils = client.expect(AWA, lambda m: "Quartier Nord" in json.dumps(m.get("reply_markup"), ensure_ascii=False))
    client.presses(AWA, button(councils, "Quartier Nord"))
    roles = client.expect(AWA, lambda m: "Membre d'un conseil" in json.dumps(m.get("reply_markup"), ensure_ascii=False))
    client.presses(AWA, button(roles, "Membre d'un conseil"))
    consent = client.expect(AWA, lambda m: "J'accepte" in json.dumps(m.get("reply_markup"), ensure_ascii=False))
    client.presses(AWA, button(consent, "J'accepte"))
    client.text(AWA, "Votre inscription à « Rencontre de bout en bout »")

    client.says(AWA, "quel temps fera-t-il demain à Nantes")
    unknown = client.text(AWA, "Je ne connais pas la réponse")
    client.presses(AWA, button(unknown, "Poser la question"))
    client.expect(AWA, lambda m: "transmis" in str(m.get("text", "")) or "équipe" in str(m.get("text", "")))
    post_ = client.text(STAFF_CHAT, "quel temps fera-t-il demain")  # the dispatcher posts it to the staff chat
    number = str(post_["text"]).split("n° ", 1)[1].split("<", 1)[0].split()[0]
    client.says(STAFF_USER, f"/repondre {number} Regardez le site de Météo-France.", chat_id=STAFF_CHAT,
                first_name="Claire")
    client.text(AWA, "Regardez le site de Météo-France.")  # the member gets the staff's answer
