"""Fit the single-question answer rule (bot/answering/answer_rule.py) on the DEV splits, judged held out.

    python -m bench.answer_rule          # held-out figures of every variant, then the chosen one's constants
    python -m bench.answer_rule fifth    # the fifth round's variants (issue 11) beside the shipped rule
    python -m bench.answer_rule study    # what separates a right first entry from a wrong one, answered or offered

Each dev message of kind faq or none, from both evaluation sets (realistic and tidy), is decided once by the
shipped engine; what the rankers saw of its first entry (`Evidence`) is recorded, with whether that entry is
right and whether the engine would answer it were the rule to say yes (a personal matter, a quoted passage
or a term the entry never names stop it otherwise). A variant is a gate (which rankers must agree), a set of
features and a weight for out-of-scope questions in the fit; its probability threshold is chosen on the
training part (right − 3 × wrong). It is judged on the part held out, three ways: 5 folds by message (repeated
with 4 seeds), one batch of writing left out at a time (each section of realistic.yaml, the tidy set as one),
one family of style left out at a time (stories, spelling and SMS, short and plain, tidy). Out-of-scope
questions answered are counted apart: they are the costly error. The test split is never read here.
"""

from __future__ import annotations

import functools
import math
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bench.common import load_eval, shipped, table
from bench.realistic import REALISTIC_FILE, load_realistic
from bot.answering import answer_rule
from bot.answering.answer_rule import Evidence
from bot.answering.answerer import Answerer
from bot.answering.decision import Kind

COST = 3  # a confident wrong answer costs three right ones
STORY = {"long", "intro", "greeting", "own-situation", "emotion", "two-sentences", "very-long"}
SPELLING = {"sms", "no-accent", "no-punct", "voice", "noise", "typo", "emoji"}


@dataclass(frozen=True, kw_only=True)
class Case:
    text: str
    evidence: Evidence | None  # None: the rule was never asked (no entry at the level of a suggestion)
    right: bool  # our first entry is one the message expects
    scope: bool  # the message is answerable (kind faq); out of scope otherwise
    answerable: bool  # the engine answers the entry when the rule says yes
    batch: str
    family: str


def _sections() -> list[str]:
    """The section header of each item of realistic.yaml, in order (the batches it was written in)."""
    out, header, previous = [], "", ""
    for line in REALISTIC_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and previous.startswith("# ---") and not line.startswith("# ---"):
            header = line[2:60]
        elif line.startswith("# ") and not previous.startswith("#") and not line.startswith("# ---"):
            header = line[2:60]  # an addition introduced by a single comment line
        if line.startswith("- "):
            out.append(header)
        previous = line
    return out


def _family(styles: Sequence[str]) -> str:
    if set(styles) & STORY:
        return "story"
    if set(styles) & SPELLING:
        return "spelling"
    return "plain"


def collect() -> list[Case]:
    settings, kb = shipped()
    answerer = Answerer(kb, settings.answering)
    seen: list[Evidence] = []

    def record(evidence: Evidence) -> bool:
        seen.append(evidence)
        return True  # say yes, to learn whether the engine would then answer it

    answerer.rule = record
    answerer.full_evidence = True  # every feature, the third ranker too (the product reads it only when BM25 agrees)
    realistic = [(m, section) for m, section in zip(load_realistic(), _sections(), strict=True)
                 if m.split == "dev" and m.kind in ("faq", "none") and not m.context]
    tidy = [q for q in load_eval() if q.split == "dev" and q.kind in ("faq", "none")]
    items = [(m.text, m.expect, m.kind, re.sub(r"\W+", " ", section).strip(), _family(m.style))
             for m, section in realistic]
    items += [(q.q, q.expect, q.kind, "tidy", "tidy") for q in tidy]
    cases = []
    for text, expect, kind, batch, family in items:
        seen.clear()
        decision = answerer.decide(text)
        evidence = seen[0] if seen else None
        answerable = bool(evidence and decision.kind == Kind.ANSWER and decision.entry
                          and decision.entry.id == evidence.entry)
        cases.append(Case(text=text, evidence=evidence, right=bool(evidence and evidence.entry in expect),
                          scope=kind == "faq", answerable=answerable, batch=batch, family=family))
    return cases


# --- variants -----------------------------------------------------------------------------------

Features = Callable[[Evidence], tuple[float, ...]]
Gate = Callable[[Evidence], bool]


def base(e: Evidence) -> tuple[float, ...]:
    return (e.score / 100, e.known_coverage, e.lead / 100, e.bm25, e.bm25_ratio)


def with_chars(e: Evidence) -> tuple[float, ...]:
    return (*base(e), e.chars, e.chars_ratio, float(e.chars_agrees))


def with_length(e: Evidence) -> tuple[float, ...]:
    return (*base(e), math.log1p(e.words), e.story_share)


def everything(e: Evidence) -> tuple[float, ...]:
    return (*with_chars(e), math.log1p(e.words), e.story_share)


def with_daily(e: Evidence) -> tuple[float, ...]:
    return (*with_chars(e), float(e.daily_life))


def two_of_three(e: Evidence) -> tuple[float, ...]:
    return (*everything(e), float(e.bm25_agrees))


def gate_bm25(e: Evidence) -> bool:
    return e.bm25_agrees and not e.tie_broken


def gate_two(e: Evidence) -> bool:
    return (e.bm25_agrees or e.chars_agrees) and not e.tie_broken


def gate_tie(e: Evidence) -> bool:
    """BM25 agrees; a near tie of ours that BM25 broke stands when the character n-grams name it too."""
    return e.bm25_agrees and (not e.tie_broken or e.chars_agrees)


def gate_two_ties(e: Evidence) -> bool:
    return (e.bm25_agrees or e.chars_agrees) and (not e.tie_broken or e.chars_agrees)


def two_of_three_tie(e: Evidence) -> tuple[float, ...]:
    return (*two_of_three(e), float(e.tie_broken))


def gate_three(e: Evidence) -> bool:
    return e.bm25_agrees and e.chars_agrees and not e.tie_broken


# Fifth round (issue 11): where the other rankers put ours when they name another first, the question clauses'
# IDF-weighted coverage by the entry, an introduction, the share of SMS spellings and typos.
def with_rare(e: Evidence) -> tuple[float, ...]:
    return (*answer_rule.features(e), e.rare_coverage)


def with_intro(e: Evidence) -> tuple[float, ...]:
    return (*answer_rule.features(e), float(e.intro))


def with_noise(e: Evidence) -> tuple[float, ...]:
    return (*answer_rule.features(e), e.noise)


def with_share(e: Evidence) -> tuple[float, ...]:
    return (*answer_rule.features(e), e.bm25_share, float(e.bm25_agrees))


def with_ranks(e: Evidence) -> tuple[float, ...]:
    return (*with_share(e), e.chars_share, float(e.bm25_rank), float(e.chars_rank))


def with_ranks_rare(e: Evidence) -> tuple[float, ...]:
    return (*with_ranks(e), e.rare_coverage)


def gate_chars_bm25_second(e: Evidence) -> bool:
    """The shipped gate, or the n-grams name ours and BM25 puts it second."""
    return answer_rule.eligible(e) or (e.chars_agrees and e.bm25_rank <= 1 and not e.tie_broken)


def gate_chars_bm25_third(e: Evidence) -> bool:
    return answer_rule.eligible(e) or (e.chars_agrees and e.bm25_rank <= 2 and not e.tie_broken)


def gate_chars_bm25_share(e: Evidence) -> bool:
    """The shipped gate, or the n-grams name ours and BM25 scores it at 0.8 of its first or more."""
    return answer_rule.eligible(e) or (e.chars_agrees and e.bm25_share >= 0.8 and not e.tie_broken)


def gate_shipped_or_chars(e: Evidence) -> bool:
    return answer_rule.eligible(e) or e.chars_agrees


@dataclass(frozen=True)
class Variant:
    name: str
    gate: Gate
    features: Features
    none_weight: float  # weight of an out-of-scope question in the fit
    none_cost: float = COST  # what one answered costs when the threshold is chosen
    daily_life: float = 0.0  # the least probability for a message naming a daily-life matter


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(1 / (1 + np.exp(-(x @ np.array(self.weights) + self.bias))))


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 0.1) -> tuple[np.ndarray, float]:
    """Weighted logistic regression by Newton's method, a little L2 on the standardised weights."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ beta))
        gradient = z.T @ (w * (p - y)) + penalty * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(z.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = beta[:-1] / std
    return weights, float(beta[-1] - (weights * mean).sum())


def _counts(cases: Sequence[Case], answered: np.ndarray) -> tuple[int, int, int]:
    """(right, wrong on answerable questions, out-of-scope answered)."""
    right = wrong = outside = 0
    for case, yes in zip(cases, answered, strict=True):
        if not yes:
            continue
        if not case.scope:
            outside += 1
        elif case.right:
            right += 1
        else:
            wrong += 1
    return right, wrong, outside


def _answered(variant: Variant, model: Model, cases: Sequence[Case]) -> np.ndarray:
    out = np.zeros(len(cases), dtype=bool)
    for i, case in enumerate(cases):
        e = case.evidence
        if e is not None and case.answerable and variant.gate(e):
            x = np.array([variant.features(e)])
            threshold = max(model.threshold, variant.daily_life) if e.daily_life else model.threshold
            out[i] = bool(model.probability(x)[0] >= threshold)
    return out


def fit(variant: Variant, cases: Sequence[Case]) -> Model:
    usable = [c for c in cases if c.evidence is not None and c.answerable and variant.gate(c.evidence)]
    x = np.array([variant.features(c.evidence) for c in usable if c.evidence is not None])
    y = np.array([1.0 if c.scope and c.right else 0.0 for c in usable])
    w = np.array([1.0 if c.scope else variant.none_weight for c in usable])
    weights, bias = _logistic(x, y, w)
    probabilities = 1 / (1 + np.exp(-(x @ weights + bias)))
    best, best_value = 1.01, 0.0
    for threshold in np.arange(0.5, 0.99, 0.01):
        yes = probabilities >= threshold
        value = sum(1 if (c.scope and c.right) else -COST if c.scope else -variant.none_cost
                    for c, a in zip(usable, yes, strict=True) if a)
        if value > best_value:
            best, best_value = float(threshold), value
    return Model(tuple(float(v) for v in weights), bias, best)


def held_out(variant: Variant, cases: Sequence[Case], folds: list[list[int]]) -> tuple[int, int, int]:
    right = wrong = outside = 0
    for fold in folds:
        held = set(fold)
        train = [c for i, c in enumerate(cases) if i not in held]
        test = [cases[i] for i in fold]
        r, w, o = _counts(test, _answered(variant, fit(variant, train), test))
        right, wrong, outside = right + r, wrong + w, outside + o
    return right, wrong, outside


def schemes(cases: Sequence[Case]) -> dict[str, list[list[list[int]]]]:
    """Each scheme: repeats of a partition of the cases into held-out folds."""
    by_message = []
    for seed in range(4):
        order = list(range(len(cases)))
        random.Random(seed).shuffle(order)
        by_message.append([order[k::5] for k in range(5)])

    def groups(key: Callable[[Case], str]) -> list[list[int]]:
        out: dict[str, list[int]] = {}
        for i, c in enumerate(cases):
            out.setdefault(key(c), []).append(i)
        return list(out.values())

    return {"5 folds by message": by_message, "batch left out": [groups(lambda c: c.batch)],
            "style family left out": [groups(lambda c: c.family)]}


SHIPPED = Variant("shipped: BM25 agrees, a broken tie when chars agree too; all features, out-of-scope × 4; "
                  "daily life at p ≥ 0.9", answer_rule.eligible, answer_rule.features, 4.0,
                  daily_life=answer_rule.DAILY_LIFE_PROBABILITY)
VARIANTS = [
    Variant("BM25 agrees; score, coverage, lead, BM25 (shipped features)", gate_bm25, base, 1.0),
    Variant("same, out-of-scope × 4", gate_bm25, base, 4.0),
    Variant("same + character n-grams (cosine, 2nd/1st, agrees)", gate_bm25, with_chars, 1.0),
    Variant("same + character n-grams, out-of-scope × 4", gate_bm25, with_chars, 4.0),
    Variant("same + length and story share", gate_bm25, with_length, 1.0),
    Variant("BM25 agrees; all features", gate_bm25, everything, 1.0),
    Variant("BM25 agrees; all features, out-of-scope × 4", gate_bm25, everything, 4.0),
    Variant("2 of 3 agree; all features + BM25 agrees", gate_two, two_of_three, 1.0),
    Variant("2 of 3 agree; all features + BM25 agrees, out-of-scope × 4", gate_two, two_of_three, 4.0),
    Variant("all 3 agree; all features", gate_three, everything, 1.0),
    Variant("BM25 agrees, a broken tie when chars agree too; shipped features", gate_tie, base, 1.0),
    Variant("BM25 agrees, a broken tie when chars agree too; + chars", gate_tie, with_chars, 1.0),
    Variant("BM25 agrees, a broken tie when chars agree too; all features", gate_tie, everything, 1.0),
    Variant("BM25 agrees, a broken tie when chars agree too; all features, out-of-scope × 4", gate_tie,
            everything, 4.0),
    Variant("2 of 3 agree, broken ties when chars agree; all features + BM25 agrees + tie", gate_two_ties,
            two_of_three_tie, 1.0),
    Variant("BM25 agrees, a broken tie when chars agree too; + chars, out-of-scope costs 6", gate_tie, with_chars,
            1.0, 6.0),
    Variant("BM25 agrees, a broken tie when chars agree too; + chars, out-of-scope × 2, costs 6", gate_tie,
            with_chars, 2.0, 6.0),
    Variant("BM25 agrees, a broken tie when chars agree too; all features, out-of-scope costs 6", gate_tie,
            everything, 1.0, 6.0),
    Variant("BM25 agrees, a broken tie when chars agree too; + chars + daily life named", gate_tie, with_daily, 1.0),
    Variant("same, out-of-scope × 2", gate_tie, with_daily, 2.0),
    SHIPPED,
]
DAILY = answer_rule.DAILY_LIFE_PROBABILITY
FIFTH_ROUND = [
    Variant("shipped + IDF-weighted coverage of the question clauses", answer_rule.eligible, with_rare, 4.0,
            daily_life=DAILY),
    Variant("shipped + an introduction", answer_rule.eligible, with_intro, 4.0, daily_life=DAILY),
    Variant("shipped + share of SMS spellings and typos", answer_rule.eligible, with_noise, 4.0, daily_life=DAILY),
    Variant("or chars agree and BM25 puts ours 2nd; + BM25's share of ours", gate_chars_bm25_second, with_share, 4.0,
            daily_life=DAILY),
    Variant("same; + both rankers' ranks and shares", gate_chars_bm25_second, with_ranks, 4.0, daily_life=DAILY),
    Variant("or chars agree and BM25 has ours in its first 3; + BM25's share", gate_chars_bm25_third, with_share, 4.0,
            daily_life=DAILY),
    Variant("same; + ranks, shares, coverage of the question", gate_chars_bm25_third, with_ranks_rare, 4.0,
            daily_life=DAILY),
    Variant("or chars agree and BM25 scores ours ≥ 0.8 of its first; + BM25's share", gate_chars_bm25_share,
            with_share, 4.0, daily_life=DAILY),
    Variant("or chars agree (2 of 3); + ranks and shares", gate_shipped_or_chars, with_ranks, 4.0, daily_life=DAILY),
    Variant("or chars agree (2 of 3); + ranks, shares, coverage", gate_shipped_or_chars, with_ranks_rare, 4.0,
            daily_life=DAILY),
]


def shipped_counts(cases: Sequence[Case]) -> tuple[int, int, int]:
    """The rule as shipped (its constants fitted on all of dev: not held out)."""
    answered = np.array([bool(c.evidence and c.answerable and answer_rule.sure(c.evidence)) for c in cases])
    return _counts(cases, answered)


STUDIED = ("score", "lead", "known_coverage", "rare_coverage", "bm25", "bm25_ratio", "chars", "chars_ratio",
           "chars_agrees", "bm25_agrees", "tie_broken", "words", "story_share", "intro", "noise", "daily_life")


def _label(case: Case) -> str:
    return "right" if case.scope and case.right else "wrong" if case.scope else "out of scope"


def study(cases: Sequence[Case]) -> None:
    """The answerable first entries, answered by the shipped rule or offered among choices, right, wrong or out of
    scope: each feature's median (mean), then the in-sample counts of the simple rules tried beside the fit."""
    asked = [c for c in cases if c.evidence is not None and c.answerable]
    groups: dict[str, list[Evidence]] = {}
    for c in asked:
        assert c.evidence is not None
        said = "answered" if answer_rule.sure(c.evidence) else "offered"
        groups.setdefault(f"{said}, {_label(c)}", []).append(c.evidence)
    names = sorted(groups)
    rows: list[list[object]] = [["n", *(len(groups[k]) for k in names)]]
    for feature in STUDIED:
        rows.append([feature, *(f"{np.median([float(getattr(e, feature)) for e in groups[k]]):.2f} "
                                f"({np.mean([float(getattr(e, feature)) for e in groups[k]]):.2f})" for k in names)])
    print(table(["feature: median (mean)", *names], rows))

    def count(rule: Callable[[Evidence], bool]) -> str:
        chosen = [c for c in asked if c.evidence is not None and rule(c.evidence)]
        return " / ".join(str(sum(_label(c) == k for c in chosen)) for k in ("right", "wrong", "out of scope"))

    offered = [c for c in asked if c.evidence is not None and not answer_rule.sure(c.evidence)]
    print(f"\nOffered ({len(offered)}): right / wrong / out of scope among those a rule would answer (in sample)")
    def agreed(least: float, e: Evidence) -> bool:
        return (not answer_rule.sure(e) and e.bm25_agrees and e.chars_agrees and not e.tie_broken
                and e.rare_coverage >= least)

    def lower(threshold: float, e: Evidence) -> bool:
        return (not answer_rule.sure(e) and answer_rule.eligible(e) and not e.daily_life
                and answer_rule.probability(e) >= threshold)

    def second(e: Evidence) -> bool:
        return not answer_rule.sure(e) and e.chars_agrees and e.bm25_rank == 1 and not e.tie_broken

    def veto(bm25: float, chars: float, e: Evidence) -> bool:
        return answer_rule.sure(e) and e.bm25_ratio >= bm25 and e.chars_ratio >= chars

    tried: list[tuple[str, Callable[[Evidence], bool]]] = [
        (f"the three rankers name it first, it covers ≥ {least} of the question clauses' rare words",
         functools.partial(agreed, least)) for least in (0.6, 0.8, 1.0)]
    tried += [(f"the shipped gate at p ≥ {t}", functools.partial(lower, t)) for t in (0.3, 0.4, 0.45)]
    tried.append(("the n-grams name it, BM25 puts it second", second))
    for name, rule in tried:
        print(f"- {name}: {count(rule)}")
    print("\nAnswered: right / wrong / out of scope a veto would take back (in sample)")
    for bm25, chars in ((0.95, 0.0), (0.95, 0.85), (0.97, 0.85), (0.95, 0.9)):
        print(f"- BM25's second ≥ {bm25} of its first and the n-grams' ≥ {chars}: "
              + count(functools.partial(veto, bm25, chars)))


def main() -> None:
    cases = collect()
    if len(sys.argv) > 1 and sys.argv[1] == "study":
        study(cases)
        return
    asked = [c for c in cases if c.evidence is not None]
    print(f"{len(cases)} dev messages (faq {sum(c.scope for c in cases)}, out of scope "
          f"{sum(not c.scope for c in cases)}); the rule is asked for {len(asked)}, "
          f"{sum(c.answerable for c in asked)} would be answered on its yes.")
    r, w, o = shipped_counts(cases)
    print(f"shipped rule on all of dev (fitted there): {r} right, {w} wrong, {o} out of scope answered\n")
    if len(sys.argv) > 1 and sys.argv[1] == "shipped":
        VARIANTS[:] = [SHIPPED]
    elif len(sys.argv) > 1 and sys.argv[1] == "fifth":  # this round's variants beside the shipped rule
        VARIANTS[:] = [SHIPPED, *FIFTH_ROUND]
    plans = schemes(cases)
    rows = []
    for variant in VARIANTS:
        row: list[object] = [variant.name]
        for repeats in plans.values():
            totals = np.mean([held_out(variant, cases, folds) for folds in repeats], axis=0)
            right, wrong, outside = (float(t) for t in totals)
            row.append(f"{right:.1f} / {wrong:.1f} / {outside:.1f} → {right - COST * (wrong + outside):.1f}")
        rows.append(row)
    print("Held out: right / wrong / out of scope answered → right − 3 × (wrong + out of scope)\n")
    print(table(["variant", *plans], rows))
    for variant in VARIANTS:
        model = fit(variant, cases)
        print(f"\n{variant.name}: weights {tuple(round(v, 3) for v in model.weights)}, bias {model.bias:.3f}, "
              f"threshold {model.threshold:.2f}")


if __name__ == "__main__":
    main()
