"""The dispatcher's Telegram transport: Bot API calls, and Telegram's errors in the domain's words."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot, InputFile, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.channels.render import split_message
from bot.channels.telegram.adapter import keyboard
from bot.core.replies import Reply
from bot.delivery.errors import Blocked, Permanent, RetryLater, Transient, Uncertain
from bot.delivery.outbox import OutboundMessage


class TelegramTransport:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, message: OutboundMessage) -> str | None:
        chat: int | str = int(message.chat_id) if message.chat_id.lstrip("-").isdigit() else message.chat_id
        markup = keyboard(Reply(text="", buttons=message.buttons))
        reply = (ReplyParameters(message_id=int(message.reply_to), allow_sending_without_reply=True)
                 if message.reply_to and message.reply_to.isdigit() else None)
        try:
            if message.attachment is not None:
                sent = await self.bot.send_document(
                    chat_id=chat, document=InputFile(message.attachment.content, filename=message.attachment.filename),
                    caption=message.text[:1024] or None, parse_mode=ParseMode.HTML, reply_markup=markup,
                    reply_parameters=reply)
                return str(sent.message_id)
            pieces = split_message(message.text)
            first_id: str | None = None
            for index, piece in enumerate(pieces):
                sent = await self.bot.send_message(
                    chat_id=chat, text=piece, parse_mode=ParseMode.HTML,
                    reply_markup=markup if index == len(pieces) - 1 else None,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                    reply_parameters=reply if index == 0 else None)
                first_id = first_id or str(sent.message_id)
            return first_id
        except RetryAfter as exc:
            wait = exc.retry_after
            raise RetryLater(wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) from exc
        except TimedOut as exc:  # before NetworkError: TimedOut is one
            raise Uncertain(str(exc)) from exc
        except Forbidden as exc:
            raise Blocked(str(exc)) from exc
        except ChatMigrated as exc:
            raise Permanent(f"chat migrated to {exc.new_chat_id}") from exc
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                raise Blocked(str(exc)) from exc
            raise Permanent(str(exc)) from exc
        except NetworkError as exc:
            raise Transient(str(exc)) from exc
        except TelegramError as exc:
            raise Transient(str(exc)) from exc
