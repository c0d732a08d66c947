"""The classifier learned from members' messages reads a message's features once per word and per feature, and its
weights laid out for that: what it reads is what a first, plain reading gives, and so are its probabilities."""

from __future__ import annotations

import math
import zlib
from collections import Counter

import numpy as np
import pytest

from bench.common import load_eval
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.learned import (
    CHAR_SIZES,
    DENSE_ROW,
    DIM,
    GROUPS,
    Learned,
    _grams,
    _slot,
    features,
    hashed,
    raw_features,
    shipped_model,
)
from bot.answering.normalize import Analysis
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    """Messages of the dev splits (never the test splits), read as the answerer reads them."""
    answerer = Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)
    texts = [m.text for m in load_realistic() if m.split == "dev"] + [q.q for q in load_eval() if q.split == "dev"]
    return [answerer.analyze(t) for t in texts]


def _plain_features(analysis: Analysis) -> dict[str, float]:
    """The features read as the classifier was trained: every n-gram cut and every count made anew."""
    groups: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    for token in analysis.tokens:
        groups["t"]["t" + token] += 1
    for word in analysis.words:
        groups["t"]["w" + word] += 1
        padded = f"<{word}>"
        for n in CHAR_SIZES:
            for i in range(len(padded) - n + 1):
                groups["c"][padded[i:i + n]] += 1
    for first, second in zip(analysis.words, analysis.words[1:], strict=False):
        groups["b"][f"{first} {second}"] += 1
    out: dict[str, float] = {}
    for g, counts in groups.items():
        weights = {k: 1 + math.log(v) for k, v in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        for k, v in weights.items():
            out[g + k] = GROUPS[g] * v / norm
    return out


def _plain_hashed(raw: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    folded: dict[int, float] = {}
    for k, v in raw.items():
        slot = zlib.crc32(k.encode()) & (DIM - 1)
        folded[slot] = folded.get(slot, 0.0) + v
    order = sorted(folded)
    return np.array(order, dtype=np.int64), np.array([folded[s] for s in order], dtype=np.float32)


def _plain_probabilities(model: Learned, analysis: Analysis) -> np.ndarray:
    """The model's sparse rows read weight by weight, as the file keeps them."""
    idx, val = _plain_hashed(_plain_features(analysis))
    at = np.minimum(np.searchsorted(model.slots, idx), len(model.slots) - 1)
    known = model.slots[at] == idx
    v = val * np.where(known, model.idf[at], np.float32(model.unseen_idf))
    v /= float(np.linalg.norm(v)) or 1.0
    rows, v = at[known], v[known]
    lengths = model.start[rows + 1] - model.start[rows]
    # Every weight of every row read at once: the positions of row r run from start[r] to start[r + 1].
    offsets = np.repeat(model.start[rows] - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    z = model.bias + np.bincount(model.columns[offsets], weights=model.weights[offsets] * np.repeat(v, lengths),
                                 minlength=len(model.classes))
    e: np.ndarray = np.exp(z - z.max())
    return e / float(e.sum())


def _same(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> bool:
    return a[0].dtype == b[0].dtype and a[1].dtype == b[1].dtype and np.array_equal(a[0], b[0]) and np.array_equal(
        a[1], b[1])


def test_a_message_reads_the_features_of_a_first_plain_reading(analyses: list[Analysis]) -> None:
    first = []
    for analysis in analyses:
        _grams.cache_clear()
        _slot.cache_clear()
        first.append(features(analysis))  # nothing kept from another message
    for analysis, fresh in zip(analyses, first, strict=True):
        kept = features(analysis)  # what the messages before kept
        plain = _plain_features(analysis)
        assert raw_features(analysis) == plain and list(raw_features(analysis)) == list(plain)
        assert _same(kept, fresh) and _same(kept, _plain_hashed(plain)) and _same(kept, hashed(plain))


def test_two_features_of_a_message_in_one_slot_are_added_as_in_training() -> None:
    """"amis" ends as "ancien" begins, for the hash ("mis>" and "<anc" share a slot)."""
    analysis = Analysis(words=("amis", "ancien"), tokens=("ami", "ancien"))
    assert _slot("camis>") == _slot("c<anc")
    assert _same(features(analysis), _plain_hashed(_plain_features(analysis)))
    assert len(features(analysis)[0]) == len(_plain_features(analysis)) - 1


def test_the_laid_out_model_gives_the_probabilities_of_its_sparse_rows(analyses: list[Analysis]) -> None:
    model = shipped_model()
    assert model is not None
    lengths = np.diff(model.start)
    # Features read as a row of the matrix, weight by weight, and never seen in training: all read below.
    assert (lengths >= DENSE_ROW).any() and ((lengths < DENSE_ROW) & (lengths > 0)).any()
    for analysis in analyses:
        laid_out, plain = model.probabilities(analysis), _plain_probabilities(model, analysis)
        assert np.abs(laid_out - plain).max() < 1e-6
        assert int(np.argmax(laid_out)) == int(np.argmax(plain))
