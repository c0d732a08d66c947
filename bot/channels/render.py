"""Turning the core's HTML-subset replies into plain text (terminal) and Telegram-sized pieces."""

from __future__ import annotations

import html
import re

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"</?(b|i|u|s|a|code|pre)(\s[^>]*)?>")


def plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji often counts two)."""
    return len(text.encode("utf-16-le")) // 2


_ATOM = re.compile(r"<(/?)(b|i|u|s|a|code|pre)(?:\s[^>]*)?>|&#?[a-zA-Z0-9]+;|.", re.DOTALL)


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces under Telegram's limit, cut between paragraphs, then lines, then words, then anywhere;
    never inside a tag or an entity, and tags open at a cut are closed, then opened again."""
    if units(text) <= limit:
        return [text]
    pieces: list[str] = []
    atoms = [(m.group(0), m.group(1), m.group(2)) for m in _ATOM.finditer(text)]
    start, prefix = 0, ""
    carried: list[str] = []  # tags open at the last cut: closed there, opened again in the next piece
    carried_opened: list[str] = []
    while start < len(atoms):
        size, cut = units(prefix), len(atoms)
        stack: list[str] = list(carried)  # the names of the tags open at this point
        best: dict[str, tuple[int, list[str], list[str], int]] = {}  # the last break of each kind
        opened: list[str] = list(carried_opened)  # the opening tags, as written, of what is open
        for index in range(start, len(atoms)):
            atom, closing, name = atoms[index]
            closers = sum(len(tag) + 3 for tag in stack)
            if size + units(atom) + closers > limit:
                cut = index
                break
            size += units(atom)
            if name and closing and stack and stack[-1] == name:
                stack.pop()
                opened.pop()
            elif name and not closing:
                stack.append(name)
                opened.append(atom)
            for kind, mark in (("para", "\n\n"), ("line", "\n"), ("word", " ")):
                if atom == mark[-1] and (mark == atom or (index > 0 and atoms[index - 1][0] == "\n")):
                    best[kind] = (index + 1, list(stack), list(opened), size)
        else:
            pieces.append(prefix + "".join(a for a, _, _ in atoms[start:]))
            break
        end, end_stack, end_opened, _ = next(  # a break in the second half of the piece, else a hard cut
            (best[k] for k in ("para", "line", "word") if k in best and best[k][3] >= limit // 2),
            (cut, stack, opened, size))
        if end <= start:  # a single atom over the limit cannot happen with Telegram-sized limits
            end, end_stack, end_opened = start + 1, stack, opened
        body = prefix + "".join(a for a, _, _ in atoms[start:end])
        pieces.append(body.rstrip() + "".join(f"</{n}>" for n in reversed(end_stack)))
        start = end
        while start < len(atoms) and atoms[start][0] == "\n":
            start += 1
        prefix, carried, carried_opened = "".join(end_opened), end_stack, end_opened
    return [piece for piece in pieces if piece.strip()]
