"""The Bot API has a bad day: 429s, 5xx, time-outs, the network gone for five minutes (simulated time).
The hotline recovers by itself and loses nothing; only a timed-out send stays "uncertain" (never resent)."""

from __future__ import annotations

import asyncio
import types
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, func, select
from telegram.ext import Application, ContextTypes
from telegram.ext._utils import networkloop

from bot.app import App, build_app
from bot.channels.telegram.adapter import build_application
from bot.channels.telegram.transport import TelegramTransport
from bot.clock import ManualClock, as_utc
from bot.config import Settings
from bot.core.replies import Reply
from bot.delivery import outbox
from bot.delivery.dispatcher import Dispatcher
from bot.storage.models import Outbound, QuestionLog
from tests.support.faults import FaultyRequest, SimulatedTime
from tests.support.telegram import Members, RecordingRequest

# PTB 22 warns about `retry_after`'s future type whenever a 429 arrives (its own code reads it).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
SCRIPT = ["429", "502", "500", "429", "503", "cut", "timeout", "502", "429", "cut", "500", "503"]


@dataclass
class Rig:
    app: App
    api: FaultyRequest
    application: Application[Any, Any, Any, Any, Any, Any]
    time: SimulatedTime
    dispatcher: Dispatcher
    errors: list[BaseException]


@pytest.fixture
async def rig(make_settings: Callable[..., Settings], clock: ManualClock) -> AsyncIterator[Rig]:
    app = build_app(make_settings(), clock=clock)
    api = FaultyRequest()
    application = build_application(app, request=api, get_updates_request=RecordingRequest(), rate_limit=False,
                                    start_jobs=False)
    errors: list[BaseException] = []

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        errors.append(context.error)

    application.add_error_handler(record)
    await application.initialize()
    time = SimulatedTime(clock)
    dispatcher = Dispatcher(db=app.db, transport=TelegramTransport(application.bot), clock=clock,
                            monotonic=time.monotonic, sleep=time.sleep)
    api.calls.clear()
    yield Rig(app=app, api=api, application=application, time=time, dispatcher=dispatcher, errors=errors)
    await application.shutdown()


def queue(app: App, texts: list[str], chat_of: Callable[[int], int]) -> None:
    with app.db.session() as session:
        for n, text in enumerate(texts):
            outbox.enqueue(session, Reply(text=text), chat_id=str(chat_of(n)), purpose="test", now=app.clock.now())
        session.commit()


def statuses(app: App) -> Counter[str]:
    with app.db.session() as session:
        return Counter(row.status for row in session.exec(select(Outbound)))


async def run_for(rig: Rig, duration: timedelta, *, every: timedelta = timedelta(seconds=2),
                  during: Callable[[datetime], None] = lambda now: None) -> None:
    """The delivery job, every two seconds of simulated time."""
    end = rig.app.clock.now() + duration
    while rig.app.clock.now() < end:
        during(rig.app.clock.now())
        rig.dispatcher.recover()
        await rig.dispatcher.run_once()
        rig.app.clock.advance(every)


async def test_429s_server_errors_and_time_outs_are_ridden_out_and_nothing_is_lost(rig: Rig) -> None:
    texts = [f"Rappel n° {n}" for n in range(45)]
    queue(rig.app, texts, chat_of=lambda n: 1000 + n % 40)  # forty members, five of them get two messages
    rig.api.script = list(SCRIPT)
    await run_for(rig, timedelta(minutes=10))
    assert rig.api.faults_met == SCRIPT  # every fault was met
    assert statuses(rig.app) == Counter(sent=44, uncertain=1)  # no row pending, failed or lost
    delivered = Counter(call.text for call in rig.api.sent())
    assert set(delivered.values()) == {1}  # nothing sent twice
    assert len(delivered) == 44  # the timed-out one may have arrived: it is not resent blindly


async def test_a_five_minute_network_outage_delays_messages_but_loses_none(rig: Rig) -> None:
    start = rig.app.clock.now()
    back = start + timedelta(minutes=5)
    rig.api.network_down = lambda: rig.app.clock.now() < back
    queue(rig.app, [f"avant {n}" for n in range(10)], chat_of=lambda n: 2000 + n)

    def more_during_the_outage(now: datetime) -> None:
        if now >= start + timedelta(minutes=2) and not queued_more:
            queue(rig.app, [f"pendant {n}" for n in range(10)], chat_of=lambda n: 3000 + n)
            queued_more.append(now)

    queued_more: list[datetime] = []

    await run_for(rig, timedelta(minutes=12), during=more_during_the_outage)
    assert rig.api.faults_met.count("network down") >= 20
    assert statuses(rig.app) == Counter(sent=20)
    assert Counter(call.text for call in rig.api.sent()) == Counter({f"{w} {n}": 1 for w in ("avant", "pendant")
                                                                     for n in range(10)})
    with rig.app.db.session() as session:
        sent_at = [as_utc(at) for at in session.exec(select(Outbound.sent_at)) if at is not None]
    assert min(sent_at) >= back and max(sent_at) <= back + timedelta(minutes=5)  # the backoff is capped


async def test_a_member_writing_while_telegram_is_unreachable_gets_the_answer_when_it_returns(
        rig: Rig, clock: ManualClock) -> None:
    back = clock.now() + timedelta(minutes=5)
    rig.api.network_down = lambda: clock.now() < back
    members = Members(rig.application)
    await members.says(1001, "c'est koi un conseil citoyen")
    await members.says(1002, "/aide")
    assert rig.errors == []  # no failure: the replies wait in the outbox
    with rig.app.db.session() as session:
        assert session.exec(select(func.count()).select_from(QuestionLog)).one() == 1  # the question is logged
        assert session.exec(select(func.count()).select_from(Outbound)
                            .where(col(Outbound.purpose) == "reply")).one() == 2
    await run_for(rig, timedelta(minutes=10))
    answers = {int(call.params["chat_id"]): call for call in rig.api.sent()}
    assert "Qu'est-ce qu'un conseil citoyen ?" in answers[1001].text
    assert answers[1001].buttons  # with its buttons
    assert "Comment m'utiliser" in answers[1002].text


async def test_a_429_on_a_reply_sends_it_after_retry_after(rig: Rig, clock: ManualClock) -> None:
    rig.api.script = ["429"]
    await Members(rig.application).says(1001, "/aide")
    assert rig.errors == [] and rig.api.sent() == []
    await run_for(rig, timedelta(seconds=4))
    assert rig.api.sent() == []  # Telegram asked for five seconds
    await run_for(rig, timedelta(seconds=4))
    [sent] = rig.api.sent()
    assert "Comment m'utiliser" in sent.text


async def test_polling_survives_a_five_minute_network_outage_with_the_real_updater(
        rig: Rig, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB's updater retries getUpdates on its own (1 s, then up to 30 s apart), on simulated time here."""
    time = SimulatedTime(clock)
    simulated = {name: getattr(asyncio, name) for name in dir(asyncio) if not name.startswith("_")}
    monkeypatch.setattr(networkloop, "asyncio", types.SimpleNamespace(**{**simulated, "sleep": time.sleep}))
    back = clock.now() + timedelta(minutes=5)
    updates = FaultyRequest(network_down=lambda: clock.now() < back)
    updates.updates.append({"update_id": 1, "message": Members(rig.application).message(
        1001, text="c'est koi un conseil citoyen")})
    application = build_application(rig.app, request=rig.api, get_updates_request=updates, rate_limit=False,
                                    start_jobs=False)
    polling_errors: list[Exception] = []
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=0, error_callback=polling_errors.append)
    for _ in range(2000):
        if rig.api.sent():
            break
        await asyncio.sleep(0.001)
    await application.updater.stop()
    await application.stop()
    await application.shutdown()
    [answer] = rig.api.sent()
    assert "Qu'est-ce qu'un conseil citoyen ?" in answer.text
    assert len(polling_errors) >= 10 and clock.now() >= back  # it kept trying through the outage
    assert max(time.waited) <= 30 and clock.now() <= back + timedelta(seconds=31)  # and came back promptly
