"""A phone number, an address or an e-mail asked for an office: "le numéro de la police municipale", "vous avez
l'adresse mail du délégué du préfet ?".

Such a request is answered only by an entry written to give that office's details (one of its phrasings asks for
them and names the office). An entry about the office's theme (what the council can do about insecurity) answers
a question the member did not ask: it is offered, never answered as sure.

Works on folded words (`words`: no case, no accents, elisions split, SMS spellings mapped: "tel" stays "tel").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.answering.normalize import words
from bot.cache import compiled
from bot.knowledge.model import FaqEntry

# Words that ask for the way to reach someone, in a message or in an entry's phrasing.
DETAILS = frozenset({"numero", "num", "tel", "telephone", "coordonnees", "mail", "email", "mails", "adresse",
                     "joindre"})
# "le numéro de la police municipale", "le tel du commissariat", "l'adresse mail de la mission locale", "le numéro
# de téléphone des pompiers". Not "mon adresse" (the member's own), nor "je m'adresse" (the verb).
_ASKED = compiled(
    r"(?:^|\b(?:le|les|l|un|leur|son|votre|vos)\s+)"
    r"(?:numero|num|tel|telephone|coordonnees|mail|email|adresse)"
    r"(?:\s+(?:de\s+telephone|de\s+tel|mail|email|postale))?"
    r"\s+(?:de\s+la|de\s+l|du|des|de|d)\s+(?P<office>(?:\S+\s+){0,3}?\S+)"
    r"(?=\s+(?:svp|stp|s\s+il\s+vous\s+plait|merci|please|pour|car|parce|je|j|on|c|ca|a|au|de|du|dans|sur)\b|$)")
# "le numéro de mon dossier", "le numéro d'allocataire": a number of one's own, no office to reach.
_OWN = frozenset({"mon", "ma", "mes", "dossier", "allocataire", "siret", "securite", "badge", "carte"})
_ARTICLES = frozenset({"la", "le", "les", "l", "un", "une", "de", "du", "des", "d"})


def office_asked(text: str) -> tuple[str, ...] | None:
    """The words naming the office whose details a message asks for, or None when it asks for none."""
    match = _ASKED.search(" ".join(words(text)))
    if match is None:
        return None
    office = tuple(w for w in match["office"].split() if w not in _ARTICLES)
    return None if not office or office[0] in _OWN else office


def gives_details(entry: FaqEntry, office: Iterable[str]) -> bool:
    """Whether one of the entry's phrasings asks for an office's details and names this office."""
    named = set(office)
    return any(DETAILS & said and named & said
               for said in (set(words(p)) for p in (entry.question, *entry.alternates)))
