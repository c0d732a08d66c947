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
# Words that name no button on their own, only as the button's whole label ("merci" is no « Non merci »); a plain
# yes or no answers a button that says yes or no itself (below).
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


# « Êtes-vous d'accord ? » under « 👍 J'accepte » / « Non merci »: "oui", "d'accord", "non" answer it. A yes or a no
# is a few words of these only ("oui d'accord", "non merci"), and presses only a button that opens with "oui" or
# "non" or accepts ("J'accepte"): elsewhere they stay replies, answered as usual.
_YES = frozenset({"oui", "ok", "okay", "ouais", "yes", "daccord", "accord", "accepte"})
_NO = frozenset({"non", "no", "nan"})
_AROUND_YES_OR_NO = frozenset({"d", "j", "je", "bien", "sur", "merci", "tout", "a", "fait", "c", "est", "vous"})
YES_OR_NO_MAX_WORDS = 4


def yes_or_no(said: tuple[str, ...]) -> bool | None:
    """True for a plain yes, False for a plain no, None for anything else."""
    if not said or len(said) > YES_OR_NO_MAX_WORDS or any(w not in _YES | _NO | _AROUND_YES_OR_NO for w in said):
        return None
    yes, no = any(w in _YES for w in said), any(w in _NO for w in said)
    return None if yes == no else yes


def _says(label: tuple[str, ...]) -> bool | None:
    """Whether a button says yes ("Oui, …", "J'accepte") or no ("Non merci"), or neither (None)."""
    if label[:1] == ("non",):
        return False
    return True if label[:1] == ("oui",) or "accepte" in label else None


def typed_choice(text: str, replies: Iterable[Reply]) -> Button | None:
    """The one button among these replies' that the text names, or None (none, or several)."""
    if not could_be_a_choice(text):
        return None
    said = words(text)
    buttons = [button for reply in replies for row in reply.buttons for button in row if button.data and not button.url]
    answer = yes_or_no(said)
    answering = [button for button in buttons if answer is not None and _says(words(button.label)) == answer]
    if len(answering) == 1:
        return answering[0]
    while len(said) > 1 and said[0] in _GLUE:  # "aux Dervallières", "le quartier nord"
        said = said[1:]
    while len(said) > 1 and said[-1] in _GLUE:
        said = said[:-1]
    named = [button for button in buttons if names(said, words(button.label))]
    exact = [button for button in named if words(button.label) == said]
    if len(exact) == 1:
        return exact[0]  # "Autre" under « Autre » and « Autre / je ne sais pas »
    return named[0] if len(named) == 1 else None
