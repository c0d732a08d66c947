"""The knowledge base as typed objects, built once at start-up from the files in `knowledge/`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property


@dataclass(frozen=True, kw_only=True)
class Location:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, kw_only=True)
class FaqEntry:
    id: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    more: str | None
    tags: tuple[str, ...]
    related: tuple[str, ...]
    source: str
    reviewed: date | None
    needs_review: bool
    origin: Location
    # The plain version shown first (at most 40 words, short sentences); shipped entries must have one,
    # answers learned from staff replies may not.
    short: str | None = None
    short_origin: Location | None = None

    @cached_property
    def phrasings(self) -> tuple[str, ...]:
        # Made once per entry: every build of the answerer reads each entry's phrasings several times (10,000
        # entries at each learning action), and the entries that did not change are the same objects.
        return (self.question, *self.alternates)


@dataclass(frozen=True, kw_only=True)
class GlossaryTerm:
    term: str
    meaning: str
    definition: str
    synonyms: tuple[str, ...]
    source: str
    origin: Location


@dataclass(frozen=True, kw_only=True)
class Passage:
    id: str  # "<document id>#<n>"
    document_id: str
    document_title: str
    heading: str
    text: str
    source: str
    origin: Location


@dataclass(frozen=True, kw_only=True)
class Document:
    id: str
    title: str
    source: str
    reviewed: date | None
    passages: tuple[Passage, ...]
    origin: Location


@dataclass(frozen=True, kw_only=True)
class Contact:
    id: str
    role: str
    description: str
    address: str | None
    phone: str | None
    email: str | None
    website: str | None
    how: str | None
    source: str
    origin: Location


@dataclass(frozen=True, kw_only=True)
class EventSpec:
    """An event as written in `knowledge/events.yaml` (Paris local times, not yet in the database)."""

    id: str
    kind: str
    title: str
    start: datetime | date | None
    end: datetime | date | None
    month: str | None
    status: str
    place: str | None
    online_url: str | None
    audience: str | None
    territory: str | None
    description: str | None
    capacity: int | None
    registration_deadline: datetime | date | None
    price: str | None
    source: str
    origin: Location
    # Optional fields of the time-aware agenda (see bot/events/periods.py and docs of knowledge/events.yaml).
    period: str | None = None  # an undated event's announced period: "2026-T1", "2026-S2", "2026-printemps", "2026"
    audience_group: str | None = None  # "residents", "professionals", "elected" or "everyone" (AUDIENCE_GROUPS)
    replay_url: str | None = None  # a past event's recording, only when the source gives one


# Who an event is for; residents (conseillers citoyens, habitants) see theirs first.
AUDIENCE_GROUPS = ("residents", "professionals", "elected", "everyone")
# An announced period: a year, a quarter (T1-T4), a half (S1, S2), a season, or a month.
PERIOD_MARKER = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<part>T[1-4]|S[12]|printemps|ete|été|automne|hiver|0[1-9]|1[0-2]))?$")


@dataclass(frozen=True, kw_only=True)
class Council:
    id: str
    name: str
    commune: str | None
    territory: str | None
    source: str | None
    needs_review: bool
    origin: Location


@dataclass(frozen=True, kw_only=True)
class KnowledgeBase:
    faq: tuple[FaqEntry, ...]
    glossary: tuple[GlossaryTerm, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    documents: tuple[Document, ...] = ()
    contacts: tuple[Contact, ...] = ()
    events: tuple[EventSpec, ...] = ()
    councils: tuple[Council, ...] = ()
    _faq_by_id: dict[str, FaqEntry] = field(default_factory=dict, repr=False, compare=False)
    _terms: dict[str, GlossaryTerm] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._faq_by_id.update({entry.id: entry for entry in self.faq})
        self._terms.update({term.term.casefold(): term for term in self.glossary})

    def entry(self, entry_id: str) -> FaqEntry | None:
        return self._faq_by_id.get(entry_id)

    def term(self, name: str) -> GlossaryTerm | None:
        return self._terms.get(name.casefold().strip())

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def council(self, council_id: str) -> Council | None:
        return next((c for c in self.councils if c.id == council_id), None)

    @property
    def passages(self) -> tuple[Passage, ...]:
        return tuple(p for doc in self.documents for p in doc.passages)

    def with_entries(self, extra: tuple[FaqEntry, ...]) -> KnowledgeBase:
        """A copy with more FAQ entries (those learned from staff answers, kept in the database)."""
        known = {e.id for e in extra}
        return KnowledgeBase(
            faq=tuple(e for e in self.faq if e.id not in known) + extra,
            glossary=self.glossary,
            synonyms=self.synonyms,
            documents=self.documents,
            contacts=self.contacts,
            events=self.events,
            councils=self.councils,
        )
