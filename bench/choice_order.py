"""Which order of the choices for one question puts the right entry first (realistic dev split only).

    python -m bench.choice_order

The shipped engine (e5 on, as in service) decides every dev message with the choices left in our order; for each
list of choices e5 reads (one question, no personal matter) that holds a right entry, each ordering is applied to
e5's reading of the same words and counted when it puts a right entry first: on all dev, and on the last three
blind batches (bench/answer_doubt.py tells them). The shipped one is `by_agreement`. The test split is never read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from unittest import mock

from bench.answer_doubt import BATCHES, batches
from bench.common import e5_study, table
from bench.realistic import decide_as_new_member, load_realistic
from bot.answering import semantic_opinion
from bot.answering.decision import Decision, Kind
from bot.answering.semantic_opinion import _Reading, by_agreement

# (the choices in our order, e5's reading) → the choices' positions in the order shown
Ordering = Callable[[Decision, _Reading], Sequence[int]]


def _rank_among(values: Sequence[float]) -> list[int]:
    return [sum(other > v for other in values) for v in values]


def _positions(decision: Decision, reading: _Reading) -> list[int]:
    return [reading.index.positions[c.entry.id] for c in decision.candidates]


def _by(key: Callable[[Decision, _Reading], Sequence[float]]) -> Ordering:
    return lambda d, r: sorted(range(len(d.candidates)), key=lambda k: (key(d, r)[k], k))


def _best_phrasing(reading: _Reading, position: int) -> float:
    return float(reading.by_phrasing[reading.index.phrasing_entry == position].max())


def _within(d: Decision, r: _Reading) -> list[float]:
    """The sum of each choice's rank among the choices only, in ours and in e5's two readings."""
    positions = _positions(d, r)
    phrasings = _rank_among([_best_phrasing(r, p) for p in positions])
    passages = _rank_among([float(r.by_passage[p]) for p in positions])
    return [k + a + b for k, (a, b) in enumerate(zip(phrasings, passages, strict=True))]


ORDERINGS: dict[str, Ordering] = {
    "ours": lambda d, r: range(len(d.candidates)),
    "ours and e5's ranks among all entries, summed (shipped)": lambda d, r: [
        d.candidates.index(c) for c in by_agreement(d, r).candidates],
    "ours and e5's ranks among the choices, summed": _by(_within),
    "e5 alone, as passages": _by(lambda d, r: [-float(r.by_passage[p]) for p in _positions(d, r)]),
    "e5 alone, by phrasings": _by(lambda d, r: [-_best_phrasing(r, p) for p in _positions(d, r)]),
}


def main() -> None:
    marks = batches()
    lists: list[tuple[bool, dict[str, bool]]] = []
    with e5_study() as (app, semantic, index), mock.patch.object(semantic_opinion, "by_agreement", lambda d, r: d):
        counter = iter(range(1, 1_000_000))
        for m, batch in zip(load_realistic(), marks, strict=True):
            if m.split != "dev":
                continue
            decision = decide_as_new_member(app, m, f"order{next(counter)}")
            if (decision.kind != Kind.SUGGEST or decision.personal or len(decision.candidates) < 2
                    or not any(c.entry.id in m.expect for c in decision.candidates)):
                continue
            reading = semantic._read(index, " ".join(decision.segments))  # the words e5 read to decide
            lists.append((bool(batch), {name: decision.candidates[next(iter(order(decision, reading)))].entry.id
                                        in m.expect for name, order in ORDERINGS.items()}))
    blind = [firsts for in_batch, firsts in lists if in_batch]
    print(f"Lists of two or three choices e5 reads that hold a right entry: {len(lists)} on dev, {len(blind)} in "
          f"the batches {', '.join(BATCHES)}. The right entry first:")
    print(table(["ordering", "dev", "blind batches today"],
                [[name, sum(f[name] for _, f in lists), sum(f[name] for f in blind)] for name in ORDERINGS]))


if __name__ == "__main__":
    main()
