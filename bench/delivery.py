"""Reminders at Telegram's pace, in real time, through every real part of the hotline.

Members register for events (the registration service, as a button press does); the reminders fall due;
the scheduler's reminder job turns them into outbox rows; the dispatcher's loop sends them with the
real `TelegramTransport`, PTB's `Bot` and its HTTP client, to a local Bot API in another process that
enforces Telegram's limits and adds a round-trip latency (`bench/limited_api.py`). Throughput counts
from the moment the reminders are due (the scheduler starts) to the last one Telegram accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import col, func, select

from bench.common import table
from bench.limited_api import LimitedApiProcess
from bot.app import App, build_app
from bot.config import ROOT, load_settings
from bot.core.members import touch_member
from bot.core.replies import Sender
from bot.delivery.service import DELIVER_JOB
from bot.events.handlers import REMINDER_JOB
from bot.events.registration import register, save_profile
from bot.storage.models import Event, EventStatus, Outbound, Reminder

CEILING = 30.0
EVENTS = 4  # each member registers for four events: four reminders per chat
TOKEN = "123456789:AAbenchbenchbenchbenchbenchbenchbe"
TITLE = "Rencontre du banc d'essai"


@dataclass
class RegistrationDayClock:
    """Yesterday while members register, then the real time (a 429's `retry_after` must elapse)."""

    yesterday: bool = True

    def now(self) -> datetime:
        return datetime.now(UTC) - (timedelta(days=1) if self.yesterday else timedelta(0))


def configure(folder: Path, database: Path, api_url: str) -> App:
    config = folder / "config.toml"
    config.write_text(f'[general]\nlog_level = "WARNING"\n[database]\nurl = "sqlite:///{database}"\n'
                      f'[knowledge]\ndir = "{ROOT / "knowledge"}"\n'
                      '[events]\nreminder_offsets = ["4h"]\ngrace_window = "6h"\n', encoding="utf-8")
    settings = load_settings(config, env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api_url})
    return build_app(settings, clock=RegistrationDayClock())


def prepare(folder: Path, reminders: int) -> Path:
    """Members register for the events, yesterday (once per size: each latency starts from a copy)."""
    database = folder / f"registered-{reminders}.db"
    app = configure(folder, database, "http://127.0.0.1:9/bot")
    assert isinstance(app.clock, RegistrationDayClock)
    now = app.clock.now()
    starts = now + timedelta(days=1, hours=3)  # reminders (4 h before) due an hour ago, for three hours
    with app.db.session() as session:
        events = [Event(slug=f"banc-{e}", kind="autre", title=f"{TITLE} n° {e}", source="bench",
                        starts_at=starts + timedelta(minutes=e), status=EventStatus.PLANNED, origin="staff",
                        created_at=now, updated_at=now) for e in range(EVENTS)]
        session.add_all(events)
        session.flush()
        for n in range(reminders // EVENTS):
            sender = Sender(channel="telegram", user_id=str(100_000 + n), chat_id=str(100_000 + n))
            member = touch_member(session, sender, app.clock)
            save_profile(session, member, pseudonym=f"m{n}", council_id=None, role="cc", now=now)
            session.flush()
            for event in events:
                assert register(session, app.events.ctx, member, event, now).status == "confirmed"
        session.commit()
    app.db.engine.dispose()
    return database


def _left(app: App) -> int:
    with app.db.session() as session:
        reminders = session.exec(select(func.count()).select_from(Reminder)
                                 .where(Reminder.status == "pending")).one()
        outbound = session.exec(select(func.count()).select_from(Outbound)
                                .where(col(Outbound.status).in_(("pending", "sending")))).one()
    return int(reminders) + int(outbound)


async def send_all(app: App, timeout: float) -> tuple[float, Counter[str]]:
    from bot.channels.telegram.adapter import build_application

    application = build_application(app)
    await application.initialize()
    started = time.monotonic()
    assert application.post_init is not None
    await application.post_init(application)  # the transport attached, the scheduler started
    app.jobs.wake(REMINDER_JOB)  # as if the bot had been running when they fell due
    app.jobs.wake(DELIVER_JOB)
    while _left(app) and time.monotonic() - started < timeout:
        await asyncio.sleep(0.5)
    await app.delivery.stop()
    app.jobs.stop()
    await application.shutdown()
    with app.db.session() as session:
        statuses = Counter(session.exec(select(Outbound.status).where(Outbound.purpose == "reminder")).all())
    return started, statuses


def run_one(registered: Path, reminders: int, latency: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder, LimitedApiProcess(latency) as api_url:
        database = Path(folder) / "bench.db"
        shutil.copyfile(registered, database)
        app = configure(Path(folder), database, api_url)
        assert isinstance(app.clock, RegistrationDayClock)
        app.clock.yesterday = False
        started, statuses = asyncio.run(send_all(app, timeout=reminders / CEILING * 3 + 60))
        app.db.engine.dispose()
        stats = LimitedApiProcess.stats_of(api_url)
    sent = [(chat, text, at) for chat, text, at in stats["accepted"] if TITLE in text]
    unique = {(chat, text) for chat, text, _ in sent}
    elapsed = max((at for _, _, at in sent), default=started) - started
    rate = len(sent) / elapsed if elapsed > 0 else 0.0
    return {"reminders": reminders, "latency_ms": round(latency * 1000), "sent": len(sent),
            "lost": reminders - len(unique), "duplicated": len(sent) - len(unique),
            "refused": sum(stats["refused"].values()), "refusals": stats["refused"], "seconds": elapsed, "rate": rate,
            "share": 100 * rate / CEILING, "statuses": dict(statuses)}


def run(sizes: tuple[int, ...] = (1_000, 10_000), latencies: tuple[float, ...] = (0.0, 0.05, 0.1, 0.15)
        ) -> tuple[str, list[dict[str, Any]]]:
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            registered = prepare(Path(folder), size)
            for latency in latencies:
                result = run_one(registered, size, latency)
                print({k: v for k, v in result.items() if k != "statuses"}, flush=True)
                results.append(result)
    text = table(["reminders", "chats", "latency ms", "seconds", "msg/s", "% of 30/s", "lost", "duplicated",
                  "refused (429)"],
                 [[r["reminders"], r["reminders"] // EVENTS, r["latency_ms"], f"{r['seconds']:.1f}", f"{r['rate']:.1f}",
                   f"{r['share']:.1f}", r["lost"], r["duplicated"], r["refused"]] for r in results])
    return text, results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Real-time delivery benchmark")
    parser.add_argument("--reminders", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--latency-ms", type=float, nargs="*", default=[0, 50, 100, 150])
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(run(tuple(args.reminders), tuple(ms / 1000 for ms in args.latency_ms))[0])
