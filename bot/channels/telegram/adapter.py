"""Telegram channel: turns updates into core calls and the core's replies into Bot API calls.

No business rule lives here. Handlers are registered in this order:
1. commands (known and unknown alike go to the core, which knows the list);
2. button presses;
3. free text in new messages (edited messages and channel posts are ignored on purpose);
4. everything else a member can send (photos, voice notes, stickers…), answered politely.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import sys
import traceback
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.channels.services import ChannelServices
from bot.channels.telegram import sending
from bot.channels.telegram.polling import ConfirmAfterHandling
from bot.channels.telegram.transport import TelegramTransport, unpaced
from bot.config import Settings
from bot.core import texts
from bot.core.hotline import Hotline
from bot.core.replies import Reply, Sender
from bot.core.staff import StaffDirectory
from bot.delivery.service import Delivery
from bot.scheduling import Jobs

log = logging.getLogger(__name__)
CHANNEL = "telegram"
NEW_MESSAGE = filters.UpdateType.MESSAGE
SWITCH_INTERVAL = 0.0005  # seconds (Python's default: 0.005)


class Services(ChannelServices, Protocol):
    """What the Telegram channel is given besides: the core it feeds, and the jobs it starts and stops."""

    hotline: Hotline
    jobs: Jobs


@dataclass
class BotData:
    """PTB's `bot_data`, typed (PTB builds it without arguments; `build_application` fills it)."""

    channel: TelegramChannel | None = None
    confirm: ConfirmAfterHandling | None = None


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
TelegramApp = Application[ExtBot[None], Context, dict[Any, Any], dict[Any, Any], BotData, Any]


def sender_of(update: Update) -> Sender | None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.is_bot:
        return None
    return Sender(channel=CHANNEL, user_id=str(user.id), chat_id=str(chat.id), display_name=user.full_name,
                  in_group=chat.type != ChatType.PRIVATE)


@dataclass(kw_only=True, eq=False)
class TelegramChannel:
    hotline: Hotline
    delivery: Delivery
    staff: StaffDirectory
    settings: Settings
    jobs: Jobs

    async def deliver(self, bot: Bot, chat_id: str, replies: list[Reply]) -> None:
        """Send the core's replies; a member who blocked the bot is logged, not retried. When Telegram cannot
        be reached or asks to slow down, the replies not sent yet go to the outbox: the dispatcher sends them
        once it can (a time-out is ambiguous, the message may have arrived: it goes to the error handler)."""
        for position, reply in enumerate(replies):
            target = reply.to_chat or chat_id
            try:
                await sending.send(bot, target, reply.text, buttons=reply.buttons,
                                   attachment=reply.attachment)
            except Forbidden:
                log.info("chat %s blocked the bot; reply dropped", target)
            except (RetryAfter, NetworkError) as error:
                if isinstance(error, TimedOut | BadRequest):
                    raise
                wait = error.retry_after if isinstance(error, RetryAfter) else 0
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                self.delivery.defer(chat_id, replies[position:], channel=CHANNEL, wait=seconds)
                log.warning("Telegram unreachable (%s): %d reply(ies) left to the outbox", type(error).__name__,
                            len(replies) - position)
                return

    async def on_command(self, update: Update, context: Context) -> None:
        message, sender = update.effective_message, sender_of(update)
        if message is None or sender is None or not message.text:
            return
        head, _, args = message.text[1:].partition(" ")
        name, _, target = head.partition("@")
        if target and context.bot.username and target.lower() != context.bot.username.lower():
            return  # a command for another bot in a group
        if self.hotline.router.is_staff_action(command=name) and self.staff.needs_check(sender):
            await self._check_staff(context, sender)
        replies = await asyncio.to_thread(self.hotline.on_command, sender, name, args)
        await self.deliver(context.bot, sender.chat_id, replies)

    async def on_button(self, update: Update, context: Context) -> None:
        query, sender = update.callback_query, sender_of(update)
        if query is None or sender is None:
            return
        await query.answer()
        if self.hotline.router.is_staff_action(button=query.data or "") and self.staff.needs_check(sender):
            await self._check_staff(context, sender)
        replies = await asyncio.to_thread(self.hotline.on_button, sender, query.data or "")
        chat_id = str(query.message.chat.id) if query.message is not None else sender.user_id
        await self.deliver(context.bot, chat_id, replies)

    async def on_text(self, update: Update, context: Context) -> None:
        message, sender = update.effective_message, sender_of(update)
        if message is None or sender is None or message.text is None:
            return
        reply_to = str(message.reply_to_message.message_id) if message.reply_to_message else None
        # Off the event loop: a reading that takes a second (e5, a long message) must not hold up the sends and
        # jobs of everyone else. Updates are still handled one at a time (PTB's default), in their order.
        replies = await asyncio.to_thread(self.hotline.on_text, sender, message.text, reply_to)
        await self.deliver(context.bot, sender.chat_id, replies)

    async def _check_staff(self, context: Context, sender: Sender) -> None:
        """Ask Telegram whether someone writing in private is a member of the staff chat (cached)."""
        staff_chat = self.settings.telegram.staff_chat_id
        if staff_chat is None or not sender.user_id.isdigit():
            return
        try:
            member = await context.bot.get_chat_member(staff_chat, int(sender.user_id))
        except TelegramError:
            log.warning("could not check the staff chat membership (is the bot in the group?)")
            return
        inside = member.status in ("creator", "administrator", "member") or bool(getattr(member, "is_member", False))
        self.staff.record(sender, member=inside, checked=True)

    async def on_staff_chat_change(self, update: Update, context: Context) -> None:
        """Someone joined or left the staff chat: staff rights follow."""
        message = update.effective_message
        staff_chat = self.settings.telegram.staff_chat_id
        if message is None or staff_chat is None or message.chat.id != staff_chat:
            return
        if message.left_chat_member is not None:
            self.staff.left(CHANNEL, str(message.left_chat_member.id))
        for user in message.new_chat_members or ():
            if not user.is_bot:
                self.staff.grant(CHANNEL, str(user.id))

    async def on_other(self, update: Update, context: Context) -> None:
        message, sender = update.effective_message, sender_of(update)
        if message is None or sender is None:
            return
        kind = ("photo" if message.photo else "voice" if message.voice or message.audio or message.video_note
                else "sticker" if message.sticker else "location" if message.location or message.venue
                else "document" if message.document else "other")
        await self.deliver(context.bot, sender.chat_id, self.hotline.on_unsupported(sender, kind))

    async def on_error(self, update: object, context: Context) -> None:
        log.error("error while handling an update", exc_info=context.error)
        staff_chat = self.settings.telegram.staff_chat_id
        if staff_chat is None or context.error is None or isinstance(context.error, Forbidden):
            return
        trace = "".join(traceback.format_exception(None, context.error, context.error.__traceback__))
        text = f"⚠️ Erreur de la hotline :\n<pre>{html.escape(trace[-3500:])}</pre>"
        try:
            await context.bot.send_message(chat_id=staff_chat, text=text, parse_mode=ParseMode.HTML)
        except TelegramError:
            log.warning("could not tell the staff chat about the error")
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(
                    chat_id=update.effective_chat.id,
                    text=texts.TECHNICAL_PROBLEM)

    async def after_update(self, update: Update, context: Context) -> None:
        self.delivery.wake()  # messages queued while handling this update go out now
        confirm = context.bot_data.confirm
        if confirm is not None:
            await confirm.handled(context.bot, update.update_id)  # a crash now will not replay it

    async def post_init(self, application: TelegramApp) -> None:
        self.delivery.attach(TelegramTransport(unpaced(application.bot)))  # the dispatcher paces itself
        hotline = self.hotline
        await application.bot.set_my_commands([BotCommand(n, d) for n, d in hotline.menu()],
                                              scope=BotCommandScopeDefault())
        staff_chat = self.settings.telegram.staff_chat_id
        if staff_chat is not None:
            try:
                await application.bot.set_my_commands([BotCommand(n, d) for n, d in hotline.menu(staff=True)],
                                                      scope=BotCommandScopeChat(staff_chat))
            except TelegramError:
                log.warning("could not set the staff chat's command menu (is the bot in the group?)")


async def _start_jobs(application: TelegramApp) -> None:
    channel = application.bot_data.channel
    assert channel is not None
    # The event loop hands the interpreter over at every socket call, and takes it back only when the
    # thread doing database work lets go: every 5 ms by default, so a send cost up to tens of ms while the
    # reminder job or the dispatcher's writes ran. Shorter turns keep Telegram's pace.
    sys.setswitchinterval(SWITCH_INTERVAL)
    await channel.post_init(application)
    channel.jobs.start(channel.settings.timezone)


async def _stop_delivery(application: TelegramApp) -> None:
    channel = application.bot_data.channel
    assert channel is not None
    await channel.delivery.stop()  # while the bot can still send: sends under way are seen through


async def _stop_jobs(application: TelegramApp) -> None:
    channel = application.bot_data.channel
    assert channel is not None
    channel.jobs.stop()


def build_application(services: Services, *, request: BaseRequest | None = None,
                      get_updates_request: BaseRequest | None = None, rate_limit: bool = True,
                      start_jobs: bool = True) -> TelegramApp:
    settings = services.settings.telegram
    if settings.token is None:
        raise ValueError("no Telegram token")
    channel = TelegramChannel(hotline=services.hotline, delivery=services.delivery, staff=services.staff,
                              settings=services.settings, jobs=services.jobs)
    builder = ApplicationBuilder().token(settings.token).context_types(ContextTypes(bot_data=BotData))
    builder = (builder.post_init(_start_jobs).post_stop(_stop_delivery).post_shutdown(_stop_jobs) if start_jobs
               else builder.post_init(channel.post_init))
    if settings.api_base_url:
        base = settings.api_base_url.rstrip("/")
        builder = builder.base_url(base if base.endswith("/bot") else base + "/bot").base_file_url(
            (base.removesuffix("/bot")) + "/file/bot")
    if request is not None:
        builder = builder.request(request)
    # getUpdates waits until the updates in hand are handled: a crash loses none (polling.py).
    confirm = ConfirmAfterHandling(get_updates_request)
    builder = builder.get_updates_request(confirm)
    if rate_limit:
        # Replies to members are throttled here; the dispatcher handles 429s itself (max_retries=0).
        builder = builder.rate_limiter(AIORateLimiter(max_retries=0))  # type: ignore[arg-type]
    application: TelegramApp = builder.build()
    application.bot_data.channel = channel
    confirm.queue = application.update_queue
    application.bot_data.confirm = confirm
    application.add_handler(MessageHandler(NEW_MESSAGE & filters.COMMAND, channel.on_command))
    application.add_handler(CallbackQueryHandler(channel.on_button))
    application.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT & ~filters.COMMAND, channel.on_text))
    application.add_handler(MessageHandler(NEW_MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL, channel.on_other))
    application.add_handler(MessageHandler(
        filters.StatusUpdate.LEFT_CHAT_MEMBER | filters.StatusUpdate.NEW_CHAT_MEMBERS, channel.on_staff_chat_change))
    application.add_handler(TypeHandler(Update, channel.after_update), group=1)
    application.add_error_handler(channel.on_error)
    return application
