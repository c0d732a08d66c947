"""A second, independent ranking of the FAQ: BM25 (bm25s) over each entry's question and alternates.

The matcher's score alone does not say when a long, worried message is understood: its best entry is
often right with a modest score, and sometimes wrong with a good one. Two rankers built differently
(ours on normalised tokens, glossary and synonyms folded, typos corrected; BM25 on Snowball stems with
French stopwords) rarely agree on the same wrong entry, so their agreement is what lets the hotline
answer at once. Measured on the realistic set's dev split (bench/RESULTS.md).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain

import bm25s
import numpy as np
import snowballstemmer
from bm25s.stopwords import STOPWORDS_FRENCH
from bm25s.tokenization import Tokenized

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


def _tokenized(documents: Sequence[tuple[str, ...]]) -> Tokenized:
    """`bm25s.tokenize` of the documents, from their `split` words: the same ids in the same order (the
    words numbered as met, their stems numbered in the order of a set of them), in a few calls to C."""
    flat = list(chain.from_iterable(documents))
    unique = list(dict.fromkeys(flat))  # in the order met
    number = {word: i for i, word in enumerate(unique)}
    stems = _stem_words(unique)
    vocabulary = {stem: i for i, stem in enumerate(set(stems))}
    stem_of = np.array([vocabulary[stem] for stem in stems], dtype=np.int64)
    ids = stem_of[np.fromiter(map(number.__getitem__, flat), dtype=np.int64, count=len(flat))]
    bounds = np.cumsum([len(document) for document in documents])[:-1]
    return Tokenized(ids=[part.tolist() for part in np.split(ids, bounds)], vocab=vocabulary)


class SecondOpinion:
    def __init__(self, entries: Sequence[FaqEntry], *,
                 words: Callable[[str, Callable[[str], tuple[str, ...]]], tuple[str, ...]] | None = None) -> None:
        """`words`: a document's `split` words (a learning action passes those it kept)."""
        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG
        self._ids = [e.id for e in entries]
        self._retriever = bm25s.BM25()
        if entries:
            documents = [" ".join(e.phrasings) for e in entries]
            found = [words(d, split) if words else split(d) for d in documents]
            self._retriever.index(_tokenized(found), show_progress=False)

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """(entry id, BM25 score) best first; empty when no word of the text is in any entry."""
        if not self._ids or not text.strip():
            return []
        tokens = _tokenize([text])
        if not getattr(tokens, "vocab", None):
            return []
        docs, scores = self._retriever.retrieve(tokens, k=min(limit, len(self._ids)), show_progress=False)
        return [(self._ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
