"""Would an order of our first entries learned over the three rankers' readings serve members better? (a study;
nothing of it is shipped)

    python -m bench.learned_order                               # right entry first, each batch held out of the fit
    python -m bench.learned_order end "Vingt et unième ajout"   # end to end, fitted without that batch

Ours, BM25 and the character n-grams are wrong in different places. For each of our first `ORDER_POOL` entries a
small logistic model weighs our score, its place and share in each ranking, how many rankers name it first and how
many name it at all; the entries are put in the model's order (`Answerer.order`), and the shipped answer rule still
decides whether the first is answered. Fitted on each dev message of kind faq of both sets (realistic and tidy),
from what the engine saw when it ordered the whole message; an entry is right when the message expects it.

The first table judges the order alone, one batch of writing left out of the fit at a time (each section of
realistic.yaml; the tidy set as one). `end` fits without one batch and runs the product on all of dev, the
order learned and not: that batch is the held-out figure. The test splits are never read here.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bench.answer_rule import _logistic, _sections
from bench.common import load_eval, shipped, table
from bench.realistic import Message, Outcome, judge, load_realistic, product
from bot.answering.answerer import ORDER_POOL, Answerer, Order
from bot.answering.decision import Strategy
from bot.answering.matcher import Candidate

ABSENT = ORDER_POOL  # the place of an entry a ranker does not name among its first ORDER_POOL
Ranking = Sequence[tuple[str, float]]


def _place(ranking: Ranking, entry: str) -> tuple[float, float]:
    """(place, score over the first score) of an entry in a ranking's first ORDER_POOL; (ABSENT, 0) otherwise."""
    for k, (found, score) in enumerate(ranking[:ORDER_POOL]):
        if found == entry:
            return float(k), (score / ranking[0][1] if ranking[0][1] > 0 else 0.0)
    return float(ABSENT), 0.0


def features(candidate: Candidate, ours: Ranking, bm25: Ranking, chars: Ranking) -> tuple[float, ...]:
    """Our score; place and share in ours, BM25 and the n-grams; how many rankers name it first; how many name it."""
    places = [_place(r, candidate.entry.id) for r in (ours, bm25, chars)]
    return (candidate.score / 100, *(v for p in places for v in p), float(sum(p[0] == 0 for p in places)),
            float(sum(p[0] < ABSENT for p in places)))


def learned(weights: Sequence[float], bias: float) -> Order:
    """Our first ORDER_POOL entries in the model's order (ours breaks its ties), the rest after them."""

    def order(candidates: list[Candidate], bm25: list[tuple[str, float]],
              chars: list[tuple[str, float]]) -> list[Candidate]:
        pool = candidates[:ORDER_POOL]
        ours = [(c.entry.id, c.score) for c in pool]
        weighed = sorted((-(bias + math.fsum(w * v for w, v in zip(weights, features(c, ours, bm25, chars),
                                                                      strict=True))), k) for k, c in enumerate(pool))
        return [*(pool[k] for _, k in weighed), *candidates[ORDER_POOL:]]

    return order


@dataclass(frozen=True)
class Case:
    batch: str
    ids: tuple[str, ...]  # our first entries, as we rank them
    x: np.ndarray  # one row of features per entry
    right: np.ndarray  # whether each entry is one the message expects
    shipped_first: str  # the first entry of the engine's own order


def _batch(section: str) -> str:
    return re.sub(r"\W+", " ", section).strip()


def collect() -> list[Case]:
    settings, kb = shipped()
    answerer = Answerer(kb, settings.answering)
    seen: list[tuple[list[Candidate], list[tuple[str, float]], list[tuple[str, float]]]] = []

    def record(candidates: list[Candidate], bm25: list[tuple[str, float]],
               chars: list[tuple[str, float]]) -> list[Candidate]:
        seen.append((candidates, bm25, chars))
        return candidates

    answerer.order = record
    realistic = [(m.text, m.expect, _batch(section)) for m, section in zip(load_realistic(), _sections(), strict=True)
                 if m.split == "dev" and m.kind == "faq" and m.expect and not m.context]
    tidy = [(q.q, q.expect, "tidy") for q in load_eval() if q.split == "dev" and q.kind == "faq" and q.expect]
    shipped_answerer = Answerer(kb, settings.answering)
    cases = []
    for text, expect, batch in (*realistic, *tidy):
        seen.clear()
        answerer.decide(text)
        if not seen or not seen[0][0]:
            continue
        candidates, bm25, chars = seen[0]  # the whole message's ordering
        pool = candidates[:ORDER_POOL]
        ours = [(c.entry.id, c.score) for c in pool]
        decision = shipped_answerer.decide(text)
        first = decision.candidates[0].entry.id if decision.candidates else pool[0].entry.id
        cases.append(Case(batch=batch, ids=tuple(c.entry.id for c in pool),
                          x=np.array([features(c, ours, bm25, chars) for c in pool]),
                          right=np.array([c.entry.id in expect for c in pool]), shipped_first=first))
    return cases


def fit(cases: Sequence[Case]) -> tuple[np.ndarray, float]:
    x = np.vstack([c.x for c in cases])
    return _logistic(x, np.concatenate([c.right for c in cases]).astype(float), np.ones(len(x)))


def held_out_firsts(cases: Sequence[Case]) -> list[str]:
    """The learned first entry of each message, its batch left out of the fit."""
    firsts = [""] * len(cases)
    for batch in sorted({c.batch for c in cases}):
        weights, bias = fit([c for c in cases if c.batch != batch])
        for i, c in enumerate(cases):
            if c.batch == batch:
                firsts[i] = c.ids[int(np.argmax(c.x @ weights + bias))]
    return firsts


def _right(case: Case, entry: str) -> bool:
    return entry in case.ids and bool(case.right[case.ids.index(entry)])


BLIND = ("Vingt et unième", "Vingtième", "Dix neuvième", "Dix huitième", "Dix septième")


def _group(batch: str) -> str:
    if batch == "tidy":
        return "tidy dev"
    if batch.startswith(BLIND):
        return "realistic dev, blind batches 17 to 21"
    return "realistic dev, the rest"


def first_entries() -> None:
    cases = collect()
    firsts = held_out_firsts(cases)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        groups[_group(c.batch)].append(i)
        groups["all"].append(i)
    pickers: tuple[Callable[[int], str], ...] = (
        lambda i: cases[i].ids[0], lambda i: cases[i].shipped_first, lambda i: firsts[i])
    rows = []
    for name, idx in groups.items():
        n = len(idx)
        rows.append([name, n, *(f"{100 * sum(_right(cases[i], pick(i)) for i in idx) / n:.1f}" for pick in pickers),
                     f"{100 * sum(bool(cases[i].right.any()) for i in idx) / n:.1f}"])
    print("Right entry first, % of dev faq messages (learned: each batch left out of its fit)\n")
    print(table(["messages", "n", "our ranking", "shipped order (BM25 breaks near ties)", "learned (held out)",
                 "in our first five"], rows))
    weights, bias = fit(cases)
    print(f"\nFitted on all dev: weights {tuple(round(float(w), 3) for w in weights)}, bias {bias:.3f}")


def _figures(messages: Sequence[Message], outcomes: Sequence[Outcome]) -> list[str]:
    verdicts = [judge(m, o) for m, o in zip(messages, outcomes, strict=True)]
    return [f"{100 * sum(v[k] for v in verdicts) / max(len(verdicts), 1):.1f}" for k in range(3)]


def end_to_end(left_out: str) -> None:
    held = _batch(left_out)
    weights, bias = fit([c for c in collect() if not c.batch.startswith(held)])
    settings, _ = shipped()
    messages = [(m, _batch(s)) for m, s in zip(load_realistic(), _sections(), strict=True) if m.split == "dev"]
    orders: list[tuple[str, Order | None]] = [("shipped order", None),
                                              (f"learned without « {left_out} »", learned(weights.tolist(), bias))]
    rows = []
    for name, order in orders:
        with product(settings, Strategy.SEGMENTS, order=order) as run:
            outcomes = [run(m) for m, _ in messages]
        for part, keep in (("all dev", lambda b: True), (left_out, lambda b: b.startswith(held))):
            chosen = [k for k, (_, b) in enumerate(messages) if keep(b)]
            rows.append([name, part, len(chosen), *_figures([messages[k][0] for k in chosen],
                                                           [outcomes[k] for k in chosen])])
    print(table(["order", "messages", "n", "resolved %", "helped %", "confident wrong %"], rows))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "end":
        end_to_end(sys.argv[2])
    else:
        first_entries()
