"""The real `hotline run`, killed with SIGKILL at random points while members ask questions and the outbox
holds announcements, then started again: nothing is lost, and each crash doubles at most one question
and one outbox message (the one in hand when the process died).

The Bot API is `FakeBotApi` (real HTTP, Telegram's getUpdates confirmation rule) in this process; the
bot runs in a subprocess at DEBUG level, and its whole log is checked for the token too.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from bot.app import build_app
from bot.config import load_settings
from bot.core.replies import Reply
from bot.delivery import outbox
from bot.storage.db import Database, make_engine
from bot.storage.models import Outbound, QuestionLog
from tests.conftest import FIXTURE_KNOWLEDGE, STAFF_CHAT, TOKEN
from tests.support.botapi import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
KILLS = 22
QUESTIONS = 90
ANNOUNCEMENTS = 120
SECRET = TOKEN.split(":", 1)[1]


def configure(tmp_path: Path) -> tuple[Path, str]:
    url = f"sqlite:///{tmp_path / 'hotline.db'}"
    config = tmp_path / "config.toml"
    config.write_text(f'[general]\nlog_level = "DEBUG"\n[database]\nurl = "{url}"\n'
                      f'[knowledge]\ndir = "{FIXTURE_KNOWLEDGE}"\n[telegram]\nstaff_chat_id = {STAFF_CHAT}\n',
                      encoding="utf-8")
    return config, url


def queue_announcements(config: Path) -> None:
    app = build_app(load_settings(config, env={}))
    with app.db.session() as session:
        for n in range(ANNOUNCEMENTS):
            outbox.enqueue(session, Reply(text=f"Annonce n° {n}"), chat_id=str(50_000 + n), purpose="announcement",
                           now=app.clock.now())
        session.commit()
    app.db.engine.dispose()


class Bot:
    """`hotline run` as a subprocess, its log appended to one file across restarts."""

    def __init__(self, config: Path, fake: FakeBotApi, log: Path) -> None:
        self.env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url,
                    "HOTLINE_CONFIG": str(config), "PYTHONUNBUFFERED": "1"}
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=ROOT, env=self.env,
                                            stdout=out, stderr=subprocess.STDOUT)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> int:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=20)


def state(url: str) -> tuple[Counter[str], Counter[str]]:
    """(questions logged, by text; outbox rows, by status)."""
    db = Database(make_engine(url))
    try:
        with db.session() as session:
            logged = Counter(text for text in session.exec(select(QuestionLog.text)) if text)
            rows = Counter(session.exec(select(Outbound.status).where(Outbound.purpose == "announcement")))
        return logged, rows
    finally:
        db.engine.dispose()


def wait(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_and_doubles_at_most_one_thing_per_crash(tmp_path: Path) -> None:
    config, url = configure(tmp_path)
    queue_announcements(config)
    fake = FakeBotApi()
    fake.start()
    bot = Bot(config, fake, tmp_path / "bot.log")
    rng = random.Random(20260105)
    questions = {60_000 + n: f"c'est quoi un QPV ? (question {n})" for n in range(QUESTIONS)}
    waiting = list(questions.items())
    started = time.monotonic()
    try:
        for _ in range(KILLS):
            polls = len([c for c in fake.calls if c.method == "getUpdates"])
            bot.start()
            for _ in range(rng.randint(3, 6)):  # members write, whether the bot is up or not
                if waiting:
                    user, text = waiting.pop()
                    fake.member_says(user, text)
            if rng.random() < 0.3:  # during the start-up
                time.sleep(rng.uniform(0.05, 1.0))
            else:  # while it works
                assert wait(lambda before=polls: len([c for c in fake.calls if c.method == "getUpdates"]) > before,
                            20)
                time.sleep(rng.uniform(0.0, 0.5))
            bot.kill()
        # Two minutes later (`stale_after`), a message left "sending" by a crash is claimed again.
        db = Database(make_engine(url))
        with db.session() as session:
            session.execute(update(Outbound).where(col(Outbound.status) == "sending")
                            .values(claimed_at=Outbound.claimed_at - timedelta(minutes=3)))  # type: ignore[operator]
            session.commit()
        db.engine.dispose()
        bot.start()
        for user, text in waiting:
            fake.member_says(user, text)

        def done() -> bool:
            logged, rows = state(url)
            replied = {c.chat_id for c in fake.sent()}
            return (all(logged[text] for text in questions.values()) and set(questions) <= replied
                    and rows == Counter(sent=ANNOUNCEMENTS))

        assert wait(done, 60), f"not everything arrived: {state(url)[1]}"
        assert bot.stop() in (0, -signal.SIGTERM)
    finally:
        if bot.process is not None and bot.process.poll() is None:
            bot.kill()
        fake.stop()
    elapsed = time.monotonic() - started

    logged, _ = state(url)
    question_duplicates = sum(count - 1 for text, count in logged.items() if text in questions.values())
    sends = Counter(c.text for c in fake.sent() if c.text.startswith("Annonce"))
    announcement_duplicates = sum(count - 1 for count in sends.values())
    assert set(sends) == {f"Annonce n° {n}" for n in range(ANNOUNCEMENTS)}  # every announcement went out
    assert question_duplicates <= KILLS and announcement_duplicates <= KILLS  # at most one of each per crash
    log = (tmp_path / "bot.log").read_text(encoding="utf-8", errors="replace")
    assert "DEBUG" in log and SECRET not in log  # the token never reached the logs of the real process
    print(f"\n{KILLS} kills in {elapsed:.0f} s: {QUESTIONS} questions ({question_duplicates} handled twice), "
          f"{ANNOUNCEMENTS} announcements ({announcement_duplicates} sent twice)")
