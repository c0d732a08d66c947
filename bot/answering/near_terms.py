"""A term of the base typed with one of its words a letter off: "contrat de vile", "tiraj au sort", "l'ordre du jojr".

Alone, such a word is no typo the corrector may fix: "vile" is French, "jojr" too short to be looked up, "tiraj"
sounds like several words. Among the term's other words, all there, which word was meant is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

_ANY = "*"
_LONGEST = 4  # terms of two to four words: a longer one is rarely typed whole
_SHORTEST_WORD = 3  # a term's word of fewer letters is never guessed


class NearTerms:
    """Built once from the stems of the base's terms (glossary and synonyms)."""

    def __init__(self, terms: Iterable[tuple[str, ...]], *, join: str) -> None:
        """`join`: the mark a conjunction leaves among the stems ("&"); a term holding one is left out."""
        gaps: dict[tuple[str, ...], set[str]] = {}
        for term in terms:
            if not 2 <= len(term) <= _LONGEST or join in term:
                continue
            for at, expected in enumerate(term):
                if len(expected) >= _SHORTEST_WORD:
                    gaps.setdefault((*term[:at], _ANY, *term[at + 1:]), set()).add(expected)
        # A term's stems with one left out → the stems that fill the gap ("tirage au sort", "tirage au hasard":
        # ("tirag", "*") → "hasard", "sort").
        self._gaps = {gap: tuple(sorted(found)) for gap, found in gaps.items()}

    def read(self, stems: tuple[str, ...], typed: Sequence[str], unknown: Iterable[int]) -> tuple[str, ...]:
        """`stems` with each stem at `unknown` (a word the base does not know; `typed[j]` as typed) read as the
        stem a term expects there, when it is one letter from it and the term's other stems are all there."""
        read = list(stems)
        for j in unknown:
            close = {expected for expected in self._expected_at(read, j)
                     if min(OSA.distance(typed[j], expected), OSA.distance(read[j], expected)) <= 1}
            if len(close) == 1:  # two terms' words as close: which one was meant is unknown
                read[j] = close.pop()
        return tuple(read)

    def _expected_at(self, stems: list[str], j: int) -> tuple[str, ...]:
        found: tuple[str, ...] = ()
        for length in range(_LONGEST, 1, -1):
            for at in range(length):
                start = j - at
                if start >= 0 and start + length <= len(stems):
                    found += self._gaps.get((*stems[start:j], _ANY, *stems[j + 1:start + length]), ())
        return found
