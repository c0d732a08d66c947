"""Which event (or series of events) a member names by the words that set it apart among the programme's events:
"le grill" is « La participation sur le grill ! » (its three webinars), "l'AG de RésO Villes" the interregional
meeting that holds the general assembly, "les séances sur l'évaluation des contrats de ville" the five webinars of
that cycle.

No list of titles: each word's rarity among the events (an IDF over their titles and descriptions, events sharing
the head of their title counted as one series) says whether it names one. A naming word is one found in one or two
series only, and not one members use for everything ("question", "projet", "contrat": found in over 3 % of the
FAQ's questions). The head a series' titles share names it ("La participation sur le grill", before its ":", "("
or dash); a subtitle names one event of the series beside an event word, or by two of its words ("le webinaire
sur les classes populaires"); the descriptions only back them up.

A word the FAQ treats as a subject of its own, in entries that speak of no event ("l'évaluation du contrat de
ville"), names an event only in a message that says an event is meant ("les séances sur l'évaluation") or names
the organiser ("l'AG de RésO Villes"): "notre AG c'est quand ?" is the member's own. Kind words, generic words,
small words, time words and the organiser's name name nothing ("la journée de RésO Villes" says who runs it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.answering.french import STOPWORDS
from bot.events.event_words import GENERIC, KIND_ALIASES
from bot.events.time_words import MONTHS, SPAN_WORDS, STRONG_TIME, WEAK_TIME

MOST_SERIES = 2  # a word found in more series names none of them ("ville", "quartiers", "rencontre")
COMMON = 0.03  # share of the FAQ's questions over which a word is everyday language, not a name
BACKING = 0.5  # the weight of a word found in a description only
# Abbreviations members write for what titles spell out: "la prochaine AG" is the general assembly.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {"ag": ("assemblee", "generale"), "ago": ("assemblee", "generale")}
# What a question about an event asks (its date, place, registration), not which event it is.
_ASKING = frozenset({"inscrire", "inscription", "inscriptions", "lieu", "ligne", "place", "places", "confirmer",
                     "prevue", "theme", "horaire", "aller", "venir", "organiser", "organisee"})
LISTING = frozenset({"calendrier", "calendriers", "programme", "programmes", "agenda", "planning", "liste"})
# Words that say an event is meant ("le webinaire sur…", "les séances sur…").
EVENT_WORDS = GENERIC | KIND_ALIASES.keys() | {"seance", "seances"}
ORDINALS = {"premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "deuxieme": 2, "2e": 2, "2eme": 2, "second": 2,
            "seconde": 2, "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "cinquieme": 5,
            "5e": 5, "5eme": 5}
_HEAD = re.compile(r"[:(!–—]| - ")


class Described(Protocol):
    """An event as the knowledge writes it: what naming reads of it."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def description(self) -> str | None: ...


@dataclass(frozen=True, kw_only=True)
class Series:
    ids: tuple[str, ...]  # its events, in the programme's order
    head: frozenset[str]  # the naming words of the head its titles share ("participation", "grill")
    subtitles: frozenset[str]  # the naming words of the rest of its titles ("classes populaires")
    backing: frozenset[str]  # the naming words of its descriptions
    own: tuple[frozenset[str], ...] = ()  # each event's naming words that no other of the series has


class EventNames:
    """The programme's series and the words that name each one."""

    def __init__(self, events: Sequence[Described], words: Callable[[str], Sequence[str]], *,
                 organiser: str = "", usual: Sequence[Sequence[str]] = ()) -> None:
        """`usual`: what members ask of the FAQ, each entry's phrasings: the everyday language no name is taken
        from, and the subjects the FAQ treats apart from events."""
        read = [[list(words(text)) for text in entry] for entry in usual]
        everyday = Counter(w for entry in read for w in _content([w for text in entry for w in text], frozenset()))
        self._organiser = frozenset(words(organiser))
        ignored = frozenset(_stem(w) for w in self._organiser) | {
            w for w, n in everyday.items() if n > COMMON * len(usual)}
        # "l'évaluation du contrat de ville", "l'assemblée générale" are subjects of entries that speak of no event.
        self._subjects = frozenset(_stem(w) for entry in read if not any(set(text) & EVENT_WORDS for text in entry)
                                   for text in entry for w in text)
        grouped: dict[str, list[Described]] = {}
        for event in events:
            grouped.setdefault(_HEAD.split(event.title, maxsplit=1)[0].strip().casefold(), []).append(event)
        heads = {key: _content(words(key), ignored) for key in grouped}
        titles = {key: _content([w for e in group for w in words(e.title)], ignored) for key, group in grouped.items()}
        texts = {key: _content([w for e in group for w in words(f"{e.title} {e.description or ''}")], ignored)
                 for key, group in grouped.items()}
        shared = Counter(w for text in texts.values() for w in text)
        self._idf = {w: math.log(len(grouped) / n) for w, n in shared.items() if n <= MOST_SERIES}
        self.series = tuple(Series(ids=tuple(e.id for e in group), head=heads[key] & self._idf.keys(),
                                   subtitles=(titles[key] - heads[key]) & self._idf.keys(),
                                   backing=(texts[key] - titles[key]) & self._idf.keys(),
                                   own=_own([_content(words(e.title), ignored) for e in group]))
                            for key, group in grouped.items())

    def named(self, asked: Sequence[str]) -> Series | None:
        """The one series a message names: a word of its titles, and more weight of naming words than any other."""
        said = _content(_expanded(asked), frozenset())
        event_said = bool(set(asked) & EVENT_WORDS)
        if not (event_said or (self._organiser and self._organiser <= set(asked))):
            # "quand se fait l'évaluation du contrat de ville ?" asks of the contract; "les séances sur
            # l'évaluation…", "l'AG de RésO Villes" of events.
            said -= self._subjects
        # A subtitle says what an event is about: one of its words names it beside an event word ("le webinaire sur
        # les classes populaires"), alone it may be anything ("on est libres ?" is no book launch).
        # Asking for the programme ("le calendrier des journées régionales") lists events: one word narrows it to
        # one series no more, two do ("le calendrier de la participation sur le grill").
        least = 2 if set(asked) & LISTING else 1
        scored = sorted(((self._score(s, said), n) for n, s in enumerate(self.series)
                         if len(s.head & said) >= least or len(s.subtitles & said) >= (least if event_said else 2)),
                        reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return self.series[scored[0][1]]

    def _score(self, series: Series, said: frozenset[str]) -> float:
        return sum(self._idf[w] for w in (series.head | series.subtitles) & said) + BACKING * sum(
            self._idf[w] for w in series.backing & said)


def one_of(series: Series, asked: Sequence[str]) -> tuple[str, ...]:
    """"le premier webinaire sur l'évaluation": the series' event of that rank (the programme numbers them "(1/5)",
    in order); "le webinaire sur les classes populaires": the one whose subtitle says it; else the whole series."""
    rank = next((ORDINALS[w] for w in asked if w in ORDINALS), None)
    if rank is not None and rank <= len(series.ids):
        return (series.ids[rank - 1],)
    said = _content(asked, frozenset())
    meant = [i for i, words in zip(series.ids, series.own, strict=True) if words & said]
    return (meant[0],) if len(meant) == 1 else series.ids


def _own(titles: list[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Each title's words that no other title of its series holds."""
    return tuple(title - frozenset().union(*titles[:n], *titles[n + 1 :]) for n, title in enumerate(titles))


def _expanded(asked: Iterable[str]) -> list[str]:
    return [part for w in asked for part in ABBREVIATIONS.get(w, (w,))]


def _content(seq: Iterable[str], ignored: frozenset[str]) -> frozenset[str]:
    """The words that may name an event, singular ("contrats" → "contrat")."""
    return frozenset(_stem(w) for w in seq if len(w) > 2 and not any(ch.isdigit() for ch in w)
                     and w not in _NAMES_NOTHING and _stem(w) not in ignored)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


_NAMES_NOTHING = STOPWORDS | EVENT_WORDS | STRONG_TIME | WEAK_TIME | SPAN_WORDS | MONTHS | _ASKING
