"""The one way a reply becomes Bot API calls: long texts split under Telegram's limit, the keyboard on
the last piece, a file with its caption. Callers decide what a Telegram error means for them."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode

from bot.channels.render import split_message
from bot.core.replies import UNKNOWN_FILE_TYPE, Attachment, Button


def keyboard(buttons: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(b.label, url=b.url) if b.url else InlineKeyboardButton(b.label, callback_data=b.data)
         for b in row]
        for row in buttons
    ])


def input_file(attachment: Attachment) -> InputFile:
    """The file with the MIME type the core gave it: guessing from the name depends on the machine's
    /etc/mime.types (a .docx would go out as application/octet-stream without it). A message from the
    outbox has lost its type: PTB guesses it from the name then."""
    document = InputFile(attachment.content, filename=attachment.filename)
    if attachment.mime_type != UNKNOWN_FILE_TYPE:
        document.mimetype = attachment.mime_type
    return document


def chat_ref(chat_id: str) -> int | str:
    """Telegram wants a number for a chat id, or an @name."""
    return int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id


async def send(bot: Bot, chat_id: str, text: str, *, buttons: Sequence[Sequence[Button]] = (),
               attachment: Attachment | None = None, reply_to: str | None = None) -> str:
    """Send one reply; the id of its first message."""
    chat, markup = chat_ref(chat_id), keyboard(buttons)
    reply = (ReplyParameters(message_id=int(reply_to), allow_sending_without_reply=True)
             if reply_to and reply_to.isdigit() else None)
    if attachment is not None:
        sent = await bot.send_document(
            chat_id=chat, document=input_file(attachment),
            caption=text[:1024] or None, parse_mode=ParseMode.HTML, reply_markup=markup, reply_parameters=reply)
        return str(sent.message_id)
    pieces = split_message(text)
    first_id: str | None = None
    for index, piece in enumerate(pieces):
        sent = await bot.send_message(
            chat_id=chat, text=piece, parse_mode=ParseMode.HTML,
            reply_markup=markup if index == len(pieces) - 1 else None,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            reply_parameters=reply if index == 0 else None)
        first_id = first_id or str(sent.message_id)
    assert first_id is not None
    return first_id
