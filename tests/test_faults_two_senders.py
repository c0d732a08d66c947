"""One sender only: two real processes dispatch the same PostgreSQL outbox at once, and no message goes twice
(rows are claimed with FOR UPDATE SKIP LOCKED). Each send is appended to a file by the process that made it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.core.replies import Reply
from bot.delivery import outbox
from bot.storage.db import Database, make_engine
from bot.storage.migrate import upgrade
from tests.support.databases import create_postgres_database, drop_postgres_database, postgres_available

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = 600


@pytest.fixture
def postgres_url() -> Iterator[str]:
    if not postgres_available():
        if os.environ.get("HOTLINE_REQUIRE_POSTGRES"):
            pytest.fail("HOTLINE_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not")
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run (CI does)")
    url, name = create_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(name)


def test_two_processes_on_one_postgres_outbox_never_send_the_same_message(postgres_url: str,
                                                                         tmp_path: Path) -> None:
    engine = make_engine(postgres_url)
    upgrade(engine)
    db = Database(engine)
    with db.session() as session:
        for n in range(MESSAGES):
            outbox.enqueue(session, Reply(text=f"m{n}"), chat_id=str(7000 + n), purpose="test",
                           now=datetime(2020, 1, 1, tzinfo=UTC))
        session.commit()
    engine.dispose()
    log = tmp_path / "sent.log"
    workers = [subprocess.Popen([sys.executable, "-m", "tests.support.sender_worker", postgres_url, str(log), name],
                                cwd=ROOT) for name in ("a", "b")]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    sends = [line.split() for line in log.read_text().splitlines()]
    per_message = Counter(row for _, row in sends)
    assert len(per_message) == MESSAGES  # every message went out
    assert set(per_message.values()) == {1}  # and none twice
    by_worker = Counter(name for name, _ in sends)
    assert by_worker["a"] > 0 and by_worker["b"] > 0, f"both processes took part: {by_worker}"
