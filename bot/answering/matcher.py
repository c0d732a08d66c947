"""Ranks FAQ entries (and document passages) against a question.

Each entry is compared through its question and each alternate phrasing; the entry keeps its
best phrasing's score (0–100). The score blends an IDF-weighted token overlap, which says how much
of the question the phrasing explains and the other way round, with a rapidfuzz similarity of the
normalised strings, which forgives what normalisation missed. An inverted index keeps the work
proportional to the phrasings that share a token with the question, not to the size of the base.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.answering.normalize import Analysis, Normalizer
from bot.knowledge.model import FaqEntry, Passage

OVERLAP_WEIGHT = 0.75  # the rest is rapidfuzz's share


@dataclass(frozen=True, kw_only=True)
class Candidate:
    entry: FaqEntry
    score: float
    phrasing: str


@dataclass(frozen=True, kw_only=True)
class PassageHit:
    passage: Passage
    score: float


@dataclass(frozen=True, slots=True)
class _Phrasing:
    entry_index: int
    text: str
    tokens: frozenset[str]
    joined: str


class Matcher:
    def __init__(self, entries: Sequence[FaqEntry], passages: Sequence[Passage], normalizer: Normalizer) -> None:
        self.normalizer = normalizer
        self.entries = tuple(entries)
        self._phrasings: list[_Phrasing] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        entry_tokens: list[set[str]] = [set() for _ in self.entries]
        for index, entry in enumerate(self.entries):
            for text in entry.phrasings:
                tokens = normalizer.analyze(text).tokens
                if not tokens:
                    continue
                phrasing = _Phrasing(index, text, frozenset(tokens), " ".join(sorted(set(tokens))))
                for token in phrasing.tokens:
                    self._postings[token].append(len(self._phrasings))
                self._phrasings.append(phrasing)
                entry_tokens[index].update(tokens)
        # IDF over entries: a word all alternates of one entry repeat is still one document.
        df: dict[str, int] = defaultdict(int)
        for tokens_of_entry in entry_tokens:
            for token in tokens_of_entry:
                df[token] += 1
        n = max(len(self.entries), 1)
        self._idf = {token: math.log(1 + n / count) for token, count in df.items()}
        self._unknown_idf = math.log(1 + n)  # a word no entry uses weighs like the rarest word
        self._phrasing_weight = [sum(self._idf[t] for t in p.tokens) for p in self._phrasings]

        self.passages = tuple(passages)
        self._passage_tokens = [
            frozenset(normalizer.analyze(f"{p.document_title} {p.heading} {p.text}").tokens) for p in self.passages
        ]
        self._passage_postings: dict[str, list[int]] = defaultdict(list)
        for index, passage_tokens in enumerate(self._passage_tokens):
            for token in passage_tokens:
                self._passage_postings[token].append(index)

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    def rank(self, analysis: Analysis, limit: int = 5) -> list[Candidate]:
        query: frozenset[str] = frozenset(analysis.tokens)
        if not query:
            return []
        query_weight = sum(self.idf(t) for t in query)
        joined = " ".join(sorted(query))
        shared: dict[int, float] = defaultdict(float)
        for token in query:
            weight = self.idf(token)
            for phrasing_index in self._postings.get(token, ()):
                shared[phrasing_index] += weight
        best: dict[int, tuple[float, str]] = {}
        for phrasing_index, common in shared.items():
            phrasing = self._phrasings[phrasing_index]
            recall = common / query_weight
            precision = common / self._phrasing_weight[phrasing_index]
            overlap = 2 * recall * precision / (recall + precision)
            similarity = fuzz.token_sort_ratio(joined, phrasing.joined) / 100
            score = 100 * (OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * similarity)
            current = best.get(phrasing.entry_index)
            if current is None or score > current[0]:
                best[phrasing.entry_index] = (score, phrasing.text)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [Candidate(entry=self.entries[i], score=round(s, 1), phrasing=text) for i, (s, text) in ranked]

    def best_passage(self, analysis: Analysis) -> PassageHit | None:
        """The passage that explains most of the question (passages are long: recall only)."""
        query: frozenset[str] = frozenset(analysis.tokens)
        if len(query) < 2:
            return None
        query_weight = sum(self.idf(t) for t in query)
        shared: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for token in query:
            for index in self._passage_postings.get(token, ()):
                shared[index] += self.idf(token)
                matched[index] += 1
        hits = [(100 * common / query_weight, i) for i, common in shared.items() if matched[i] >= 2]
        if not hits:
            return None
        score, index = max(hits, key=lambda hit: (hit[0], -hit[1]))
        return PassageHit(passage=self.passages[index], score=round(score, 1))
