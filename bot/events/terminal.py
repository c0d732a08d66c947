"""The terminal chat shows the whole story: messages queued for it (reminders, notices) appear before
each prompt, and with `hotline chat --now …` time is simulated: `/avancer 2h` moves it forward."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.config import ConfigError, parse_duration
from bot.core.replies import Reply, Sender
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.ratelimit import Limits
from bot.events import texts
from bot.events.reminders import copil_preparations, materialise_due, next_due
from bot.events.timefmt import day_label, hour_label, to_local

if TYPE_CHECKING:
    from bot.app import App
    from bot.channels.terminal import TerminalChat

CHANNEL = "terminal"


def attach_terminal(app: App, chat: TerminalChat) -> MemoryTransport:
    """Deliver the terminal's outbox in memory and show it in the chat before each prompt."""
    transport = MemoryTransport()
    # One person reads this chat: no per-chat pause (Telegram's limits stay in the Telegram dispatcher).
    dispatcher = Dispatcher(db=app.db, transport=transport, clock=app.clock, channel=CHANNEL,
                            limits=Limits(per_second=1000.0, private_interval=0.0, group_interval=0.0),
                            monotonic=time.monotonic)
    if app.delivery.dispatcher is None:
        app.delivery.dispatcher = dispatcher

    def arrived() -> list[Reply]:
        materialise_due(app.events.ctx)
        copil_preparations(app.events.ctx)
        asyncio.run(dispatcher.drain())
        return [Reply(text=m.text, buttons=m.buttons, attachment=m.attachment)
                for m in transport.take(chat.sender.chat_id)]

    chat.before_input.append(arrived)
    if isinstance(app.clock, ManualClock) and "avancer" not in app.router.commands:
        clock = app.clock

        def advance(sender: Sender, args: str) -> list[Reply]:
            try:
                delta = parse_duration(args or "", "/avancer")
            except ConfigError:
                return [Reply(text=texts.TERMINAL_ADVANCE_USAGE)]
            end = clock.now() + delta
            # The reminder job runs every minute in production: stop at each reminder due on the way.
            while (due := next_due(app.events.ctx)) is not None and due <= end:
                clock.set(max(due, clock.now()))
                materialise_due(app.events.ctx)
            clock.set(end)
            now = to_local(clock.now(), app.settings.timezone)
            return [Reply(text=texts.TERMINAL_NOW.format(when=f"{day_label(now.date())} à {hour_label(now)}"))]

        app.router.command("avancer", "Faire avancer le temps simulé (ex. : /avancer 1j)", advance, in_menu=False)
        app.router.command("attendre", "Faire avancer le temps simulé", advance, in_menu=False)
    return transport


def simulated_clock(text: str, tz: ZoneInfo) -> ManualClock:
    """`--now 2026-01-05T09:00` (Paris time) → a clock that only moves with /avancer."""
    try:
        local = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError("--now", "une date AAAA-MM-JJTHH:MM (heure de Paris)", text) from None
    return ManualClock(local.replace(tzinfo=tz) if local.tzinfo is None else local)
