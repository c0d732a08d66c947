from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.answering.answerer import Answerer
from bot.app import App, build_app
from bot.channels.telegram.adapter import build_application
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.config import ROOT, Settings, load_settings
from bot.knowledge.loader import load_knowledge
from bot.storage.db import Database as Db
from bot.storage.db import make_engine
from bot.storage.migrate import upgrade
from tests.support.databases import Database, create_postgres_database, drop_postgres_database, postgres_available
from tests.support.telegram import Members, RecordingRequest

pytest_plugins = ["tests.support.browser"]  # the `chromium` fixture

FIXTURE_KNOWLEDGE = Path(__file__).parent / "fixtures" / "knowledge"
SHIPPED_KNOWLEDGE = Path(__file__).parent.parent / "knowledge"


def reply_in_chat(app: App, text: str) -> str:
    """What the terminal chat shows a member who opens it and sends this one message."""
    chat = TerminalChat(app.hotline)
    return chat.render(chat.handle(text))


def first_line(shown: str) -> str:
    """The first line of what the terminal chat shows, without its prompt: the entry's question when it answers."""
    return shown.splitlines()[0].removeprefix("hotline> ").strip()
TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop"
STAFF_CHAT = -1001234567890
STAFF_USER = 4242


def pytest_configure(config: pytest.Config) -> None:
    """The hotline's cache (lemmas, prepared answerers, knowledge, templates) lives in a folder of this test
    session, not in the user's own: every temporary knowledge folder of a test would leave its files there."""
    config.stash[_USER_CACHE] = os.environ.get("HOTLINE_CACHE_DIR")
    os.environ["HOTLINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="hotline-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ["HOTLINE_CACHE_DIR"], ignore_errors=True)
    previous = config.stash.get(_USER_CACHE, None)
    if previous is None:
        os.environ.pop("HOTLINE_CACHE_DIR", None)
    else:
        os.environ["HOTLINE_CACHE_DIR"] = previous


_USER_CACHE = pytest.StashKey[str | None]()


@pytest.fixture(autouse=True)
def _collectable() -> Iterator[None]:
    """`hotline ask` sets aside for good what its start made (bot/cli `_ask`, `gc.freeze`): for the life of
    its process, not of the tests that run it in theirs."""
    yield
    gc.unfreeze()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(knowledge: Path = FIXTURE_KNOWLEDGE, extra: str = "", env: dict[str, str] | None = None,
             database_url: str | None = None) -> Settings:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[database]\nurl = "{database_url or "sqlite:///" + str(tmp_path / "hotline.db")}"\n'
            f'[knowledge]\ndir = "{knowledge}"\n'
            f"[telegram]\nstaff_chat_id = {STAFF_CHAT}\nstaff_ids = [{STAFF_USER}]\n{extra}\n",
            encoding="utf-8",
        )
        return load_settings(config, env={"TELEGRAM_BOT_TOKEN": TOKEN, **(env or {})})

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def app(settings: Settings, clock: ManualClock) -> App:
    return build_app(settings, clock=clock)


@pytest.fixture
def shipped_app(make_settings: Callable[..., Settings], clock: ManualClock) -> App:
    """The application on the shipped knowledge base (the stories members tell about real entries)."""
    return build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    """The engine on the shipped knowledge base and the shipped thresholds, without the application around it; one
    per test module, so what a module teaches it stays there."""
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)


@dataclass
class TelegramHarness:
    app: App
    application: Application[Any, Any, Any, Any, Any, Any]
    api: RecordingRequest
    members: Members


@asynccontextmanager
async def telegram_for(app: App) -> AsyncIterator[TelegramHarness]:
    """PTB's real Application over `app`, its requests recorded instead of sent to Telegram."""
    api = RecordingRequest()
    application = build_application(app, request=api, get_updates_request=RecordingRequest(), rate_limit=False,
                                    start_jobs=False)
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    api.calls.clear()
    try:
        yield TelegramHarness(app=app, application=application, api=api, members=Members(application))
    finally:
        await application.shutdown()


@pytest.fixture
async def telegram(app: App) -> AsyncIterator[TelegramHarness]:
    async with telegram_for(app) as harness:
        yield harness


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A real, empty database of each kind (PostgreSQL only when TEST_DATABASE_URL is set)."""
    if request.param == "sqlite":
        yield Database("sqlite", f"sqlite:///{tmp_path / 'stairway.db'}")
        return
    if not postgres_available():
        if os.environ.get("HOTLINE_REQUIRE_POSTGRES"):
            pytest.fail("HOTLINE_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not")
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run (CI does)")
    url, name = create_postgres_database()
    try:
        yield Database("postgres", url)
    finally:
        drop_postgres_database(name)


@pytest.fixture
def db(database: Database) -> Iterator[Db]:
    """A real database of each kind, migrated to the head."""
    engine = make_engine(database.url)
    upgrade(engine)
    yield Db(engine)
    engine.dispose()


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hotline's cache folder (lemmas, prepared answerer, last good knowledge) of this test alone."""
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of the fixture knowledge that a test may break or edit."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    return root


@pytest.fixture
async def shipped(make_settings: Callable[..., Settings], clock: ManualClock) -> AsyncIterator[TelegramHarness]:
    """PTB's real Application over the shipped knowledge, as members meet it."""
    app = build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)
    api = RecordingRequest()
    application = build_application(app, request=api, get_updates_request=RecordingRequest(), rate_limit=False,
                                    start_jobs=False)
    await application.initialize()
    api.calls.clear()
    try:
        yield TelegramHarness(app=app, application=application, api=api, members=Members(application))
    finally:
        await application.shutdown()
