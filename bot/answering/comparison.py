"""Two things compared: "c koi la diff entre le copil et le conseil citoyen", "le FPH et l'appel à projets c'est
pareil ?". When no entry compares them, each is explained: one definition alone would leave the other unsaid.

Works on folded words (`words`: no case, no accents, elisions split, SMS spellings mapped: "diff" is "difference").
"""

from __future__ import annotations

from functools import lru_cache

from bot.answering.normalize import words
from bot.cache import compiled

_SIDE = r"(?:\S+\s+){0,4}?\S+"  # one side: a few words
_SAME = r"(?:pas\s+)?(?:pareil|pareille|la\s+meme\s+chose|different|differente|differents|differentes|identique)"
_IS = r"(?:c\s+est|c|cest|ces|ce\s+sont|sont|est)"
_PATTERNS = tuple(compiled(p) for p in (
    # "la différence entre A et B", "quelle différence il y a entre A et B"
    r"\bdifferences?\s+(?:(?:qu\s+)?il\s+y\s+a\s+|y\s+a\s+|y\s+a\s+t\s+il\s+)?entre\s+(?P<a>" + _SIDE
    + r")\s+et\s+(?P<b>" + _SIDE + r")$",
    # "A et B c'est pareil", "A ou B c'est la même chose"
    r"^(?P<a>" + _SIDE + r")\s+(?:et|ou)\s+(?P<b>" + _SIDE + r")\s+" + _IS + r"\s+" + _SAME + r"$",
    # "A et B c'est quoi la différence", "A ou B quelle différence"
    r"^(?P<a>" + _SIDE + r")\s+(?:et|ou)\s+(?P<b>" + _SIDE + r")\s+(?:(?:" + _IS + r")\s+(?:quoi|koi)\s+|quelle\s+"
    r"(?:est\s+)?)(?:la\s+)?differences?$",
    # "A c'est pareil que B", "A c'est différent de B"
    r"^(?P<a>" + _SIDE + r")\s+" + _IS + r"\s+" + _SAME + r"\s+(?:que|qu|de|d|du|des)\s+(?P<b>" + _SIDE + r")$",
    # "A et B c'est qui ?", "A et B ils font quoi ?", "A et B c'est quoi chacun ?": two people or things named
    # together, then asked who or what each is, are asked of each, as two things compared are. (A "quoi" ending
    # the message is gone, `_TRAILING`; "les droits et les devoirs des membres c'est quoi" names one thing.)
    r"^(?P<a>" + _SIDE + r")\s+et\s+(?P<b>" + _SIDE + r")\s+(?:(?:c\s+est|c|cest|ces|ce\s+sont)\s+qui|"
    r"(?:c\s+est|c|cest|ces|ce\s+sont)(?:\s+(?:quoi|koi))?\s+(?:chacun|chacune)|"
    r"(?:ils|elles)\s+(?:font|sont)(?:\s+(?:quoi|koi|qui))?)"
    r"(?:\s+(?:chacun|chacune|exactement|au\s+juste))?(?:\s+et\s+(?:ils|elles)\s+(?:font|servent\s+a)(?:\s+(?:quoi|koi))?)?$",
))
# "un cotech c'est quoi, c'est comme un copil ?", "le cotech ça ressemble au copil ?", "on nous invite à un cotech,
# c'est pareil qu'un copil ?": the first thing is asked (named alone or at the end of what the member tells of it),
# the second is what the member already knows, to compare with. "c'est pareil que" said of one thing likens it as
# "c'est comme" does ("A et B c'est pareil ?" weighs both alike: `compared`).
_TOLD = r"(?:\S+\s+){0,9}?\S+"  # the first thing, with what the member tells of it
_LIKE = compiled(r"^(?P<a>" + _TOLD + r")\s+(?:" + _IS + r"\s+quoi\s+)?(?:" + _IS + r"\s+|ca\s+)?"
                 r"(?:un\s+peu\s+|genre\s+|a\s+peu\s+pres\s+|plus\s+ou\s+moins\s+|un\s+genre\s+de\s+|"
                 r"(?:exactement|vraiment|completement)\s+)?"
                 r"(?:comme|ressemble\s+a|ressemble\s+au|ressemble\s+aux|(?:pareil|pareille|la\s+meme\s+chose)\s+"
                 r"(?:que|qu))\s+(?P<b>" + _SIDE + r")$")
_OPENERS = compiled(r"^(?:(?:bonjour|salut|svp|stp|alors|du\s+coup|mais|et)\s+)*(?:(?:c\s+est|c)\s+(?:quoi|koi)\s+|"
                    r"quelle\s+est\s+|quelle\s+|qu\s+est\s+ce\s+que\s+|je\s+comprends?\s+pas\s+)?")
# "…c'est pareil qu'un copil ou pas ?": "ou pas", "ou non" only stress the yes-or-no. "…ou pas je comprends jamais",
# "…je mélange tout", "…je m'y perds": being lost, said after the comparison, asks nothing more.
_TRAILING = compiled(r"\s+(?:svp|stp|merci|exactement|en\s+fait|au\s+juste|alors|non|quoi|ou\s+pas|ou\s+non|"
                     r"(?:je\s+|j\s+)?(?:n\s+|ne\s+)?(?:comprends|comprend|capte|saisis|pige)\s+(?:pas|jamais|rien|plus\s+rien|"
                     r"toujours\s+pas)(?:\s+bien)?|(?:je\s+|j\s+)?(?:melange|confonds|confond)\s+(?:tout|les\s+deux)|"
                     r"je\s+m\s+y\s+perds|je\s+sais\s+pas|jsp)$")


@lru_cache(maxsize=4096)  # a message is asked whether it likens and whether it compares
def _said(text: str) -> str:
    said = _OPENERS.sub("", " ".join(words(text)))
    while (trimmed := _TRAILING.sub("", said)) != said:
        said = trimmed
    return said


def likened(text: str) -> str | None:
    """The thing a message asks about by likening it to another ("un cotech c'est quoi, c'est comme un copil ?":
    "un cotech"), in its own folded words, or None."""
    match = _LIKE.search(_said(text))
    return None if match is None else match["a"]


def compared(text: str) -> tuple[str, str] | None:
    """The two things a message compares, in its own folded words, or None."""
    said = _said(text)
    for pattern in _PATTERNS:
        if (match := pattern.search(said)) is not None:
            return match["a"], match["b"]
    return None
