"""Cold start: a new process answering one question (`hotline ask --json`), beside `import sqlalchemy`.

The machine running the benchmarks is shared: absolute times move with its load, so each `ask` is timed
next to the yardstick (a Python process importing SQLAlchemy, nothing else) in the same round, and both
are reported as medians over the rounds, with the load average. CPU time (user + system) and peak RSS
are each child's own (`wait4`): the CPU time moves less with the load than the wall time. The first run of
each command (not counted) prepares what is kept on disk: the lemma file, the knowledge snapshot, the
prepared answerer, the compiled regular expressions, and Python's bytecode of the sources (written as
Python does by default, even when PYTHONDONTWRITEBYTECODE is set here: installed, the libraries of the
yardstick have theirs too).

    .venv/bin/python -m bench.coldstart [--rounds 7] [--chat]

`--chat` also times `hotline chat` to its first prompt (it is given `/quitter` at once: the time is the
start, the greeting, the prompt and leaving).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import median, table
from bot.config import ROOT

QUESTION = "c'est quoi un QPV"


def _hotline() -> list[str]:
    script = Path(sys.executable).with_name("hotline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


COMMANDS = {
    "hotline ask --json": [*_hotline(), "ask", "--json", QUESTION],
    "python -c 'import sqlalchemy'": [sys.executable, "-c", "import sqlalchemy"],
}
CHAT = {"hotline chat (to the first prompt)": [*_hotline(), "chat"]}


_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=_ENVIRONMENT)
    assert child.stdin is not None
    child.stdin.write(b"/quitter\n")  # what the chat reads at its first prompt; `ask` has its question
    child.stdin.close()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{command} failed: {child.stderr.read().decode() if child.stderr else ''}")
    if child.stderr:
        child.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def run(rounds: int = 7, chat: bool = False) -> tuple[str, dict[str, dict[str, float]]]:
    commands = {**COMMANDS, **(CHAT if chat else {})}
    for command in commands.values():
        _run(command)  # prepares the on-disk caches; not counted
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    loads = []
    for _ in range(rounds):
        loads.append(os.getloadavg()[0])
        for name, command in commands.items():
            wall, cpu, peak = _run(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name].append(peak)
    results = {name: {"wall_s": median(walls[name]), "min_s": min(walls[name]), "max_s": max(walls[name]),
                      "cpu_s": median(cpus[name]), "rss_mib": max(peaks[name])} for name in commands}
    yardstick = results["python -c 'import sqlalchemy'"]
    ask = results["hotline ask --json"]
    ratio, cpu_ratio = ask["wall_s"] / yardstick["wall_s"], ask["cpu_s"] / yardstick["cpu_s"]
    rows = [[name, f"{r['wall_s']:.2f}", f"{r['min_s']:.2f}–{r['max_s']:.2f}", f"{r['wall_s'] / yardstick['wall_s']:.2f}",
             f"{r['cpu_s']:.2f}", f"{r['cpu_s'] / yardstick['cpu_s']:.2f}", f"{r['rss_mib']:.0f}"]
            for name, r in results.items()]
    text = table(["command", "median wall s", "min–max s", "wall ÷ import sqlalchemy", "median CPU s",
                  "CPU ÷ import sqlalchemy", "peak RSS MiB"], rows)
    text += (f"\n\n{rounds} rounds; `ask` / `import sqlalchemy` median ratio {ratio:.2f} (wall), {cpu_ratio:.2f} (CPU); "
             f"load average (1 min) during the rounds {min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} cores.")
    return text, results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--chat", action="store_true", help="time `hotline chat` to its first prompt too")
    arguments = parser.parse_args()
    print(run(arguments.rounds, arguments.chat)[0])
