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
    r"\s+(?:de\s+la|de\s+l|du|des|de|d)\s+(?P<office>(?:\S+\s+)??\S+)"
    r"(?=\s+(?:svp|stp|s\s+il\s+vous\s+plait|merci|please|pour|car|parce|je|j|on|c|ca|a|au|de|des|d|du|dans|sur|"
    r"et|ou|qui|que|qu|est)\b|$)")
# "le numéro de mon dossier", "le numéro d'allocataire": a number of one's own, no office to reach.
_OWN = frozenset({"mon", "ma", "mes", "dossier", "allocataire", "siret", "securite", "badge", "carte"})
_ARTICLES = frozenset({"la", "le", "les", "l", "un", "une", "de", "du", "des", "d"})


# What comes before the details when they are asked for: a request ("vous avez", "je cherche", "c'est quoi"), or
# nothing but a greeting when they are all the message asks. "le mail de la mairie dit qu'on doit rendre le bilan"
# tells of a mail received.
_GREETING_ONLY = compiled(r"^(?:(?:bonjour|bonsoir|salut|svp|stp|et|aussi|merci)\s*)*$")
_POLITE_END = compiled(r"^(?:(?:svp|stp|merci|please|s\s+il\s+vous\s+plait|d\s+avance|beaucoup)\s*)*$")
_REQUEST = compiled(r"(?:\b(?:vous\s+avez|avez\s+vous|auriez\s+vous|"
                    r"vous\s+auriez|vous\s+connaissez|je\s+cherche|on\s+cherche|je\s+voudrais|j\s+aimerais|je\s+veux|"
                    r"on\s+voudrait|il\s+me\s+faut|il\s+nous\s+faut|quel\s+est|c\s+est\s+quoi|c\s+quoi|donnez\s+moi|"
                    r"donner|avoir|connaitre|trouver|trouve|recuperer|obtenir|ou\s+est|c\s+est\s+ou|ou\s+trouver))\s*$")


def office_asked(text: str) -> tuple[str, ...] | None:
    """The words naming the office whose details a message asks for, or None when it asks for none."""
    said = " ".join(words(text))
    match = _ASKED.search(said)
    if match is None:
        return None
    before, after = said[: match.start()], said[match.end():].strip()
    # Said alone ("le numéro de la police municipale svp") or after a request ("vous avez le tel du…"); opening a
    # sentence that goes on, it is a story ("le mail de la mairie dit qu'on doit…").
    if not (_REQUEST.search(before) or (_GREETING_ONLY.match(before) and _POLITE_END.match(after))):
        return None
    office = tuple(w for w in match["office"].split() if w not in _ARTICLES)
    return None if not office or office[0] in _OWN else office


def gives_details(entry: FaqEntry, office: Iterable[str]) -> bool:
    """Whether one of the entry's phrasings asks for an office's details and names this office."""
    named = set(office)
    return any(DETAILS & said and named & said
               for said in (set(words(p)) for p in (entry.question, *entry.alternates)))
