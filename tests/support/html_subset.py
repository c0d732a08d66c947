"""A strict checker for the HTML that Telegram accepts with parse_mode=HTML.

Telegram refuses the whole message ("Can't parse entities") on an unknown tag, an unbalanced tag,
a bare `<`, `>` or `&`, or an unknown entity. The hotline uses a smaller subset still: b, i, u, s,
a (href only), code, pre. This checker is stricter than Telegram on purpose.
"""

from __future__ import annotations

import html
import re

ALLOWED = {"b", "i", "u", "s", "a", "code", "pre"}
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
_TAG = re.compile(r'<(/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>')
_ATTRIBUTE = re.compile(r'\s+([a-z-]+)="([^"<>]*)"')
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")


def problems(text: str, *, limit: int = TEXT_LIMIT) -> list[str]:
    """What Telegram would refuse in `text` (empty list: valid)."""
    found: list[str] = []
    stack: list[str] = []
    visible: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            if match is None:
                found.append(f"bare '<' at {position}: {text[position:position + 20]!r}")
                position += 1
                continue
            closing, name, attributes = match.group(1), match.group(2), match.group(3)
            if name not in ALLOWED:
                found.append(f"tag <{name}> outside Telegram's subset")
            elif closing:
                if attributes:
                    found.append(f"attributes on </{name}>")
                if not stack or stack[-1] != name:
                    found.append(f"</{name}> closes {stack[-1] if stack else 'nothing'}")
                else:
                    stack.pop()
            else:
                names = [a for a, _ in _ATTRIBUTE.findall(attributes)]
                if (name == "a" and names != ["href"]) or (name != "a" and names):
                    found.append(f"attributes {names} on <{name}>")
                if name == "a" and "a" in stack:
                    found.append("a link inside a link")
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                found.append(f"bare '&' at {position}: {text[position:position + 12]!r}")
                position += 1
                continue
            visible.append(html.unescape(match.group(0)))
            position = match.end()
        elif char == ">":
            found.append(f"bare '>' at {position}")
            position += 1
        else:
            visible.append(char)
            position += 1
    if stack:
        found.append(f"unclosed {stack}")
    shown = "".join(visible)
    if len(shown.encode("utf-16-le")) // 2 > limit:  # Telegram counts UTF-16 code units
        found.append(f"{len(shown)} characters, over {limit}")
    if not shown.strip():
        found.append("nothing visible (Telegram refuses an empty message)")
    return found


def visible_text(text: str) -> str:
    return html.unescape(_TAG.sub("", text))
