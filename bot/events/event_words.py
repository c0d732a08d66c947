"""The words that name events: their kinds ("webinaire", "interconseil"), events in general ("rencontre",
"réunion"), and each event of the programme by the words of its title ("la participation sur le grill")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
                     "rdv", "rendez", "atelier", "ateliers", "sortie", "sorties", "manifestation", "manifestations",
                     "activite", "activites", "animation", "animations", "soiree", "soirees", "conference",
                     "conferences", "colloque", "colloques", "seminaire", "seminaires", "forum", "forums", "cycle",
                     "cycles", "session", "sessions"})


KIND_ALIASES: dict[str, str] = {word: kind for kind, vocabulary in KIND_WORDS.items() for word in vocabulary} | {
    "cafe_citoyen": "cafe_citoyen", "copil": "copil", "autre": "autre", "autres": "autre", "comite": "copil",
    "journee": "journee", "interconseil": "interconseil",
}


def kind_from_text(words: Sequence[str]) -> str | None:
    for k, word in enumerate(words):
        if word == "inter" and tuple(words[k + 1:k + 2]) in (("conseil",), ("conseils",)):
            return "interconseil"  # "l'inter-conseil", as the programme writes it
        if word in KIND_ALIASES and word != "inter":
            return KIND_ALIASES[word]
    return None


def event_names(titles: Sequence[str], words: Callable[[str], Sequence[str]]) -> tuple[frozenset[str], ...]:
    """The words naming each event: its title up to the first ":", "(", "!" or dash ("La participation sur le
    grill ! (1/3) – …" → participation, grill), without kind words, numbers and small words.

    A title joining two things names each of them too: "Rencontre interrégionale … et assemblée générale de RésO
    Villes" is also "l'assemblée générale de RésO Villes"; "Soirée de lancement du livre « Un oiseau persan »" is
    also "la soirée de lancement du livre". A part needs two such words to name anything."""
    names: set[frozenset[str]] = set()
    for title in titles:
        head = re.split(r"[:(!–—]| - ", title, maxsplit=1)[0]
        whole = _name(head, words)
        if whole:
            names.add(whole)
        for part in re.split(r"[«»]| et ", head):
            name = _name(part, words)
            if len(name) >= 2:
                names.add(name)
    return tuple(sorted(names, key=sorted))


def _name(text: str, words: Callable[[str], Sequence[str]]) -> frozenset[str]:
    seq = [w for w in words(text.replace("-", " ")) if w]
    seq = [w for i, w in enumerate(seq) if not (w == "conseil" and i and seq[i - 1] == "inter")]  # inter-conseil
    return frozenset(w for w in seq if w not in STOPWORDS and w not in GENERIC and w not in KIND_ALIASES
                     and not any(ch.isdigit() for ch in w) and w not in _NAME_NOISE)


# Words of an event's title that do not name it ("Inter-conseil du 2e trimestre", "… (session de Lyon)").
_NAME_NOISE = frozenset({"trimestre", "semestre", "session", "cycle", "premier", "second", "seconde", "nd", "er", "e",
                         "eme", "la", "le", "les", "sur", "des", "du", "de"})

