"""The database is locked (SQLite) or unreachable for a moment (PostgreSQL): the unit of work is run again
and nothing is lost — the member's question is logged and answered, the outbox sends and records each message.

Waiting is injected: the retry's `sleep` is where the test releases the lock or brings the server back.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlmodel import func, select

from bot.app import App, build_app
from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.config import Settings
from bot.core.replies import Reply, Sender
from bot.delivery import outbox
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.outbox import OutboundMessage
from bot.delivery.ratelimit import Limits
from bot.storage.models import Outbound, QuestionLog
from bot.storage.retry import Retry, is_transient
from tests.support.databases import create_postgres_database, drop_postgres_database, postgres_available
from tests.support.tcpproxy import TcpProxy

AWA = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")
NO_LIMITS = Limits(per_second=1e9, private_interval=0.0, group_interval=0.0)


@dataclass
class Outage:
    """The retry's waits: the fault ends at the `heal_at`-th wait."""

    heal: Callable[[], None]
    heal_at: int = 2
    waits: int = 0

    def sleep(self, seconds: float) -> None:
        self.waits += 1
        if self.waits == self.heal_at:
            self.heal()


def logged(app: App) -> int:
    with app.db.session() as session:
        return int(session.exec(select(func.count()).select_from(QuestionLog)).one())


async def no_sleep(seconds: float) -> None:
    return None


# --- SQLite: another connection holds the write lock --------------------------------------------------


@pytest.fixture
def sqlite_app(make_settings: Callable[..., Settings], clock: ManualClock) -> Iterator[tuple[App, str]]:
    app = build_app(make_settings(), clock=clock)

    def short_busy_timeout(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA busy_timeout=50")  # 5 s in production: the test would only be slower

    event.listen(app.db.engine, "connect", short_busy_timeout)
    app.db.engine.dispose()
    path = make_url(app.settings.database_url).database
    assert path is not None
    yield app, path
    app.db.engine.dispose()


def lock(path: str) -> sqlite3.Connection:
    """Another process in the middle of a long write transaction."""
    locker = sqlite3.connect(path, isolation_level=None, timeout=0)
    locker.execute("BEGIN IMMEDIATE")
    return locker


def test_a_question_asked_while_sqlite_is_locked_is_logged_and_answered(sqlite_app: tuple[App, str]) -> None:
    app, path = sqlite_app
    locker = lock(path)
    outage = Outage(heal=lambda: locker.execute("COMMIT"))
    app.db.retry = Retry(sleep=outage.sleep)
    replies = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert "Qu'est-ce qu'un conseil citoyen ?" in replies[0].text
    assert outage.waits == 2  # it did meet "database is locked", twice
    assert logged(app) == 1


def test_without_the_retry_a_locked_sqlite_loses_the_question(sqlite_app: tuple[App, str]) -> None:
    app, path = sqlite_app
    locker = lock(path)
    app.db.retry = Retry(attempts=1)
    with pytest.raises(Exception) as error:
        app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert is_transient(error.value) and "locked" in str(error.value)
    locker.execute("COMMIT")


async def test_the_outcome_of_a_send_is_recorded_even_if_sqlite_is_locked_at_that_moment(
        sqlite_app: tuple[App, str], clock: ManualClock) -> None:
    app, path = sqlite_app
    lockers: list[sqlite3.Connection] = []

    class LockingTransport(MemoryTransport):
        async def send(self, message: OutboundMessage) -> str | None:
            lockers.append(lock(path))  # someone else starts writing while the message goes out
            return await super().send(message)

    outage = Outage(heal=lambda: lockers[-1].execute("COMMIT"))
    app.db.retry = Retry(sleep=outage.sleep)
    with app.db.session() as session:
        outbox.enqueue(session, Reply(text="Rappel"), chat_id="1001", purpose="test", now=clock.now())
        session.commit()
    transport = LockingTransport()
    dispatcher = Dispatcher(db=app.db, transport=transport, clock=clock, limits=NO_LIMITS, sleep=no_sleep)
    await dispatcher.run_once()
    assert outage.waits == 2
    with app.db.session() as session:
        assert session.exec(select(Outbound.status)).one() == "sent"
    assert (await dispatcher.run_once()).sent == 0 and len(transport.sent) == 1  # not sent again


def test_a_wrong_query_is_not_retried() -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    waits: list[float] = []
    engine = create_engine("sqlite://")
    with pytest.raises(OperationalError):
        Retry(sleep=waits.append).run(lambda: engine.connect().execute(text("SELECT * FROM nowhere")))
    assert waits == []


# --- PostgreSQL: the server cannot be reached for a moment ----------------------------------------


@pytest.fixture
def postgres_behind_a_proxy(make_settings: Callable[..., Settings], clock: ManualClock
                            ) -> Iterator[tuple[App, TcpProxy]]:
    if not postgres_available():
        if os.environ.get("HOTLINE_REQUIRE_POSTGRES"):
            pytest.fail("HOTLINE_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not")
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run (CI does)")
    url, name = create_postgres_database()
    real = make_url(url)
    proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432)
    port = proxy.up()
    proxied = real.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    app = build_app(make_settings(database_url=proxied), clock=clock)
    try:
        yield app, proxy
    finally:
        app.db.engine.dispose()
        proxy.down()
        drop_postgres_database(name)


def test_a_question_asked_while_postgres_is_unreachable_is_logged_and_answered(
        postgres_behind_a_proxy: tuple[App, TcpProxy]) -> None:
    app, proxy = postgres_behind_a_proxy
    app.hotline.on_text(AWA, "bonjour")  # a pooled connection exists, and will be found dead
    proxy.down()
    outage = Outage(heal=proxy.up, heal_at=3)
    app.db.retry = Retry(sleep=outage.sleep)
    replies = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert "Qu'est-ce qu'un conseil citoyen ?" in replies[0].text
    assert outage.waits == 3  # connection refused, twice, then back
    assert logged(app) == 2


async def test_the_outbox_is_sent_once_postgres_is_back(postgres_behind_a_proxy: tuple[App, TcpProxy],
                                                        clock: ManualClock) -> None:
    app, proxy = postgres_behind_a_proxy
    with app.db.session() as session:
        for n in range(5):
            outbox.enqueue(session, Reply(text=f"Rappel {n}"), chat_id=str(1000 + n), purpose="test",
                           now=clock.now())
        session.commit()
    proxy.down()
    outage = Outage(heal=proxy.up, heal_at=2)
    app.db.retry = Retry(sleep=outage.sleep)
    transport = MemoryTransport()
    dispatcher = Dispatcher(db=app.db, transport=transport, clock=clock, limits=NO_LIMITS, sleep=no_sleep)
    dispatcher.recover()
    report = await dispatcher.run_once()
    assert outage.waits == 2 and report.sent == 5
    assert sorted(m.text for m in transport.sent) == [f"Rappel {n}" for n in range(5)]
    with app.db.session() as session:
        assert set(session.exec(select(Outbound.status))) == {"sent"}
