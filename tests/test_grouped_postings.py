"""The matcher's posting lists are grouped by token by a compiled counting sort (bot/answering/_scorer.c, `grouped`):
the same bags in the same order as the stable sort it replaced (kept here), on seeded random pairs: tokens no bag
holds, empty bags, a token held by every bag; and counts that do not match the pairs are refused."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering._scorer import grouped


def _reference(ids: np.ndarray, bags: np.ndarray) -> np.ndarray:
    """`_Inverted.postings`' order before it was compiled."""
    return bags[np.argsort(ids, kind="stable")]


def test_the_bags_come_grouped_by_token_in_their_order() -> None:
    rng = np.random.default_rng(15)
    for _ in range(300):
        tokens = int(rng.integers(1, 300))
        lengths = rng.integers(0, 30, size=int(rng.integers(0, 80)))
        bags = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        # A few common tokens, as in a real base, and some token ids no bag holds.
        common = rng.random(len(bags)) < 0.3
        ids = np.where(common, rng.integers(0, 3, size=len(bags)), rng.integers(0, tokens, size=len(bags)))
        ids = np.minimum(ids, tokens - 1).astype(np.int32)
        out = np.full(len(ids), -1, dtype=np.int32)
        grouped(ids, bags, np.bincount(ids, minlength=tokens).astype(np.int64), out)
        assert out.tobytes() == _reference(ids, bags).tobytes()


def test_counts_that_do_not_match_the_pairs_are_refused() -> None:
    ids, bags, out = np.array([0, 1, 1], dtype=np.int32), np.array([0, 0, 1], dtype=np.int32), np.zeros(3, np.int32)
    with pytest.raises(IndexError):
        grouped(ids, bags, np.array([2, 1], dtype=np.int64), out)  # token 1 counted once, held twice
    with pytest.raises(ValueError):
        grouped(ids, bags, np.array([1, 1], dtype=np.int64), out)  # two pairs counted, three given
    with pytest.raises(IndexError):
        grouped(np.array([0, 2, 1], dtype=np.int32), bags, np.array([1, 2], dtype=np.int64), out)  # no token 2
