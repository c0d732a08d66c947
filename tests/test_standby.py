"""Two `hotline run` on one PostgreSQL database: one leads (polls Telegram, runs the scheduler), the other
waits, ready. The leader is killed with SIGKILL ten times while members write and the outbox holds
messages; each time the other leads within ten seconds, and nothing is lost (a crash may double at most
what was in hand when the process died).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_app
from bot.config import load_settings
from bot.core.replies import Reply
from bot.delivery import outbox
from tests.conftest import FIXTURE_KNOWLEDGE, TOKEN
from tests.support.botapi import FakeBotApi
from tests.support.databases import create_postgres_database, drop_postgres_database, postgres_available
from tests.test_crash_run import state, wait

ROOT = Path(__file__).resolve().parent.parent
KILLS = 10
TAKEOVER_LIMIT = 10.0
MESSAGES = 80
LEADS = "this instance leads"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    if not postgres_available():
        if os.environ.get("HOTLINE_REQUIRE_POSTGRES"):
            pytest.fail("HOTLINE_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not")
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to run (CI does)")
    url, name = create_postgres_database()
    yield url
    drop_postgres_database(name)


class Instance:
    """One `hotline run`, its log in its own file (appended across restarts)."""

    def __init__(self, name: str, config: Path, fake: FakeBotApi, folder: Path) -> None:
        self.env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url,
                    "HOTLINE_CONFIG": str(config), "PYTHONUNBUFFERED": "1"}
        self.log = folder / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=ROOT, env=self.env,
                                            stdout=out, stderr=subprocess.STDOUT)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def leads(self) -> int:
        return self.text().count(LEADS)

    def waits(self) -> int:
        return self.text().count("prendra le relais")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


@pytest.mark.slow
@pytest.mark.postgres
def test_the_standby_takes_over_within_ten_seconds_each_time_the_leader_is_killed(
        tmp_path: Path, postgres_url: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[database]\nurl = "{postgres_url}"\n[knowledge]\ndir = "{FIXTURE_KNOWLEDGE}"\n',
                      encoding="utf-8")
    app = build_app(load_settings(config, env={}))
    with app.db.session() as session:
        for n in range(MESSAGES):
            outbox.enqueue(session, Reply(text=f"Annonce n° {n}"), chat_id=str(50_000 + n), purpose="announcement",
                           now=app.clock.now())
        session.commit()
    app.db.engine.dispose()
    fake = FakeBotApi()
    fake.start()
    instances = [Instance(name, config, fake, tmp_path) for name in ("a", "b")]
    rng = random.Random(20261126)
    questions = {70_000 + n: f"c'est quoi un QPV ? (question {n})" for n in range(KILLS * 4)}
    waiting = list(questions.items())
    takeovers: list[float] = []
    try:
        instances[0].start()
        assert wait(lambda: instances[0].leads() == 1, 60), instances[0].text()[-2000:]
        instances[1].start()
        assert wait(lambda: instances[1].waits() >= 1, 60), instances[1].text()[-2000:]
        leader, standby = instances
        for _ in range(KILLS):
            for _ in range(4):  # members write while the leader works
                user, text = waiting.pop()
                fake.member_says(user, text)
            time.sleep(rng.uniform(0.2, 1.5))
            led_before = standby.leads()
            leader.kill()
            killed_at = time.monotonic()
            assert wait(lambda s=standby, n=led_before: s.leads() > n, 30), standby.text()[-2000:]
            takeovers.append(time.monotonic() - killed_at)
            assert not leader.alive()
            waits_before = leader.waits()
            leader.start()  # back as the standby, ready before the next kill
            assert wait(lambda s=leader, n=waits_before: s.waits() > n, 60), leader.text()[-2000:]
            leader, standby = standby, leader

        def done() -> bool:
            logged, rows = state(postgres_url)
            replied = {c.chat_id for c in fake.sent()}
            return (all(logged[text] for text in questions.values()) and set(questions) <= replied
                    and rows == Counter(sent=MESSAGES))

        assert wait(done, 60), f"not everything arrived: {state(postgres_url)[1]}"
    finally:
        for instance in instances:
            if instance.alive():
                instance.kill()
        fake.stop()

    logged, _ = state(postgres_url)
    lost_questions = sum(1 for text in questions.values() if not logged[text])
    doubled_questions = sum(count - 1 for text, count in logged.items() if text in questions.values())
    sends = Counter(c.text for c in fake.sent() if c.text.startswith("Annonce"))
    lost_messages = MESSAGES - len(sends)
    doubled_messages = sum(count - 1 for count in sends.values())
    print(f"\n{KILLS} leaders killed: takeover in {min(takeovers):.1f}–{max(takeovers):.1f} s; "
          f"{len(questions)} questions: {lost_questions} lost, {doubled_questions} handled twice; "
          f"{MESSAGES} outbox messages: {lost_messages} lost, {doubled_messages} sent twice")
    assert max(takeovers) <= TAKEOVER_LIMIT, takeovers
    assert lost_questions == 0 and lost_messages == 0
    assert doubled_questions <= KILLS and doubled_messages <= KILLS
