"""The dispatcher's Telegram transport: Bot API calls, and Telegram's errors in the domain's words.

The dispatcher paces its sends itself (per chat, per group, overall) and handles 429s itself, so it
sends through a `Bot` without PTB's `AIORateLimiter` (`unpaced`): a second pacer in the way only adds
its own jitter to the gaps Telegram sees.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.channels.telegram import sending
from bot.delivery.errors import Blocked, Permanent, RetryLater, Transient, Uncertain
from bot.delivery.outbox import OutboundMessage


def unpaced(bot: Bot) -> Bot:
    """The same bot, on the same HTTP connection pool, without the application's rate limiter."""
    return Bot(bot.token, base_url=lambda _token: bot.base_url, base_file_url=lambda _token: bot.base_file_url,
               request=bot.request, get_updates_request=bot.request, local_mode=bot.local_mode)


class TelegramTransport:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, message: OutboundMessage) -> str | None:
        try:
            return await sending.send(self.bot, message.chat_id, message.text, buttons=message.buttons,
                                      attachment=message.attachment, reply_to=message.reply_to)
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
