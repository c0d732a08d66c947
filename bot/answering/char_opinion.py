"""A third ranking of the FAQ, built differently again: TF-IDF cosine of character n-grams.

Ours compares normalised, corrected, stemmed tokens; BM25 compares Snowball stems. Both need a word to be
spelled closely enough to be recognised. Character n-grams (3 to 5 letters, within words) are indifferent to
a missing accent, a letter doubled or dropped, "inscrir" for "inscrire": "les reunions cest quand" and "quand
ont lieu les réunions" still share "reu", "eun", "union", "qua"… Each phrasing of an entry is one document;
an entry's score is its best phrasing's cosine. numpy only (already there for BM25).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.answering.normalize import words
from bot.knowledge.model import FaqEntry

SIZES = (3, 4, 5)
# An n-gram found in more than this share of the phrasings (" de", "est") says little and holds long lists:
# it counts in each phrasing's length, not in the scores (a message then costs ~ the rare n-grams it holds).
COMMON_SHARE = 0.25
# And in more than this many phrasings, whatever the share: at 10,000 entries a quarter of the phrasings is
# ~40,000 postings per n-gram and a message cost ~5 ms. Above the shipped base's quarter (~650): no change there.
MAX_POSTINGS = 2000


def word_grams(word: str) -> list[str]:
    """The character n-grams of a folded word, padded with a space at both ends."""
    padded = f" {word} "
    return [padded[i:i + n] for n in SIZES for i in range(len(padded) - n + 1)]


class CharOpinion:
    def __init__(self, entries: Sequence[FaqEntry], *, previous: CharOpinion | None = None) -> None:
        """`previous`: the ranker in service, whose words of unchanged phrasings are read again, not re-split
        (half of a build at 10,000 entries; the result is that of a fresh build)."""
        self._ids = [e.id for e in entries]
        column: dict[str, int] = {}
        known: dict[str, np.ndarray] = {}  # a word's n-grams as columns: words repeat across phrasings
        split = previous._split if previous is not None else {}
        self._split: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[int, ...]]] = {}
        parts: list[np.ndarray] = []
        per_phrasing: list[int] = []  # words in each phrasing, in order
        first: list[int] = []
        row = 0
        for entry in entries:
            first.append(row)
            phrasings = entry.phrasings
            found = split.get(phrasings)
            if found is None:
                listed = [words(p) for p in phrasings]
                found = (tuple(w for ws in listed for w in ws), tuple(len(ws) for ws in listed))
            self._split[phrasings] = found
            for word in found[0]:
                cols = known.get(word)
                if cols is None:
                    cols = known[word] = np.array([column.setdefault(g, len(column)) for g in word_grams(word)],
                                                  dtype=np.int64)
                parts.append(cols)
            per_phrasing.extend(found[1])
            row += len(phrasings)
        owners = np.repeat(np.arange(row, dtype=np.int64), per_phrasing)
        self._column = column
        self._known = known
        self._first = np.array(first, dtype=np.int64)  # phrasings are grouped by entry: its best in one reduce
        self._phrasings = row
        height = max(row, 1)
        # (n-gram, phrasing) pairs with their counts, all at once, sorted by n-gram then phrasing: the order
        # of the lists below (and, per phrasing, by n-gram: its length sums its weights in that order).
        flat = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        rows = np.repeat(owners, [len(p) for p in parts]) if parts else flat
        pairs, counts = np.unique(flat * height + rows, return_counts=True)
        cols, rows = pairs // height, pairs % height
        frequency = np.bincount(cols, minlength=len(column))
        self._idf = np.log((1 + row) / (1 + frequency)) + 1
        weight = (1 + np.log(counts)) * self._idf[cols]  # sublinear tf × idf
        weight /= np.sqrt(np.bincount(rows, weights=weight**2, minlength=row))[rows]
        limit = max(min(COMMON_SHARE * row, MAX_POSTINGS), 1)
        rare = frequency[cols] <= limit  # one list per n-gram: the phrasings holding it and their weights
        # Kept small: the answerer is stored on disk and read at every start (bot/answering/prepared.py).
        self._rows = rows[rare].astype(np.int32)
        self._weights = weight[rare].astype(np.float32)
        self._length = np.where(frequency <= limit, frequency, 0)
        self._start = np.concatenate(([0], np.cumsum(self._length)[:-1])).astype(np.int64)
        self._idf = self._idf.astype(np.float32)

    def __getstate__(self) -> dict[str, object]:
        # `_known` is rebuilt cheaply from `_column`; `_split` only speeds the next build (kept small on disk).
        return {k: v for k, v in self.__dict__.items() if k not in ("_known", "_split", "_owner")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._known = {}
        self._split = {}

    def _columns(self, word: str) -> np.ndarray:
        cols = self._known.get(word)
        if cols is None:
            cols = np.array([c for g in word_grams(word) if (c := self._column.get(g)) is not None], dtype=np.int64)
            if len(self._known) < 65536:
                self._known[word] = cols
        return cols

    def _owners(self) -> np.ndarray:
        """The entry of each phrasing (made on first use: not kept on disk)."""
        owners: np.ndarray | None = self.__dict__.get("_owner")
        if owners is None:
            sizes = np.diff(np.append(self._first, self._phrasings))
            owners = self._owner = np.repeat(np.arange(len(self._first), dtype=np.int32), sizes)
        return owners

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(entry id, cosine 0–1) best first; empty when the text shares no n-gram with any entry."""
        if not self._ids:
            return []
        found = [self._columns(w) for w in words(text)]
        if not found:
            return []
        columns, counts = np.unique(np.concatenate(found), return_counts=True)
        if not len(columns):
            return []
        query = (1 + np.log(counts)) * self._idf[columns]
        query /= np.linalg.norm(query)
        lengths = self._length[columns]
        # Every (phrasing, weight) of the query's columns in one gather, without a Python loop.
        offsets = np.repeat(self._start[columns] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        rows = self._rows.take(offsets)
        scores = np.bincount(rows, weights=self._weights.take(offsets) * np.repeat(query, lengths),
                             minlength=self._phrasings)
        # Each entry's best phrasing, from the phrasings the query reached only (a reduce over all 160,000
        # phrasings at 10,000 entries cost more than the sums); the others score 0.
        best = np.zeros(len(self._ids))
        np.maximum.at(best, self._owners().take(rows), scores.take(rows))
        order = np.argpartition(-best, limit)[:limit] if len(best) > limit else np.arange(len(best))
        order = order[np.argsort(-best[order])]
        return [(self._ids[int(i)], float(best[i])) for i in order if best[i] > 0]
