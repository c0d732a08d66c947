"""Hostile inputs through the full PTB path, on SQLite and PostgreSQL: every case of the corpus
(tests/support/hostile.py) gets a clear French reply or is ignored on purpose, no handler fails
(the error handler never fires), every HTML message is valid for Telegram, staff posts included,
and nobody touches another member's registration, ticket or question."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlmodel import select
from telegram.ext import Application, ContextTypes

from bot.app import App, build_app
from bot.channels.telegram.adapter import build_application
from bot.channels.telegram.transport import TelegramTransport
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import texts
from bot.delivery.dispatcher import Dispatcher
from bot.storage.models import QuestionLog, Registration, Ticket
from tests.conftest import STAFF_CHAT
from tests.support import events as ev
from tests.support.databases import Database
from tests.support.desk import NO_LIMITS, StaffChatRequest
from tests.support.hostile import CORPUS, GROUP, IGNORED, REPLY, Case
from tests.support.html_subset import CAPTION_LIMIT, TEXT_LIMIT, problems, visible_text
from tests.support.telegram import Call, Members, RecordingRequest

OWNER = 7000  # the member whose records others try to reach
FRENCH = re.compile(r"\b(vous|votre|vos|je|j'|n'|ne|pas|merci|bonjour|question|cette|ce|les|des|une|un|le|la|"
                    r"de|du|au|aux|et|est|sont|ici|écrivez|commande|bouton|équipe)\b", re.IGNORECASE)
HUGE = "9" * 25


@dataclass
class Harness:
    app: App
    application: Application[Any, Any, Any, Any, Any, Any]
    api: RecordingRequest
    members: Members
    errors: list[BaseException] = field(default_factory=list)

    async def deliver(self) -> None:
        """What the outbox holds goes out through the real Telegram transport (staff posts, notices)."""
        dispatcher = Dispatcher(db=self.app.db, transport=TelegramTransport(self.application.bot),
                                clock=self.app.clock, limits=NO_LIMITS)
        await dispatcher.drain()


@pytest.fixture
async def harness(make_settings: Callable[..., Settings], clock: ManualClock,
                  database: Database) -> AsyncIterator[Harness]:
    app = build_app(make_settings(database_url=database.url), clock=clock)
    api = StaffChatRequest()
    application = build_application(app, request=api, get_updates_request=RecordingRequest(), rate_limit=False,
                                    start_jobs=False)
    harness = Harness(app=app, application=application, api=api, members=Members(application))

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        harness.errors.append(context.error)

    application.add_error_handler(record)
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    try:
        yield harness
    finally:
        await application.shutdown()
        app.db.engine.dispose()


@dataclass(frozen=True)
class Owned:
    event: int
    ticket: int
    log: int


async def owner_with_records(h: Harness) -> Owned:
    """A member registered for an event, with a question handed to the staff."""
    await h.members.says(OWNER, "quel temps fera-t-il demain à Nantes")
    [unknown] = h.api.take()
    team = unknown.button_data("équipe")
    await h.members.presses(OWNER, team)
    ev.register(h.app, ev.member(OWNER), "interconseil-printemps")
    await h.deliver()
    h.api.take()
    with h.app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
        assert ticket.id is not None
        return Owned(event=ev.event_id(h.app, "interconseil-printemps"), ticket=ticket.id, log=int(team.split(":")[1]))


def fill(value: str, owned: Owned) -> str:
    return (value.replace("{event}", str(owned.event)).replace("{other_ticket}", str(owned.ticket))
            .replace("{other_log}", str(owned.log)).replace("{huge}", HUGE))


async def play(h: Harness, case: Case, user: int, message_id: int, owned: Owned) -> int:
    """Send the case's input; return the chat where a reply is expected."""
    who = h.members
    if case.kind in ("text", "command"):
        await who.says(user, fill(case.text or "", owned))
        return user
    if case.kind == "button":
        await who.presses(user, fill(case.data or "", owned))
        return user
    if case.kind == "media":
        if case.chat == "group":
            await who.sends(user, chat_id=GROUP, chat_type="supergroup", **case.content)
            return GROUP
        await who.sends(user, **case.content)
        return user
    if case.kind == "escalate":
        message = who.message(user, text=case.text, first_name=case.first_name)
        message["from"] = who.user(user, case.first_name, case.last_name)
        await who.send({"message": message})
        team = next((b["callback_data"] for c in h.api.calls for row in c.buttons for b in row
                     if b.get("callback_data", "").startswith("team:")), None)
        if team is not None:  # else `check` reports that the question never reached the staff
            await who.presses(user, team, first_name=case.first_name)
        return user
    assert case.raw is not None
    update = case.raw(user, message_id)
    await who.send(update)
    return GROUP if "group-command" in case.id else user


def check(case: Case, chat: int, sent: list[Call], errors: list[BaseException]) -> list[str]:
    found = [f"the error handler fired: {error!r}" for error in errors]
    for call in sent:
        limit = CAPTION_LIMIT if call.method == "sendDocument" else TEXT_LIMIT
        if call.params.get("parse_mode") == "HTML" and (bad := problems(call.text, limit=limit)):
            where = "staff chat" if int(call.params["chat_id"]) == STAFF_CHAT else "member"
            found.append(f"invalid HTML to the {where}: {bad[:3]} in {call.text[:120]!r}")
    replies = [c for c in sent if int(c.params["chat_id"]) == chat]
    if case.expect == IGNORED and sent:
        found.append(f"ignored on purpose ({case.why}) but got {[c.text[:60] for c in sent]}")
    if case.expect == REPLY:
        if not replies:
            found.append("no reply")
        for call in replies:
            if not FRENCH.search(visible_text(call.text)):
                found.append(f"not a clear French reply: {call.text[:80]!r}")
    if case.kind == "escalate" and not any(int(c.params["chat_id"]) == STAFF_CHAT for c in sent):
        found.append("the question never reached the staff chat")
    return found


async def test_every_hostile_input_gets_a_french_reply_or_is_ignored_on_purpose_and_nothing_breaks(
        harness: Harness) -> None:
    assert len(CORPUS) >= 200
    owned = await owner_with_records(harness)
    failures: dict[str, list[str]] = {}
    for index, case in enumerate(CORPUS):
        harness.api.calls.clear()
        harness.errors.clear()
        user = 20_000 + index
        chat = await play(harness, case, user, 900_000 + index, owned)
        await harness.deliver()
        if found := check(case, chat, harness.api.sent(), harness.errors):
            failures[case.id] = found
    assert failures == {}, "\n".join(f"{case}: {found}" for case, found in failures.items())
    with harness.app.db.session() as session:  # the owner's records are untouched
        registration = session.exec(select(Registration).where(Registration.event_id == owned.event)).one()
        assert registration.status == "confirmed"
        ticket = session.get(Ticket, owned.ticket)
        assert ticket is not None and ticket.status == "new" and ticket.taken_by is None
        log = session.get(QuestionLog, owned.log)
        assert log is not None and log.feedback is None


async def test_a_flood_of_hostile_messages_is_cut_short_politely(harness: Harness) -> None:
    for n in range(60):
        await harness.members.says(30_000, ("<b>" if n % 2 else "a" * 5000) + str(n))
    sent = harness.api.take()
    assert harness.errors == []
    assert len(sent) <= 41  # twenty inputs answered (the long ones with two messages), then one notice
    assert sum(c.text == texts.FLOOD_NOTICE for c in sent) == 1
