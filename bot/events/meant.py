"""Which upcoming events a member means when asking how to register ("je veux m'inscrire au webinaire sur la
participation"): those of the kind named, and among them those whose title shares the most naming words with
the message, the next one only when it says "prochain"; nothing when the message names neither a kind nor words
of a title (the how-to says /agenda)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol, TypeVar

from bot.answering.normalize import words
from bot.events.event_words import event_names, kind_from_text
from bot.events.periods import Period, falls_in

SHOWN = 3  # events offered under the how-to; the agenda holds the rest
NEXT = frozenset({"prochain", "prochaine"})  # "m'inscrire au prochain interconseil": that one only
NAMED = 2  # naming words a message must share with one event's title to name that event alone


class Titled(Protocol):
    """An event in the database or as the knowledge writes it."""

    @property
    def kind(self) -> str: ...

    @property
    def title(self) -> str: ...


E = TypeVar("E", bound=Titled)


class Announced(Titled, Protocol):
    """An event as the knowledge writes it: a date, or only a month or period announced."""

    @property
    def start(self) -> datetime | date | None: ...

    @property
    def month(self) -> str | None: ...

    @property
    def period(self) -> str | None: ...


A = TypeVar("A", bound=Announced)


def naming_words(event: Titled) -> frozenset[str]:
    """The words of an event's title that name it: every name its title gives, joined."""
    return _naming_words(event.title)


@functools.lru_cache(maxsize=1024)
def _naming_words(title: str) -> frozenset[str]:
    # Read once per title: a message asking for a place reads every event's title, the programme changes rarely.
    return frozenset().union(*event_names([title], words))


def event_named(events: Sequence[E], asked: Sequence[str], *, organiser: str = "") -> E | None:
    """The one event a message names by its title ("la journée Data & Quartiers", "la soirée pour le livre"): at
    least two of its naming words, more than any other event of the kind the message names. The organiser's own
    name ("la journée de RésO Villes") says who runs an event, not which one."""
    kind = kind_from_text(asked)
    said = set(asked) - set(words(organiser))
    shared = sorted(((len(naming_words(e) & said), n) for n, e in enumerate(events) if kind is None or e.kind == kind),
                    reverse=True)
    if not shared or shared[0][0] < NAMED or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return events[shared[0][1]]


def events_meant(events: Sequence[E], asked: Sequence[str], *, kind: str | None = None) -> list[E]:
    """`events`: upcoming, in the order the member should see them; `asked`: the message's normalised words;
    `kind`: the kind the answered entry is about, when the message names none."""
    kind = kind_from_text(asked) or kind
    pool = [e for e in events if kind is None or e.kind == kind]
    said = set(asked)
    shared = [len(naming_words(e) & said) for e in pool]
    most = max(shared, default=0)
    if most:
        pool = [e for e, n in zip(pool, shared, strict=True) if n == most]
    elif kind is None:
        return []
    return pool[:1] if NEXT & said else pool[:SHOWN]


def event_in_period(events: Sequence[A], asked: Sequence[str], within: Period) -> A | None:
    """The one event of the kind a message names that falls in the period it names ("m'inscrire à
    l'inter-conseil du deuxième trimestre": the programme titles its quarterly events by their quarter)."""
    kind = kind_from_text(asked)
    if kind is None:
        return None
    inside = [e for e in events if e.kind == kind and falls_in(within, first_day=_first_day(e), month=e.month,
                                                                  period=e.period)]
    return inside[0] if len(inside) == 1 else None


def _first_day(event: Announced) -> date | None:
    return event.start.date() if isinstance(event.start, datetime) else event.start
