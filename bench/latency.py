"""Speed of the answer pipeline: from a question's text to the decision, at growing knowledge sizes."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from bench.common import EVAL_FILE, load_eval, percentile, shipped, table
from bench.synthetic import scaled
from bot.answering.answerer import Answerer
from bot.answering.normalize import french_lemmas


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


def measure(size: int | None) -> dict[str, float]:
    settings, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    french_lemmas()  # the shared French dictionary is loaded once per process, whatever the size
    gc.collect()
    rss_before = _rss_mib()
    start = time.perf_counter()
    answerer = Answerer(kb, settings.answering)
    build = time.perf_counter() - start
    index_mib = _rss_mib() - rss_before
    timings = []
    for text in questions():  # each question once: the typo-correction cache starts cold
        t0 = time.perf_counter_ns()
        answerer.decide(text)
        timings.append((time.perf_counter_ns() - t0) / 1e6)
    return {"entries": len(kb.faq), "passages": len(kb.passages), "build_s": build, "index_mb": index_mib,
            "p50_ms": percentile(timings, 50), "p99_ms": percentile(timings, 99), "max_ms": max(timings),
            "n": len(timings)}


def run(sizes: tuple[int | None, ...] = (None, 1_000, 10_000)) -> tuple[str, list[dict[str, float]]]:
    results = [measure(size) for size in sizes]
    rows = [[int(r["entries"]), int(r["passages"]), f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}", f"{r['max_ms']:.1f}",
             f"{r['build_s']:.2f}", f"{r['index_mb']:.1f}"] for r in results]
    text = table(["FAQ entries", "passages", "p50 ms", "p99 ms", "max ms", "index build s", "index MiB (RSS growth)"],
                 rows)
    return text, results


if __name__ == "__main__":
    print(run()[0])
