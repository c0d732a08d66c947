"""The n-gram ranker's compiled sums (bot/answering/_scorer.c, `best_cosines`) give each entry's best phrasing the
same float, to the last bit, as the numpy code they replaced (kept here): random lists, seeded, with phrasings
reached by several columns, entries not reached, and column lists of any length."""

from __future__ import annotations

import numpy as np

from bot.answering._scorer import best_cosines


def _reference(columns: np.ndarray, query: np.ndarray, start: np.ndarray, length: np.ndarray, rows: np.ndarray,
               weights: np.ndarray, owners: np.ndarray, entries: int) -> np.ndarray:
    """CharOpinion.rank's sums before they were compiled."""
    lengths = length[columns]
    offsets = np.repeat(start[columns] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    reached = rows.take(offsets)
    scores = np.bincount(reached, weights=weights.take(offsets) * np.repeat(query, lengths), minlength=len(owners))
    best = np.zeros(entries)
    np.maximum.at(best, owners.take(reached), scores.take(reached))
    return best


def test_each_entrys_best_phrasing_is_scored_as_numpy_scored_it() -> None:
    rng = np.random.default_rng(15)
    for _ in range(300):
        entries = int(rng.integers(1, 60))
        sizes = rng.integers(1, 8, size=entries)
        owners = np.repeat(np.arange(entries, dtype=np.int32), sizes)
        phrasings, known = len(owners), int(rng.integers(1, 40))
        length = rng.integers(0, min(phrasings, 30) + 1, size=known).astype(np.int64)
        start = np.concatenate(([0], np.cumsum(length)[:-1])).astype(np.int64)
        rows = np.concatenate([np.sort(rng.choice(phrasings, size=n, replace=False)) for n in length]
                              + [np.zeros(0, dtype=np.int64)]).astype(np.int32)
        weights = rng.random(len(rows)).astype(np.float32)
        columns = np.unique(rng.integers(0, known, size=int(rng.integers(1, known + 1)))).astype(np.int64)
        query = (1 + np.log(rng.integers(1, 4, size=len(columns)))) * rng.random(len(columns))
        query /= np.linalg.norm(query)
        scratch, best = np.zeros(phrasings), np.zeros(entries)
        best_cosines(columns, query, start, length, rows, weights, owners, scratch, best)
        expected = _reference(columns, query, start, length, rows, weights, owners, entries)
        assert best.tobytes() == expected.tobytes()
        assert not scratch.any()  # given back zeroed, for the next question


def test_a_sum_out_of_its_arrays_is_refused() -> None:
    owners, rows = np.zeros(2, dtype=np.int32), np.array([0, 5], dtype=np.int32)
    start, length = np.array([0], dtype=np.int64), np.array([2], dtype=np.int64)
    try:
        best_cosines(np.array([0], dtype=np.int64), np.ones(1), start, length, rows, np.ones(2, dtype=np.float32),
                     owners, np.zeros(2), np.zeros(1))
    except IndexError:
        return
    raise AssertionError("a phrasing out of range was read")
