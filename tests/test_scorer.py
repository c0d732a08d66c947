"""The compiled scorer (bot/answering/_scorer.c) picks and scores phrasings exactly as the numpy code it replaced:
the same candidates under the cap, the same floats to the last bit, the same ties. Random posting lists, seeded;
the numpy reference is the matcher's previous code, kept here."""

from __future__ import annotations

import random

import numpy as np

from bot.answering._scorer import best_phrasings, weighted_sums

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
