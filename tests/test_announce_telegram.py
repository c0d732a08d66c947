"""Announcements through PTB's real Application: members subscribe, the staff announce, members receive;
a restart in the middle of a broadcast goes on where it stopped and sends nothing twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlmodel import select

import bot.announce.broadcast as broadcast
from bot.clock import ManualClock
from bot.config import Settings
from bot.storage.models import Announcement
from tests.conftest import STAFF_CHAT, STAFF_USER, TelegramHarness
from tests.support.announce import announce, announcement_rows, announcements, deliver, subscribe
from tests.support.desk import Bot

AWA, BILAL, CHLOE, DAVID, EMMA, FATOU = 1001, 1002, 1003, 1004, 1005, 1006


def announcement_texts(calls: list[Any], marker: str) -> Counter[int]:
    """How many times each chat received the announcement containing `marker`."""
    return Counter(int(c.params["chat_id"]) for c in calls if c.method == "sendMessage" and marker in c.text)


async def test_members_subscribe_the_staff_announce_and_subscribers_receive_it(telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await members.says(AWA, "/abonnements")
    [panel] = api.take()
    assert "Vos abonnements" in panel.text and "⬜ 📅 L'agenda du centre" in " ".join(panel.button_labels)
    await members.presses(AWA, panel.button_data("L'agenda du centre"))
    said, refreshed = api.take()
    assert "vous recevrez « Agenda »" in said.text and "✅ 📅 L'agenda du centre" in refreshed.button_labels[0]
    await subscribe(members, api, BILAL, "publications")  # another topic: not for this announcement

    shown = await announce(members, api, "Inscriptions ouvertes pour l'interconseil <du 29 mars> !")
    assert any("Aperçu" in s and "Inscriptions ouvertes pour l'interconseil &lt;du 29 mars&gt;" in s for s in shown)
    assert any("Destinataires : <b>1</b> (tous les abonnés)" in s for s in shown)
    assert any("Annonce n° 1 lancée. Destinataires : 1" in s for s in shown)

    report = await deliver(app, telegram.application.bot)
    assert report.sent == 1
    sent = api.take()
    assert announcement_texts(sent, "Inscriptions ouvertes") == Counter({AWA: 1})
    [received] = [c for c in sent if c.params["chat_id"] == AWA]
    assert "📣 <b>RésO Villes — Agenda</b>" in received.text and "/abonnements" in received.text

    await app.announce.service.run()  # everything went: the final report goes to the staff chat
    await deliver(app, telegram.application.bot)
    [final] = api.take()
    assert final.params["chat_id"] == STAFF_CHAT
    assert "Bilan de l'annonce n° 1" in final.text and "✅ envoyées : 1 · 🚫 bloquées : 0 · ⚠️ échecs : 0" in final.text

    await members.presses(AWA, refreshed.button_data("L'agenda du centre"))  # unsubscribe
    assert "ne recevrez plus « Agenda »" in api.take()[0].text


@pytest.fixture
def small_batches(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(extra="[announce]\nbatch_size = 2")


async def test_a_restart_in_the_middle_of_a_broadcast_goes_on_without_sending_twice(
        small_batches: Settings, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    hotline = await Bot(small_batches, clock).start()
    subscribers = [AWA, BILAL, CHLOE, DAVID, EMMA]
    for user in subscribers:
        await subscribe(hotline.who, hotline.api, user)
    assert hotline.app is not None and hotline.application is not None
    await announce(hotline.who, hotline.api, "Le RésO Flash de janvier est paru.")
    [launched] = announcements(hotline.app)
    assert (launched.enqueued, launched.status) == (2, "queued")  # the first batch went at confirmation
    await deliver(hotline.app, hotline.application.bot)
    first = hotline.api.take()

    real_enqueue = broadcast.outbox.enqueue
    calls = {"n": 0}

    def crash_after_one(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut in the middle of a batch")
        return real_enqueue(*args, **kwargs)

    monkeypatch.setattr(broadcast.outbox, "enqueue", crash_after_one)
    with pytest.raises(RuntimeError):
        await hotline.app.announce.service.run()
    monkeypatch.setattr(broadcast.outbox, "enqueue", real_enqueue)
    [interrupted] = announcements(hotline.app)
    assert interrupted.last_member_id == launched.last_member_id  # the broken batch left nothing behind
    assert len(announcement_rows(hotline.app, 1)) == 2

    await hotline.restart()
    assert hotline.app is not None and hotline.application is not None
    await hotline.app.jobs.run("announce")  # the job goes on where the announcement stopped
    await deliver(hotline.app, hotline.application.bot)
    second = hotline.api.take()

    with hotline.app.db.session() as session:  # even if the progress were lost, the dedupe keys hold
        row = session.exec(select(Announcement)).one()
        row.status, row.last_member_id = "queued", 0
        session.add(row)
        session.commit()
    await hotline.app.jobs.run("announce")
    await deliver(hotline.app, hotline.application.bot)
    third = hotline.api.take()

    received = announcement_texts(first + second + third, "RésO Flash de janvier")
    assert received == Counter({user: 1 for user in subscribers})
    assert [r.status for r in announcement_rows(hotline.app, 1)] == ["sent"] * 5
    assert any("Bilan de l'annonce n° 1" in c.text and "✅ envoyées : 5" in c.text for c in second + third)
    await hotline.stop()


@pytest.fixture
async def bot(settings: Settings, clock: ManualClock) -> AsyncIterator[Bot]:
    """Telegram answers that only the staff are in the staff chat (getChatMember)."""
    running = await Bot(settings=settings, clock=clock).start()
    yield running
    if running.app is not None:
        await running.stop()


@pytest.mark.parametrize("command", ["/annonce", "/annonces", "/annonces 1", "/abonnes"])
async def test_each_staff_command_refuses_a_member(bot: Bot, command: str) -> None:
    await bot.who.says(FATOU, command)
    replies = [c for c in bot.api.take() if c.method == "sendMessage"]
    assert [r.text for r in replies] == ["Cette commande est réservée à l'équipe du centre de ressources."]


@pytest.mark.parametrize("data", ["an:send", "an:t:agenda", "an:all", "an:c:quartier-nord", "an:stop"])
async def test_each_staff_button_refuses_a_member(bot: Bot, data: str) -> None:
    await bot.who.presses(FATOU, data)
    [reply] = bot.api.take()
    assert "réservée à l'équipe" in reply.text
    assert bot.app is not None and announcements(bot.app) == []


async def test_the_staff_see_the_subscribers_per_topic(telegram: TelegramHarness) -> None:
    await subscribe(telegram.members, telegram.api, AWA, "agenda")
    await subscribe(telegram.members, telegram.api, BILAL, "agenda")
    await subscribe(telegram.members, telegram.api, BILAL, "cdv")
    await telegram.members.says(STAFF_USER, "/abonnes")
    [counts] = telegram.api.take()
    assert "• Agenda : 2" in counts.text and "• Contrat de ville : 1" in counts.text and "• Publications : 0" in counts.text
