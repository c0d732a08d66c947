"""A third ranking of the FAQ, built differently again: TF-IDF cosine of character n-grams.

Ours compares normalised, corrected, stemmed tokens; BM25 compares Snowball stems. Both need a word to be
spelled closely enough to be recognised. Character n-grams (3 to 5 letters, within words) are indifferent to
a missing accent, a letter doubled or dropped, "inscrir" for "inscrire": "les reunions cest quand" and "quand
ont lieu les réunions" still share "reu", "eun", "union", "qua"… Each phrasing of an entry is one document;
an entry's score is its best phrasing's cosine. numpy only (already there for BM25).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from bot.answering.normalize import words
from bot.knowledge.model import FaqEntry

SIZES = (3, 4, 5)


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i:i + n] for n in SIZES for i in range(len(padded) - n + 1))


def grams(text: str) -> Counter[str]:
    """The character n-grams of each folded word, padded with a space at both ends."""
    out: Counter[str] = Counter()
    for word in words(text):
        out.update(_word_grams(word))
    return out


class CharOpinion:
    def __init__(self, entries: Sequence[FaqEntry]) -> None:
        self._ids = [e.id for e in entries]
        column: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        first: list[int] = []
        row = 0
        for entry in entries:
            first.append(row)
            for phrasing in entry.phrasings:
                counted = grams(phrasing)
                rows.extend([row] * len(counted))
                cols.extend([column.setdefault(g, len(column)) for g in counted])
                counts.extend(counted.values())
                row += 1
        self._column = column
        self._first = np.array(first, dtype=np.int64)  # phrasings are grouped by entry: its best in one reduce
        self._phrasings = row
        col = np.array(cols, dtype=np.int64)
        frequency = np.bincount(col, minlength=len(column))
        self._idf = np.log((1 + row) / (1 + frequency)) + 1
        weight = (1 + np.log(np.array(counts, dtype=np.float64))) * self._idf[col]  # sublinear tf × idf
        norm = np.sqrt(np.bincount(np.array(rows, dtype=np.int64), weights=weight**2, minlength=row))
        weight /= norm[np.array(rows, dtype=np.int64)]
        # One column per n-gram: the phrasings holding it and their weights, contiguous.
        order = np.argsort(col, kind="stable")
        self._rows = np.array(rows, dtype=np.int64)[order]
        self._weights = weight[order]
        self._length = frequency
        self._start = np.concatenate(([0], np.cumsum(frequency)[:-1])).astype(np.int64)

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(entry id, cosine 0–1) best first; empty when the text shares no n-gram with any entry."""
        found = [(c, tf) for g, tf in grams(text).items() if (c := self._column.get(g)) is not None]
        if not found or not self._ids:
            return []
        columns = np.array([c for c, _ in found], dtype=np.int64)
        query = (1 + np.log(np.array([tf for _, tf in found], dtype=np.float64))) * self._idf[columns]
        query /= np.linalg.norm(query)
        lengths = self._length[columns]
        # Every (phrasing, weight) of the query's columns in one gather, without a Python loop.
        offsets = np.repeat(self._start[columns] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        scores = np.bincount(self._rows[offsets], weights=self._weights[offsets] * np.repeat(query, lengths),
                             minlength=self._phrasings)
        best = np.maximum.reduceat(scores, self._first)
        order = np.argpartition(-best, limit)[:limit] if len(best) > limit else np.arange(len(best))
        order = order[np.argsort(-best[order])]
        return [(self._ids[int(i)], float(best[i])) for i in order if best[i] > 0]
