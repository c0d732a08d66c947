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
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter

import numpy as np
from rapidfuzz import fuzz, process

from bot.answering._scorer import grouped, query_phrasings, query_ranking, weighted_sums
from bot.answering.normalize import Analysis, Normalizer
from bot.knowledge.model import FaqEntry, Passage

OVERLAP_WEIGHT = 0.75  # within the phrasing evidence; the rest is rapidfuzz's share
RESCORED = 64  # phrasings re-scored with rapidfuzz, best overlaps first
KEPT_SIZES = 8  # scratch arrays kept per thread: one per index size (phrasings, entries, passages…)
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


def candidate_of(entry: FaqEntry, candidates: tuple[Candidate, ...] = (), score: float = 0.0) -> Candidate:
    """`entry`'s candidate among `candidates`, or one made for it when no ranking offered it (its question as its
    phrasing, `score` as its score): an answer settled, a choice named or a reply standing for it elsewhere."""
    return next((c for c in candidates if c.entry.id == entry.id), None) or Candidate(
        entry=entry, score=score, phrasing=entry.question)


def _candidate(entry: FaqEntry, score: float, phrasing: str, index: int, coverage: float,
               known_coverage: float) -> Candidate:
    """`Candidate(...)` with every field given, its attributes set at once: a frozen dataclass's `__init__` sets
    each through `object.__setattr__` (a ranking builds ten to thirty of them; a third of the cost here)."""
    made = object.__new__(Candidate)
    made.__dict__.update(entry=entry, score=score, phrasing=phrasing, index=index, coverage=coverage,
                         known_coverage=known_coverage)
    return made


@dataclass(frozen=True, kw_only=True)
class PassageHit:
    passage: Passage
    score: float


@dataclass(frozen=True, slots=True)
class _Phrasing:
    """One phrasing as ranked (its entry is in `Matcher._phrasing_entry`: an entry moved by a learning action
    keeps its phrasings as they are, none made again)."""

    text: str
    tokens: frozenset[str]
    joined: str

    # Stored with the answerer (160,000 at 10,000 entries): dataclasses' own pickling of slots walks `fields()`
    # per object (seconds).
    def __getstate__(self) -> tuple[str, frozenset[str], str]:
        return self.text, self.tokens, self.joined

    def __setstate__(self, state: tuple[str, frozenset[str], str]) -> None:
        for name, value in zip(("text", "tokens", "joined"), state, strict=True):
            object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True)
class _Inverted:
    """Bags of tokens as flat arrays: token ids (ids in the tokens' sorted order) and the bag of each."""

    tokens: list[str]  # sorted
    ids: np.ndarray  # token id of each (bag, token) pair, bag after bag
    bag: np.ndarray  # bag of each pair
    counts: np.ndarray  # bags holding each token

    @classmethod
    def of(cls, bags: Sequence[frozenset[str]]) -> _Inverted:
        tokens = sorted(frozenset().union(*bags))
        number = {token: i for i, token in enumerate(tokens)}
        lengths = np.fromiter(map(len, bags), dtype=np.int64, count=len(bags))
        ids = np.fromiter(map(number.__getitem__, chain.from_iterable(bags)), dtype=np.int32,
                          count=int(lengths.sum()))
        bag = np.repeat(np.arange(len(bags), dtype=np.int32), lengths)
        return cls(tokens=tokens, ids=ids, bag=bag, counts=np.bincount(ids, minlength=len(tokens)))

    @classmethod
    def numbered(cls, ids: np.ndarray, lengths: np.ndarray, tokens: list[str]) -> _Inverted:
        """From the bags' token ids (bag after bag, each in the bag's own order) and sizes, under a numbering
        `tokens` that may hold tokens no bag uses (a learning action keeps the ids of unchanged entries)."""
        bag = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        return cls(tokens=tokens, ids=ids, bag=bag, counts=np.bincount(ids, minlength=len(tokens)))

    def postings(self) -> dict[str, np.ndarray]:
        """Token → the bags holding it, in order (one counting sort for all, `_scorer.grouped`); tokens no bag holds
        are left out."""
        if not self.tokens:
            return {}
        bags = np.empty(len(self.ids), dtype=np.int32)
        grouped(self.ids.astype(np.int32, copy=False), self.bag.astype(np.int32, copy=False),
                self.counts.astype(np.int64, copy=False), bags)
        ends = np.cumsum(self.counts).tolist()
        return {token: bags[start:end] for token, start, end, count in zip(
            self.tokens, [0, *ends[:-1]], ends, self.counts.tolist(), strict=True) if count}

    def sums(self, weights: np.ndarray, size: int) -> np.ndarray:
        """Per bag, the sum of its tokens' weights (by token id) added in the bag's own order, as `sum()` over it
        would: the same float. `bincount` adds each pair's weight to its bag's total one pair after the other,
        from 0, and the pairs come bag after bag, each in its own order (a learning action computes this for
        every phrasing: a pass per token position cost five times more)."""
        return np.bincount(self.bag, weights=weights[self.ids], minlength=size).astype(np.float64, copy=False)


_NONE = np.zeros(0, dtype=np.int32)
_NO_SIMILARITIES = np.zeros((1, 0))
_LOCAL = threading.local()


class _Slots:
    """`slots`' context: takes a kept array (or a new one) and gives it back at the end, unless an error came (it
    may not have been zeroed). A class rather than a generator context manager: a ranking takes three of them."""

    __slots__ = ("_kept", "_zeros")

    def __init__(self, kept: list[np.ndarray], zeros: np.ndarray) -> None:
        self._kept, self._zeros = kept, zeros

    def __enter__(self) -> np.ndarray:
        return self._zeros

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if kind is None:
            self._kept.append(self._zeros)


def slots(size: int, dtype: type[np.generic] = np.int32) -> _Slots:
    """A zeroed array of `size` slots (one per document), kept per thread and size and zeroed again by its user
    before it is given back: allocating and zeroing one per call cost more than the sums it serves (111,000
    phrasings at 10,000 entries). Per thread, so two threads answering at once never share one."""
    free: dict[tuple[int, str], list[np.ndarray]] = _LOCAL.__dict__.setdefault("free", {})
    key = (size, np.dtype(dtype).char)
    if key not in free and len(free) >= KEPT_SIZES:
        free.clear()  # sizes of indexes that grew since: not kept for ever
    kept = free.setdefault(key, [])
    return _Slots(kept, kept.pop() if kept else np.zeros(size, dtype=dtype))


def _distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique` without its first call's cost: it imports `numpy.ma` then (about 100 ms, on a member's
    first question)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _sums(postings: Mapping[str, np.ndarray], size: int, documents: np.ndarray,
          *weights: Mapping[str, float]) -> list[np.ndarray]:
    """For each of `documents` (distinct indices among `size`, int32), the sum of the weights of the query tokens
    it holds, once per mapping of weights (all on the same tokens), added token by token in the query's order as
    `sum()` over them would: the same floating-point result, in one compiled pass over the tokens' posting lists
    (`_scorer.weighted_sums`)."""
    sums = np.zeros((len(weights), len(documents)))
    tokens = [t for t in weights[0] if t in postings]
    if tokens and len(documents):
        with slots(size) as where:
            weighted_sums(documents, [postings[t] for t in tokens], [[w[t] for t in tokens] for w in weights],
                          where, sums)
    return list(sums)


class _Field:
    """One bag of tokens per document, with IDF and postings: "how much of the question does it explain"."""

    def __init__(self, bags: Sequence[Iterable[str]],
                 numbered: tuple[np.ndarray, np.ndarray, list[str]] | None = None) -> None:
        """`numbered`: each bag's token ids and their numbering (see `_Inverted.numbered`)."""
        self.bags = [frozenset(bag) for bag in bags]
        inverted = _Inverted.of(self.bags) if numbered is None else _Inverted.numbered(*numbered)
        self.postings = inverted.postings()
        n = max(len(self.bags), 1)
        self.idf = {token: math.log(1 + n / count) for token, count in zip(
            inverted.tokens, inverted.counts.tolist(), strict=True) if count}
        self.max_postings = max(COMMON_POSTINGS, n // 100)
        self.unknown_idf = math.log(1 + n)  # a word no document uses weighs like the rarest word

    def weight(self, token: str) -> float:
        return self.idf.get(token, self.unknown_idf)

    def candidates(self, query: frozenset[str]) -> list[np.ndarray]:
        """Documents sharing a distinctive token with the query (posting lists, to be merged). Tokens most
        documents use ("conseil citoyen" in a council's FAQ) only count towards the recall of candidates
        found otherwise: walking their long posting lists would make the cost grow with the size of the base."""
        return [postings for token in query if (postings := self.postings.get(token)) is not None
                and len(postings) <= self.max_postings]


_Built = tuple[frozenset[str], tuple[_Phrasing, ...], frozenset[str]]  # vocabulary, phrasings, answer
# A token's row (see `Matcher._rows_of`).
_Row = tuple[float, float, np.ndarray | None, np.ndarray | None, np.ndarray | None]
# An entry's token ids: the vocabulary bag they were made for, its ids, each phrasing's, the answer's.
# (The phrasings' ids one after the other, and their sizes.)
_Ids = tuple[frozenset[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _concatenated(bags: list[np.ndarray], numbering: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    ids = np.concatenate(bags) if bags else np.zeros(0, dtype=np.int32)
    return ids, np.fromiter(map(len, bags), dtype=np.int64, count=len(bags)), numbering


def _texts_of(entry: FaqEntry) -> tuple[str, str]:
    """The texts of an entry's tags and answer, as analysed (made only for the entries analysed: a learning
    action takes most entries as they are, and joining 10,000 answers cost tens of milliseconds)."""
    return " ".join(entry.tags).replace("-", " "), f"{entry.question} {entry.answer}"


class Matcher:
    def __init__(self, entries: Sequence[FaqEntry], passages: Sequence[Passage], normalizer: Normalizer,
                 weights: Weights = Weights(), *, tokens: Callable[[str], frozenset[str]] | None = None,
                 previous: Matcher | None = None, stale: Collection[str] = ()) -> None:
        """`tokens`: a text's tokens under `normalizer`; `previous`: a matcher whose entries with the same texts
        are taken as they are, unless one of their texts is `stale` (its analysis changed): a learning action
        passes those it kept."""
        self.normalizer = normalizer
        self.weights = weights
        self.entries = tuple(entries)
        tokens_of = tokens or (lambda text: frozenset(normalizer.analyze(text).tokens))
        self._phrasings: list[_Phrasing] = []
        vocabulary: list[frozenset[str]] = []
        answers: list[frozenset[str]] = []
        kept: Mapping[tuple[object, ...], _Built] = previous._built if previous is not None else {}
        self._built: dict[tuple[object, ...], _Built] = {}
        # Tokens numbered as first met, never renumbered: an entry's token ids are kept with it (`_ids`) and a
        # build gathers them instead of looking each token up (see `_Inverted.numbered`).
        kept_ids = getattr(previous, "_ids", None) or {}
        self._number: dict[str, int] = dict(previous._number) if kept_ids and previous is not None else {}
        self._ids: dict[tuple[object, ...], _Ids] = {}
        order: list[tuple[object, ...]] = []
        stale = frozenset(stale)
        for entry in self.entries:
            key = (entry.question, entry.alternates, entry.tags, entry.answer)
            built = kept.get(key)
            if built is not None and stale and not stale.isdisjoint((*_texts_of(entry), *entry.phrasings)):
                built = None
            if built is None:
                tags, answer = _texts_of(entry)
                bag = set(tokens_of(tags))
                phrasings: list[_Phrasing] = []
                for text in entry.phrasings:
                    found = tokens_of(text)
                    if not found:
                        continue
                    phrasings.append(_Phrasing(text, found, " ".join(sorted(found))))
                    bag.update(found)
                built = (frozenset(bag), tuple(phrasings), tokens_of(answer))
            self._built[key] = built
            bag_of, phrasings_of, answer_of = built
            numbers = kept_ids.get(key)
            if numbers is not None and numbers[0] is bag_of:  # made for these very bags
                self._ids[key] = numbers
            order.append(key)
            vocabulary.append(bag_of)
            self._phrasings.extend(phrasings_of)
            answers.append(answer_of)
        self._number_entries(list(dict.fromkeys(key for key in order if key not in self._ids)))
        numbering = list(self._number)
        entries_ids = [self._ids[key] for key in order]
        # Vocabulary IDF is over entries: a word all alternates of one entry repeat is still one document.
        self._vocabulary = _Field(vocabulary, _concatenated([i[1] for i in entries_ids], numbering))
        self._answers = _Field(answers, _concatenated([i[3] for i in entries_ids], numbering))
        inverted = _Inverted.numbered(
            np.concatenate([i[2] for i in entries_ids]) if entries_ids else np.zeros(0, dtype=np.int32),
            np.concatenate([i[4] for i in entries_ids]) if entries_ids else np.zeros(0, dtype=np.int64),
            numbering)
        self._postings = inverted.postings()
        idf = self._vocabulary.idf  # `self.idf` of every token, without two calls per token (30,000 at 10,000 entries)
        self._phrasing_weight = inverted.sums(
            np.fromiter(map(idf.get, inverted.tokens, repeat(self._vocabulary.unknown_idf)), dtype=np.float64,
                        count=len(inverted.tokens)), len(self._phrasings))
        # Each phrasing's entry: the entries' phrasings come in entry order.
        self._phrasing_entry = np.repeat(np.arange(len(entries_ids), dtype=np.int32),
                                         [len(i[4]) for i in entries_ids])
        self._max_phrasing_postings = max(COMMON_POSTINGS * 16, len(self._phrasings) // 100)
        # Each phrasing's sorted tokens joined, side by side: a ranking reads 64 of them for rapidfuzz, and going
        # through each phrasing object first cost two cache misses per phrasing (30 → 10 µs per ranking).
        self._joined = [p.joined for p in self._phrasings]
        self._rows = self._rows_of()

        self.passages = tuple(passages)
        texts = [f"{p.document_title} {p.heading} {p.text}" for p in self.passages]
        self._passage_field: _Field
        if previous is not None and previous.passages == self.passages and stale.isdisjoint(texts):
            self._passage_field = previous._passage_field  # the documents did not change (a FAQ edit)
        else:
            self._passage_field = _Field([tokens_of(text) for text in texts])

    def _number_entries(self, keys: list[tuple[object, ...]]) -> None:
        """The token ids of these entries (`_ids`), new tokens numbered next, in one pass over their tokens."""
        if not keys:
            return
        number = self._number
        built = [self._built[key] for key in keys]
        # A phrasing's tokens in their sorted order, not its set's: its weight is their IDFs added in this order, and
        # a set's order depends on how it was built (the same phrasing, kept by a learning action or read afresh,
        # must weigh the very same float).
        bags = [[b[0], *(sorted(p.tokens) for p in b[1]), b[2]] for b in built]
        sizes = [(len(b[0]), sum(len(p.tokens) for p in b[1]), len(b[2])) for b in built]
        flat = np.fromiter((number.setdefault(t, len(number)) for t in chain.from_iterable(chain.from_iterable(bags))),
                           dtype=np.int32, count=sum(map(sum, sizes)))
        at = 0
        for key, b, (vocabulary, phrasings, answer) in zip(keys, built, sizes, strict=True):
            self._ids[key] = (b[0], flat[at:at + vocabulary], flat[at + vocabulary:at + vocabulary + phrasings],
                              flat[at + vocabulary + phrasings:at + vocabulary + phrasings + answer],
                              np.array([len(p.tokens) for p in b[1]], dtype=np.int64))
            at += vocabulary + phrasings + answer

    def __getstate__(self) -> dict[str, object]:
        # The token ids only speed the next build: not stored with the answerer (its first build numbers again).
        state = dict(self.__dict__)  # copied at once (in C): it may be written while it answers
        del state["_ids"], state["_number"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._ids, self._number = {}, {}

    def idf(self, token: str) -> float:
        return self._vocabulary.weight(token)

    def known(self, token: str) -> bool:
        """Whether any entry's phrasings, tags or answer use this token."""
        return token in self._vocabulary.idf or token in self._answers.idf

    def mentions(self, entry_index: int, token: str) -> bool:
        """Whether the entry's phrasings, tags or answer use this token."""
        return token in self._vocabulary.bags[entry_index] or token in self._answers.bags[entry_index]

    def phrases(self, entry_index: int, token: str) -> bool:
        """Whether the entry's phrasings or tags use this token (what it is asked with, not what its answer says)."""
        return token in self._vocabulary.bags[entry_index]

    def mentioning(self, token: str) -> int:
        """How many entries `mentions` this token (from the postings: a walk over every entry cost seconds at
        10,000 entries, for each glossary term)."""
        found = [postings for field in (self._vocabulary, self._answers)
                 if (postings := field.postings.get(token)) is not None]
        return len(set(chain.from_iterable(postings.tolist() for postings in found)))

    def rank(self, analysis: Analysis, limit: int = 5, boost: Mapping[str, float] | None = None) -> list[Candidate]:
        """Entries best first. `boost` weighs some tokens down (context around the question): token → 0–1."""
        ranked = self._ranked(analysis, limit, boost or {}, known=True)
        if ranked is None:
            return []
        entries, phrasings = self.entries, self._phrasings
        return [_candidate(entries[i], round(total, 1), entries[i].question if p < 0 else phrasings[p].text, i,
                           coverage, known_coverage)
                for i, total, coverage, known_coverage, p in zip(*ranked, strict=True)]

    def scores(self, analysis: Analysis, limit: int = 5, boost: Mapping[str, float] | None = None) -> dict[str, float]:
        """The first `limit` entries' ids and scores, as `rank` gives them (without what else a candidate says:
        one of several questions reads only the scores of its message's ranking)."""
        ranked = self._ranked(analysis, limit, boost or {}, known=False)
        if ranked is None:
            return {}
        entries = self.entries
        return {entries[i].id: round(total, 1) for i, total in zip(ranked[0], ranked[1], strict=True)}

    def _ranked(self, analysis: Analysis, limit: int, boost: Mapping[str, float], known: bool) -> tuple[
            list[int], list[float], list[float], list[float], list[int]] | None:
        """The first `limit` entries best first, their totals, coverages and known coverages (Python floats; see
        `Candidate`; the coverages again unless `known`) and the phrasing that scored each (-1: none, its question
        stands for it); None when no entry shares a token.

        An entry's total weighs its best phrasing's score, and the shares of the query's weight its vocabulary and
        its answer explain (each field's weights, the IDF times the token's boost, added in the query's order). A
        phrasing's score blends its overlap with the query (the F1 of its IDF-weighted recall and precision) and
        rapidfuzz's similarity of the two strings of sorted tokens; only the `RESCORED` best overlaps are compared
        with rapidfuzz. The phrasings scored come from the query's rarest tokens first (a phrasing that shares only
        the commonest words cannot score high anyway); from the posting list that would go over the cap, only the
        phrasings that overlap the question most are taken, up to the cap exactly (ties to the later phrasing). The
        entries reached: those of the re-scored phrasings and those a field's distinctive token brings
        (`_Field.candidates`).

        Two compiled calls do it all from the query's tokens and the rows made at the build (`_scorer.query_phrasings`
        before rapidfuzz, `_scorer.query_ranking` after it): the few dozen small numpy steps and Python loops over the
        tokens they replaced cost more than the work."""
        query: frozenset[str] = frozenset(t for t in analysis.tokens if boost.get(t, 1.0) > 0)
        if not query:
            return None
        boosts = (boost if isinstance(boost, dict) else dict(boost)) or None
        rows, idf, answer_idf = self._rows, self._vocabulary.unknown_idf, self._answers.unknown_idf
        with slots(len(self._phrasings)) as found:
            indices, overlaps = query_phrasings(query, rows, boosts, idf, answer_idf, self._phrasing_weight,
                                                self._max_phrasing_postings, found, RESCORED)
        similarities = _NO_SIMILARITIES
        if indices:
            # Both strings are sorted tokens already: `ratio` on them is `token_sort_ratio`, in one call for all.
            joined = itemgetter(*indices)(self._joined) if len(indices) > 1 else (self._joined[indices[0]],)
            similarities = process.cdist([" ".join(sorted(query))], joined, scorer=fuzz.ratio, dtype=np.float64)
        w = self.weights
        with slots(len(self.entries)) as where:
            return query_ranking(query, rows, boosts, idf, answer_idf, indices, overlaps, similarities,
                                 self._phrasing_entry, self._vocabulary.max_postings,  # the answers' too: a bag per entry
                                 (OVERLAP_WEIGHT, 1 - OVERLAP_WEIGHT, w.phrasing, w.vocabulary, w.answer), where,
                                 limit, known)

    def _rows_of(self) -> dict[str, _Row]:
        """Per token some entry uses: its IDF in the vocabulary and in the answers (a field's IDF of an unknown
        word where that field lacks it), and its posting lists among the phrasings, the vocabularies and the
        answers (None where it has none). A ranking reads a query token's row once, in C; the arrays are the
        postings' own (no copy, and stored once with the answerer)."""
        vocabulary, answers, phrasings = self._vocabulary, self._answers, self._postings
        known, unknown, answer_unknown = vocabulary.idf, vocabulary.unknown_idf, answers.unknown_idf
        rows: dict[str, _Row] = {t: (idf, answers.idf.get(t, answer_unknown), phrasings.get(t), vocabulary.postings[t],
                                     answers.postings.get(t)) for t, idf in known.items()}
        rows.update((t, (unknown, idf, None, None, answers.postings[t])) for t, idf in answers.idf.items()
                    if t not in known)
        return rows

    def best_passage(self, analysis: Analysis) -> PassageHit | None:
        """The passage that explains most of the question (passages are long: recall only)."""
        query: frozenset[str] = frozenset(analysis.tokens)
        if len(query) < 2:
            return None
        field = self._passage_field
        candidates = _distinct(np.concatenate([_NONE, *field.candidates(query)]))
        if not len(candidates):
            return None
        weights = {t: field.weight(t) for t in query}
        shared, explained = _sums(field.postings, len(field.bags), candidates, dict.fromkeys(weights, 1.0), weights)
        recall = explained / sum(weights.values())  # as `field.recall`: never 0, every weight is an IDF
        kept = shared >= 2
        if not kept.any():
            return None
        candidates, scores = candidates[kept], 100 * recall[kept]
        best = int(np.lexsort((candidates, -scores))[0])  # the highest score, ties to the earlier passage
        return PassageHit(passage=self.passages[int(candidates[best])], score=round(float(scores[best]), 1))
