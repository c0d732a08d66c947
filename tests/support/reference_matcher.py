"""The matcher as it was before its scoring was vectorised (kept to prove the new one ranks the same).

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

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.answering.matcher import Candidate, PassageHit, Weights
from bot.answering.normalize import Analysis, Normalizer
from bot.knowledge.model import FaqEntry, Passage

OVERLAP_WEIGHT = 0.75  # within the phrasing evidence; the rest is rapidfuzz's share
RESCORED = 64  # phrasings re-scored with rapidfuzz, best overlaps first
COMMON_POSTINGS = 50  # a token in more documents than this (or 1 % of them) does not bring candidates


@dataclass(frozen=True, slots=True)
class _Phrasing:
    entry_index: int
    text: str
    tokens: frozenset[str]
    joined: str


class _Field:
    """One bag of tokens per document, with IDF and postings: "how much of the question does it explain"."""

    def __init__(self, bags: Sequence[Iterable[str]]) -> None:
        self.bags = [frozenset(bag) for bag in bags]
        df: dict[str, int] = defaultdict(int)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, bag in enumerate(self.bags):
            for token in bag:
                df[token] += 1
                self.postings[token].append(index)
        n = max(len(self.bags), 1)
        self.idf = {token: math.log(1 + n / count) for token, count in df.items()}
        self.max_postings = max(COMMON_POSTINGS, n // 100)
        self.unknown_idf = math.log(1 + n)  # a word no document uses weighs like the rarest word

    def weight(self, token: str) -> float:
        return self.idf.get(token, self.unknown_idf)

    def candidates(self, query: frozenset[str]) -> set[int]:
        """Documents sharing a distinctive token with the query. Tokens most documents use ("conseil
        citoyen" in a council's FAQ) only count towards the recall of candidates found otherwise: walking
        their long posting lists would make the cost grow with the size of the base."""
        found: set[int] = set()
        for token in query:
            postings = self.postings.get(token, ())
            if len(postings) <= self.max_postings:
                found.update(postings)
        return found

    def recall(self, query: frozenset[str], documents: Iterable[int],
               boost: Mapping[str, float] | None = None) -> dict[int, float]:
        weights = {t: self.weight(t) * (boost.get(t, 1.0) if boost else 1.0) for t in query}
        total = sum(weights.values())
        if not total:
            return dict.fromkeys(documents, 0.0)
        return {index: sum(w for t, w in weights.items() if t in self.bags[index]) / total for index in documents}


class Matcher:
    def __init__(self, entries: Sequence[FaqEntry], passages: Sequence[Passage], normalizer: Normalizer,
                 weights: Weights = Weights()) -> None:  # noqa: B008 - a frozen dataclass
        self.normalizer = normalizer
        self.weights = weights
        self.entries = tuple(entries)
        self._phrasings: list[_Phrasing] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        vocabulary: list[set[str]] = [set() for _ in self.entries]
        for index, entry in enumerate(self.entries):
            vocabulary[index].update(normalizer.analyze(" ".join(entry.tags).replace("-", " ")).tokens)
            for text in entry.phrasings:
                tokens = normalizer.analyze(text).tokens
                if not tokens:
                    continue
                phrasing = _Phrasing(index, text, frozenset(tokens), " ".join(sorted(set(tokens))))
                for token in phrasing.tokens:
                    self._postings[token].append(len(self._phrasings))
                self._phrasings.append(phrasing)
                vocabulary[index].update(tokens)
        # Vocabulary IDF is over entries: a word all alternates of one entry repeat is still one document.
        self._vocabulary = _Field(vocabulary)
        self._answers = _Field([normalizer.analyze(f"{e.question} {e.answer}").tokens for e in self.entries])
        self._phrasing_weight = [sum(self.idf(t) for t in sorted(p.tokens)) for p in self._phrasings]  # sorted: as added
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

    def _phrasing_scores(self, query: frozenset[str], boost: Mapping[str, float]) -> dict[int, tuple[float, str]]:
        """Best phrasing of each entry (0–1), rapidfuzz only on the most promising overlaps."""
        weights = {t: self.idf(t) * boost.get(t, 1.0) for t in query}
        query_weight = sum(weights.values()) or 1.0
        joined = " ".join(sorted(query))
        # Candidates come from the query's rarest tokens first, until there are enough of them: a phrasing
        # that shares only the commonest words cannot score high anyway, and walking those long posting
        # lists would make the cost grow with the size of the base. Every candidate's overlap still
        # counts all the query's tokens.
        found: set[int] = set()
        for token in sorted(query, key=lambda t: len(self._postings.get(t, ()))):
            if found and len(found) >= self._max_phrasing_postings:
                break
            found.update(self._postings.get(token, ()))
        overlaps: list[tuple[float, int]] = []
        for phrasing_index in found:
            tokens = self._phrasings[phrasing_index].tokens
            shared = [t for t in weights if t in tokens]
            recall = sum(weights[t] for t in shared) / query_weight
            precision = sum(self.idf(t) for t in shared) / self._phrasing_weight[phrasing_index]
            if recall + precision:
                overlaps.append((2 * recall * precision / (recall + precision), phrasing_index))
        best: dict[int, tuple[float, str]] = {}
        for overlap, phrasing_index in heapq.nlargest(RESCORED, overlaps):
            phrasing = self._phrasings[phrasing_index]
            similarity = fuzz.token_sort_ratio(joined, phrasing.joined) / 100
            score = OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * similarity
            current = best.get(phrasing.entry_index)
            if current is None or score > current[0]:
                best[phrasing.entry_index] = (score, phrasing.text)
        return best

    def scores(self, analysis: Analysis, limit: int = 5, boost: Mapping[str, float] | None = None) -> dict[str, float]:
        """The first `limit` entries' ids and scores (what the shipped matcher's `scores` gives without
        building candidates)."""
        return {c.entry.id: c.score for c in self.rank(analysis, limit=limit, boost=boost)}

    def rank(self, analysis: Analysis, limit: int = 5, boost: Mapping[str, float] | None = None) -> list[Candidate]:
        """Entries best first. `boost` weighs some tokens down (context around the question): token → 0–1."""
        boost = boost or {}
        query: frozenset[str] = frozenset(t for t in analysis.tokens if boost.get(t, 1.0) > 0)
        if not query:
            return []
        w = self.weights
        phrasings = self._phrasing_scores(query, boost)
        candidates = set(phrasings) | self._vocabulary.candidates(query) | self._answers.candidates(query)
        vocabulary = self._vocabulary.recall(query, candidates, boost)
        answers = self._answers.recall(query, candidates, boost)
        known = frozenset(t for t in query if self.known(t))
        known_vocabulary = self._vocabulary.recall(known, candidates, boost)
        known_answers = self._answers.recall(known, candidates, boost)
        scores: list[tuple[float, int]] = []
        for index in candidates:
            phrasing_score = phrasings.get(index, (0.0, ""))[0]
            total = w.phrasing * phrasing_score + w.vocabulary * vocabulary.get(index, 0.0) \
                + w.answer * answers.get(index, 0.0)
            scores.append((100 * total, index))
        ranked = heapq.nlargest(limit, scores, key=lambda item: (item[0], -item[1]))
        return [Candidate(entry=self.entries[i], score=round(s, 1), index=i,
                          coverage=max(vocabulary.get(i, 0.0), answers.get(i, 0.0)),
                          known_coverage=max(known_vocabulary.get(i, 0.0), known_answers.get(i, 0.0)),
                          phrasing=phrasings.get(i, (0.0, self.entries[i].question))[1]) for s, i in ranked]

    def best_passage(self, analysis: Analysis) -> PassageHit | None:
        """The passage that explains most of the question (passages are long: recall only)."""
        query: frozenset[str] = frozenset(analysis.tokens)
        if len(query) < 2:
            return None
        field = self._passage_field
        hits = [(100 * recall, index) for index, recall in field.recall(query, field.candidates(query)).items()
                if len(query & field.bags[index]) >= 2]
        if not hits:
            return None
        score, index = max(hits, key=lambda hit: (hit[0], -hit[1]))
        return PassageHit(passage=self.passages[index], score=round(score, 1))
