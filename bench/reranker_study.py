"""Would a ranker learned over the three rankers' readings put the right entry first more often? (a study; nothing
of it is shipped)

    python -m bench.reranker_study

The hotline's rules were tuned message by message on the dev split, and the blind batches say they carry little to
writing they never saw. A change of method that might carry: learn, from dev, how to weigh what the three rankers
already say of each entry (ours, BM25, the character n-grams), instead of writing more rules. This measures the
first step only: which entry comes first. For each dev message of kind faq, the entries any ranker names among its
first five are its pool; each entry is described by its place and score share in each ranking (and our score);
a logistic model scores them, and the best is taken as first. It is judged **one batch of writing left out at a
time** (each section of realistic.yaml: the blind batches are sections of their own), against the first entry of
each ranker alone and the first entry the member is shown today (the answer, or the first choice).

The test split is never read here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from bench.answer_rule import _logistic, _sections
from bench.common import shipped, table
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.segment import split_message

# The latest blind batches, by the first words of their section: rules were tuned on the 17th to 20th at the stops
# that added them, on the 21st at none (it joined dev at the end of the fifteenth stop).
LAST_BLIND = "Vingt et unième ajout"
RECENT_BLIND = ("Dix-septième ajout", "Dix-huitième ajout", "Dix-neuvième ajout", "Vingtième ajout")
POOL = 5  # entries each ranker names for the pool
ABSENT = POOL  # the place of an entry a ranker does not name among its first POOL


@dataclass(frozen=True)
class Case:
    batch: str
    ids: tuple[str, ...]  # the pool
    x: np.ndarray  # one row of features per entry of the pool
    right: np.ndarray  # whether each entry is one the message expects
    firsts: dict[str, str | None]  # each ranker's first entry, and the product's


def _ranking_features(ranking: list[tuple[str, float]], entry: str) -> tuple[float, float]:
    """(place, score over the first score) of an entry in a ranking; (ABSENT, 0) when it is not there."""
    ids = [e for e, _ in ranking]
    if entry not in ids or not ranking or ranking[0][1] <= 0:
        return float(ABSENT), 0.0
    k = ids.index(entry)
    return float(k), ranking[k][1] / ranking[0][1]


def collect() -> list[Case]:
    settings, kb = shipped()
    answerer = Answerer(kb, settings.answering)
    messages = [(m, section) for m, section in zip(load_realistic(), _sections(), strict=True)
                if m.split == "dev" and m.kind == "faq" and m.expect and not m.context]
    cases = []
    for m, section in messages:
        analysis, boost = answerer._weighted(split_message(m.text))
        ours = [(c.entry.id, c.score) for c in answerer.rank(analysis, limit=POOL, boost=boost)]
        bm25 = answerer.second_opinion(m.text, POOL)[:POOL]
        chars = answerer.char_ranking(m.text, POOL)
        pool = tuple(dict.fromkeys(e for r in (ours, bm25, chars) for e, _ in r))
        if not pool:
            continue
        rows = []
        for entry in pool:
            place = [_ranking_features(r, entry) for r in (ours, bm25, chars)]
            our_score = next((s for e, s in ours if e == entry), 0.0) / 100
            firsts = sum(p[0] == 0 for p in place)
            named = sum(p[0] < ABSENT for p in place)
            rows.append([our_score, *(v for p in place for v in p), float(firsts), float(named)])
        decision = answerer.decide(m.text)
        shown = decision.entry.id if decision.kind == Kind.ANSWER and decision.entry else (
            decision.candidates[0].entry.id if decision.kind == Kind.SUGGEST and decision.candidates else None)
        cases.append(Case(batch=section, ids=pool, x=np.array(rows), right=np.array([e in m.expect for e in pool]),
                          firsts={"ours": ours[0][0] if ours else None, "bm25": bm25[0][0] if bm25 else None,
                                  "chars": chars[0][0] if chars else None, "shown today": shown}))
    return cases


def held_out_firsts(cases: list[Case]) -> list[str]:
    """The learned first entry of each message, its batch left out of the fit."""
    batches = sorted({c.batch for c in cases})
    firsts: list[str] = [""] * len(cases)
    for batch in batches:
        train = [c for c in cases if c.batch != batch]
        x = np.vstack([c.x for c in train])
        y = np.concatenate([c.right for c in train]).astype(float)
        weights, bias = _logistic(x, y, np.ones(len(y)))
        for i, c in enumerate(cases):
            if c.batch == batch:
                firsts[i] = c.ids[int(np.argmax(c.x @ weights + bias))]
    return firsts


def main() -> None:
    cases = collect()
    learned = held_out_firsts(cases)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        groups["all dev faq"].append(i)
        if c.batch.startswith(LAST_BLIND):
            groups["the 21st blind batch (no rule was tuned on it)"].append(i)
        elif c.batch.startswith(RECENT_BLIND):
            groups["the 17th to 20th blind batches"].append(i)
    rows = []
    for name, idx in groups.items():
        def rate(first_of: dict[int, str | None], idx: list[int] = idx) -> str:
            right = sum(bool(first_of[i]) and first_of[i] in set(np.array(cases[i].ids)[cases[i].right]) for i in idx)
            return f"{100 * right / len(idx):.1f}"
        row: list[object] = [name, len(idx)]
        for ranker in ("ours", "bm25", "chars", "shown today"):
            row.append(rate({i: cases[i].firsts[ranker] for i in idx}))
        row.append(rate({i: learned[i] for i in idx}))
        row.append(f"{100 * sum(cases[i].right.any() for i in idx) / len(idx):.1f}")
        rows.append(row)
    print("Right entry first, % of dev faq messages (the learned ranker judged with each batch left out of its fit)\n")
    print(table(["messages", "n", "ours", "BM25", "n-grams", "shown today", "learned (held out)", "in the pool"], rows))
    x = np.vstack([c.x for c in cases])
    weights, bias = _logistic(x, np.concatenate([c.right for c in cases]).astype(float), np.ones(len(x)))
    print(f"\nFitted on all of dev: weights {tuple(round(float(w), 3) for w in weights)}, bias {bias:.3f} (features: our "
          "score; place and share in ours, BM25, n-grams; rankers naming it first; rankers naming it)")


if __name__ == "__main__":
    main()
