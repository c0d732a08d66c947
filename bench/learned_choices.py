"""The classifier learned from members' messages and the choices offered (issue 11): does it put the right entry among
the choices, or first among them, on writing it never learned from?

    python -m bench.learned_choices            # the uses, on the held parts of bench.learned_study and the tidy dev set
    python -m bench.learned_choices misses     # held batches 17 onward: single questions not helped, with the classifier's

The product without these uses (`Answerer.learned_choices` off) decides each message once, end to end, with the
classifier trained before the held batches (the same parts and models as `python -m bench.learned_study ends`); each
use then turns that final decision into another outcome; "then the shipped hook" applies `Answerer.learned_agrees`
after it, as the product does (it is asked last). The product as shipped is the last row. The tidy dev set is decided
with the shipped file (never trained on it). The test split is never read.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bench.common import load_eval, table
from bench.learned_study import HELD, Reader, _models_before, _scratch_app, collect, held_parts
from bench.realistic import Message, Outcome, decide_as_new_member, judge, outcome_of, rates
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE, Learned, model_in_use, shipped_model
from bot.cache import cache_dir

CACHE = "learned_choices.pkl"
Ranked = tuple[tuple[str, float], ...]


@dataclass(frozen=True, kw_only=True)
class Final:
    """A final decision, as much of it as the uses read, and the classifier's first three classes."""

    kind: str
    personal: bool
    ids: tuple[str, ...]  # the candidates in the order shown
    scores: tuple[float, ...]
    outcome: Outcome
    ranked: Ranked


def _seen(d: Decision, model: Learned, analysis_of: Callable[[str], object], text: str) -> Final:
    import numpy as np

    p = model.probabilities(analysis_of(text))  # type: ignore[arg-type]
    top = np.argsort(-p)[:3]
    return Final(kind=d.kind.value, personal=d.personal, ids=tuple(c.entry.id for c in d.candidates),
                scores=tuple(c.score for c in d.candidates), outcome=outcome_of(d),
                ranked=tuple((model.classes[i], float(p[i])) for i in top))


def _parts(folds: int = 6) -> list[tuple[str, list[tuple[str, list[Message]]]]]:
    return held_parts(collect(), folds)


def decided() -> dict[str, list[tuple[Message, Final]]]:
    """Each held part's messages decided end to end by the product with the classifier that never saw them, and the
    tidy dev set with the shipped file (cached)."""
    path = cache_dir() / CACHE
    parts = _parts()
    key = ["without Answerer.learned_choices", *((name, [(k, [m.text for m in chunk]) for k, chunk in pieces])
                                                 for name, pieces in parts)]
    if path.exists():
        kept_key, kept = pickle.loads(path.read_bytes())
        if kept_key == key:
            return kept  # type: ignore[no-any-return]
    models = _models_before(Reader(), collect())
    out: dict[str, list[tuple[Message, Final]]] = {}
    n = 0
    for name, pieces in parts:
        out[name] = []
        for model_key, chunk in pieces:
            model = models[model_key]
            with model_in_use(model), _scratch_app("choices") as app:
                app.faq.answerer.use_learned_choices = False  # the uses below are applied to its decisions
                for m in chunk:
                    n += 1
                    d = decide_as_new_member(app, m, f"choices{n}")
                    out[name].append((m, _seen(d, model, app.faq.answerer.analyze, m.text)))
    from bot.core.replies import Sender

    sender = Sender(channel="cli", user_id="bench", chat_id="bench")
    shipped_file = shipped_model()
    assert shipped_file is not None
    tidy: list[tuple[Message, Final]] = []
    with _scratch_app("choices-tidy") as app:
        app.faq.answerer.use_learned_choices = False
        for q in load_eval():
            if q.split != "dev":
                continue
            d = app.faq.decide(sender, q.q)
            m = Message(text=q.q, kind=q.kind, expect=tuple(q.expect), split="dev")
            tidy.append((m, _seen(d, shipped_file, app.faq.answerer.analyze, q.q)))
    out["tidy dev"] = tidy
    path.write_bytes(pickle.dumps((key, out)))
    return out


# --- the uses -----------------------------------------------------------------------------------------------------

Use = Callable[[Final], Final]


def engine(s: Final) -> Final:
    return s


def added(p: float, *, unknown: bool = True, most: int = 3, agreed: bool = False, first: bool = False) -> Use:
    """(1) A single question offered as choices, or found nothing for (`unknown`), not a personal matter: the
    classifier's first entry at p or more, missing from the choices, is added to them (last, in place of the last
    when there are `most` already); for nothing found, offered alone (`agreed`: only when it is our own first entry,
    below the threshold of choices)."""

    def use(s: Final) -> Final:
        top, prob = s.ranked[0]
        if top == NONE or prob < p or s.personal:
            return s
        if s.kind == Kind.SUGGEST.value and top not in s.ids and not agreed:
            ids = (top, *s.ids[:most - 1]) if first else (*s.ids[:most - 1], top)
        elif unknown and s.kind == Kind.UNKNOWN.value and (not agreed or s.ids[:1] == (top,)):
            ids = (top,)
        else:
            return s
        return replace(s, kind=Kind.SUGGEST.value, ids=ids, outcome=Outcome(shown=ids, label="suggest"))

    return use


def led(p: float, *, within: float = 1e9) -> Use:
    """(2) A single question offered as choices: the classifier's first entry at p or more, among the choices but not
    first, is shown first, when our score for it is within `within` points of our first's."""

    def use(s: Final) -> Final:
        top, prob = s.ranked[0]
        if s.kind != Kind.SUGGEST.value or prob < p or top not in s.ids[1:]:
            return s
        if s.scores[0] - s.scores[s.ids.index(top)] > within:
            return s
        ids = (top, *(i for i in s.ids if i != top))
        return replace(s, ids=ids, outcome=replace(s.outcome, shown=ids))

    return use


def agreed(p: float = 0.7) -> Use:
    """The shipped hook after (2): the first choice answered when the classifier names it at p or more."""

    def use(s: Final) -> Final:
        top, prob = s.ranked[0]
        if s.kind != Kind.SUGGEST.value or s.personal or s.ids[:1] != (top,) or prob < p:
            return s
        return replace(s, kind=Kind.ANSWER.value, outcome=Outcome(answered=(top,), shown=s.ids[1:2], label="answer"))

    return use


def beside(p: float) -> Use:
    """(3) A single question answered: the classifier's first entry at p or more, another than the answer, is the
    button beside it (« Ce n'est pas votre question ? »), in place of our runner-up."""

    def use(s: Final) -> Final:
        top, prob = s.ranked[0]
        if s.kind != Kind.ANSWER.value or s.personal or top == NONE or prob < p or top in s.outcome.answered \
                or s.outcome.shown[:1] == (top,):
            return s
        return replace(s, outcome=replace(s.outcome, shown=(top,)))

    return use


def both(*uses: Use) -> Use:
    def use(s: Final) -> Final:
        for u in uses:
            s = u(s)
        return s

    return use


USES: dict[str, Use] = {
    "engine (the product without these uses)": engine,
    **{f"(1) the classifier's first added to the choices, or offered instead of « je ne sais pas », p ≥ {p}":
       added(p) for p in (0.3, 0.5, 0.7, 0.9)},
    **{f"(1a) the same, to choices only, p ≥ {p}": added(p, unknown=False) for p in (0.3, 0.5)},
    **{f"(1c) nothing found: offered only when it is our own first, below the threshold, p ≥ {p}":
       added(p, agreed=True) for p in (0.1, 0.2, 0.3)},
    **{f"(2) the classifier's first shown first among the choices, p ≥ {p}": led(p) for p in (0.2, 0.3, 0.5)},
    **{f"(2) the same, within {w} points of our first, p ≥ 0.3": led(0.3, within=w) for w in (5.0, 10.0)},
    "(1) and (2), p ≥ 0.3": both(added(0.3), led(0.3)),
    "(2) p ≥ 0.3, then the shipped hook (answered at 0.7)": both(led(0.3), agreed()),
    "(1) and (2) p ≥ 0.3, then the shipped hook": both(added(0.3), led(0.3), agreed()),
    **{f"(3) beside an answer, the classifier's first (another entry), p ≥ {p}": beside(p) for p in (0.3, 0.5, 0.7)},
    "**shipped: (1), (2) and (3) at 0.3, then the shipped hook**": both(added(0.3, first=True), led(0.3), agreed(),
                                                                       beside(0.3)),
}


def first_right(pairs: Sequence[tuple[Message, Final]]) -> str:
    """Of the single questions (faq) offered choices holding a right entry, how many show it first."""
    holding = [s.ids[0] in m.expect for m, s in pairs
               if m.kind == "faq" and s.kind == Kind.SUGGEST.value and any(i in m.expect for i in s.ids)]
    return f"{sum(holding)} of {len(holding)}"


def offered_none(pairs: Sequence[tuple[Message, Final]]) -> int:
    """Out-of-scope messages shown choices (not wrong, but no honest « je ne sais pas »)."""
    return sum(1 for m, s in pairs if m.kind == "none" and s.kind == Kind.SUGGEST.value)


def tidy_top1(pairs: Sequence[tuple[Message, Final]]) -> tuple[float, int]:
    faq = [(m, s) for m, s in pairs if m.kind == "faq"]
    right = sum(1 for m, s in faq if s.ids[:1] and s.ids[0] in m.expect)
    declined = sum(1 for m, s in pairs if m.kind == "none" and s.kind not in (Kind.ANSWER.value, Kind.SUGGEST.value,
                                                                               Kind.PASSAGE.value))
    return round(100 * right / len(faq), 1), declined


def study() -> str:
    sets = decided()
    out = []
    for name, pairs in sets.items():
        rows = []
        for use_name, use in USES.items():
            after = [(m, use(s)) for m, s in pairs]
            extra: list[object] = []
            if name == "tidy dev":
                top1, declined = tidy_top1(after)
                extra = [top1, declined]
            verdicts = [judge(m, s.outcome) for m, s in after]
            counts = "; ".join(str(sum(v[i] for v in verdicts)) for i in range(3))
            rows.append([use_name, *rates(verdicts), counts, first_right(after), offered_none(after), *extra])
        head = ["use", "n", "resolved %", "helped %", "confident wrong %", "resolved; helped; wrong", "right first",
                "none offered"]
        out += [name, "", table(head + (["top-1 %", "none declined"] if name == "tidy dev" else []), rows), ""]
    return "\n".join(out)


def misses() -> str:
    """Held batches 17 onward: single questions neither resolved nor helped, and what the held classifier named."""
    pairs = decided()[f"{HELD[0]} to the end"]
    out = []
    for m, s in pairs:
        if m.kind != "faq" or judge(m, s.outcome)[1]:
            continue
        ranked = ", ".join(f"{c} {p:.2f}" for c, p in s.ranked)
        out.append(f"{m.text!r}\n   expect {m.expect}; {s.kind} {s.outcome.answered or s.ids}; classifier {ranked}")
    return "\n".join(out)


if __name__ == "__main__":
    import __main__
    from bench import learned_choices, learned_study

    # bench.learned_study's cache was written when it ran as the main module: its classes are read from here.
    __main__.Part, __main__.Seen = learned_study.Part, learned_study.Seen
    print(learned_choices.misses() if sys.argv[1:] == ["misses"] else learned_choices.study())
