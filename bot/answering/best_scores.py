"""The few best-scored items of a ranking, picked so that ties never depend on how they are picked.

`distinct_best(scores, k)`: the `k` best (index, score) pairs, best first, when no tie among the positive ones
makes the choice or the order depend on how they are picked; None otherwise (the caller's `argpartition` and
`argsort` decide). What `k + 1` calls of `argmax` pick (each picked score then set aside), in one compiled pass
(`_scorer.distinct_best`): those calls, and the Python around them, cost 25–40 µs over 10,000 scores, several
times per message (`argpartition` over 10,000 scores that are mostly 0 costs 0.1–0.3 ms: a degenerate case of
its selection). `scores` (float64 or float32) is only read.
"""

from __future__ import annotations

from bot.answering._scorer import distinct_best

__all__ = ["distinct_best"]
