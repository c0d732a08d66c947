"""Which upcoming events a member means when asking how to register ("je veux m'inscrire au webinaire sur la
participation"): those of the kind named, and among them those whose title shares the most naming words with
the message, the next one only when it says "prochain"; nothing when the message names neither a kind nor words
of a title (the how-to says /agenda)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.normalize import words
from bot.events.intent import event_names, kind_from_text
from bot.storage.models import Event

SHOWN = 3  # events offered under the how-to; the agenda holds the rest
NEXT = frozenset({"prochain", "prochaine"})  # "m'inscrire au prochain interconseil": that one only


def naming_words(event: Event) -> frozenset[str]:
    """The words of an event's title that name it: every name its title gives, joined."""
    return frozenset().union(*event_names([event.title], words))


def events_meant(events: Sequence[Event], asked: Sequence[str], *, kind: str | None = None) -> list[Event]:
    """`events`: upcoming, in the order the member should see them; `asked`: the message's normalised words;
    `kind`: the kind the answered entry is about, when the message names none."""
    kind = kind_from_text(asked) or kind
    pool = [e for e in events if kind is None or e.kind == kind]
    said = set(asked)
    shared = {e.id: len(naming_words(e) & said) for e in pool}
    most = max(shared.values(), default=0)
    if most:
        pool = [e for e in pool if shared[e.id] == most]
    elif kind is None:
        return []
    return pool[:1] if NEXT & said else pool[:SHOWN]
