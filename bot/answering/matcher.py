"""Ranks FAQ entries (and document passages) against a question.

An entry's score (0–100) weighs three kinds of evidence, all in the normaliser's token space
(glossary terms and synonyms already folded, typos already corrected):
- its best phrasing (the question or an alternate): an IDF-weighted overlap that says how much of the
  question the phrasing explains and the other way round, blended with a rapidfuzz similarity of the
  normalised strings that forgives what normalisation missed;
- its vocabulary: how much of the question the words of all its phrasings and tags explain together
  (a member's words are often spread over several alternates);
- its answer: how much of the question the answer's own words explain (members ask with the words
  the answer uses, not always those of the question).
Inverted indexes keep the work proportional to the entries that share a token with the question.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.answering.normalize import Analysis, Normalizer
from bot.knowledge.model import FaqEntry, Passage

OVERLAP_WEIGHT = 0.75  # within the phrasing evidence; the rest is rapidfuzz's share
RESCORED = 64  # phrasings re-scored with rapidfuzz, best overlaps first
COMMON_POSTINGS = 50  # a token in more documents than this (or 1 % of them) does not bring candidates


@dataclass(frozen=True, kw_only=True)
class Weights:
    phrasing: float = 0.6
    vocabulary: float = 0.25
    answer: float = 0.15


@dataclass(frozen=True, kw_only=True)
class Candidate:
    entry: FaqEntry
    score: float
    phrasing: str
    index: int = -1  # position in the matcher's entries
    coverage: float = 0.0  # share of the question's weight that the entry's own words explain (0–1)
    # The same share counted only on words the knowledge base knows: "j'ai peur que ce soit une arnaque"
    # says nothing about which entry answers, and must not hide the one that explains the rest.
    known_coverage: float = 0.0


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


def _postings(bags: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, bag in enumerate(bags):
        for token in bag:
            postings[token].append(index)
    return postings


def _accumulate(size: int, postings: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    """For each document, the sum of the weights of the query tokens it holds. Tokens are added in the
    query's order, as `sum()` over them would: the same floating-point result, in C."""
    totals = np.zeros(size)
    for token, weight in weights.items():
        found = postings.get(token)
        if found is not None:
            totals[found] += weight  # a posting list names each document once
    return totals


class _Field:
    """One bag of tokens per document, with IDF and postings: "how much of the question does it explain"."""

    def __init__(self, bags: Sequence[Iterable[str]]) -> None:
        self.bags = [frozenset(bag) for bag in bags]
        self._lists = _postings(self.bags)
        self.postings = {token: np.array(found, dtype=np.int32) for token, found in self._lists.items()}
        n = max(len(self.bags), 1)
        self.idf = {token: math.log(1 + n / len(found)) for token, found in self._lists.items()}
        self.max_postings = max(COMMON_POSTINGS, n // 100)
        self.unknown_idf = math.log(1 + n)  # a word no document uses weighs like the rarest word

    def weight(self, token: str) -> float:
        return self.idf.get(token, self.unknown_idf)

    def candidates(self, query: frozenset[str]) -> np.ndarray:
        """Documents sharing a distinctive token with the query (a mask). Tokens most documents use
        ("conseil citoyen" in a council's FAQ) only count towards the recall of candidates found otherwise:
        walking their long posting lists would make the cost grow with the size of the base."""
        found = np.zeros(len(self.bags), dtype=bool)
        for token in query:
            postings = self.postings.get(token)
            if postings is not None and len(postings) <= self.max_postings:
                found[postings] = True
        return found

    def recall(self, query: frozenset[str], boost: Mapping[str, float] | None = None) -> np.ndarray:
        """Share of the query's weight each document explains (0–1), for every document."""
        weights = {t: self.weight(t) * (boost.get(t, 1.0) if boost else 1.0) for t in query}
        total = sum(weights.values())
        if not total:
            return np.zeros(len(self.bags))
        return _accumulate(len(self.bags), self.postings, weights) / total


class Matcher:
    def __init__(self, entries: Sequence[FaqEntry], passages: Sequence[Passage], normalizer: Normalizer,
                 weights: Weights = Weights()) -> None:
        self.normalizer = normalizer
        self.weights = weights
        self.entries = tuple(entries)
        self._phrasings: list[_Phrasing] = []
        vocabulary: list[set[str]] = [set() for _ in self.entries]
        for index, entry in enumerate(self.entries):
            vocabulary[index].update(normalizer.analyze(" ".join(entry.tags).replace("-", " ")).tokens)
            for text in entry.phrasings:
                tokens = normalizer.analyze(text).tokens
                if not tokens:
                    continue
                self._phrasings.append(_Phrasing(index, text, frozenset(tokens), " ".join(sorted(set(tokens)))))
                vocabulary[index].update(tokens)
        # Vocabulary IDF is over entries: a word all alternates of one entry repeat is still one document.
        self._vocabulary = _Field(vocabulary)
        self._answers = _Field([normalizer.analyze(f"{e.question} {e.answer}").tokens for e in self.entries])
        self._postings = {token: np.array(found, dtype=np.int32)
                          for token, found in _postings([p.tokens for p in self._phrasings]).items()}
        self._phrasing_weight = np.array([sum(self.idf(t) for t in p.tokens) for p in self._phrasings])
        self._phrasing_entry = np.array([p.entry_index for p in self._phrasings], dtype=np.int32)
        self._max_phrasing_postings = max(COMMON_POSTINGS * 16, len(self._phrasings) // 100)

        self.passages = tuple(passages)
        self._passage_field = _Field([
            normalizer.analyze(f"{p.document_title} {p.heading} {p.text}").tokens for p in self.passages])

    def idf(self, token: str) -> float:
        return self._vocabulary.weight(token)

    def known(self, token: str) -> bool:
        """Whether any entry's phrasings, tags or answer use this token."""
        return token in self._vocabulary.idf or token in self._answers.idf

    def mentions(self, entry_index: int, token: str) -> bool:
        """Whether the entry's phrasings, tags or answer use this token."""
        return token in self._vocabulary.bags[entry_index] or token in self._answers.bags[entry_index]

    def _phrasing_candidates(self, query: frozenset[str], recall: np.ndarray, precision: np.ndarray) -> np.ndarray:
        """The phrasings worth scoring (indices), never more than the cap. They come from the query's rarest
        tokens first: a phrasing that shares only the commonest words cannot score high anyway. From the
        posting list that would go over the cap, only the phrasings that overlap the question most are
        taken, up to the cap exactly (`recall` and `precision` are every phrasing's, against the query)."""
        found = np.zeros(len(self._phrasings), dtype=bool)
        room = self._max_phrasing_postings
        empty = np.zeros(0, dtype=np.int32)
        for token in sorted(query, key=lambda t: len(self._postings.get(t, empty))):
            postings = self._postings.get(token, empty)
            fresh = postings[~found[postings]]
            if len(fresh) > room:
                if room:
                    both = recall[fresh] + precision[fresh]
                    f1 = np.divide(2 * recall[fresh] * precision[fresh], both, out=np.zeros(len(fresh)),
                                   where=both != 0)
                    found[fresh[np.lexsort((-fresh, -f1))[:room]]] = True  # ties to the later phrasing
                break
            found[fresh] = True
            room -= len(fresh)
        return np.flatnonzero(found)

    def _phrasing_scores(self, query: frozenset[str], boost: Mapping[str, float]) -> dict[int, tuple[float, str]]:
        """Best phrasing of each entry (0–1), rapidfuzz only on the most promising overlaps."""
        weights = {t: self.idf(t) * boost.get(t, 1.0) for t in query}
        query_weight = sum(weights.values()) or 1.0
        joined = " ".join(sorted(query))
        size = len(self._phrasings)
        recall_all = _accumulate(size, self._postings, weights) / query_weight
        precision_all = _accumulate(size, self._postings, {t: self.idf(t) for t in weights}) / self._phrasing_weight
        # Every candidate's overlap counts all the query's tokens.
        candidates = self._phrasing_candidates(query, recall_all, precision_all)
        if not len(candidates):
            return {}
        recall, precision = recall_all[candidates], precision_all[candidates]
        both = recall + precision
        kept = both != 0
        candidates, recall, precision, both = candidates[kept], recall[kept], precision[kept], both[kept]
        overlaps = 2 * recall * precision / both
        # The best overlaps, ties to the later phrasing (as heapq.nlargest on (overlap, index) pairs).
        if len(candidates) > RESCORED:
            top = np.argpartition(-overlaps, RESCORED - 1)[:RESCORED]
            threshold = overlaps[top].min()
            top = np.flatnonzero(overlaps >= threshold)  # every tie at the threshold, sorted below
        else:
            top = np.arange(len(candidates))
        order = top[np.lexsort((-candidates[top], -overlaps[top]))][:RESCORED]
        best: dict[int, tuple[float, str]] = {}
        for overlap, phrasing_index in zip(overlaps[order].tolist(), candidates[order].tolist(), strict=True):
            phrasing = self._phrasings[phrasing_index]
            similarity = fuzz.token_sort_ratio(joined, phrasing.joined) / 100
            score = OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * similarity
            current = best.get(phrasing.entry_index)
            if current is None or score > current[0]:
                best[phrasing.entry_index] = (score, phrasing.text)
        return best

    def rank(self, analysis: Analysis, limit: int = 5, boost: Mapping[str, float] | None = None) -> list[Candidate]:
        """Entries best first. `boost` weighs some tokens down (context around the question): token → 0–1."""
        boost = boost or {}
        query: frozenset[str] = frozenset(t for t in analysis.tokens if boost.get(t, 1.0) > 0)
        if not query:
            return []
        w = self.weights
        phrasings = self._phrasing_scores(query, boost)
        mask = self._vocabulary.candidates(query) | self._answers.candidates(query)
        phrasing_score = np.zeros(len(self.entries))
        if phrasings:
            found = np.fromiter(phrasings, dtype=np.int32, count=len(phrasings))
            mask[found] = True
            phrasing_score[found] = [score for score, _ in phrasings.values()]
        candidates = np.flatnonzero(mask)
        if not len(candidates):
            return []
        vocabulary = self._vocabulary.recall(query, boost)[candidates]
        answers = self._answers.recall(query, boost)[candidates]
        totals = 100 * (w.phrasing * phrasing_score[candidates] + w.vocabulary * vocabulary + w.answer * answers)
        # Best first, ties to the earlier entry.
        order = np.lexsort((candidates, -totals))[:limit]
        known = frozenset(t for t in query if self.known(t))
        known_vocabulary = self._vocabulary.recall(known, boost)[candidates[order]]
        known_answers = self._answers.recall(known, boost)[candidates[order]]
        ranked: list[Candidate] = []
        for n, position in enumerate(order.tolist()):
            i = int(candidates[position])
            ranked.append(Candidate(
                entry=self.entries[i], score=round(float(totals[position]), 1), index=i,
                coverage=max(float(vocabulary[position]), float(answers[position])),
                known_coverage=max(float(known_vocabulary[n]), float(known_answers[n])),
                phrasing=phrasings.get(i, (0.0, self.entries[i].question))[1]))
        return ranked

    def best_passage(self, analysis: Analysis) -> PassageHit | None:
        """The passage that explains most of the question (passages are long: recall only)."""
        query: frozenset[str] = frozenset(analysis.tokens)
        if len(query) < 2:
            return None
        field = self._passage_field
        candidates = np.flatnonzero(field.candidates(query))
        if not len(candidates):
            return None
        shared = _accumulate(len(field.bags), field.postings, dict.fromkeys(query, 1.0))[candidates]
        recall = field.recall(query)[candidates]
        kept = shared >= 2
        if not kept.any():
            return None
        candidates, scores = candidates[kept], 100 * recall[kept]
        best = int(np.lexsort((candidates, -scores))[0])  # the highest score, ties to the earlier passage
        return PassageHit(passage=self.passages[int(candidates[best])], score=round(float(scores[best]), 1))
