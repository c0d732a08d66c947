"""What the terminal chat adds around the core: its outbox delivered in memory and shown before each
prompt, simulated time (`hotline chat --now …`, then `/avancer 2h`), and the staff mode (`--staff`) where
one person plays both sides."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.channels.memory_transport import MemoryTransport
from bot.channels.services import ChannelServices
from bot.channels.terminal import TerminalChat
from bot.clock import Clock, ManualClock
from bot.config import ConfigError, parse_duration
from bot.core.replies import Reply, Sender
from bot.core.staff import StaffTarget
from bot.core.timefmt import day_label, hour_label, to_local
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.ratelimit import Limits
from bot.storage.db import Database

CHANNEL = "terminal"
STAFF_CHAT = "equipe"
STAFF_TARGET = StaffTarget(channel=CHANNEL, chat_id=STAFF_CHAT)  # give it to `build_app` for the staff mode
STAFF_PREFIX = "[équipe] "
ADVANCE_USAGE = "Écrivez une durée, par exemple « /avancer 2h », « /avancer 1j » ou « /avancer 30min »."
NOW = "🕰 Nous sommes le {when} (temps simulé)."
STAFF_HINT = ("Mode équipe : vos questions arrivent aussi dans le groupe de l'équipe (lignes « [équipe] »). "
              "Répondez avec le bouton « Répondre » ou /repondre N texte ; /questions, /stats.")


class Reminders(Protocol):
    def queue_due(self) -> None: ...
    def next_reminder(self) -> datetime | None: ...


class Services(ChannelServices, Protocol):
    """What the terminal is given besides: the database and the clock (its outbox is delivered here, and its
    time may be simulated), and the reminders to queue as that time moves."""

    db: Database
    clock: Clock

    @property
    def events(self) -> Reminders: ...


def attach_terminal(services: Services, chat: TerminalChat) -> MemoryTransport:
    """Deliver the terminal's outbox in memory and show it in the chat before each prompt."""
    transport = MemoryTransport()
    # One person reads this chat: no per-chat pause (Telegram's limits stay in the Telegram dispatcher).
    dispatcher = Dispatcher(db=services.db, transport=transport, clock=services.clock, channel=CHANNEL,
                            limits=Limits(per_second=1000.0, private_interval=0.0, group_interval=0.0),
                            monotonic=time.monotonic)
    if services.delivery.dispatcher is None:
        services.delivery.dispatcher = dispatcher
    events = services.events

    def arrived() -> list[Reply]:
        events.queue_due()
        asyncio.run(dispatcher.drain())
        return [Reply(text=m.text, buttons=m.buttons, attachment=m.attachment)
                for m in transport.take(chat.sender.chat_id)]

    chat.before_input.append(arrived)
    if isinstance(services.clock, ManualClock):
        advance = _time_travel(services.clock, events, services.settings.timezone)
        chat.commands.update(avancer=advance, attendre=advance)
    return transport


def _time_travel(clock: ManualClock, events: Reminders, tz: ZoneInfo) -> Callable[[Sender, str], list[Reply]]:
    def advance(sender: Sender, args: str) -> list[Reply]:
        try:
            delta = parse_duration(args or "", "/avancer")
        except ConfigError:
            return [Reply(text=ADVANCE_USAGE)]
        end = clock.now() + delta
        # The reminder job runs every minute in production: stop at each reminder due on the way.
        while (due := events.next_reminder()) is not None and due <= end:
            clock.set(max(due, clock.now()))
            events.queue_due()
        clock.set(end)
        now = to_local(clock.now(), tz)
        return [Reply(text=NOW.format(when=f"{day_label(now.date())} à {hour_label(now)}"))]

    return advance


def simulated_clock(text: str, tz: ZoneInfo) -> ManualClock:
    """`--now 2026-01-05T09:00` (Paris time) → a clock that only moves with /avancer."""
    try:
        local = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError("--now", "une date AAAA-MM-JJTHH:MM (heure de Paris)", text) from None
    return ManualClock(local.replace(tzinfo=tz) if local.tzinfo is None else local)


def attach_staff_terminal(services: Services, chat: TerminalChat, transport: MemoryTransport) -> None:
    """Make the terminal user staff and show the staff chat's messages (the terminal's transport delivers them).
    The application must have been built with `staff_chat=STAFF_TARGET`."""
    if services.staff.target != STAFF_TARGET:
        raise ValueError("the staff mode needs an application built with staff_chat=STAFF_TARGET")
    services.staff.grant(chat.sender.channel, chat.sender.user_id)

    def staff_chat() -> list[Reply]:
        return [Reply(text=STAFF_PREFIX + m.text, buttons=m.buttons) for m in transport.take(STAFF_CHAT)]

    chat.before_input.append(staff_chat)  # after the hook that drains the outbox
    chat.before_input.insert(0, _once(Reply(text=STAFF_HINT)))


def _once(reply: Reply) -> Callable[[], list[Reply]]:
    shown: list[bool] = []

    def hook() -> list[Reply]:
        if shown:
            return []
        shown.append(True)
        return [reply]

    return hook
