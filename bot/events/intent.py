"""Is a free question about *when* something happens? Then the agenda answers it, not the FAQ.

"c'est quand le prochain interconseil ?", "quels webinaires bientôt ?", "la date de la prochaine
réunion" go to the agenda; "c'est quoi l'interconseil ?" or "qui peut venir à l'interconseil ?" stay
FAQ questions. A question needs a subject (an event kind, or "événement / rencontre / réunion") and a
time word; weak time words ("programme", "jour") do not count in a "what is" question.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.french import STOPWORDS

KIND_WORDS: dict[str, frozenset[str]] = {
    "interconseil": frozenset({"interconseil", "interconseils", "intercc", "inter"}),
    "webinaire": frozenset({"webinaire", "webinaires", "webinar", "webinars", "visio", "visios", "visioconference",
                            "webinair"}),
    "journee": frozenset({"journee", "journees"}),
    "formation": frozenset({"formation", "formations"}),
    "cafe_citoyen": frozenset({"cafe", "cafes"}),
    "copil": frozenset({"copil", "copils", "pilotage"}),
}
GENERIC = frozenset({"evenement", "evenements", "event", "events", "rencontre", "rencontres", "reunion", "reunions",
                     "rdv", "rendez", "atelier", "ateliers", "sortie", "sorties", "manifestation", "manifestations"})
MONTHS = frozenset({"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                    "novembre", "decembre"})
STRONG_TIME = frozenset({"quand", "date", "dates", "prochain", "prochaine", "prochains", "prochaines", "bientot",
                         "agenda", "calendrier", "heure", "horaire", "horaires", "datee", "prochainement", "prevu",
                         "prevus", "prevue", "prevues", "programme", "programmes"}) | MONTHS
WEAK_TIME = frozenset({"jour", "mois", "semaine", "planning"})
DEFINITION = frozenset({"quoi", "pourquoi", "combien", "role", "sert"})
# "Dois-je payer pour la journée du 24 septembre ?" asks about the price (a FAQ), not for the agenda.
PRICE = frozenset({"payer", "paye", "prix", "tarif", "tarifs", "gratuit", "gratuite", "coute", "cout", "payant",
                   "payante"})
STANDALONE = frozenset({"agenda", "calendrier", "programme", "planning", "evenements", "evenement", "prochains",
                        "prochaines", "quels", "quelles", "rendez", "vous", "rdv", "a", "venir", "quoi", "prevu",
                        "prevus", "de", "en", *MONTHS})
# "Mettre la date dans mon calendrier" asks how to add an event to one's phone (a FAQ), not for dates.
ADD_TO_CALENDAR = frozenset({"mettre", "ajouter", "ajoute", "synchroniser", "exporter", "enregistrer"})
NEXT_WORDS = frozenset({"prochain", "prochaine"})


@dataclass(frozen=True, kw_only=True)
class AgendaIntent:
    kind: str | None  # an event kind, or None for "any event"
    next_only: bool  # "le prochain interconseil": show that one event


def agenda_intent(words: Sequence[str]) -> AgendaIntent | None:
    seq = _without(list(words), ("ordre", "du", "jour"))
    present = set(seq)
    if present & ADD_TO_CALENDAR and present & {"calendrier", "agenda", "portable", "telephone"}:
        return None
    if present & PRICE and not present & {"quand", "date", "dates"}:
        return None
    kind = next((k for k, vocabulary in KIND_WORDS.items() if present & vocabulary), None)
    if kind == "interconseil" and "inter" in present and "interconseil" not in present and "conseil" not in present:
        kind = None  # "inter" alone is not "inter conseil"
    if kind == "copil" and "pilotage" in present and "copil" not in present and "comite" not in present:
        kind = None
    if kind == "cafe_citoyen" and "citoyen" not in present and "citoyens" not in present:
        kind = None
    subject = kind is not None or bool(present & GENERIC)
    a_venir = any(a == "a" and b == "venir" for a, b in itertools.pairwise(seq))
    strong = bool(present & STRONG_TIME) or a_venir
    weak = bool(present & WEAK_TIME)
    definitional = bool(present & DEFINITION) or _has(seq, ("qu", "est", "ce"))
    content = [w for w in seq if w not in STOPWORDS]
    standalone = bool(content) and set(content) <= STANDALONE and bool(
        present & {"agenda", "calendrier", "programme", "planning", "evenements", "prevu", "prevus"})
    if standalone or (subject and (strong or (weak and not definitional))):
        return AgendaIntent(kind=kind, next_only=kind is not None and bool(present & NEXT_WORDS))
    return None


def _without(seq: list[str], phrase: tuple[str, ...]) -> list[str]:
    for i in range(len(seq) - len(phrase) + 1):
        if tuple(seq[i : i + len(phrase)]) == phrase:
            return seq[:i] + seq[i + len(phrase) :]
    return seq


def _has(seq: list[str], pattern: tuple[str, ...]) -> bool:
    return any(tuple(seq[i : i + len(pattern)]) == pattern for i in range(len(seq) - len(pattern) + 1))


KIND_ALIASES: dict[str, str] = {word: kind for kind, vocabulary in KIND_WORDS.items() for word in vocabulary} | {
    "cafe_citoyen": "cafe_citoyen", "copil": "copil", "autre": "autre", "autres": "autre", "comite": "copil",
    "journee": "journee", "interconseil": "interconseil",
}


def kind_from_text(words: Sequence[str]) -> str | None:
    for word in words:
        if word in KIND_ALIASES and word != "inter":
            return KIND_ALIASES[word]
    return None
