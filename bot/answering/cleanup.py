"""What a member pasted or typed, made plain before anything tries to understand it.

Messages arrive with invisible characters (zero-width joiners from some keyboards, "k\u200coi"),
HTML or Markdown pasted from an e-mail, letters held down ("merciiiii"), emoji, punctuation dictated as words
("virgule", "point d'interrogation"). None of it carries
the question, and every one of them breaks a word the matcher would otherwise know.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from bot.answering.french import DICTATED, SPOKEN, SPOKEN_FIRST_LETTERS, SPOKEN_STARTS
from bot.cache import compiled

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|~~|`+|^#{1,6}\s+|^>\s?|^\s*[-*+]\s+)", re.MULTILINE)
_MD_CHARS = frozenset("*_~`#>-+")  # a Markdown mark holds one of them
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_]([^*_\n]+)[*_](?!\w)")
_HELD = re.compile(r"([^\W\d_])\1{2,}")  # a letter three times or more: held down, never French spelling
_ACRONYM = re.compile(r"\b([A-Z])\1{2,}\b")  # "VVV", "WWW": one capital letter repeated is an acronym, kept
_HELD_PUNCT = re.compile(r"([?!.])\1+")
# Acronyms spelled out letter by letter, as dictation writes them: "F.P.H.", "Q P V", "G U S P".
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}[A-Z]?\b\.?")
_SPACED = re.compile(r"\b[A-Z](?: [A-Z]){2,}\b")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_DICTATED = tuple((re.compile(pattern, re.IGNORECASE), mark) for pattern, mark in DICTATED)
_DICTATED_WORDS = ("point", "virgule", "ligne", "paragraphe")  # a message without them has no dictated punctuation
_SPOKEN = tuple((re.compile(pattern, re.IGNORECASE), replacement) for pattern, replacement in SPOKEN)
# Any of them, in one scan: a text none of them matches is left as it is by all of them (most messages), and is
# spared twenty-odd scans. The patterns hold no back-references, so joined their groups may be renumbered.
# Each match starts a word with one of SPOKEN_STARTS: tried only there, the scan skips the other positions
# before trying twenty-odd alternatives at each (29 → 10 µs for a member's message; the same texts pass).
# Grouped by the letters they may start with, a group tried only where the word starts with one of them: a few
# patterns at each word instead of all (16 → 8 µs a text over the tidy set's questions; clean reads each part and
# question of a message). Only whether some pattern matches is read, which neither the order nor the grouping
# changes; each pattern is written once (the scan is no longer to compile).


def _by_first_letters() -> dict[str, list[str]]:
    """SPOKEN's patterns grouped by the letters they may start with, in SPOKEN's order."""
    groups: dict[str, list[str]] = {}
    for (pattern, _), letters in zip(SPOKEN, SPOKEN_FIRST_LETTERS, strict=True):
        groups.setdefault(letters, []).append(pattern)
    return groups


_ANY_SPOKEN = compiled(rf"\b(?=[{SPOKEN_STARTS}])(?:" + "|".join(
    f"(?=[{letters}])(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")"
    for letters, patterns in _by_first_letters().items()) + ")", re.IGNORECASE)

# Characters kept whole: letters, digits, punctuation a sentence needs, spaces and new lines.
_KEPT_CATEGORIES = ("L", "N", "P", "Z")


def _plain_char(ch: str) -> str:
    if ch in "\n\t":
        return ch
    category = unicodedata.category(ch)
    if category == "Cf" or category.startswith("C") or (category == "Mn" and not ch.isalpha()):
        return ""  # zero-width, direction marks, variation selectors, control characters
    if category.startswith(_KEPT_CATEGORIES) or category.startswith("M"):
        return ch
    if ch in "+-=/%€$°&@#'":
        return ch
    return " "  # emoji and other symbols separate words but mean nothing to the matcher


class _PlainChars(dict[int, str]):
    """`_plain_char` as a table for `str.translate`, filled as characters come (one lookup each after that,
    instead of a Python call per character of every message)."""

    def __missing__(self, code: int) -> str:
        plain = _plain_char(chr(code))
        if len(self) < 10_000:  # the characters members type, not every one Unicode has
            self[code] = plain
        return plain


_PLAIN = _PlainChars()


def _word_at(text: str, start: int) -> str:
    """The whole word a match starting at `start` lies in."""
    end = start
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


@lru_cache(maxsize=1024)  # one message is cleaned for its parts, its questions and its acts
def clean(text: str) -> str:
    """Plain text: tags and Markdown marks out, invisible characters out, emoji out, held letters squeezed."""
    text = unicodedata.normalize("NFC", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = html.unescape(text) if "&" in text else text
    # Each pass is skipped when the characters it needs are absent (most messages have no Markdown, no dots
    # between capitals, no repeated punctuation): a test in C instead of a regular expression's scan.
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if not _MD_CHARS.isdisjoint(text):
        text = _MD_MARKS.sub(" ", text)
    if "*" in text or "_" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
    text = text.translate(_PLAIN)
    text = _HELD.sub(lambda m: m.group(0) if _ACRONYM.fullmatch(_word_at(text, m.start())) else m.group(1), text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).rstrip(".").replace(".", "") + ("." if m.group(0).endswith(".") else ""),
                           text)
    if any(ch.islower() for ch in text):  # not a message typed in capitals ("Y A T IL UN BUDGET")
        text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    if "??" in text or "!!" in text or ".." in text:
        text = _HELD_PUNCT.sub(r"\1", text)
    if any(word in text.lower() for word in _DICTATED_WORDS):
        for pattern, mark in _DICTATED:  # "bonjour virgule je voudrais…": punctuation said to a phone
            text = pattern.sub(mark, text)
    if _ANY_SPOKEN.search(text):
        for pattern, replacement in _SPOKEN:  # dictation homophones: "ses quoi" is "c'est quoi"
            text = pattern.sub(replacement, text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()).strip()
