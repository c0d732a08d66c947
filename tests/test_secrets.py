"""The bot token never reaches the logs, and a placeholder token never reaches Telegram.

The hotline runs for real here: PTB long polling over HTTP (httpx) against a local Bot API, the
logging set up by `configure_logging` at DEBUG, a handler that fails (error handler + staff alert),
Bot API errors, a cut network and the dispatcher. Every log line, traceback included, is searched
for the token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.app import build_app, configure_logging
from bot.clock import ManualClock
from bot.config import ConfigError, Settings, load_settings
from bot.core.replies import Reply
from bot.delivery import outbox
from bot.redact import MASK
from tests.conftest import STAFF_CHAT, TOKEN
from tests.support.botapi import BAD_GATEWAY, CUT, TOO_MANY, FakeBotApi, Fault
from tests.support.live import polling, replies_to, until

ROOT = Path(__file__).resolve().parent.parent
SECRET = TOKEN.split(":", 1)[1]  # the part that matters; the bot id before ":" is public
AWA = 1001
# PTB 22 warns about `retry_after`'s future type whenever a 429 arrives (its own code reads it).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # the formatted line, traceback and all


@contextmanager
def logs_at_debug() -> Iterator[Capture]:
    """`configure_logging("DEBUG")` as `hotline run` does, every record captured as it would be written."""
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in ("", "httpx", "httpcore", "apscheduler")}
    configure_logging("DEBUG", secrets=(TOKEN,))  # what `hotline run` does
    root.setLevel(logging.DEBUG)  # basicConfig does nothing when pytest already holds the root logger
    capture = Capture()
    root.addHandler(capture)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    api = FakeBotApi()
    api.start()
    yield api
    api.stop()


def live_settings(make_settings: Callable[..., Settings], fake: FakeBotApi) -> Settings:
    return make_settings(env={"TELEGRAM_API_BASE_URL": fake.base_url})


async def test_the_token_never_reaches_the_logs_even_with_errors_at_debug_level(
        make_settings: Callable[..., Settings], fake: FakeBotApi, clock: ManualClock) -> None:
    app = build_app(live_settings(make_settings, fake), clock=clock)
    failures = iter([BAD_GATEWAY, TOO_MANY, CUT])

    def faults(method: str) -> Fault | None:
        if method == "getUpdates" and fake.pending_updates and next(cuts, None):
            return CUT  # the network drops twice while polling
        return next(failures, None) if method == "sendMessage" and sending_faults else None

    cuts = iter([True, True])
    sending_faults = False
    fake.fault = faults
    original = app.hotline.on_text

    def on_text(sender: object, text: str, reply_to: str | None = None) -> list[Reply]:
        if text == "boum":
            raise RuntimeError("a handler failed")
        return original(sender, text, reply_to)  # type: ignore[arg-type]

    app.hotline.on_text = on_text  # type: ignore[method-assign]
    with logs_at_debug() as logs:
        async with polling(app) as application:
            fake.member_says(AWA, "/start")
            fake.member_says(AWA, "c'est koi un conseil citoyen")
            await replies_to(fake, AWA, 2)
            fake.member_says(AWA, "boum")  # the error handler logs the traceback and alerts the staff chat
            await replies_to(fake, STAFF_CHAT, 1)
            sending_faults = True  # the dispatcher meets a 502, a 429 and a cut connection
            with app.db.session() as session:
                for n in range(3):
                    outbox.enqueue(session, Reply(text=f"Rappel {n}"), chat_id=str(AWA), purpose="test",
                                   now=clock.now())
                session.commit()
            assert app.delivery.dispatcher is not None
            await app.delivery.tick()
            assert application.bot.token == TOKEN
        assert await until(lambda: any(c.method == "sendMessage" for c in fake.calls))
    assert {c.token for c in fake.calls if c.token} == {TOKEN}  # the token did travel, in every URL
    assert any("ERROR" in line and "a handler failed" in line for line in logs.lines)  # errors were logged
    assert any("Traceback" in line for line in logs.lines)
    assert any("DEBUG telegram" in line for line in logs.lines)  # PTB's own debug output was on
    assert any(f"/bot{MASK}" in line for line in logs.lines)  # PTB did try to log its URL: masked
    assert not [line for line in logs.lines if SECRET in line]
    assert not [c for c in fake.sent(STAFF_CHAT) if SECRET in c.text]  # nor in the staff chat's alert
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING


async def test_even_if_httpx_were_allowed_to_speak_its_urls_would_be_masked(
        make_settings: Callable[..., Settings], fake: FakeBotApi, clock: ManualClock) -> None:
    app = build_app(live_settings(make_settings, fake), clock=clock)
    with logs_at_debug() as logs:
        logging.getLogger("httpx").setLevel(logging.INFO)  # what configure_logging prevents
        async with polling(app):
            fake.member_says(AWA, "/start")
            await replies_to(fake, AWA, 1)
    requests = [line for line in logs.lines if "HTTP Request" in line]
    assert requests and all(f"/bot{MASK}/" in line for line in requests)
    assert not [line for line in logs.lines if SECRET in line]


def test_logging_keeps_httpx_quiet_whatever_the_level() -> None:
    with logs_at_debug():
        for level in ("DEBUG", "INFO", "WARNING", "ERROR"):
            configure_logging(level)
            assert logging.getLogger("httpx").level == logging.WARNING
            assert logging.getLogger("httpcore").level == logging.WARNING


@pytest.mark.parametrize("token", [
    "changeme", "CHANGEME", "123456:ABC", "123456:abc", "votre-token", "your-token", "xxx", "token", " ",
    "123456789:AA…", "<token>", "TELEGRAM_BOT_TOKEN", "123456789:AAxxxxxxxx", "123456789:", ":AAFakeTokenForTests",
    "bot123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop", "123456789 AAFakeTokenForTestsOnly_abcdefghijklmnop",
])
def test_a_placeholder_or_malformed_token_stops_the_start_without_echoing_it(token: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(ROOT / "config.toml", env={"TELEGRAM_BOT_TOKEN": token})
    assert "TELEGRAM_BOT_TOKEN" in str(error.value)
    with pytest.raises(ConfigError) as other:
        load_settings(ROOT / "config.toml", env={"TELEGRAM_BOT_TOKEN": "changeme"})
    assert str(error.value) == str(other.value)  # the same words whatever the value: it is never echoed


def test_a_real_looking_token_is_accepted() -> None:
    settings = load_settings(ROOT / "config.toml", env={"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.telegram.token == TOKEN


def test_the_database_password_is_hidden_from_logs_and_messages() -> None:
    from bot.storage.db import safe_url

    assert "s3cret" not in safe_url("postgresql+psycopg://hotline:s3cret@db.example/hotline")
