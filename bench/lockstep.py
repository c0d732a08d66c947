"""Two trees' decisions at 10,000 entries, timed in lockstep: on a shared machine the load moves more from one run
of `bench.latency` to the next than a change does (its p99 moved by a millisecond between two runs of the same
code). Here each tree's answerer is built in a process of its own, then both decide the latency questions one at a
time, question after question, which one goes first alternating: both first passes see the same load. Then a second
pass (each message analysed afresh, as `bench.latency`'s). CPU time of each decision, the classifier's hooks included
as bot/app.py chains them (each tree's own: choices, agreement, doubts).

    .venv/bin/python -m bench.lockstep /path/to/other/tree            # this tree against another checkout
    .venv/bin/python -m bench.lockstep /path/to/other/tree --rounds 3

The other tree needs its compiled modules (`bot/answering/*.so`) built or copied beside its sources; it needs no copy
of this file (run as a script in each tree, it imports that tree's code).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import percentile, table
from bench.latency import questions
from bot.config import ROOT

SIZE = 10_000
SLOWEST = 23  # the slowest 5 % of the 450 questions


def serve() -> None:
    """A worker: builds its tree's answerer, then answers each line (a question's number, or "clear") with the
    decision's CPU milliseconds."""
    from bench.common import shipped
    from bench.synthetic import scaled
    from bot.answering.answerer import Answerer
    from bot.answering.normalize import lemma
    from bot.core.answers import CurrentAnswerer

    settings, kb = shipped()
    kb = scaled(kb, SIZE)
    lemma("reunions")  # as bench.latency: the dictionary opened and the libraries loaded before the build
    Answerer(scaled(kb, 5), settings.answering).decide("bonjour")
    answerer = CurrentAnswerer(Answerer(kb, settings.answering)).get()
    texts = questions()
    # The classifier's hooks in bot/app.py's order, those this tree has (an older tree lacks the newer ones).
    hooks = [getattr(answerer, name) for name in ("learned_choices", "learned_agrees", "learned_doubts")
             if hasattr(answerer, name)]
    print(len(texts), flush=True)
    for line in sys.stdin:
        if line.strip() == "clear":
            answerer._analyses.clear()
            print("0", flush=True)
            continue
        text = texts[int(line)]
        start = time.process_time_ns()
        decision = answerer.decide(text)
        for hook in hooks:  # the classifier asked last, as in bot/app.py
            decision = hook(decision, text)
        print((time.process_time_ns() - start) / 1e6, flush=True)


def _ask(worker: subprocess.Popen[str], line: str) -> float:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(f"{line}\n")
    worker.stdin.flush()
    return float(worker.stdout.readline())


def run(other: Path, rounds: int = 1) -> str:
    trees = {"this tree": ROOT, str(other): other.resolve()}
    rows = []
    for n in range(rounds):
        # This file run as a script in each tree: the other tree needs no copy of it.
        workers = {name: subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve"], cwd=tree, text=True,
                                          env={**os.environ, "PYTHONPATH": str(tree)}, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE)
                   for name, tree in trees.items()}
        counts = set()
        for worker in workers.values():
            assert worker.stdout is not None
            counts.add(int(worker.stdout.readline()))
        (count,) = counts
        for label in ("first pass", "second pass"):
            if label == "second pass":
                for worker in workers.values():
                    _ask(worker, "clear")
            times: dict[str, list[float]] = {name: [] for name in workers}
            for i in range(count):
                order = list(workers) if i % 2 == 0 else list(workers)[::-1]
                for name in order:
                    times[name].append(_ask(workers[name], str(i)))
            for name, spent in times.items():
                rows.append([n + 1, label, name, f"{percentile(spent, 50):.2f}", f"{percentile(spent, 99):.2f}",
                             f"{sum(spent):.0f}", f"{sum(sorted(spent)[-SLOWEST:]):.1f}",
                             f"{os.getloadavg()[0]:.1f}"])
        for worker in workers.values():
            assert worker.stdin is not None
            worker.stdin.close()
            worker.wait()
    return table(["round", "pass", "tree", "decision CPU p50 ms", "p99 ms", "sum ms", f"{SLOWEST} slowest ms",
                  "load (1 min)"], rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="two trees' decisions at 10,000 entries, timed in lockstep")
    parser.add_argument("other", nargs="?", type=Path, help="the other tree (a checkout with its compiled modules)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
    elif args.other is None:
        parser.error("the other tree is needed")
    else:
        print(run(args.other, args.rounds))
