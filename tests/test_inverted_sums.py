"""A phrasing's weight (the sum of its tokens' IDF, `_Inverted.sums`) is the float `sum()` gives over its tokens in
their own order, to the last bit: seeded random bags of any size (empty ones too), weights of mixed magnitudes."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from bot.answering.matcher import _Inverted


def test_each_bags_weight_is_the_sum_of_its_tokens_in_their_order() -> None:
    rng = np.random.default_rng(15)
    for _ in range(300):
        tokens = [f"t{i}" for i in range(int(rng.integers(1, 200)))]
        lengths = rng.integers(0, 25, size=int(rng.integers(0, 60)))
        ids = rng.integers(0, len(tokens), size=int(lengths.sum())).astype(np.int32)
        weights = rng.random(len(tokens)) * 10.0 ** rng.integers(-3, 4, size=len(tokens))
        sums = _Inverted.numbered(ids, lengths, tokens).sums(weights, len(lengths))
        bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
        expected = [sum(weights[i] for i in ids[a:b].tolist()) for a, b in pairwise(bounds)]
        assert sums.dtype == np.float64
        assert sums.tobytes() == np.array(expected, dtype=np.float64).tobytes()
