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

Then a second step, as a first guess at the rest: the learned first entry answered at once when the model's
probability reaches a threshold chosen on the batches fitted, out-of-scope messages (kind none) among them, against
the product's answers today (`bench.realistic.judge`).

The test split is never read here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from bench.answer_rule import _logistic, _sections
from bench.common import shipped, table
from bench.realistic import judge, load_realistic, outcome_of
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
    scope: bool  # kind faq (an entry answers it); out of scope (kind none) otherwise
    shipped: tuple[bool, bool]  # the product today: (resolved, answered wrongly), as bench.realistic judges it


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
                if m.split == "dev" and ((m.kind == "faq" and m.expect) or m.kind == "none") and not m.context]
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
        resolved, _, wrong = judge(m, outcome_of(decision))
        shown = decision.entry.id if decision.kind == Kind.ANSWER and decision.entry else (
            decision.candidates[0].entry.id if decision.kind == Kind.SUGGEST and decision.candidates else None)
        cases.append(Case(batch=section, ids=pool, x=np.array(rows), right=np.array([e in m.expect for e in pool]),
                          firsts={"ours": ours[0][0] if ours else None, "bm25": bm25[0][0] if bm25 else None,
                                  "chars": chars[0][0] if chars else None, "shown today": shown},
                          scope=m.kind == "faq", shipped=(resolved, wrong)))
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


COST = 3  # a confident wrong answer, or an out-of-scope one, costs three right ones (as bench.answer_rule)


def held_out_answers(cases: list[Case]) -> list[str | None]:
    """The learned first entry answered at once when its probability reaches a threshold chosen on the batches
    fitted (right − COST × (wrong + out of scope)); None when it is not answered. Each batch left out in turn."""
    answered: list[str | None] = [None] * len(cases)
    for batch in sorted({c.batch for c in cases}):
        train = [c for c in cases if c.batch != batch]
        x = np.vstack([c.x for c in train])
        weights, bias = _logistic(x, np.concatenate([c.right for c in train]).astype(float), np.ones(len(x)))

        def best(c: Case, weights: np.ndarray = weights, bias: float = bias) -> tuple[int, float]:
            z = c.x @ weights + bias
            k = int(np.argmax(z))
            return k, float(1 / (1 + np.exp(-z[k])))

        picked = [(c, *best(c)) for c in train]
        threshold, value = 1.0, 0.0
        for t in sorted({p for _, _, p in picked}):
            v = sum((1 if c.right[k] else -COST) for c, k, p in picked if p >= t)
            if v > value:
                threshold, value = t, v
        for i, c in enumerate(cases):
            if c.batch == batch:
                k, p = best(c)
                answered[i] = c.ids[k] if p >= threshold else None
    return answered


def _pct(n: int, d: int) -> str:
    return f"{100 * n / max(d, 1):.1f}"


def _right(case: Case, entry: str | None) -> bool:
    return entry is not None and bool(case.right[case.ids.index(entry)]) if entry in case.ids else False


def _group(case: Case) -> str | None:
    if case.batch.startswith(LAST_BLIND):
        return "the 21st blind batch (no rule was tuned on it)"
    if case.batch.startswith(RECENT_BLIND):
        return "the 17th to 20th blind batches"
    return None


def main() -> None:
    cases = collect()
    firsts, answers = held_out_firsts(cases), held_out_answers(cases)
    groups: dict[str, list[int]] = defaultdict(list)  # "all dev", then the latest blind batches
    for i, c in enumerate(cases):
        for name in ("all dev", _group(c)):
            if name is not None:
                groups[name].append(i)
    ranking, answering = [], []
    for name, idx in groups.items():
        faq = [i for i in idx if cases[i].scope]
        outside = [i for i in idx if not cases[i].scope]
        ranking.append([name, len(faq), *(_pct(sum(_right(cases[i], cases[i].firsts[r]) for i in faq), len(faq))
                                          for r in ("ours", "bm25", "chars", "shown today")),
                        _pct(sum(_right(cases[i], firsts[i]) for i in faq), len(faq)),
                        _pct(sum(bool(cases[i].right.any()) for i in faq), len(faq))])
        right = sum(_right(cases[i], answers[i]) for i in faq)
        answering.append([name, len(faq), len(outside), _pct(sum(cases[i].shipped[0] for i in faq), len(faq)),
                          _pct(sum(cases[i].shipped[1] for i in faq), len(faq)),
                          _pct(sum(cases[i].shipped[1] for i in outside), len(outside)), _pct(right, len(faq)),
                          _pct(sum(answers[i] is not None for i in faq) - right, len(faq)),
                          _pct(sum(answers[i] is not None for i in outside), len(outside))])
    print("Right entry first, % of dev faq messages (the learned ranker judged with each batch left out of its fit)\n")
    print(table(["messages", "n", "ours", "BM25", "n-grams", "shown today", "learned (held out)", "in the pool"],
                ranking))
    print("\nAnswered at once, % (the learned first entry answered when its probability reaches the threshold chosen on "
          "the batches fitted; each batch held out; faq and out-of-scope messages)\n")
    print(table(["messages", "faq n", "none n", "today resolved", "today wrong", "today out of scope answered",
                 "learned resolved", "learned wrong", "learned out of scope answered"], answering))
    x = np.vstack([c.x for c in cases])
    weights, bias = _logistic(x, np.concatenate([c.right for c in cases]).astype(float), np.ones(len(x)))
    print(f"\nFitted on all of dev: weights {tuple(round(float(w), 3) for w in weights)}, bias {bias:.3f} (features: our "
          "score; place and share in ours, BM25, n-grams; rankers naming it first; rankers naming it)")


if __name__ == "__main__":
    main()
