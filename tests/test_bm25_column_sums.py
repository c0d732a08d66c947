"""BM25's scores of a query (bot/answering/_scorer.c, `column_sums`) are the float32 values numpy's `+=` per
column gave (kept here), to the last bit: seeded random columns, a stem repeated in the query, columns of any
length, documents no column reaches; and a column or a document out of range is refused."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering._scorer import column_sums


def _reference(columns: list[int], indptr: np.ndarray, indices: np.ndarray, data: np.ndarray,
               documents: int) -> np.ndarray:
    """SecondOpinion.rank's sums before they were compiled."""
    scores = np.zeros(documents, dtype=np.float32)
    for column in columns:
        start, end = indptr[column], indptr[column + 1]
        scores[indices[start:end]] += data[start:end]
    return scores


def test_each_documents_score_is_added_as_numpy_added_it() -> None:
    rng = np.random.default_rng(15)
    for _ in range(300):
        documents, known = int(rng.integers(1, 200)), int(rng.integers(1, 40))
        sizes = rng.integers(0, min(documents, 50) + 1, size=known)
        indptr = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        indices = np.concatenate([np.sort(rng.choice(documents, size=n, replace=False)) for n in sizes]
                                 + [np.zeros(0, dtype=np.int64)]).astype(np.int32)
        data = (rng.random(len(indices)) * 10.0 ** rng.integers(-2, 3, size=len(indices))).astype(np.float32)
        columns = rng.integers(0, known, size=int(rng.integers(1, 30))).tolist()  # repeats: a stem said twice
        scores = np.zeros(documents, dtype=np.float32)
        column_sums(np.array(columns, dtype=np.int64), indptr, indices, data, scores)
        assert scores.tobytes() == _reference(columns, indptr, indices, data, documents).tobytes()


def test_a_column_or_a_document_out_of_range_is_refused() -> None:
    indptr, data = np.array([0, 2], dtype=np.int64), np.ones(2, dtype=np.float32)
    scores = np.zeros(2, dtype=np.float32)
    with pytest.raises(IndexError):
        column_sums(np.array([1], dtype=np.int64), indptr, np.array([0, 1], dtype=np.int32), data, scores)
    with pytest.raises(IndexError):
        column_sums(np.array([0], dtype=np.int64), indptr, np.array([0, 2], dtype=np.int32), data, scores)
    assert not scores.any()  # nothing added before the refusal
