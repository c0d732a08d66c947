"""How many readings a message takes, and whether any is made twice: each call that decides a list of parts (the
whole message, each of several questions, a question read with the story or the question before it, a question
asked alone…) is a reading. A reading made again within one message, with the same parts, roles and options, is one
a cache per message would save. Realistic dev messages only (the test split is never read); counts, no message.

    .venv/bin/python -m bench.readings

Measured at the twentieth stop: 3,293 dev messages (those with no earlier question), 4,613 readings, 16 made again
(1 ms of ~2.8 s, a nested reading's time counted in its caller's too), 12 more with the same parts and other options,
no reading made again deciding otherwise. A message of several questions is read 3–4 times, but each reading reads
other words: no decision is worth keeping for a later reading of the same message.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict

from bench.common import shipped, table
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision
from bot.answering.segment import Segment

_Key = tuple[tuple[tuple[str, str], ...], frozenset[str], bool]


class _Counting(Answerer):
    """The answerer, its readings counted (nested ones too) and timed, by message."""

    def start(self) -> None:
        self.seen: dict[tuple[_Key, bool, bool], Decision] = {}
        self.parts: set[_Key] = set()

    def decide_segments(self, segments: list[Segment], exclude: frozenset[str] = frozenset(),
                        offer_agreed: bool = False, *, runner_up: bool = True, choices: bool = True) -> Decision:
        parts: _Key = (tuple((s.text, s.role.value) for s in segments), exclude, offer_agreed)
        start = time.process_time_ns()
        decision = super().decide_segments(segments, exclude, offer_agreed, runner_up=runner_up, choices=choices)
        spent = (time.process_time_ns() - start) / 1e6
        counts["readings"] += 1
        times["readings"] += spent
        if (parts, runner_up, choices) in self.seen:
            counts["made again"] += 1
            times["made again"] += spent
            counts["made again, another decision"] += self.seen[(parts, runner_up, choices)] != decision
        elif parts in self.parts:
            counts["same parts, other options"] += 1
            times["same parts, other options"] += spent
        self.seen[(parts, runner_up, choices)] = decision
        self.parts.add(parts)
        return decision


counts: Counter[str] = Counter()
times: defaultdict[str, float] = defaultdict(float)


def run() -> str:
    settings, kb = shipped()
    answerer = _Counting(kb, settings.answering)
    texts = [m.text for m in load_realistic() if m.split == "dev" and not m.context]
    per_message: Counter[int] = Counter()
    for text in texts:
        answerer.start()
        answerer._analyses.clear()  # each message analysed afresh
        before = counts["readings"]
        answerer.decide(text)
        per_message[counts["readings"] - before] += 1
    rows = [[name, counts[name], f"{times[name]:.0f}"] for name in
            ("readings", "made again", "same parts, other options", "made again, another decision")]
    spread = ", ".join(f"{n} readings: {m}" for n, m in sorted(per_message.items()))
    return (table(["dev messages " + str(len(texts)), "count", "CPU ms"], rows)
            + f"\n\nMessages by their readings: {spread}.")


if __name__ == "__main__":
    print(run())
