"""The crash test: a real dispatcher process on a real SQLite file, killed with SIGKILL mid-batch and restarted.

Each send is appended (and fsynced) to a file by the worker's transport, so the test counts what really
left. Nothing may be lost; a crash may double at most the one message that was in flight.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import build_app
from bot.clock import ManualClock
from bot.core.members import touch_member
from bot.core.replies import Sender
from bot.events.registration import register, save_profile
from bot.storage.db import Database, make_engine
from bot.storage.models import Event, Reminder
from tests.conftest import FIXTURE_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 800
CRASHES = 22
BASE = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)  # the reminders fell due an hour before the first start


def _prepare(tmp_path: Path) -> tuple[str, Path]:
    config = tmp_path / "config.toml"
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    config.write_text(f'[database]\nurl = "{url}"\n[knowledge]\ndir = "{FIXTURE_KNOWLEDGE}"\n'
                      '[events]\nreminder_offsets = ["2h"]\ngrace_window = "6h"\n', encoding="utf-8")
    from bot.config import load_settings

    clock = ManualClock(BASE - timedelta(days=1))
    app = build_app(load_settings(config, env={}), clock=clock)
    now = clock.now()
    with app.db.session() as session:
        event = Event(slug="grande-rencontre", kind="autre", title="Grande rencontre", source="test",
                      starts_at=BASE + timedelta(hours=1), status="planned", origin="staff", created_at=now,
                      updated_at=now)
        session.add(event)
        session.flush()
        for n in range(MEMBERS):
            member = touch_member(session, Sender(channel="telegram", user_id=str(10_000 + n), chat_id=str(10_000 + n)),
                                  clock)
            save_profile(session, member, pseudonym=f"m{n}", council_id="quartier-nord", role="cc", now=now)
            session.flush()
            assert register(session, app.events.ctx, member, event, now).status == "confirmed"
        session.commit()
    app.db.engine.dispose()
    return url, config


def _lines(log: Path) -> list[tuple[int, int]]:
    if not log.exists():
        return []
    return [(int(run), int(row)) for run, row in (line.split() for line in log.read_text().splitlines() if line)]


@pytest.mark.slow
def test_sigkill_mid_batch_loses_nothing_and_doubles_at_most_one_message_per_crash(tmp_path: Path) -> None:
    url, config = _prepare(tmp_path)
    log = tmp_path / "sent.log"
    rng = random.Random(20260105)
    crashes = 0
    started = time.monotonic()
    for run in range(CRASHES + 50):
        now = BASE + timedelta(minutes=run)  # each restart is a little later, well within the grace window
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.support.crash_worker", url, str(log), str(run), now.isoformat(), str(config)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": "0"})
        if crashes >= CRASHES:  # enough crashes: let the last one finish the work
            _, err = worker.communicate(timeout=60)
            assert worker.returncode == 0, err.decode()[-2000:]
            break
        before = len(_lines(log))
        target = before + rng.randint(1, 20)
        while worker.poll() is None and len(_lines(log)) < target:
            time.sleep(0.002)
        if worker.poll() is None:
            worker.send_signal(signal.SIGKILL)
            crashes += 1
        worker.communicate(timeout=30)
    elapsed = time.monotonic() - started

    sends = _lines(log)
    runs_of: dict[int, list[int]] = defaultdict(list)
    for run, row in sends:
        runs_of[row].append(run)
    engine = make_engine(url)
    with Database(engine).session() as session:
        reminders = list(session.exec(select(Reminder)))
    engine.dispose()
    assert len(reminders) == MEMBERS
    lost = [r for r in reminders if r.status != "queued" or r.outbound_id not in runs_of]
    duplicates = len(sends) - len(runs_of)
    doubled_per_crash: dict[int, int] = defaultdict(int)
    for runs in runs_of.values():
        for crashed in runs[:-1]:  # each extra send follows the crash of the run that sent it before
            doubled_per_crash[crashed] += 1
    print(f"\ncrash test: {crashes} SIGKILLs, {len(sends)} sends for {MEMBERS} reminders, {len(lost)} lost, "
          f"{duplicates} duplicate(s), {elapsed:.1f} s")
    assert crashes >= 20
    assert lost == []
    assert duplicates <= crashes
    assert all(count <= 1 for count in doubled_per_crash.values()), doubled_per_crash
