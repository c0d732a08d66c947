"""The n-gram ranker's build passes, compiled (bot/answering/_builder.c), give the floats of the numpy code they
replace, to the last bit: each phrasing's length and each listed weight, on the shipped base and on a base
scaled up (phrasings with n-grams counted more than once, long phrasings summed pairwise)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bench.common import shipped
from bench.synthetic import scaled
from bot.answering import char_opinion
from bot.answering.char_opinion import CharOpinion

CHUNK = 1 << 16  # the numpy code's step (1 << 20 there): smaller, so that chunks end inside the base here


def numpy_lengths(by_id: np.ndarray, tf: np.ndarray, ids: np.ndarray, counts: np.ndarray,
                  start: np.ndarray) -> np.ndarray:
    """The numpy code the compiled pass replaced."""
    squares = by_id * by_id
    length = np.zeros(len(start) - 1)
    first = 0
    while first < len(start) - 1:
        last = max(int(np.searchsorted(start, start[first] + CHUNK, side="right")) - 1, first + 1)
        a, b = int(start[first]), int(start[last])
        block, times = ids[a:b], counts[a:b]
        squared = squares.take(block)
        repeated = np.flatnonzero(times > 1)
        weight = by_id.take(block.take(repeated)) * tf[times.take(repeated)]
        squared[repeated] = weight * weight
        sizes = np.diff(start[first:last + 1])
        held = np.flatnonzero(sizes > 0)
        if len(held):
            length[first + held] = np.sqrt(np.add.reduceat(squared, start[first:last][held] - a))
        first = last
    return length


def numpy_weights(idf: np.ndarray, tf: np.ndarray, sizes: np.ndarray, counts: np.ndarray, rows: np.ndarray,
                  length: np.ndarray) -> np.ndarray:
    weight = np.repeat(idf, sizes)
    repeated = np.flatnonzero(counts > 1)
    weight[repeated] *= tf[counts.take(repeated)]
    weight /= length.take(rows)
    return weight.astype(np.float32)


@pytest.mark.parametrize("size", [0, 600], ids=["shipped", "600 entries"])
def test_lengths_and_weights_are_the_numpy_code_s_floats(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _, kb = shipped()
    entries = scaled(kb, size).faq if size else kb.faq
    # One phrasing as long as an answer: its sum goes through the pairwise halves (more than 128 pairs).
    entries = (*entries, replace(entries[0], id="longue", alternates=(entries[0].answer * 3,)))
    found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    compiled_lengths, compiled_weights = char_opinion._lengths, char_opinion._weights

    def lengths(*args: np.ndarray) -> np.ndarray:
        found["lengths"] = (compiled_lengths(*args), numpy_lengths(*args))
        return found["lengths"][0]

    def weights(*args: np.ndarray) -> np.ndarray:
        found["weights"] = (compiled_weights(*args), numpy_weights(*args))
        return found["weights"][0]

    monkeypatch.setattr(char_opinion, "_lengths", lengths)
    monkeypatch.setattr(char_opinion, "_weights", weights)
    pairs = CharOpinion(entries)._pairs
    assert pairs is not None and (pairs.counts > 1).any() and np.diff(pairs.start).max() > 128
    assert found.keys() == {"lengths", "weights"}
    for name, (mine, theirs) in found.items():
        assert mine.dtype == theirs.dtype and mine.tobytes() == theirs.tobytes(), name
