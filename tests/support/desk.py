"""A Telegram harness that can be stopped and started again on the same database (restart tests),
with the outbox delivered by the real Telegram transport through the recording request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select
from telegram.ext import Application

from bot.app import App, build_app
from bot.channels.telegram.adapter import build_application
from bot.channels.telegram.transport import TelegramTransport
from bot.clock import ManualClock
from bot.config import Settings
from bot.delivery.dispatcher import Dispatcher, DispatchReport
from bot.delivery.ratelimit import Limits
from bot.storage.models import Outbound, Ticket
from tests.support.telegram import Members, RecordingRequest

NO_LIMITS = Limits(per_second=1e9, private_interval=0.0, group_interval=0.0)


@dataclass
class StaffChatRequest(RecordingRequest):
    """Telegram's answers, where only `staff_chat_members` are in the staff chat (getChatMember)."""

    staff_chat_members: set[int] = field(default_factory=set)

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getChatMember":
            user_id = int(params["user_id"])
            status = "member" if user_id in self.staff_chat_members else "left"
            return {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "X"}}
        return super()._result(endpoint, params)


@dataclass
class Bot:
    settings: Settings
    clock: ManualClock
    api: RecordingRequest = field(default_factory=StaffChatRequest)
    app: App | None = None
    application: Application[Any, Any, Any, Any, Any, Any] | None = None
    members: Members | None = None

    async def start(self) -> Bot:
        self.app = build_app(self.settings, clock=self.clock)
        self.application = build_application(self.app, request=self.api, get_updates_request=RecordingRequest(),
                                             rate_limit=False, start_jobs=False)
        await self.application.initialize()
        await self.application.post_init(self.application)  # type: ignore[misc]
        self.api.calls.clear()
        members = Members(self.application)
        if self.members is not None:  # Telegram's ids keep growing across our restarts
            members._update_ids, members._message_ids = self.members._update_ids, self.members._message_ids
        self.members = members
        return self

    async def stop(self) -> None:
        assert self.application is not None and self.app is not None
        await self.application.shutdown()
        self.app.db.engine.dispose()
        self.app = self.application = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def deliver(self) -> DispatchReport:
        """What the dispatcher sends now, through the real Telegram transport."""
        assert self.app is not None and self.application is not None
        dispatcher = Dispatcher(db=self.app.db, transport=TelegramTransport(self.application.bot), clock=self.clock,
                                limits=NO_LIMITS)
        return await dispatcher.drain()

    @property
    def who(self) -> Members:
        assert self.members is not None
        return self.members

    def tickets(self) -> list[Ticket]:
        assert self.app is not None
        with self.app.db.session() as session:
            return list(session.exec(select(Ticket).order_by(col(Ticket.id))))

    def message_id(self, *, chat_id: int, purpose: str) -> int:
        """The Telegram id of the latest message of this purpose sent to that chat."""
        assert self.app is not None
        with self.app.db.session() as session:
            row = session.exec(select(Outbound).where(Outbound.chat_id == str(chat_id), Outbound.purpose == purpose,
                                                      Outbound.status == "sent").order_by(col(Outbound.id).desc())).first()
        assert row is not None and row.external_id is not None
        return int(row.external_id)
