"""Speed of the answer pipeline: from a question's text to the decision, at growing knowledge sizes.

Each size is measured in a fresh process (`python -m bench.latency --one SIZE`): the index's memory is
what building it adds to a process that already loaded the libraries and the knowledge (a process that
built a smaller index before reuses freed memory and under-counts). Beside the whole decision: the
matcher's ranking alone, and BM25 (bm25s's own `retrieve`, the second opinion's index) ranking the same entries;
and the decisions again, of the answerer read back from disk as the hotline reads it at a start.

bm25s is timed from the text (its tokeniser and stemmer included); the matcher's ranking is timed twice: from the
analysis made beforehand (the figure of earlier rounds), and from the text as bm25s is (the clean-up and the
normaliser's analysis included; both keep their per-word caches warm, as bm25s's stemmer does).

    .venv/bin/python -m bench.latency            # shipped, 1,000 and 10,000 entries
    .venv/bin/python -m bench.latency --sizes 10000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import EVAL_FILE, load_eval, percentile, shipped, table
from bench.synthetic import scaled
from bot.answering.answerer import Answerer
from bot.answering.cleanup import clean
from bot.answering.decision import Decision
from bot.answering.normalize import lemma
from bot.config import ROOT
from bot.core.answers import CurrentAnswerer


def _decision(answerer: Answerer) -> Callable[[str], Decision]:
    """The answerer's decision, then the classifier learned from members' messages, asked last as bot/app.py chains
    it: the choices it leads, its agreement, its doubts."""
    return lambda text: answerer.learned_doubts(answerer.learned_agrees(answerer.learned_choices(
        answerer.decide(text), text), text), text)


def _rss_mib() -> float:
    """Resident memory of this process (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def questions() -> list[str]:
    if EVAL_FILE.exists():
        return [q.q for q in load_eval()]
    _, kb = shipped()
    return [a for e in kb.faq for a in e.alternates]


def _timed(texts: list[str], call: Callable[[str], object]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per text (CPU time is less bent by other jobs on the machine)."""
    wall, cpu = [], []
    for text in texts:
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        call(text)
        cpu.append((time.process_time_ns() - c0) / 1e6)
        wall.append((time.perf_counter_ns() - t0) / 1e6)
    return wall, cpu


def measure(size: int | None) -> dict[str, float]:
    settings, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    lemma("reunions")  # the shared French dictionary is opened once per process, whatever the size
    Answerer(scaled(kb, 5) if size else kb, settings.answering).decide("bonjour")  # libraries loaded
    gc.collect()
    rss_before = _rss_mib()
    start = time.perf_counter()
    answerer = Answerer(kb, settings.answering)
    build = time.perf_counter() - start
    gc.collect()
    index_mib = _rss_mib() - rss_before
    # Put in service as the hotline does (bot/core/answers.py): left out of the collector's passes, so a full
    # collection walking millions of index objects does not fall inside a timed question.
    answerer = CurrentAnswerer(answerer).get()
    texts = questions()
    decide, decide_cpu = _timed(texts, _decision(answerer))  # each question once: the typo-correction cache starts cold
    analyses = {text: answerer.analyze(text) for text in texts}
    rank, rank_cpu = _timed(texts, lambda text: answerer.matcher.rank(analyses[text], limit=5))
    # From the text, as bm25s below: clean-up, analysis (not the answerer's per-message cache) and ranking.
    _, from_text_cpu = _timed(texts, lambda text: answerer.matcher.rank(answerer.normalizer.analyze(clean(text)),
                                                                        limit=5))
    bm25, bm25_cpu = _timed(texts, answerer.second.library_rank)  # bm25s's own `retrieve`: the yardstick
    chars, chars_cpu = _timed(texts, answerer.chars.rank)
    # The hotline reads its prepared answerer back from disk at a start (bot/answering/prepared.py): the same
    # decisions, timed again on a copy read back (unpickled arrays once made bm25s 4× slower).
    # Both after a first pass (the stemmers' module-level caches warm), each message analysed afresh.
    answerer._analyses.clear()
    _, again_cpu = _timed(texts, _decision(answerer))
    answerer._analyses.clear()  # a prepared answerer is stored before any question
    read_back = CurrentAnswerer(pickle.loads(pickle.dumps(answerer, protocol=pickle.HIGHEST_PROTOCOL))).get()
    _, read_back_cpu = _timed(texts, _decision(read_back))
    return {"entries": len(kb.faq), "passages": len(kb.passages), "build_s": build, "index_mb": index_mib,
            "p50_ms": percentile(decide, 50), "p99_ms": percentile(decide, 99), "max_ms": max(decide),
            "rank_p50_ms": percentile(rank, 50), "rank_p99_ms": percentile(rank, 99),
            "bm25_p50_ms": percentile(bm25, 50), "bm25_p99_ms": percentile(bm25, 99),
            "chars_p50_ms": percentile(chars, 50), "chars_p99_ms": percentile(chars, 99), "n": len(decide),
            **{f"{name}_cpu_p{q}_ms": percentile(cpu, q) for name, cpu in
               (("decision", decide_cpu), ("rank", rank_cpu), ("from_text", from_text_cpu), ("bm25", bm25_cpu),
                ("chars", chars_cpu),
                ("again", again_cpu), ("read_back", read_back_cpu))
               for q in (50, 99)},
            "load": os.getloadavg()[0]}


def run(sizes: tuple[int | None, ...] = (None, 1_000, 10_000)) -> tuple[str, list[dict[str, float]]]:
    results = []
    for size in sizes:
        out = subprocess.run([sys.executable, "-m", "bench.latency", "--one", str(size or 0)], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    rows = [[int(r["entries"]), int(r["passages"]), f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}", f"{r['max_ms']:.1f}",
             f"{r['rank_p50_ms']:.2f}", f"{r['rank_p99_ms']:.2f}", f"{r['bm25_p50_ms']:.2f}", f"{r['bm25_p99_ms']:.2f}",
             f"{r['chars_p50_ms']:.2f}", f"{r['chars_p99_ms']:.2f}", f"{r['build_s']:.2f}", f"{r['index_mb']:.1f}"]
            for r in results]
    text = table(["FAQ entries", "passages", "decision p50 ms", "p99 ms", "max ms", "matcher rank p50 ms", "p99 ms",
                  "bm25s same entries p50 ms", "p99 ms",
                  "character n-grams p50 ms", "p99 ms", "index build s", "index MiB (fresh process)"], rows)
    cpu = [[int(r["entries"]), *(f"{r[f'{name}_cpu_p{q}_ms']:.2f}" for name in ("decision", "rank", "bm25", "chars")
                                for q in (50, 99)),
            f"{r['rank_cpu_p50_ms'] / r['bm25_cpu_p50_ms']:.1f}",
            *(f"{r[f'from_text_cpu_p{q}_ms']:.2f}" for q in (50, 99)),
            f"{r['from_text_cpu_p50_ms'] / r['bm25_cpu_p50_ms']:.1f}",
            *(f"{r[f'{name}_cpu_p{q}_ms']:.2f}" for name in ("again", "read_back") for q in (50, 99)),
            f"{r['load']:.1f}"] for r in results]
    text += "\n\nCPU time of this process (`process_time`), same runs:\n\n" + table(
        ["FAQ entries", "decision CPU p50 ms", "p99 ms", "matcher rank CPU p50 ms", "p99 ms", "bm25s CPU p50 ms",
         "p99 ms", "character n-grams CPU p50 ms", "p99 ms", "rank / bm25s p50",
         "matcher from the text (clean-up, analysis, rank) CPU p50 ms", "p99 ms", "from the text / bm25s p50",
         "decision 2nd pass CPU p50 ms", "p99 ms", "2nd pass read back from disk CPU p50 ms", "p99 ms",
         "load average (1 min) after the size"], cpu)
    text += f"\n\n{int(results[0]['n'])} questions each; load average (1 min) at the end {os.getloadavg()[0]:.1f}."
    return text, results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="answer pipeline latency")
    parser.add_argument("--sizes", type=int, nargs="*", help="FAQ entries (0: the shipped base)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one or None)))
    else:
        sizes = tuple(s or None for s in args.sizes) if args.sizes else (None, 1_000, 10_000)
        print(run(sizes)[0])
