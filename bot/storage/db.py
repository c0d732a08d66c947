"""Engine and sessions. SQLite gets WAL, foreign keys and a busy timeout; PostgreSQL works as is.

SQLAlchemy is imported where an engine is made: `hotline ask` may answer without ever opening the database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.storage.retry import Retry

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

T = TypeVar("T")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def safe_url(url: str) -> str:
    """The URL without its password, for logs and messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class Database:
    """Hands out one session per unit of work; the service that opens it commits.

    Given an engine, or what makes one: then the engine is made at the first unit of work (a command that
    never needs the database does not pay for SQLAlchemy)."""

    def __init__(self, engine: Engine | Callable[[], Engine], retry: Retry | None = None) -> None:
        self._engine: Engine | None = None
        self._make = engine if callable(engine) else None
        self.retry = retry or Retry()
        if not callable(engine):
            self._use(engine)

    def _use(self, engine: Engine) -> Engine:
        from sqlalchemy import event

        # A new connection to a server that is restarting waits for it (reads included), like any unit of work.
        event.listen(engine, "do_connect", self._connect)
        self._engine = engine
        return engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            assert self._make is not None
            return self._use(self._make())
        return self._engine

    def _connect(self, dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return self.retry.run(lambda: dialect.connect(*cargs, **cparams), what="connecting to the database")

    @contextmanager
    def session(self) -> Iterator[Session]:
        from sqlmodel import Session

        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def write(self, work: Callable[[Session], T], *, what: str = "database work") -> T:
        """Run a unit of work (`work` commits) in a fresh session, again from the start if the database
        was locked or unreachable for a moment (see bot/storage/retry.py)."""

        def once() -> T:
            with self.session() as session:
                return work(session)

        return self.retry.run(once, what=what)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"
