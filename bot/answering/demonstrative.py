""""Le monsieur de la mairie a parlé du contrat de ville… C'est quoi exactement ce contrat ?": a demonstrative
("ce", "cet", "cette", "ces") before a bare noun takes up a thing named before; when the message told that thing
whole ("le contrat de ville"), the question asks about it whole. Read alone, "ce contrat" is any contract.

Works on words only: the things told are those named with a determiner (`questions.things_told`); the caller
says which are terms of the policy.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answering.question_forms import flat_text
from bot.answering.questions import things_told
from bot.cache import compiled

# "ce contrat", "cette instance", "ces réunions": not "ce contrat de ville", which names its complement itself.
_DEMONSTRATIVE = compiled(r"\b(?:ce|cet|cette|ces)\s+(?P<noun>[a-z]{3,})\b(?!\s+(?:de|du|des|d)\b)")


def taken_up(question: str, before: str, is_term: Callable[[str], bool]) -> str:
    """The question with each demonstrative noun completed by the thing told before that it takes up, when that
    thing is a term of the policy (`is_term`): "ce copil" after "le copil de décembre" is that copil, and "de
    décembre" says when, not what it is."""
    key = flat_text(question)
    if len(key) != len(question) or not before:
        return question
    told = [thing.split() for thing in things_told(before)]
    out, shift = question, 0
    for m in _DEMONSTRATIVE.finditer(key):
        whole = next((t for t in reversed(told) if len(t) > 1 and t[0] == m["noun"] and is_term(" ".join(t))),
                     None)
        if whole is None:
            continue
        rest = " " + " ".join(whole[1:])
        at = m.end() + shift
        out, shift = out[:at] + rest + out[at:], shift + len(rest)
    return out
