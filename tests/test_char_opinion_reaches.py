"""The third ranker takes each entry's best phrasing among the phrasings a message reaches only; it ranks as
when every phrasing of every entry was reduced (the previous code, kept below), on the shipped base and on a
bigger one, ties included."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bench.synthetic import scaled
from bot.answering.char_opinion import CharOpinion
from bot.answering.normalize import words


def _every_phrasing(ranker: CharOpinion, text: str, limit: int) -> list[tuple[str, float]]:
    """`CharOpinion.rank` as it was: the scores of every phrasing, reduced to each entry's best."""
    found = [ranker._columns(w) for w in words(text)]
    if not found:
        return []
    columns, counts = np.unique(np.concatenate(found), return_counts=True)
    if not len(columns):
        return []
    query = (1 + np.log(counts)) * ranker._idf[columns]
    query /= np.linalg.norm(query)
    lengths = ranker._length[columns]
    offsets = np.repeat(ranker._start[columns] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    scores = np.bincount(ranker._rows[offsets], weights=ranker._weights[offsets] * np.repeat(query, lengths),
                         minlength=ranker._phrasings)
    best = np.maximum.reduceat(scores, ranker._first)
    order = np.argpartition(-best, limit)[:limit] if len(best) > limit else np.arange(len(best))
    order = order[np.argsort(-best[order])]
    return [(ranker._ids[int(i)], float(best[i])) for i in order if best[i] > 0]


@pytest.mark.parametrize("size", [None, 1_500])
def test_each_entry_s_best_from_the_phrasings_reached_ranks_as_from_all(size: int | None) -> None:
    _, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    twins = tuple(replace(e, id=f"{e.id}-bis") for e in kb.faq[:40:4])  # the same phrasings: tied bests
    ranker = CharOpinion((*kb.faq, *twins))
    texts = [q.q for q in load_eval() if q.split == "dev"] + [m.text for m in load_realistic() if m.split == "dev"] + [
        p for e in kb.faq[:80] for p in e.phrasings] + ["", "de la le", "zzz"]
    tied = 0
    for text in texts:
        for limit in (1, 2, 5):
            expected = _every_phrasing(ranker, text, limit)
            assert ranker.rank(text, limit=limit) == expected, text
            tied += len({s for _, s in expected}) < len(expected)
    assert tied  # ties met: ordered as the full reduction orders them
