"""The tidy evaluation set and the classifier learned from members' messages (issue 11): does learning the tidy dev
questions too help it on tidy questions it never learned, and does its first class break the rankers' near ties?

    python -m bench.tidy_learned            # tidy dev in two halves (a stable hash of the question): each half judged
                                            # by the shipped classifier, then by one that also learned the other half
    python -m bench.tidy_learned ends       # the leave-batches-out study of bench.learned_study with tidy dev learned

The shipped classifier learns the knowledge's phrasings and the realistic set's dev messages, never the tidy set
(bench/learned_study.py). Here a classifier learns the same and one half of tidy dev; the other half, which it never
saw, is decided end to end by the product (`python -m bench.quality dev shipped` scores: top-1 is the decision's
first candidate). The test split is never read.
"""

from __future__ import annotations

import dataclasses
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

import numpy as np

from bench import learned_study
from bench.common import EvalQuestion, load_eval, table
from bench.learned_study import Example, Reader, collect, shippable, train
from bench.quality import Metrics, run_hotline
from bot.answering import learned_choices
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE, Learned, model_in_use, shipped_model
from bot.answering.matcher import candidate_of
from bot.core.replies import Sender

HALVES = (0, 1)


def half(q: EvalQuestion) -> int:
    """The question's half, by a hash that does not change from one run to the next."""
    return zlib.crc32(q.q.encode()) & 1


def tidy_dev() -> list[EvalQuestion]:
    return [q for q in load_eval() if q.split == "dev"]


def taught(q: EvalQuestion) -> tuple[str, ...]:
    """The labels a tidy question teaches, as a realistic message would (`learned_study.learned_from`)."""
    if q.kind in ("faq", "glossary"):
        return q.expect
    if q.kind == "none":
        return (NONE,)
    return ()


def tidy_examples(reader: Reader, questions: Sequence[EvalQuestion], weight: float = 1.0) -> list[Example]:
    return [Example(x=reader(q.q), labels=labels, weight=weight) for q in questions if (labels := taught(q))]


def learned_with(reader: Reader, questions: Sequence[EvalQuestion], weight: float = 1.0) -> Learned:
    """The shipped recipe (the knowledge, every realistic dev message) and `questions` of the tidy set."""
    realistic = reader.examples([s.message for s in collect()])
    return shippable(train(reader.knowledge() + realistic + tidy_examples(reader, questions, weight)))


# --- the variants of the classifier's tie-breaking -----------------------------------------------------------------

Tune = Callable[[Answerer], None]


def _lead_at(p: float) -> Callable[[], AbstractContextManager[None]]:
    @contextmanager
    def lead() -> Iterator[None]:
        kept = learned_choices.LEAD_PROBABILITY
        learned_choices.LEAD_PROBABILITY = p
        try:
            yield
        finally:
            learned_choices.LEAD_PROBABILITY = kept

    return lead


def _always(p: float) -> Callable[[Answerer, Decision, str], Decision]:
    """An answer too: the classifier's first entry at p or more, another than ours, turns it into choices it leads."""

    def turn(answerer: Answerer, d: Decision, text: str) -> Decision:
        if d.kind != Kind.ANSWER or d.entry is None or d.personal:
            return d
        model = shipped_model()
        assert model is not None
        probs = model.probabilities(answerer.analyze(text))
        best = int(np.argmax(probs))
        named = model.classes[best]
        entry = answerer.kb.entry(named)
        if named == NONE or named == d.entry.id or probs[best] < p or entry is None:
            return d
        first = candidate_of(entry, d.candidates)
        return dataclasses.replace(d, kind=Kind.SUGGEST, entry=None, runner_up=None,
                                   candidates=(first, *(c for c in d.candidates if c is not first)))

    return turn


@contextmanager
def _nothing() -> Iterator[None]:
    yield


Around = Callable[[], AbstractContextManager[None]]
After = Callable[[Answerer, Decision, str], Decision]
VARIANTS: dict[str, tuple[Tune | None, Around, After | None]] = {
    "shipped (leads choices at ≥ 0.1, `LEAD_PROBABILITY`)": (None, _nothing, None),
    "leads at ≥ 0.3 (before this study)": (None, _lead_at(0.3), None),
    "without the classifier's choices": (lambda a: setattr(a, "use_learned_choices", False), _nothing, None),
    "leads at any probability": (None, _lead_at(0.0), None),
    "leads at ≥ 0.2": (None, _lead_at(0.2), None),
    "leads at ≥ 0.5": (None, _lead_at(0.5), None),
    "always: an answer it reads otherwise at ≥ 0.5 offered, its entry first": (None, _nothing, _always(0.5)),
    "always: the same at ≥ 0.3": (None, _nothing, _always(0.3)),
}


def measure(model: Learned, questions: Sequence[EvalQuestion], variant: str) -> Metrics:
    tune, around, after = VARIANTS[variant]
    sender = Sender(channel="cli", user_id="bench", chat_id="bench")
    with learned_study._scratch_app("tidy-halves") as app, model_in_use(model), around():
        answerer = app.faq.answerer
        if tune is not None:
            tune(answerer)

        def decide(text: str) -> Decision:
            d = app.faq.decide(sender, text)
            return after(answerer, d, text) if after is not None else d

        return run_hotline(decide, list(questions))


def disagreements(model: Learned, questions: Sequence[EvalQuestion], reader: Reader) -> dict[str, list[int]]:
    """By the decision's kind: [decision's first wrong and the classifier's right, the reverse, both wrong, n]."""
    sender = Sender(channel="cli", user_id="bench", chat_id="bench")
    out: dict[str, list[int]] = {}
    with learned_study._scratch_app("tidy-order") as app, model_in_use(model):
        app.faq.answerer.use_learned_choices = False  # the rankers' own order
        for q in questions:
            if q.kind != "faq":
                continue
            d = app.faq.decide(sender, q.q)
            ours = d.candidates[0].entry.id if d.candidates else None
            probs = model.probabilities(reader.answerer.analyze(q.q))
            theirs = model.classes[int(np.argmax(probs))]
            row = out.setdefault(d.kind.value, [0, 0, 0, 0])
            row[0] += ours not in q.expect and theirs in q.expect
            row[1] += ours in q.expect and theirs not in q.expect
            row[2] += ours not in q.expect and theirs not in q.expect
            row[3] += 1
    return out


def halves(weight: float = 1.0, variants: Sequence[str] = ("shipped (leads choices at ≥ 0.1, `LEAD_PROBABILITY`)",)) -> str:
    reader = Reader()
    questions = tidy_dev()
    parts = {h: [q for q in questions if half(q) == h] for h in HALVES}
    shipped_file = Learned.load()
    assert shipped_file is not None
    held = {h: learned_with(reader, parts[1 - h], weight) for h in HALVES}
    rows: list[list[object]] = []
    for variant in variants:
        for name, models in (("shipped classifier", {h: shipped_file for h in HALVES}),
                             (f"learned the other half (weight {weight})", held)):
            row: list[object] = [variant, name]
            for h in HALVES:
                m = measure(models[h], parts[h], variant)
                row.append(f"{m.top1} / {m.answered_right} / {m.confident_wrong} / {m.none_abstained}")
            rows.append(row)
    counts = [f"half {h} ({len(parts[h])} questions, {sum(q.kind == 'faq' for q in parts[h])} faq)" for h in HALVES]
    out = table(["variant", "classifier", *[f"{c}: top-1 / right / wrong / declined" for c in counts]], rows)
    lines = []
    for name, models in (("shipped", {h: shipped_file for h in HALVES}), ("learned the other half", held)):
        for h in HALVES:
            found = disagreements(models[h], parts[h], reader)
            lines.append(f"{name}, half {h}: " + "; ".join(
                f"{kind}: ours wrong & its right {r[0]}, ours right & its wrong {r[1]}, both wrong {r[2]} of {r[3]}"
                for kind, r in sorted(found.items())))
    return out + "\n\nThe decision's first (without the classifier's choices) against the classifier's first, faq:\n" \
        + "\n".join(lines)


def ends(variant: str = "current", weight: float = 1.0) -> str:
    """bench.learned_study's leave-batches-out study, each model also learning all of tidy dev (never judged there)."""
    questions = tidy_dev()
    knowledge = Reader.knowledge

    def with_tidy(self: Reader) -> list[Example]:
        return knowledge(self) + tidy_examples(self, questions, weight)

    Reader.knowledge = with_tidy  # type: ignore[method-assign]
    learned_study.RECIPE += f"-tidy{weight}"
    return learned_study.end_to_end(variant=variant)


if __name__ == "__main__":
    # The decisions' cache was written by `python -m bench.learned_study`: its classes are read from __main__.
    globals().update(Seen=learned_study.Seen, Part=learned_study.Part)
    if sys.argv[1:2] == ["ends"]:
        print(ends(sys.argv[2] if len(sys.argv) > 2 else "current", float(sys.argv[3]) if len(sys.argv) > 3 else 1.0))
    elif sys.argv[1:2] == ["weight"]:
        print(halves(float(sys.argv[2])))
    elif sys.argv[1:2] == ["order"]:
        print(halves(variants=list(VARIANTS)))
    else:
        print(halves())
