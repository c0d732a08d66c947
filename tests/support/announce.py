"""Helpers for the announcement and privacy tests: members subscribing, the staff writing an announcement,
and the outbox delivered by the real Telegram transport through the recording request."""

from __future__ import annotations

from sqlmodel import col, select
from telegram import Bot

from bot.app import App
from bot.channels.telegram.transport import TelegramTransport
from bot.delivery.dispatcher import Dispatcher, DispatchReport
from bot.storage.models import Announcement, Outbound
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.desk import NO_LIMITS
from tests.support.telegram import Members, RecordingRequest

TOPIC_LABELS = {"agenda": "L'agenda du centre", "cdv": "contrat de ville", "publications": "Les publications",
                "territoire": "de mon territoire"}


async def subscribe(members: Members, api: RecordingRequest, user_id: int, topic: str = "agenda") -> None:
    await members.says(user_id, "/abonnements")
    [panel] = api.take()
    await members.presses(user_id, panel.button_data(TOPIC_LABELS[topic]))
    api.take()


async def announce(members: Members, api: RecordingRequest, text: str, *, topic: str = "Agenda",
                   target: tuple[str, str] | None = None) -> list[str]:
    """The staff write an announcement in the staff chat and confirm it; returns what they were shown."""
    shown: list[str] = []
    await members.says(STAFF_USER, "/annonce", chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Claire")
    [start] = api.take()
    await members.presses(STAFF_USER, start.button_data(topic), chat_id=STAFF_CHAT, first_name="Claire")
    [who] = api.take()
    if target is None:
        await members.presses(STAFF_USER, who.button_data("Tous les abonnés"), chat_id=STAFF_CHAT, first_name="Claire")
    else:
        await members.presses(STAFF_USER, who.button_data(target[0]), chat_id=STAFF_CHAT, first_name="Claire")
        [choices] = api.take()
        await members.presses(STAFF_USER, choices.button_data(target[1]), chat_id=STAFF_CHAT, first_name="Claire")
    [write] = api.take()
    shown.append(write.text)
    await members.says(STAFF_USER, text, chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Claire")
    preview, count = api.take()
    shown += [preview.text, count.text]
    await members.presses(STAFF_USER, count.button_data("Envoyer (destinataires"), chat_id=STAFF_CHAT, first_name="Claire")
    [launched] = api.take()
    shown.append(launched.text)
    return shown


async def deliver(app: App, bot: Bot) -> DispatchReport:
    """What the dispatcher sends now, through PTB's bot and the real Telegram transport."""
    return await Dispatcher(db=app.db, transport=TelegramTransport(bot), clock=app.clock, limits=NO_LIMITS).drain()


def announcement_rows(app: App, announcement_id: int) -> list[Outbound]:
    with app.db.session() as session:
        return list(session.exec(select(Outbound).where(Outbound.ref == f"announce:{announcement_id}")
                                 .order_by(col(Outbound.id))))


def announcements(app: App) -> list[Announcement]:
    with app.db.session() as session:
        return list(session.exec(select(Announcement).order_by(col(Announcement.id))))
