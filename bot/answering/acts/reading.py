"""How the acts read a message: folded (no case, no accents), elisions split ("j ai"), SMS spellings mapped
("pk" → "pourquoi"), and their phrases matched as whole words of that reading."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.cleanup import clean
from bot.answering.normalize import words
from bot.cache import compiled


def phrases(*items: str) -> re.Pattern[str]:
    return compiled(r"(?:^|\s)(?:" + "|".join(items) + r")(?=\s|$)")



_PLUS = compiled(r"\+(?=\s*[^\W\d_])")  # "+ simple", "a+": the SMS "plus" ("+" alone is dropped from the words)


@lru_cache(maxsize=4096)  # a message is read by several of the acts' tests (`detect`, `goes_on`, `leans_back`…)
def folded(text: str) -> str:
    """The message as the acts read it: folded, elisions split, SMS spellings mapped."""
    return " ".join(words(_PLUS.sub(" plus ", clean(text))))


# Words that add nothing to an act ("merci beaucoup", "ah bon ben ok").
FILLER = frozenset({"vous", "tu", "a", "et", "beaucoup", "bcp", "encore", "mille", "fois", "grand", "infiniment",
                    "tres", "bien", "vraiment", "pour", "tout", "votre", "ton", "aide", "reponse", "la", "les", "l",
                    "de", "d", "c", "est", "ca", "sa", "le", "du", "temps", "madame", "monsieur", "alors", "ben",
                    "bah", "bon", "donc", "ah", "oh", "eh", "je", "j", "mais", "moi", "nous", "on", "toi",
                    "s", "il", "plait", "svp", "stp", "information", "informations", "explications", "rien",
                    "y", "en", "allez", "aller", "bref", "truc", "machin", "euh", "hein"})
