"""A third ranking of the FAQ, built differently again: TF-IDF cosine of character n-grams.

Ours compares normalised, corrected, stemmed tokens; BM25 compares Snowball stems. Both need a word to be
spelled closely enough to be recognised. Character n-grams (3 to 5 letters, within words) are indifferent to
a missing accent, a letter doubled or dropped, "inscrir" for "inscrire": "les reunions cest quand" and "quand
ont lieu les réunions" still share "reu", "eun", "union", "qua"… Each phrasing of an entry is one document;
an entry's score is its best phrasing's cosine. numpy only (already there for BM25).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from bot.answering._builder import listed_weights, merged_lists, phrasing_lengths
from bot.answering._scorer import best_cosines
from bot.answering.best_scores import distinct_best
from bot.answering.matcher import slots
from bot.answering.normalize import words
from bot.knowledge.model import FaqEntry

SIZES = (3, 4, 5)
# An n-gram found in more than this share of the phrasings (" de", "est") says little and holds long lists:
# it counts in each phrasing's length, not in the scores (a message then costs ~ the rare n-grams it holds).
COMMON_SHARE = 0.25
# And in more than this many phrasings, whatever the share: at 10,000 entries a quarter of the phrasings is
# ~40,000 postings per n-gram and a message cost ~5 ms. Above the shipped base's quarter (~725 of 2,899
# phrasings): no change there. 2,000 until the eighteenth stop: at 10,000 entries (155,083 phrasings) a question
# then summed 23,000 postings on average, 6,400 at 1,000, and decisions cost ~8 % less; 3.7 % of the dev messages'
# decisions at that size moved, as many better as worse (bench/RESULTS.md).
MAX_POSTINGS = 1000


def word_grams(word: str) -> list[str]:
    """The character n-grams of a folded word, padded with a space at both ends."""
    padded = f" {word} "
    return [padded[i:i + n] for n in SIZES for i in range(len(padded) - n + 1)]


@dataclass(frozen=True, slots=True)
class _Pairs:
    """Every phrasing's (n-gram, count) pairs, phrasing after phrasing, columns increasing within each: what
    a build keeps for the next one (the per-phrasing part of the index, independent of the other phrasings).
    The pairs name their n-gram by an id that never changes (`ids`), not by its column: a column moves when an
    n-gram before it in sorted order comes or goes, and renumbering 19 million pairs cost a learning action
    0.1-0.2 s at 10,000 entries. Ids and columns increase together within a phrasing's pairs only through the
    n-grams' order (columns), which is what the sums follow."""

    entries: dict[tuple[str, ...], int]  # an entry's phrasings → its number here
    first: np.ndarray  # entry i's phrasings: [first[i], first[i + 1])
    start: np.ndarray  # phrasing j's pairs: [start[j], start[j + 1])
    ids: np.ndarray  # each pair's n-gram id
    counts: np.ndarray
    frequency: np.ndarray  # phrasings holding each column
    id_of: dict[str, int]  # every n-gram met since the first build → its id (ids in insertion order)
    column_of: np.ndarray  # id → its column in this build, -1 for an n-gram no phrasing holds now
    id_at: np.ndarray  # column → its id
    # The lists by n-gram (the ranker's `_rows`) with each pair's count, and which columns have one (`rare`):
    # a build where those stay merges the changed phrasings' pairs in, instead of sorting them all again.
    listed_counts: np.ndarray
    rare: np.ndarray

    def columns(self) -> np.ndarray:
        """Each pair's column (the tests compare them with a fresh build's)."""
        columns: np.ndarray = self.column_of.take(self.ids)
        return columns


def _smallest(values: np.ndarray, floor: type[np.integer]) -> np.ndarray:
    """`values` in the smallest unsigned type that holds them (the pairs are millions at 10,000 entries)."""
    top = int(values.max()) if len(values) else 0
    kind = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64)
                if np.iinfo(t).max >= top and np.dtype(t).itemsize >= np.dtype(floor).itemsize)
    return values.astype(kind)


def _read(entries: Sequence[tuple[str, ...]], column: Mapping[str, int],
          fresh: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The n-grams of these entries' phrasings: per phrasing its number of n-gram occurrences, and each
    occurrence's column (`column`'s, or `len(column)` + its number in `fresh`, filled here, for n-grams not in
    `column`) and phrasing (numbered from 0 here); and each distinct word's columns. Each distinct word is cut
    once; its occurrences gathered."""
    listed = [words(p) for phrasings in entries for p in phrasings]
    flat = list(chain.from_iterable(listed))
    known = {word: i for i, word in enumerate(dict.fromkeys(flat))}
    base = len(column)
    grams = [[c if (c := column.get(g)) is not None else base + fresh.setdefault(g, len(fresh))
              for g in word_grams(word)] for word in known]
    sizes = np.fromiter(map(len, grams), dtype=np.int64, count=len(grams))
    word_start = np.zeros(len(grams) + 1, dtype=np.int64)
    np.cumsum(sizes, out=word_start[1:])
    word_cols = np.fromiter(chain.from_iterable(grams), dtype=np.int64, count=int(word_start[-1]))
    seen = np.fromiter(map(known.__getitem__, flat), dtype=np.int64, count=len(flat))
    lengths = sizes[seen]
    at = np.repeat(word_start[seen] - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    per_word = np.repeat(np.arange(len(listed), dtype=np.int64), [len(found) for found in listed])
    cut = dict(zip(known, np.split(word_cols, word_start[1:-1]), strict=True)) if known else {}
    return np.bincount(per_word, weights=lengths, minlength=len(listed)).astype(np.int64), word_cols[at], \
        np.repeat(per_word, lengths), cut


def _lists(rows: np.ndarray, cols: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, columns, counts) of pairs in phrasing order, put in column order (phrasings in order within each):
    one sort of packed (column, position) keys (faster than a stable argsort)."""
    order = np.sort((cols.astype(np.uint64) << np.uint64(32)) | np.arange(len(rows), dtype=np.uint64))
    order = (order & np.uint64(0xFFFFFFFF)).astype(np.int64)
    return rows[order], cols[order], counts[order]


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive numbers as [first, last + 1) runs."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n:
            runs[-1] = (runs[-1][0], n + 1)
        else:
            runs.append((n, n + 1))
    return runs


def _kept_lists(previous: CharOpinion, kept: _Pairs, moves: Sequence[tuple[bool, int, int, int]],
                renumber: np.ndarray, rare: np.ndarray, fresh: tuple[np.ndarray, np.ndarray, np.ndarray],
                ) -> tuple[np.ndarray, np.ndarray] | None:
    """The previous ranker's lists by n-gram, its phrasings renumbered as `moves` places them (the others left
    out), with the new phrasings' pairs (`fresh`: their columns, bounds per phrasing and counts, as `moves`
    numbers them) inserted in place: rows and counts by n-gram, as `_lists` would sort them. None when they
    cannot be kept in order: a kept phrasing placed twice or after one that came after it, or a column whose
    list came or went (an n-gram crossing the limit on long lists)."""
    present = renumber >= 0
    if not np.array_equal(rare[renumber[present]], kept.rare[present]):
        return None
    where = np.full(len(kept.start) - 1, -1, dtype=np.int32)  # each previous phrasing's row here
    fresh_rows: list[np.ndarray] = []
    fresh_pairs: list[slice] = []
    for is_new, was, now, size in moves:
        if is_new:
            bounds = fresh[1][was:was + size + 1]
            fresh_rows.append(np.repeat(np.arange(now, now + size, dtype=np.int64), np.diff(bounds)))
            fresh_pairs.append(slice(int(bounds[0]), int(bounds[-1])))
            continue
        if (where[was:was + size] >= 0).any():
            return None  # the same phrasings twice (two entries alike): a row would come twice
        where[was:was + size] = np.arange(now, now + size)
    placed = where[where >= 0]
    if len(placed) > 1 and not (np.diff(placed) > 0).all():
        return None  # another order: the lists would have to be sorted again
    # The new phrasings' pairs by (column, row), then merged with the previous lists renumbered, the phrasings left
    # out dropped, in one compiled pass (`_builder.merged_lists`).
    empty = np.zeros(0, dtype=np.int64)
    added_rows, added_cols, added_counts = empty, empty, np.zeros(0, dtype=np.uint8)
    if fresh_rows:
        cols = np.concatenate([fresh[0][span] for span in fresh_pairs])
        listed = rare[cols]
        added_rows, added_cols, added_counts = _lists(
            np.concatenate(fresh_rows)[listed], cols[listed],
            _smallest(np.concatenate([fresh[2][span] for span in fresh_pairs]), np.uint8)[listed])
    kind = np.promote_types(kept.listed_counts.dtype, added_counts.dtype)
    room = len(previous._rows) + len(added_rows)
    rows, counts = np.empty(room, dtype=np.int32), np.empty(room, dtype=kind)
    used = merged_lists(where, previous._rows.astype(np.int32, copy=False), kept.listed_counts.astype(kind, copy=False),
                        previous._start.astype(np.int64, copy=False), previous._length.astype(np.int64, copy=False),
                        renumber.astype(np.int64, copy=False), added_cols.astype(np.int64, copy=False),
                        added_rows.astype(np.int32), added_counts.astype(kind, copy=False), rows, counts)
    return rows[:used], counts[:used]


def _lengths(by_id: np.ndarray, tf: np.ndarray, ids: np.ndarray, counts: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Each phrasing's length: the square root of its pairs' squared weights, (idf × tf)², summed in column
    order (the same float whatever the build), in one compiled pass over the pairs (`_builder.phrasing_lengths`:
    the floats of numpy's `np.add.reduceat` over the squares). Where the count is 1 the square is idf² (the
    factor is then 1, and x * 1.0 is x); the others (a few) are squared from their product."""
    length = np.zeros(len(start) - 1)
    phrasing_lengths(ids, counts, start.astype(np.int64, copy=False), by_id * by_id, by_id, tf, length)
    return length


def _weights(idf: np.ndarray, tf: np.ndarray, sizes: np.ndarray, counts: np.ndarray, rows: np.ndarray,
             length: np.ndarray) -> np.ndarray:
    """Each listed pair's weight (idf, times tf where counted more than once) divided by its phrasing's length,
    as float32: the pairs are listed n-gram after n-gram (`sizes` per column); in one compiled pass
    (`_builder.listed_weights`: the same float64 operations, then rounded)."""
    weights = np.empty(len(rows), dtype=np.float32)
    listed_weights(idf, tf, sizes.astype(np.int64, copy=False), counts, rows.astype(np.int32, copy=False), length,
                   weights)
    return weights


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(values, return_counts=True)` in fewer steps (its machinery costs more than a message's few hundred
    columns)."""
    values = np.sort(values)
    if not len(values):
        return values, np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values.take(starts), np.diff(np.append(starts, len(values)))


class CharOpinion:
    def __init__(self, entries: Sequence[FaqEntry], *, previous: CharOpinion | None = None) -> None:
        """`previous`: the ranker in service, whose pairs of unchanged entries are taken as they are (keyed by
        the phrasings themselves); only the changed entries are read, then the weights are computed over the
        whole base with numpy. Columns are numbered in the n-grams' sorted order, so a fresh build and one from
        the previous ranker give the same index (a column's number moves only as n-grams come or go, in the
        same order: the pairs kept stay sorted)."""
        self._ids = [e.id for e in entries]
        kept = getattr(previous, "_pairs", None) if previous is not None else None
        old_ids: Mapping[str, int] = kept.id_of if kept is not None else {}
        keys = [e.phrasings for e in entries]
        source = kept.entries if kept is not None else {}
        new = list(dict.fromkeys(k for k in keys if k not in source))
        fresh: dict[str, int] = {}
        new_sizes, new_cols, new_owner, cut = _read(new, old_ids, fresh)  # n-gram ids
        # The n-grams now present: those of the kept entries (the previous frequencies less the entries gone)
        # and of the new ones; numbered in sorted order.
        present = np.zeros(len(old_ids) + len(fresh), dtype=bool)  # by id
        present[new_cols] = True
        left = np.zeros(0, dtype=np.int64)  # phrasings holding each previous column, among the entries kept
        if kept is not None:
            taken = Counter(source[k] for k in keys if k in source)
            left = kept.frequency.astype(np.int64)
            for times in {0, *taken.values()} - {1}:  # entries gone, or taken more than once (duplicates)
                chosen = [n for n in range(len(kept.first) - 1) if taken.get(n, 0) == times]
                for a, b in _runs(chosen):
                    span = kept.ids[kept.start[kept.first[a]]:kept.start[kept.first[b]]]
                    left += (times - 1) * np.bincount(kept.column_of[span], minlength=len(left))
            present[kept.id_at[left > 0]] = True
        names = [*old_ids, *fresh]  # by id
        grams = sorted(name for name, here in zip(names, present.tolist(), strict=True) if here)
        column = {gram: i for i, gram in enumerate(grams)}
        renumber = np.array([column.get(name, -1) for name in names], dtype=np.int64)  # id → column
        if kept is None:  # a fresh build: its ids are its columns
            id_of, column_of, id_at = column, np.arange(len(grams), dtype=np.int64), None
        else:
            id_of = {**old_ids, **{gram: len(old_ids) + i for i, gram in enumerate(fresh)}}
            column_of, id_at = renumber, np.zeros(len(grams), dtype=np.int64)
            numbered = np.flatnonzero(renumber >= 0)
            id_at[renumber[numbered]] = numbered
        moved = kept is not None and not np.array_equal(renumber[kept.id_at], np.arange(len(kept.id_at)))
        # The new entries' pairs, counted, sorted by phrasing then column.
        width = max(len(grams), 1)
        pairs, new_counts = np.unique(new_owner * width + renumber[new_cols], return_counts=True)
        new_start = np.zeros(len(new_sizes) + 1, dtype=np.int64)
        np.cumsum(np.bincount(pairs // width, minlength=len(new_sizes)), out=new_start[1:])
        new_first = np.zeros(len(new) + 1, dtype=np.int64)
        np.cumsum([len(k) for k in new], out=new_first[1:])
        new_number = {k: i for i, k in enumerate(new)}
        pairs %= width
        wide = np.uint16 if len(id_of) <= 1 << 16 else np.uint32
        # Phrasings holding each column: the kept entries' counts renumbered, and the new entries' added below.
        frequency = np.zeros(len(grams), dtype=np.int64)
        still = np.flatnonzero(left > 0)
        if kept is not None:
            frequency[renumber[kept.id_at[still]]] = left[still]
        # Every entry's block in the base's order: runs of kept entries sliced, new entries' blocks.
        pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # columns, counts, pairs per phrasing
        plan: list[tuple[bool, int]] = [(k in new_number, new_number[k] if k in new_number else source[k])
                                        for k in keys]
        moves: list[tuple[bool, int, int, int]] = []  # new or kept, its first phrasing there and here, phrasings
        here = 0
        position = 0
        while position < len(plan):
            is_new, n = plan[position]
            last = position + 1
            while last < len(plan) and plan[last] == (is_new, n + last - position):
                last += 1
            block_first, block_start = (new_first, new_start) if is_new else (kept.first, kept.start)  # type: ignore[union-attr]
            lines = block_start[block_first[n]:block_first[n + last - position] + 1]  # its phrasings' bounds
            span = slice(lines[0], lines[-1])
            if is_new:
                cols, counts = pairs[span], _smallest(new_counts[span], np.uint8)
                frequency += np.bincount(cols, minlength=len(grams))
                cols = (cols if id_at is None else id_at[cols]).astype(wide)
            else:
                assert kept is not None
                cols, counts = kept.ids[span], kept.counts[span]
            pieces.append((cols, counts, np.diff(lines)))
            moves.append((is_new, int(block_first[n]), here, len(lines) - 1))
            here += len(lines) - 1
            position = last
        cols = np.concatenate([p[0] for p in pieces]) if pieces else np.zeros(0, dtype=np.uint16)
        counts = np.concatenate([p[1] for p in pieces]) if pieces else np.zeros(0, dtype=np.uint8)
        per_phrasing = np.concatenate([p[2] for p in pieces]) if pieces else np.zeros(0, dtype=np.int64)
        row = len(per_phrasing)
        start = np.zeros(row + 1, dtype=np.int64)
        np.cumsum(per_phrasing, out=start[1:])
        first = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum([len(k) for k in keys], out=first[1:])
        self._column: dict[str, int] = column
        # Words already cut serve the questions: a fresh build's words, renumbered; or the previous ranker's
        # when no column moved (otherwise they are cut again as questions use them).
        self._known: dict[str, np.ndarray] = {word: renumber[c] for word, c in cut.items()} if kept is None else \
            dict(previous._known) if previous is not None and not moved and len(grams) == len(kept.id_at) else {}
        self._first = first[:-1]  # phrasings are grouped by entry: its best in one reduce
        self._phrasings = row
        idf = np.log((1 + row) / (1 + frequency)) + 1
        tf = np.zeros(int(counts.max(initial=0)) + 1)
        tf[1:] = 1 + np.log(np.arange(1, len(tf)))  # sublinear tf, one log per distinct count
        by_id = np.zeros(len(id_of))  # each n-gram id's idf
        by_id[id_at if id_at is not None else slice(None)] = idf
        limit = max(min(COMMON_SHARE * row, MAX_POSTINGS), 1)
        rare_columns = frequency <= limit  # one list per n-gram: the phrasings holding it and their weights
        listed: tuple[np.ndarray, np.ndarray] | None = None  # rows and counts by n-gram
        self._lists_kept = False  # whether the lists were merged from the previous ranker's (for the tests)
        if kept is not None and previous is not None:
            listed = _kept_lists(previous, kept, moves, renumber[kept.id_at], rare_columns,
                                 (pairs, new_start, new_counts))
            self._lists_kept = listed is not None
        if len(cols):
            length = _lengths(by_id, tf, cols, counts, start)
            held = per_phrasing > 0
            bounds = start[:-1][held]
            if listed is None:
                columns = cols if id_at is None else column_of.take(cols)
                rare = rare_columns[columns]
                rows = np.repeat(np.flatnonzero(held).astype(np.int32),
                                 np.add.reduceat(rare.view(np.uint8), bounds, dtype=np.int64))
                listed_rows, _, listed_counts = _lists(rows, columns[rare], counts[rare])
            else:
                listed_rows, listed_counts = listed
            # Kept small: the answerer is stored on disk and read at every start (bot/answering/prepared.py).
            self._rows = listed_rows.astype(np.int32, copy=False)
            self._weights = _weights(idf, tf, np.where(rare_columns, frequency, 0), listed_counts, listed_rows,
                                     length)
        else:
            self._rows, self._weights = np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
            listed_counts = np.zeros(0, dtype=np.uint8)
        self._pairs: _Pairs | None = _Pairs(entries={k: i for i, k in enumerate(keys)}, first=first, start=start,
                                            ids=cols, counts=counts, frequency=frequency, id_of=id_of,
                                            column_of=column_of,
                                            id_at=np.arange(len(grams)) if id_at is None else id_at,
                                            listed_counts=listed_counts, rare=rare_columns)
        self._length = np.where(frequency <= limit, frequency, 0)
        self._start = np.concatenate(([0], np.cumsum(self._length)[:-1])).astype(np.int64)
        self._idf = idf.astype(np.float32)

    def __getstate__(self) -> dict[str, object]:
        # `_known` and `_owner` are rebuilt cheaply; `_pairs` only speeds the next build (kept small on disk).
        # Copied at once (in C): it may be written while it answers (and `_owner` is made by a first question).
        state = dict(self.__dict__)
        for name in ("_known", "_pairs", "_owner", "_length64"):
            state.pop(name, None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._known = {}
        self._pairs = None

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
            # 32-bit: the maxima read one a phrasing reached, anywhere among them (half the memory read to and fro).
            owners = self._owner = np.repeat(np.arange(len(self._first), dtype=np.int32), sizes)
        return owners

    def _lengths64(self) -> np.ndarray:
        """The lists' lengths as 64-bit integers (made on first use: not kept on disk)."""
        lengths: np.ndarray | None = self.__dict__.get("_length64")
        if lengths is None:
            lengths = self._length64 = self._length.astype(np.int64)
        return lengths

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(entry id, cosine 0–1) best first; empty when the text shares no n-gram with any entry."""
        best = self.scores(text)
        return [] if best is None else self.best(best, limit)

    def scores(self, text: str) -> np.ndarray | None:
        """Each entry's cosine (0–1), its best phrasing's; None when the text shares no n-gram with any entry. A
        message's parts are ranked several times with different limits: the scores are kept and `best` picks."""
        if not self._ids:
            return None
        found = [self._columns(w) for w in words(text)]
        if not found:
            return None
        columns, counts = _counted(np.concatenate(found))
        if not len(columns):
            return None
        query = (1 + np.log(counts)) * self._idf[columns]
        query /= np.linalg.norm(query)
        # Each phrasing's sum over the query's columns' lists, then each entry's best phrasing, in one compiled
        # pass (`_scorer.best_cosines`: the sums numpy's bincount made, to the last bit); entries not reached
        # score 0. Dtypes as the C code reads them: 64-bit columns, starts and lengths, 32-bit owners.
        best = np.zeros(len(self._ids))
        with slots(self._phrasings, np.float64) as scores:
            best_cosines(columns.astype(np.int64, copy=False), query, self._start, self._lengths64(),
                         self._rows, self._weights, self._owners(), scores, best)
        return best

    def best(self, best: np.ndarray, limit: int) -> list[tuple[str, float]]:
        """The first `limit` (entry id, cosine) of `scores`' result, best first, those above 0 (`best` is left
        as it was)."""
        picked = distinct_best(best, limit)
        if picked is not None:
            return [(self._ids[i], score) for i, score in picked if score > 0]
        order = np.argpartition(-best, limit)[:limit] if len(best) > limit else np.arange(len(best))
        order = order[np.argsort(-best[order])]
        return [(self._ids[int(i)], float(best[i])) for i in order if best[i] > 0]
