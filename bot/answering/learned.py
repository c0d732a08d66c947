"""A classifier that learned which entry members mean from their own words (issue 11).

The rankers compare a message with the knowledge's phrasings; members write otherwise ("g ete tiré o sort jsui
obligé ?"). This softmax regression learned word → entry from the knowledge's phrasings and from members'
messages labelled by hand (the dev split of the realistic set, kinds faq, multi and none; "none" is a class of
its own: out-of-scope questions). It reads the message as the project does (the corrected words and the matcher's
tokens), its word pairs and the character 3–5-grams within its words.

It is used for two things, measured on batches of writing it never learned from (bench/learned_study.py,
bench/learned_choices.py, bench/RESULTS.md): the entry it names leads a single question's choices, joins them, is
offered instead of « je ne sais pas » or beside another entry's answer (bot/answering/learned_choices.py); and a
single question the rankers only offered among choices is answered when the classifier names the same first
entry, at `AGREED_PROBABILITY` or more. Two readers built differently agreeing on one
entry is the evidence the answer rule asks for; the classifier rarely names a wrong one with such confidence.

The model is a small file made by `python -m bench.learned_study build` (`MODEL_FILE`), never downloaded; an
entry it never learned (added later) is simply never named by it.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
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
# out-of-scope tidy question.
AGREED_PROBABILITY = 0.7


def raw_features(analysis: Analysis) -> dict[str, float]:
    """Each group's counts (1 + log), on unit length, weighed by GROUPS."""
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


def hashed(raw: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """The features folded into DIM slots: slots (sorted) and values."""
    folded: dict[int, float] = {}
    for k, v in raw.items():
        slot = zlib.crc32(k.encode()) & (DIM - 1)
        folded[slot] = folded.get(slot, 0.0) + v
    order = sorted(folded)
    return np.array(order, dtype=np.int64), np.array([folded[s] for s in order], dtype=np.float32)


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
    columns: np.ndarray  # class of each weight
    weights: np.ndarray  # float32
    bias: np.ndarray  # float32, one per class

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Learned | None:
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as data:
            return cls(classes=tuple(str(c) for c in data["classes"]), slots=data["slots"].astype(np.int64),
                       idf=data["idf"].astype(np.float32), unseen_idf=float(data["unseen_idf"]),
                       start=data["start"].astype(np.int64), columns=data["columns"].astype(np.int64),
                       weights=data["weights"].astype(np.float32), bias=data["bias"].astype(np.float32))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, classes=np.array(self.classes), slots=self.slots.astype(np.int32),
                            idf=self.idf.astype(np.float16), unseen_idf=np.float32(self.unseen_idf),
                            start=self.start.astype(np.int32), columns=self.columns.astype(np.uint8),
                            weights=self.weights.astype(np.float16), bias=self.bias)

    def probabilities(self, analysis: Analysis) -> np.ndarray:
        idx, val = hashed(raw_features(analysis))
        at = np.minimum(np.searchsorted(self.slots, idx), len(self.slots) - 1)
        known = self.slots[at] == idx
        idf = np.where(known, self.idf[at], np.float32(self.unseen_idf))
        v = val * idf
        v /= float(np.linalg.norm(v)) or 1.0
        rows, v = at[known], v[known]
        lengths = self.start[rows + 1] - self.start[rows]
        total = int(lengths.sum())
        # Every weight of every row read at once: the positions of row r run from start[r] to start[r + 1].
        offsets = np.repeat(self.start[rows] - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        z = self.bias + np.bincount(self.columns[offsets], weights=self.weights[offsets] * np.repeat(v, lengths),
                                    minlength=len(self.classes))
        e: np.ndarray = np.exp(z - z.max())
        return e / float(e.sum())

    def first(self, analysis: Analysis) -> tuple[str, float]:
        """The class it names first and its probability."""
        p = self.probabilities(analysis)
        best = int(np.argmax(p))
        return self.classes[best], float(p[best])


_instead: list[Learned] = []  # a model the benchmark measures in place of the file (`model_in_use`)


def shipped_model() -> Learned | None:
    """The shipped model, read once per process on first use (~30 ms)."""
    return _instead[-1] if _instead else _read()


@cache
def _read() -> Learned | None:
    return Learned.load()


@contextmanager
def model_in_use(model: Learned) -> Iterator[None]:
    """`model` answers in place of the shipped file meanwhile: the benchmark's model trained before a blind batch."""
    _instead.append(model)
    try:
        yield
    finally:
        _instead.pop()
