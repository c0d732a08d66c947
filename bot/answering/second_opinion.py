"""A second, independent ranking of the FAQ: BM25 (bm25s) over each entry's question and alternates.

The matcher's score alone does not say when a long, worried message is understood: its best entry is
often right with a modest score, and sometimes wrong with a good one. Two rankers built differently
(ours on normalised tokens, glossary and synonyms folded, typos corrected; BM25 on Snowball stems with
French stopwords) rarely agree on the same wrong entry, so their agreement is what lets the hotline
answer at once. Measured on the realistic set's dev split (bench/RESULTS.md).
"""

from __future__ import annotations

import logging
import math
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import bm25s
import numpy as np
import snowballstemmer
from bm25s.stopwords import STOPWORDS_FRENCH

from bot.answering._scorer import column_sums, grouped
from bot.answering.best_scores import distinct_best
from bot.knowledge.model import FaqEntry

_STEMMER = snowballstemmer.stemmer("french")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def _stem_words(words: list[str]) -> list[str]:
    return [_stem(w) for w in words]


def _tokenize(texts: list[str]) -> object:
    return bm25s.tokenize(texts, stopwords="fr", stemmer=_stem_words, show_progress=False)


_SPLIT = re.compile(r"(?u)\b\w\w+\b").findall  # bm25s.tokenize's defaults, French stopwords
_STOPWORDS = frozenset(STOPWORDS_FRENCH)


def split(text: str) -> tuple[str, ...]:
    """A document's words as `bm25s.tokenize` reads them, before stemming."""
    return tuple(sys.intern(word) for word in _SPLIT(text.lower()) if word not in _STOPWORDS)  # kept: shared


@dataclass(frozen=True, slots=True)
class _Counts:
    """Documents' stems and how often each holds them, as flat arrays, document after document: what a build
    keeps for the next one. Stems are numbered as first met and never renumbered (`numbers`), so a document's
    counts stay right whatever enters or leaves the base."""

    documents: dict[str, int]  # a document's text → its number here
    start: np.ndarray  # document i's pairs: [start[i], start[i + 1])
    stems: np.ndarray  # stem number of each pair, increasing within a document
    counts: np.ndarray  # how many times the document holds it
    lengths: np.ndarray  # words per document (stopwords left out)


def _counted(texts: Sequence[str], numbers: dict[str, int]) -> _Counts:
    """The counts of these documents, in a few calls to C; `numbers` gets the stems met for the first time."""
    found = [split(text) for text in texts]
    flat = list(chain.from_iterable(found))
    unique = list(dict.fromkeys(flat))
    position = {word: i for i, word in enumerate(unique)}
    stem_of = np.array([numbers.setdefault(stem, len(numbers)) for stem in _stem_words(unique)], dtype=np.int64)
    ids = stem_of[np.fromiter(map(position.__getitem__, flat), dtype=np.int64, count=len(flat))]
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    size = max(len(numbers), 1)
    keys, counts = np.unique(np.repeat(np.arange(len(found), dtype=np.int64), lengths) * size + ids,
                             return_counts=True)
    start = np.zeros(len(found) + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // size, minlength=len(found)), out=start[1:])
    return _Counts(documents={text: i for i, text in enumerate(texts)}, start=start,
                   stems=(keys % size).astype(np.int32), counts=counts.astype(np.int32), lengths=lengths)


def _gathered(pool: _Counts, documents: Sequence[int], texts: Sequence[str]) -> _Counts:
    """The counts of `pool`'s documents at these numbers, in this order (ranges gathered without a loop)."""
    chosen = np.asarray(documents, dtype=np.int64)
    sizes = pool.start[chosen + 1] - pool.start[chosen]
    start = np.zeros(len(chosen) + 1, dtype=np.int64)
    np.cumsum(sizes, out=start[1:])
    at = np.repeat(pool.start[chosen] - start[:-1], sizes) + np.arange(start[-1])
    return _Counts(documents={text: i for i, text in enumerate(texts)}, start=start, stems=pool.stems[at],
                   counts=pool.counts[at], lengths=pool.lengths[chosen])


def _joined(kept: _Counts, fresh: _Counts) -> _Counts:
    shift = len(kept.lengths)
    return _Counts(documents={**kept.documents, **{t: i + shift for t, i in fresh.documents.items()}},
                   start=np.concatenate([kept.start[:-1], fresh.start + kept.start[-1]]),
                   stems=np.concatenate([kept.stems, fresh.stems]), counts=np.concatenate([kept.counts, fresh.counts]),
                   lengths=np.concatenate([kept.lengths, fresh.lengths]))


def _index(retriever: bm25s.BM25, counts: _Counts, numbers: Mapping[str, int]) -> None:
    """What `retriever.index` computes from the same documents, from their counts: its vocabulary (the stems
    present, numbered in the order of their numbers here; the numbering does not change a score), its
    float32 scores in a column-major matrix sorted by document, identical value for value (the `lucene`
    formula, computed in float64 as bm25s's float32 counts and float64 average promote, then rounded).
    bm25s has no way to update an index and walks every document in Python to build one (seconds at 10,000
    entries): it still ranks, from this matrix. tests/test_second_opinion_index.py compares it with its build."""
    if retriever.method != "lucene" or retriever.idf_method != "lucene":
        raise ValueError(f"BM25 variant {retriever.method!r} not reproduced")
    documents = len(counts.lengths)
    frequency = np.bincount(counts.stems, minlength=len(numbers))
    present = frequency > 0
    column = np.cumsum(present) - 1
    cols = column[counts.stems]
    frequencies, which = np.unique(frequency[present], return_inverse=True)
    # Python's log on each distinct document frequency, as bm25s's `_score_idf_lucene` (not numpy's log).
    idf = np.array([math.log(1 + (documents - df + 0.5) / (df + 0.5)) for df in frequencies.tolist()],
                   dtype=np.float32)[which]
    average = counts.lengths.mean()
    k1, b = retriever.k1, retriever.b
    norm = k1 * ((1 - b) + b * counts.lengths / average)
    owner = np.repeat(np.arange(documents, dtype=np.int32), np.diff(counts.start))
    tf = counts.counts.astype(np.float32).astype(np.float64)
    scores = (idf[cols].astype(np.float64) * (tf / (norm[owner] + tf))).astype(np.float32)
    # By stem, documents in order within each (`_scorer.grouped`, a counting sort: the order of a stable sort);
    # the float32 scores moved as 32-bit integers, bit for bit.
    per_stem = np.bincount(cols, minlength=int(present.sum()))
    indptr = np.zeros(len(per_stem) + 1, dtype=np.int64)
    np.cumsum(per_stem, out=indptr[1:])
    stems32 = cols.astype(np.int32)
    data, indices = np.empty_like(scores), np.empty_like(owner)
    grouped(stems32, scores.view(np.int32), per_stem.astype(np.int64, copy=False), data.view(np.int32))
    grouped(stems32, owner, per_stem.astype(np.int64, copy=False), indices)
    vocabulary = {stem: int(column[number]) for stem, number in numbers.items() if present[number]}
    vocabulary[""] = len(indptr) - 1  # as `index(create_empty_token=True)`: a query of unknown words
    retriever.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": documents}
    retriever.vocab_dict = vocabulary
    retriever.unique_token_ids_set = set(vocabulary.values())
    retriever.nonoccurrence_array = None


class SecondOpinion:
    def __init__(self, entries: Sequence[FaqEntry], *, previous: SecondOpinion | None = None) -> None:
        """`previous`: the ranker in service, whose counts of the documents still there are taken as they are
        (a learning action: only the documents that changed are read; the index is that of a fresh build)."""
        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG
        self._ids = [e.id for e in entries]
        self._retriever = bm25s.BM25()
        self._numbers: dict[str, int] = dict(previous._numbers) if previous is not None else {}
        # An entry's text is kept with the entry object: a learning action keeps most of them, and joining
        # (then hashing) 10,000 texts again cost more than the rest of the reuse.
        kept_texts = previous._text_of if previous is not None else {}
        texts = [found[1] if (found := kept_texts.get(id(e))) is not None and found[0] is e else " ".join(e.phrasings)
                 for e in entries]
        self._text_of: dict[int, tuple[FaqEntry, str]] = {id(e): (e, t) for e, t in zip(entries, texts, strict=True)}
        kept = previous._counts if previous is not None else _counted([], {})
        new = list(dict.fromkeys(text for text in texts if text not in kept.documents))
        pool = _joined(kept, _counted(new, self._numbers)) if new else kept
        self._counts: _Counts = _gathered(pool, [pool.documents[text] for text in texts], texts)
        if entries:
            _index(self._retriever, self._counts, self._numbers)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)  # copied at once (in C): it may be written while it answers
        state.pop("_text_of", None)  # by object identity: meaningless once read back
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._text_of = {}
        # Arrays read back by pickle carry a copy of their dtype, not numpy's own: `np.add.at` (bm25s's scoring)
        # then leaves its fast loop, 4× slower per query at 10,000 entries. The same memory, numpy's dtype.
        scores = getattr(self._retriever, "scores", {})  # none when there are no entries
        for name in ("data", "indices", "indptr"):
            if isinstance(scores.get(name), np.ndarray):
                scores[name] = scores[name].view(scores[name].dtype.type)

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(entry id, BM25 score) best first; empty when no word of the text is in any entry."""
        scores = self.scores(text)
        return [] if scores is None else self.best(scores, limit)

    def scores(self, text: str) -> np.ndarray | None:
        """Each entry's BM25 score; None when no word of the text is in any entry. bm25s's ranking
        (`library_rank`), scored here: bm25s adds each query stem's column with `np.add.at`; a column's
        documents are distinct, so adding each column's values in turn (`_scorer.column_sums`, one compiled pass)
        gives the same float32 values at a fraction of the cost. Kept by the caller, they are picked from with
        several limits (`best`) and scored once."""
        if not self._ids:
            return None
        stems = [_stem(word) for word in split(text)]  # `bm25s.tokenize`'s stems, in order, repeats kept
        vocabulary = self._retriever.vocab_dict
        columns = [vocabulary[stem] for stem in stems if stem in vocabulary]
        if not columns:
            return None  # bm25s: every score 0, none returned
        index = self._retriever.scores
        data, indices, indptr = index["data"], index["indices"], index["indptr"]
        scores = np.zeros(index["num_docs"], dtype=np.float32)
        column_sums(np.array(columns, dtype=np.int64), indptr.astype(np.int64, copy=False),
                    indices.astype(np.int32, copy=False), data.astype(np.float32, copy=False), scores)
        return scores

    def best(self, scores: np.ndarray, limit: int) -> list[tuple[str, float]]:
        """The first `limit` (entry id, score) of `scores`, picked the way bm25s picks them (same ties)."""
        k = min(limit, len(self._ids))
        best = distinct_best(scores, k)
        if best is None:  # a tie among the best: bm25s.selection's numpy top-k, step for step (same ties)
            chosen = np.argpartition(scores, -k)[-k:]
            found = scores.take(chosen)
            order = np.flip(np.argsort(found))
            best = list(zip(chosen[order].tolist(), found[order].tolist(), strict=True))
        return [(self._ids[d], s) for d, s in best if s > 0]

    def knows(self, word: str) -> bool:
        """Whether BM25 reads this word as typed: a stopword or a word too short, which it leaves out, or a word
        whose stem some entry holds."""
        lowered = word.lower()
        return lowered in _STOPWORDS or not _SPLIT(lowered) or _stem(lowered) in self._retriever.vocab_dict

    def library_rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """`rank` through bm25s's own `retrieve`: the yardstick of bench/latency.py, and what tests compare
        `rank` with."""
        if not self._ids or not text.strip():
            return []
        tokens = _tokenize([text])
        if not getattr(tokens, "vocab", None):
            return []
        docs, scores = self._retriever.retrieve(tokens, k=min(limit, len(self._ids)), show_progress=False)
        return [(self._ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
