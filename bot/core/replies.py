"""What goes in and out of the channel-neutral core: who speaks, and replies with buttons.

Reply texts use the small HTML subset Telegram understands (<b>, <i>, <a>); every piece of
text that comes from a person or a file is escaped with `html.escape` before it gets there.
The terminal chat strips the tags.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

MAX_BUTTON_DATA = 64  # Telegram's limit on callback data, in bytes
UNKNOWN_FILE_TYPE = "application/octet-stream"


@dataclass(frozen=True, kw_only=True)
class Sender:
    channel: str  # "telegram", "terminal"
    user_id: str
    chat_id: str
    display_name: str = ""
    in_group: bool = False


@dataclass(frozen=True, kw_only=True)
class Button:
    label: str
    data: str = ""  # what the core gets back when the button is pressed
    url: str | None = None  # a link button instead

    def __post_init__(self) -> None:
        if not self.url and len(self.data.encode()) > MAX_BUTTON_DATA:
            raise ValueError(f"button data over {MAX_BUTTON_DATA} bytes: {self.data!r}")


@dataclass(frozen=True, kw_only=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str = UNKNOWN_FILE_TYPE


@dataclass(frozen=True, kw_only=True)
class Reply:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None
    to_chat: str | None = None  # None: the chat the message came from


def rows(*buttons: Button | None, per_row: int = 1) -> tuple[tuple[Button, ...], ...]:
    """Buttons laid out `per_row` to a row, skipping the None ones."""
    present = [b for b in buttons if b is not None]
    return tuple(tuple(present[i : i + per_row]) for i in range(0, len(present), per_row))


@dataclass
class Outbox:
    """Replies collected while handling one input."""

    replies: list[Reply] = field(default_factory=list)

    def say(self, text: str, buttons: tuple[tuple[Button, ...], ...] = (), **kwargs: object) -> None:
        self.replies.append(Reply(text=text, buttons=buttons, **kwargs))  # type: ignore[arg-type]


def esc(text: str) -> str:
    """Escape text from a person or a file for the HTML subset (quotes stay readable)."""
    return html.escape(text, quote=False)


def short(text: str, limit: int = 60) -> str:
    """At most `limit` characters, an ellipsis marking the cut (button labels, quoted questions). The cut
    falls between two words ("payants pour les…", not "pour les conse…") unless that would lose more than
    half the room (one very long word)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space >= limit // 2:  # the cut falls inside a word: back to its start
        cut = cut[:space]
    return cut.rstrip(" ,;:(«-–") + "…"
