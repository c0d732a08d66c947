"""A classifier that learned which entry members mean from their own words (issue 11).

The rankers compare a message with the knowledge's phrasings; members write otherwise ("g ete tiré o sort jsui
obligé ?"). This softmax regression learned word → entry from the knowledge's phrasings and from members'
messages labelled by hand (the dev split of the realistic set, kinds faq, multi and none; "none" is a class of
its own: out-of-scope questions), and from each question of a two-question message alone, with its own entry. It
reads the message as the project does (the corrected words and the matcher's tokens), its word pairs and the
character 3–5-grams within its words.

It is used in three ways, measured on batches of writing it never learned from (bench/learned_study.py,
bench/learned_choices.py, bench/RESULTS.md): the entry it names leads a single question's choices, joins them, is
offered instead of « je ne sais pas » or beside another entry's answer (bot/answering/learned_choices.py); a
single question the rankers only offered among choices is answered when the classifier names the same first
entry, at `AGREED_PROBABILITY` or more (two readers built differently agreeing on one entry is the evidence the
answer rule asks for; the classifier rarely names a wrong one with such confidence); and a sure answer it reads
otherwise is offered as choices instead (bot/answering/learned_doubt.py). Each question of several, read alone,
leads its own choices with the entry it names surely (bot/answering/learned_parts.py).

The model is a small file made by `python -m bench.learned_study build` (`MODEL_FILE`), never downloaded; an
entry it never learned (added later) is simply never named by it.
"""

from __future__ import annotations

import math
import operator
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain, pairwise
from pathlib import Path

import numpy as np

from bot.answering.normalize import Analysis

MODEL_FILE = Path(__file__).parent / "learned_model.npz"
DIM = 1 << 18  # features are hashed into this many slots
GROUPS = {"t": 1.0, "b": 0.5, "c": 1.0}  # matcher tokens and words, word pairs, character n-grams
CHAR_SIZES = (3, 4, 5)
NONE = "none"
# Measured with the classifier trained on the batches before each held one (bench/learned_study.py): 0.7 adds
# answers on the blind batches without one more confident wrong, there and on the tidy dev set; 0.5 answers an
# out-of-scope tidy question. 0.6, with what someone earns answered only with an amount (`how_many.asks_pay`), gained
# in the leave-out study (`python -m bench.learned_study ends agree:0.6`: resolved 2,338 → 2,350 on batches 17 to the
# end, confident wrong unchanged) but not on two batches written afterwards, blind: 1 more resolved, 3 more confident
# wrong of 300 messages. 0.7 stays.
AGREED_PROBABILITY = 0.7
# The same for one of several questions that is only offered, read alone (`Answerer.learned_agrees`). In the leave-out
# study (batches 17 to the end, 3,796 messages; `ends pagree:p`): at 0.7 resolved +5 and confident wrong +4, at 0.8
# +4 / +3, at 0.9 +4 / +1. A part is short: the classifier is sure of it less rightly than of a whole question.
PART_AGREED_PROBABILITY = 0.9
DENSE_ROW = 16  # a feature with this many weights or more is read as a row (`_Layout`)


def raw_features(analysis: Analysis) -> dict[str, float]:
    """Each group's counts (1 + log), on unit length, weighed by GROUPS: its first letter, then the feature."""
    out: dict[str, float] = {}
    for share, counts in _groups(analysis):
        out.update(zip(counts, _unit(share, counts), strict=True))
    return out


def hashed(raw: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """The features folded into DIM slots: slots (sorted) and values."""
    folded: dict[int, float] = {}
    for k, v in raw.items():
        slot = _slot(k)
        folded[slot] = folded.get(slot, 0.0) + v
    order = sorted(folded)
    return np.array(order, dtype=np.int64), np.array([folded[s] for s in order], dtype=np.float32)


def features(analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
    """`hashed(raw_features(analysis))`, read faster: each word's n-grams and each feature's slot read once per
    process, the values computed group by group, and folded (`_folded`) only when two features share a slot."""
    keys: list[str] = []
    values: list[float] = []
    for share, counts in _groups(analysis):
        keys.extend(counts)
        values.extend(_unit(share, counts))
    slots = list(map(_slot, keys))
    found = np.array(slots, dtype=np.int64)
    if len(set(slots)) < len(slots):
        return _folded(found, values)
    order = found.argsort()
    return found[order], np.array(values, dtype=np.float32)[order]


def _folded(found: np.ndarray, values: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """`hashed` for features some of which share a slot, in numpy: each slot's values added in the features' order
    (`np.add.at` adds index after index, in double precision, as the dictionary did), then cast. A long message
    shares a slot one time in four or so; folding it feature by feature in Python cost ~0.1 ms."""
    slots, where = np.unique(found, return_inverse=True)
    sums = np.zeros(len(slots))
    np.add.at(sums, where, values)
    return slots, sums.astype(np.float32)


def _groups(analysis: Analysis) -> tuple[tuple[float, Counter[str]], ...]:
    """Each group's share and its features' counts, keys in the order they first come: the matcher's tokens, then
    the words; the word pairs; the character n-grams, word after word."""
    words = analysis.words
    said = Counter(["tt" + token for token in analysis.tokens] + ["tw" + word for word in words])
    pairs = Counter([f"b{first} {second}" for first, second in pairwise(words)])
    grams = Counter(chain.from_iterable(map(_grams, words)))
    return (GROUPS["t"], said), (GROUPS["b"], pairs), (GROUPS["c"], grams)


def _unit(share: float, counts: Counter[str]) -> list[float]:
    """The counts' 1 + log, on unit length, times the group's share (in the counts' order)."""
    weights = list(map(_weight, counts.values()))
    norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
    return [share * w / norm for w in weights]


@cache
def _weight(count: int) -> float:
    return 1 + math.log(count)


@lru_cache(maxsize=8192)  # the words of the messages come back: a word's n-grams are cut once
def _grams(word: str) -> tuple[str, ...]:
    """A word's character n-grams as features ("c" and the n-gram), read once per word."""
    padded = f"<{word}>"
    return tuple("c" + padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1))


@lru_cache(maxsize=1 << 16)  # the same n-grams, words and tokens come back in every message
def _slot(key: str) -> int:
    """A feature's slot, hashed once per feature."""
    return zlib.crc32(key.encode()) & (DIM - 1)


@dataclass(frozen=True, kw_only=True)
class Learned:
    """The trained model, its weights kept sparse: for each feature slot seen in training (`slots`, sorted), its
    inverse document frequency and its non-negligible weights (`start`: where its weights begin in `columns` and
    `weights`)."""

    classes: tuple[str, ...]
    slots: np.ndarray  # int64, sorted
    idf: np.ndarray  # float32, one per slot
    unseen_idf: float  # a feature never seen in training
    start: np.ndarray  # int64, len(slots) + 1
    columns: np.ndarray  # class of each weight (8-bit as the file keeps them)
    weights: np.ndarray  # float32
    bias: np.ndarray  # float32, one per class

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Learned | None:
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as data:
            return cls(classes=tuple(str(c) for c in data["classes"]), slots=data["slots"].astype(np.int64),
                       idf=data["idf"].astype(np.float32), unseen_idf=float(data["unseen_idf"]),
                       start=data["start"].astype(np.int64), columns=data["columns"],
                       weights=data["weights"].astype(np.float32), bias=data["bias"].astype(np.float32))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, classes=np.array(self.classes), slots=self.slots.astype(np.int32),
                            idf=self.idf.astype(np.float16), unseen_idf=np.float32(self.unseen_idf),
                            start=self.start.astype(np.int32), columns=self.columns.astype(np.uint8),
                            weights=self.weights.astype(np.float16), bias=self.bias)

    def probabilities(self, analysis: Analysis) -> np.ndarray:
        idx, val = features(analysis)
        layout = self._layout
        # Each feature's value times its idf, on unit length; each class: its bias and, for each feature, its
        # value times its weight (a feature with many weights read as a row of the matrix, the others weight by
        # weight): what the model's sparse rows read weight by weight give (tests/test_learned_read_once.py).
        v = val * layout.idf[idx]
        v /= float(np.linalg.norm(v)) or 1.0
        z = self.bias + v.astype(np.float64) @ layout.matrix[layout.dense[idx]]
        light = layout.light[idx]
        z += np.bincount(layout.columns[light].ravel(), weights=(layout.weights[light] * v[:, None]).ravel(),
                         minlength=len(self.classes))
        e: np.ndarray = np.exp(z - z.max())
        return e / float(e.sum())

    def laid_out(self) -> _Layout:
        """Its weights laid out for reading (made on first use, kept)."""
        return self._layout

    @cached_property
    def _layout(self) -> _Layout:
        return _Layout.of(self)

    def knows(self, entry_id: str) -> bool:
        """Whether it learned this entry (an entry added later is never named by it)."""
        return entry_id in self._places

    def place(self, entry_id: str) -> int | None:
        """Where this entry's probability stands in a reading (None for an entry it never learned)."""
        return self._places.get(entry_id)

    @cached_property
    def _places(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.classes)}

    def first(self, analysis: Analysis) -> tuple[str, float]:
        """The class it names first and its probability."""
        p = self.probabilities(analysis)
        best = int(np.argmax(p))
        return self.classes[best], float(p[best])


@dataclass(frozen=True, kw_only=True)
class _Layout:
    """The model laid out for reading a message's few hundred features at once, by their slots. A feature with
    `DENSE_ROW` weights or more (a few thousand of them, most of what a message reads) is a row of `matrix`, zeros
    included; the others' few weights are each a row of `columns` and `weights`, padded with zero weights. A slot
    never seen in training has the unseen features' idf, the last row of `matrix` and the last of `columns`, all
    zeros."""

    idf: np.ndarray  # float32, one per slot (DIM)
    dense: np.ndarray  # unsigned, as narrow as its rows allow (16-bit), one per slot: its row in `matrix`
    light: np.ndarray  # the same, one per slot: its row in `columns` and `weights`
    matrix: np.ndarray  # float32, (features with many weights + 1, classes): half the memory of float64 (a cold
    # `ask` stays under 100 MiB); the rows a message reads are cast at each reading
    columns: np.ndarray  # (features with few weights + 1, DENSE_ROW - 1): their classes
    weights: np.ndarray  # float32, the same shape: their weights

    @classmethod
    def of(cls, model: Learned) -> _Layout:
        lengths = np.diff(model.start)
        many = lengths >= DENSE_ROW
        heavy, few = np.flatnonzero(many), np.flatnonzero(~many)
        idf = np.full(DIM, model.unseen_idf, dtype=np.float32)
        idf[model.slots] = model.idf
        dense = np.full(DIM, len(heavy), dtype=np.min_scalar_type(len(heavy)))
        dense[model.slots[heavy]] = np.arange(len(heavy))
        light = np.full(DIM, len(few), dtype=np.min_scalar_type(len(few)))
        light[model.slots[few]] = np.arange(len(few))
        # Each weight's row in `matrix` (-1: a feature with few weights), then the others' rows and places.
        at = np.repeat(np.where(many, dense[model.slots].astype(np.int32), -1), lengths)
        on = at >= 0
        matrix = np.zeros((len(heavy) + 1, len(model.classes)), dtype=np.float32)
        matrix[at[on], model.columns[on]] = model.weights[on]
        del at
        rest = np.flatnonzero(~on)
        row = np.repeat(light[model.slots[few]], lengths[few])
        place = rest - np.repeat(model.start[few], lengths[few])
        columns = np.zeros((len(few) + 1, DENSE_ROW - 1), dtype=np.min_scalar_type(len(model.classes)))
        weights = np.zeros((len(few) + 1, DENSE_ROW - 1), dtype=np.float32)
        columns[row, place] = model.columns[rest]
        weights[row, place] = model.weights[rest]
        return cls(idf=idf, dense=dense, light=light, matrix=matrix, columns=columns, weights=weights)


_instead: list[Learned] = []  # a model the benchmark measures in place of the file (`model_in_use`)


def shipped_model() -> Learned | None:
    """The shipped model, read once per process on first use (~25 ms to read, ~20 ms to lay out)."""
    return _instead[-1] if _instead else _read()


@cache
def _read() -> Learned | None:
    model = Learned.load()
    if model is not None:
        model.laid_out()
    return model


@contextmanager
def model_in_use(model: Learned) -> Iterator[None]:
    """`model` answers in place of the shipped file meanwhile: the benchmark's model trained before a blind batch."""
    _instead.append(model)
    try:
        yield
    finally:
        _instead.pop()
