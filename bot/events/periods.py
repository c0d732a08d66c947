"""Announced periods of undated events ("1er trimestre 2026", "printemps 2026") and where an event stands in time.

A programme often announces an event for a period before it has a date. Once that period is over, the
event is no longer "à venir": whatever happened, the member must not be told to wait for it. The marker
is stored as written in knowledge/events.yaml (`period: 2026-T1`), so the staff console can edit it too.

Markers: `2026` (the programme's year), `2026-T1`…`2026-T4` (quarters), `2026-S1`, `2026-S2` (halves),
`2026-printemps`, `2026-ete`, `2026-automne`, `2026-hiver` (seasons, as a programme means them: spring is
March to May, winter is December to February of the next year), `2026-06` (a month).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.answering.normalize import fold
from bot.core.timefmt import MONTHS, SHORT_MONTHS
from bot.knowledge.model import PERIOD_MARKER

_SEASONS = {"printemps": (3, 5), "ete": (6, 8), "été": (6, 8), "automne": (9, 11), "hiver": (12, 14)}
_SEASON_LABELS = {"printemps": "printemps", "ete": "été", "été": "été", "automne": "automne", "hiver": "hiver"}
ORDINALS = {1: "1er", 2: "2e", 3: "3e", 4: "4e"}


@dataclass(frozen=True, kw_only=True)
class Period:
    """From the first day of `first_month` to the last day of `last_month` (months past 12 run into next year)."""

    year: int
    first_month: int
    last_month: int
    label: str  # "1er trimestre 2026"
    during: str  # "au 1er trimestre 2026", "en novembre 2026"
    short: str  # "janv.-mars ?" for a button
    marker: str  # as knowledge/events.yaml writes it: "2026-T1", "2026-11"

    @property
    def starts_on(self) -> date:
        return date(self.year + (self.first_month - 1) // 12, (self.first_month - 1) % 12 + 1, 1)

    @property
    def ends_before(self) -> date:
        """The first day after the period."""
        return date(self.year + self.last_month // 12, self.last_month % 12 + 1, 1)

    @property
    def is_quarter(self) -> bool:
        return "-T" in self.marker

    def is_over(self, now: datetime, tz: ZoneInfo) -> bool:
        return now.astimezone(tz).date() >= self.ends_before


def _span(first: int, last: int) -> str:
    """"oct.-déc. ?" for a button: months everyone reads, where "T4 ?" or "S2 ?" is office shorthand."""
    return f"{SHORT_MONTHS[first - 1]}-{SHORT_MONTHS[last - 1]} ?"


def parse_period(marker: str | None) -> Period | None:
    """The period a marker names, or None when there is none or it is not understood."""
    found = PERIOD_MARKER.match((marker or "").strip())
    if found is None:
        return None
    year, part = int(found["year"]), found["part"]
    marker = found.group(0)
    if part is None:
        return Period(year=year, first_month=1, last_month=12, label=str(year), during=f"en {year}", short=f"{year} ?",
                      marker=marker)
    if part.startswith("T"):
        quarter = int(part[1])
        return Period(year=year, first_month=3 * quarter - 2, last_month=3 * quarter,
                      label=f"{ORDINALS[quarter]} trimestre {year}",
                      during=f"au {ORDINALS[quarter]} trimestre {year}", short=_span(3 * quarter - 2, 3 * quarter),
                      marker=marker)
    if part.startswith("S"):
        half = int(part[1])
        return Period(year=year, first_month=6 * half - 5, last_month=6 * half,
                      label=f"{ORDINALS[half]} semestre {year}",
                      during=f"au {ORDINALS[half]} semestre {year}", short=_span(6 * half - 5, 6 * half),
                      marker=marker)
    if part in _SEASONS:
        first, last = _SEASONS[part]
        season = _SEASON_LABELS[part]
        label = f"hiver {year}-{year + 1}" if part == "hiver" else f"{season} {year}"
        during = f"au {label}" if part == "printemps" else f"en {label}"
        return Period(year=year, first_month=first, last_month=last, label=label, during=during,
                      short=f"{season} ?", marker=marker)
    month = int(part)
    return Period(year=year, first_month=month, last_month=month, label=f"{MONTHS[month - 1]} {year}",
                  during=f"en {MONTHS[month - 1]} {year}", short=f"{SHORT_MONTHS[month - 1]} ?", marker=marker)


def period_of(month: str | None, period: str | None) -> Period | None:
    """An undated event's announced period: its month when known, else its period marker."""
    return parse_period(month) or parse_period(period)


# The month names as the matcher's words read them ("décembre" → "decembre").
_MONTH_WORDS = {fold(name): number for number, name in enumerate(MONTHS, start=1)}
_THIS_MONTH = (("ce", "mois"),)
_NEXT_MONTH = (("mois", "prochain"),)
# "l'inter-conseil du deuxième trimestre": the programme titles its quarterly events by their quarter.
QUARTER_WORDS = {"1er": 1, "premier": 1, "1e": 1, "2e": 2, "2eme": 2, "deuxieme": 2, "second": 2, "3e": 3,
                  "3eme": 3, "troisieme": 3, "4e": 4, "4eme": 4, "quatrieme": 4, "dernier": 4}


def asked_period(words: Sequence[str], today: date) -> Period | None:
    """The month or quarter a question names ("en décembre", "ce mois-ci", "le mois prochain", "du 2e
    trimestre"), or None.

    A month named without a year is its nearest occurrence: on 27 November, "septembre" is the one just past,
    "janvier" the one to come (a tie goes ahead). "décembre 2027" keeps its year. A quarter is this year's until
    it is over, then next year's: members ask about a quarter's event to come, not one gone.
    """
    seq = list(words)
    quarter = _asked_quarter(seq)
    if quarter is not None:
        year = today.year if today.month <= 3 * quarter else today.year + 1
        return parse_period(f"{year}-T{quarter}")
    for i, word in enumerate(seq):
        if word in _MONTH_WORDS:
            month = _MONTH_WORDS[word]
            following = seq[i + 1] if i + 1 < len(seq) else ""
            if following.isdigit() and len(following) == 4:
                return parse_period(f"{following}-{month:02d}")
            year = today.year if month <= today.month else today.year - 1  # its last occurrence
            if (today.month - month) % 12 >= 6:  # half a year back or more: the coming one is nearer
                year += 1
            return parse_period(f"{year}-{month:02d}")
    pairs = set(itertools.pairwise(seq))
    if pairs & set(_NEXT_MONTH):
        ahead = date(today.year + today.month // 12, today.month % 12 + 1, 1)
        return parse_period(f"{ahead.year}-{ahead.month:02d}")
    if pairs & set(_THIS_MONTH):
        return parse_period(f"{today.year}-{today.month:02d}")
    return None


def _asked_quarter(seq: list[str]) -> int | None:
    for before, word in itertools.pairwise(seq):
        if word == "trimestre" and before in QUARTER_WORDS:
            return QUARTER_WORDS[before]
    return None


def overlaps(first: Period, second: Period) -> bool:
    return first.starts_on < second.ends_before and second.starts_on < first.ends_before


def falls_in(within: Period, *, first_day: date | None, last_day: date | None = None, month: str | None = None,
             period: str | None = None) -> bool:
    """Whether an event falls in the period asked: a dated one when its days (`first_day` to `last_day`, local
    dates) touch it; an undated one when the month or period it was announced for (`period_of`) overlaps it. The
    agenda's list for a month and the event a message names by its quarter both ask it here."""
    if first_day is None:
        announced = period_of(month, period)
        return announced is not None and overlaps(announced, within)
    last = first_day if last_day is None else last_day
    return first_day < within.ends_before and within.starts_on <= last
