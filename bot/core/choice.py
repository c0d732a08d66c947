"""A choice typed instead of pressed: while a form waits for a button, a member who writes « dervallieres » or
« quartier nord » where a button reads « Conseil citoyen des Dervallières » means that button.

The text must be the choice and nothing else: the button's words, or an unbroken stretch of them, after case,
accents, punctuation and emojis are set aside ("Je suis de Quartier Nord" is a sentence, not a choice). A text
that names several buttons ("quartier" under « Quartier Nord » and « Quartier Sud ») or none names no choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answering.normalize import fold
from bot.core.replies import Button, Reply

_WORD = re.compile(r"[^\W_]+")
# Articles and prepositions: a few around the choice are set aside ("aux Dervallières", "le quartier nord").
_GLUE = frozenset({"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une"})
# Words that name no button on their own, only as the button's whole label. Under « 👍 J'accepte » / « Non merci »,
# "non" or "merci" must not refuse when "oui" does not accept: these stay replies, answered as usual.
_NAMES_NOTHING = _GLUE | {"oui", "non", "merci", "ok", "je", "ne", "pas"}
MAX_WORDS = 8  # "Conseil citoyen du Sillon de Bretagne": longer texts are sentences, never a choice


def words(text: str) -> tuple[str, ...]:
    """Folded words (no case, accents, punctuation or emojis): « 👍 J'accepte » → ("j", "accepte")."""
    return tuple(_WORD.findall(fold(text)))


def could_be_a_choice(text: str) -> bool:
    """Short, and asking nothing: "Dervallières ?" is a question about the place, answered as usual."""
    return "?" not in text and 0 < len(words(text)) <= MAX_WORDS


def names(said: tuple[str, ...], label: tuple[str, ...]) -> bool:
    """Whether the words typed are the button's, or an unbroken stretch of them that names something."""
    if said == label:
        return True
    if all(word in _NAMES_NOTHING for word in said):
        return False
    return any(label[i : i + len(said)] == said for i in range(len(label) - len(said) + 1))


def typed_choice(text: str, replies: Iterable[Reply]) -> Button | None:
    """The one button among these replies' that the text names, or None (none, or several)."""
    if not could_be_a_choice(text):
        return None
    said = words(text)
    while len(said) > 1 and said[0] in _GLUE:  # "aux Dervallières", "le quartier nord"
        said = said[1:]
    while len(said) > 1 and said[-1] in _GLUE:
        said = said[:-1]
    buttons = [button for reply in replies for row in reply.buttons for button in row if button.data and not button.url]
    named = [button for button in buttons if names(said, words(button.label))]
    exact = [button for button in named if words(button.label) == said]
    if len(exact) == 1:
        return exact[0]  # "Autre" under « Autre » and « Autre / je ne sais pas »
    return named[0] if len(named) == 1 else None
