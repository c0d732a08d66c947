"""Turning the core's HTML-subset replies into plain text (terminal) and Telegram-sized pieces."""

from __future__ import annotations

import html
import re

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"</?(b|i|u|s|a|code|pre)(\s[^>]*)?>")


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces under Telegram's limit, cut between paragraphs, then lines, then anywhere."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n")
    if rest:
        pieces.append(rest)
    return pieces
