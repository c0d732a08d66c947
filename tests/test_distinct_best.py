"""The best few scores of BM25 and of the character n-grams are picked in one compiled pass; they must be the very
pairs, and the very ties left to numpy, that the `argmax` calls it replaced gave (kept here)."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering.best_scores import distinct_best


def _by_argmax(scores: np.ndarray, k: int) -> list[tuple[int, float]] | None:
    """The Python it replaced, step for step."""
    scores = scores.copy()
    picked: list[tuple[int, float]] = []
    for _ in range(min(k + 1, len(scores))):
        index = int(scores.argmax())
        picked.append((index, float(scores[index])))
        scores[index] = -np.inf
    values = [score for _, score in picked]
    scored = sum(score > 0 for score in values[:k])
    if any(values[i] == values[i + 1] for i in range(min(scored, len(values) - 1))):
        return None
    return picked[:k]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_best_scores_are_those_argmax_picked_ties_and_zeros_included(dtype: type[np.floating]) -> None:
    rng = np.random.default_rng(15)
    ties = 0
    for _ in range(3000):
        size = int(rng.choice([0, 1, 2, 3, 5, 8, 13, 40, 10_000, 10_003]))
        scores = np.zeros(size, dtype=dtype)
        reached = rng.random(size) < rng.random()
        # Few distinct values: ties among the best, and zeros beside them, are common (as duplicated entries give).
        scores[reached] = rng.choice(rng.random(int(rng.integers(1, 6))) * 20, int(reached.sum()))
        k = int(rng.integers(0, 7))
        before = scores.copy()
        found = distinct_best(scores, k)
        assert found == _by_argmax(scores, k), (size, k)
        assert np.array_equal(scores, before)
        ties += found is None
    assert ties > 100  # the ties were met, not only clear leads


def test_other_scores_are_refused() -> None:
    with pytest.raises(TypeError):
        distinct_best(np.zeros(4, dtype=np.int64), 2)
    with pytest.raises(ValueError):
        distinct_best(np.zeros(4), -1)
