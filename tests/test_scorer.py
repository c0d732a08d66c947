"""The compiled scorer (bot/answering/_scorer.c) picks and scores phrasings exactly as the numpy code it replaced:
the same candidates under the cap, the same floats to the last bit, the same ties. Random posting lists, seeded;
the numpy reference is the matcher's previous code, kept here."""

from __future__ import annotations

import random
from collections.abc import Iterable

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from bot.answering._scorer import best_phrasings, query_phrasings, query_ranking, weighted_sums

RESCORED = 64


def _reference_best(postings: list[np.ndarray], weights: list[float], idf: list[float], phrasing_weight: np.ndarray,
                    query_weight: float, cap: int, limit: int) -> tuple[list[int], list[float]]:
    """Matcher._candidate_overlaps, _f1 and the best overlaps of _phrasing_scores before they were compiled."""
    found = np.zeros(len(phrasing_weight), dtype=np.int64)
    chosen: list[np.ndarray] = []
    room, numbered = cap, 0
    for k in sorted(range(len(postings)), key=lambda k: len(postings[k])):
        fresh = postings[k][found[postings[k]] == 0]
        found[fresh] = np.arange(numbered + 1, numbered + len(fresh) + 1)
        numbered += len(fresh)
        chosen.append(fresh)
        if len(fresh) > room:
            break
        room -= len(fresh)
    else:
        room = -1
    candidates = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int32)
    at = np.concatenate([found[p] for p in postings]) if postings else np.zeros(0, dtype=np.int64)
    lengths = [len(p) for p in postings]
    shared_weight = np.bincount(at, weights=np.repeat(weights, lengths), minlength=numbered + 1)[1:]
    shared_idf = np.bincount(at, weights=np.repeat(idf, lengths), minlength=numbered + 1)[1:]
    recall = shared_weight / query_weight
    precision = shared_idf / phrasing_weight.take(candidates)
    both = recall + precision
    overlaps = np.divide(2 * recall * precision, both, out=np.zeros(len(candidates)), where=both != 0)
    if room >= 0:  # the last list went over the cap: its best overlaps, ties to the later phrasing
        before = len(candidates) - len(chosen[-1])
        f1 = overlaps[before:]
        best = np.zeros(0, dtype=np.int64)
        if room:
            threshold = f1[np.argpartition(-f1, room - 1)[:room]].min()
            above = np.flatnonzero(f1 > threshold)
            ties = np.flatnonzero(f1 == threshold)
            best = np.concatenate([above, ties[len(ties) - (room - len(above)):]])
        candidates = np.concatenate([candidates[:before], candidates[before:].take(best)])
        overlaps = np.concatenate([overlaps[:before], f1.take(best)])
    kept = np.flatnonzero(overlaps)
    candidates, overlaps = candidates.take(kept), overlaps.take(kept)
    order = np.lexsort((-candidates, -overlaps))[:limit]
    return candidates[order].tolist(), overlaps[order].tolist()


def _postings(rng: random.Random, size: int, tokens: int) -> list[np.ndarray]:
    lists = []
    for _ in range(tokens):
        length = rng.choice([0, 1, 3, 20, size // 10, size // 3, size])
        lists.append(np.array(sorted(rng.sample(range(size), min(length, size))), dtype=np.int32))
    return lists


def _weights(rng: random.Random, tokens: int) -> list[float]:
    # Few distinct values: equal overlaps, so the ties are met.
    return [rng.choice([0.7, 1.3, 2.5, rng.uniform(0.1, 9.0)]) * rng.choice([1.0, 1.0, 0.3]) for _ in range(tokens)]


def test_the_best_phrasings_are_those_of_the_numpy_code_under_any_cap() -> None:
    rng = random.Random(20261126)
    met_cap = met_ties = 0
    for _ in range(400):
        size = rng.choice([5, 60, 700, 3000])
        tokens = rng.randint(0, 9)
        postings = _postings(rng, size, tokens)
        weights = _weights(rng, tokens)
        idf = weights if rng.random() < 0.5 else [w * rng.choice([1.0, 2.0, 1.7]) for w in weights]
        phrasing_weight = np.array([rng.choice([1.0, 2.6, 4.0, rng.uniform(1.0, 30.0)]) for _ in range(size)])
        query_weight = sum(weights) or 1.0
        cap = rng.choice([0, 1, 5, 50, size // 4, 10**9])
        limit = rng.choice([RESCORED, 3, 0])
        found = np.zeros(size, dtype=np.int32)
        got = best_phrasings(postings, weights, idf, phrasing_weight, query_weight, cap, found, limit)
        expected = _reference_best(postings, weights, idf, phrasing_weight, query_weight, cap, limit)
        assert got == expected
        assert not found.any()  # the scratch is clean again
        met_cap += sum(map(len, postings)) > cap
        met_ties += len(set(expected[1])) < len(expected[1])
    assert met_cap > 100 and met_ties > 50  # the cap bound and ties were decided, not only met by chance


def test_the_weighted_sums_add_each_documents_weights_in_the_query_order() -> None:
    rng = random.Random(7)
    for _ in range(300):
        size = rng.choice([3, 50, 2000])
        tokens = rng.randint(1, 8)
        postings = _postings(rng, size, tokens)
        documents = np.array(rng.sample(range(size), min(size, rng.choice([0, 1, 4, 40, size]))), dtype=np.int32)
        rows = [_weights(rng, tokens) for _ in range(rng.choice([1, 2]))]
        where = np.zeros(size, dtype=np.int32)
        got = np.zeros((len(rows), len(documents)))
        weighted_sums(documents, postings, rows, where, got)
        assert not where.any()
        # The numpy reference: bincount adds in order, token after token.
        where[documents] = np.arange(1, len(documents) + 1)
        at = np.concatenate([where[p] for p in postings])
        for row, sums in zip(rows, got, strict=True):
            expected = np.bincount(at, weights=np.repeat(row, [len(p) for p in postings]),
                                   minlength=len(documents) + 1)[1:]
            assert sums.tobytes() == expected.tobytes()


_Row = tuple[float, float, np.ndarray | None, np.ndarray | None, np.ndarray | None]


def _recall(lists: list[tuple[np.ndarray, float]], total: float, documents: list[int]) -> np.ndarray:
    """Each document's weights added list after list, over the total (`matcher._recalls` before it was compiled)."""
    at = {d: k for k, d in enumerate(documents)}
    sums = np.zeros(len(documents))
    for postings, weight in lists:
        for d in postings.tolist():
            if d in at:
                sums[at[d]] += weight
    return sums / total if total else np.zeros(len(documents))


def _reference_ranking(query: frozenset[str], rows: dict[str, _Row], boost: dict[str, float] | None,
                       unknown: tuple[float, float], phrasings: list[int], overlaps: list[float],
                       similarities: np.ndarray, phrasing_entry: np.ndarray, cap: int,
                       shares: tuple[float, float, float, float, float], limit: int, known: bool,
                       ) -> tuple[list[int], list[float], list[float], list[float], list[int]] | None:
    """Matcher._ranked after rapidfuzz as numpy and Python did it before it was compiled."""
    boost = boost or {}

    def row(token: str) -> _Row:
        return rows.get(token, (*unknown, None, None, None))

    weights = {t: row(t)[0] * boost.get(t, 1.0) for t in query}
    answer_weights = {t: row(t)[1] * boost.get(t, 1.0) for t in query}
    scores = shares[0] * np.array(overlaps, dtype=np.float64) + shares[1] * (similarities[0] / 100)
    chosen = np.array(phrasings, dtype=np.intp)
    entries = phrasing_entry.take(chosen)
    order = np.lexsort((-scores, entries))
    by_entry = entries.take(order)
    first = order[np.concatenate(([True], by_entry[1:] != by_entry[:-1]))] if len(order) else order
    found, found_scores = entries.take(first), scores.take(first)
    best_phrasing = dict(zip(found.tolist(), chosen.take(first).tolist(), strict=True))

    def lists(tokens: Iterable[str], kind: int, of: dict[str, float]) -> list[tuple[np.ndarray, float]]:
        return [(postings, of[t]) for t in tokens if isinstance(postings := row(t)[kind], np.ndarray)]

    vocabulary, answers = lists(query, 3, weights), lists(query, 4, answer_weights)
    reached = [found.astype(np.int32), *(p for p, _ in vocabulary + answers if len(p) <= cap)]
    candidates = np.unique(np.concatenate(reached))
    if not len(candidates):
        return None
    phrasing_score = np.zeros(len(candidates))
    phrasing_score[np.searchsorted(candidates, found)] = found_scores
    v = _recall(vocabulary, sum(weights.values()), candidates.tolist())
    a = _recall(answers, sum(answer_weights.values()), candidates.tolist())
    totals = 100 * (shares[2] * phrasing_score + shares[3] * v + shares[4] * a)
    order = np.lexsort((candidates, -totals))[:limit]
    top = candidates.take(order).tolist()
    coverages = np.maximum(v, a).take(order).tolist()
    known_coverages = coverages
    if known:
        words = frozenset(t for t in query if t in rows)
        known_coverages = np.maximum(
            _recall(lists(words, 3, weights), sum(weights[t] for t in words), top),
            _recall(lists(words, 4, answer_weights), sum(answer_weights[t] for t in words), top)).tolist()
    return top, totals.take(order).tolist(), coverages, known_coverages, [best_phrasing.get(e, -1) for e in top]


def _sorted_sample(rng: random.Random, size: int) -> np.ndarray:
    length = rng.choice([1, 2, 5, size // 4 + 1, size // 2 + 1, size])
    return np.array(sorted(rng.sample(range(size), min(length, size))), dtype=np.int32)


def _rows(rng: random.Random, tokens: list[str], entries: int, phrasings: int) -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    for token in tokens:
        if rng.random() < 0.2:
            continue  # a word no entry uses
        idf = rng.choice([0.7, 1.3, rng.uniform(0.1, 9.0)])
        rows[token] = (idf, rng.choice([idf, 2.2, rng.uniform(0.1, 9.0)]),
                       _sorted_sample(rng, phrasings) if rng.random() < 0.8 else None,
                       _sorted_sample(rng, entries) if rng.random() < 0.9 else None,
                       _sorted_sample(rng, entries) if rng.random() < 0.7 else None)
    return rows


def _text(rng: random.Random) -> str:
    """Sorted tokens joined, as a phrasing's: accents, and lengths on both sides of a 64-character word."""
    words = ["aide", "élu", "quartier", "conseil", "projet", "réunion", "ça", "x", "citoyen", "œuvre"]
    return " ".join(sorted(rng.choice(words) + rng.choice(["", "s", "é"]) for _ in range(rng.choice([1, 3, 8, 20]))))


def test_a_query_ranks_its_entries_as_the_numpy_code_did() -> None:
    rng = random.Random(20261127)
    shares = (0.75, 1 - 0.75, 0.6, 0.25, 0.15)
    met_known = met_cap = 0
    for _ in range(500):
        entries = rng.choice([3, 40, 300])
        phrasing_entry = np.array(sorted(rng.randrange(entries) for _ in range(entries * 3)), dtype=np.int32)
        tokens = [f"w{k}" for k in range(rng.randint(1, 14))]
        rows = _rows(rng, tokens, entries, len(phrasing_entry))
        query = frozenset(rng.sample(tokens, rng.randint(1, len(tokens))))
        boost = rng.choice([None, {t: rng.choice([0.3, 0.5, 1.0]) for t in query if rng.random() < 0.5}]) or None
        unknown = (rng.uniform(1.0, 9.0), rng.uniform(1.0, 9.0))
        found = np.zeros(len(phrasing_entry), dtype=np.int32)
        phrasing_weight = np.array([rng.uniform(1.0, 30.0) for _ in phrasing_entry])
        cap = rng.choice([0, 3, 30, 10**9])
        phrasings, overlaps = query_phrasings(query, rows, boost, *unknown, phrasing_weight, cap * 8, found, 64)
        # As the matcher called best_phrasings: the phrasings' lists in the query's order, each weighed by its IDF
        # times its boost in the recall, by its IDF in the precision.
        weighed = [(t, r) for t in query if (r := rows.get(t)) is not None and r[2] is not None]
        weights = [r[0] * (boost or {}).get(t, 1.0) for t, r in weighed]
        total = sum(rows.get(t, (unknown[0],))[0] * (boost or {}).get(t, 1.0) for t in query)
        assert (phrasings, overlaps) == best_phrasings([r[2] for _, r in weighed if r[2] is not None], weights,
                                                       [r[0] for _, r in weighed], phrasing_weight, total or 1.0,
                                                       cap * 8, found, 64)
        joined = [_text(rng) for _ in phrasings]
        text = rng.choice([_text(rng), joined[0] if phrasings else ""])  # some ratios of 100
        similarities = process.cdist([text], joined, scorer=fuzz.ratio, dtype=np.float64)
        limit, known = rng.choice([1, 5, 20, 10**6]), rng.random() < 0.7
        where = np.zeros(entries, dtype=np.int32)
        got = query_ranking(query, rows, boost, *unknown, phrasings, overlaps, similarities, phrasing_entry, cap,
                            shares, where, limit, known)
        assert got == _reference_ranking(query, rows, boost, unknown, phrasings, overlaps, similarities,
                                         phrasing_entry, cap, shares, limit, known)
        assert not where.any() and not found.any()  # the scratch is clean again
        met_known += known and not query <= rows.keys() and got is not None
        met_cap += any(len(r[3]) > cap for t in query if (r := rows.get(t)) is not None and r[3] is not None)
    assert met_known > 100 and met_cap > 100


def test_a_posting_beyond_the_entries_is_refused_and_leaves_the_scratch_clean() -> None:
    phrasing_entry = np.array([0, 1, 2], dtype=np.int32)
    rows: dict[str, _Row] = {"a": (1.0, 1.0, np.array([0, 2], dtype=np.int32), np.array([0, 1], dtype=np.int32),
                                   None),
                             "b": (1.0, 1.0, None, np.array([1, 9], dtype=np.int32), None)}
    where = np.zeros(3, dtype=np.int32)
    with pytest.raises(IndexError):
        query_ranking(frozenset("ab"), rows, None, 1.0, 1.0, [2, 0], [0.5, 0.4], np.array([[10.0, 20.0]]),
                      phrasing_entry, 100, (0.75, 0.25, 0.6, 0.25, 0.15), where, 5, True)
    assert not where.any()
