"""Our own two-question messages (bench/eval/two_questions.yaml): is each question answered or offered?

The messages are asked as a new member would (`bench.realistic.decide_as_new_member`, through
`bench.realistic.product`) and judged as the realistic set judges them (`bench.realistic.judge`): a two-question
message is *resolved* when both entries it asks are answered or offered as one button each, *helped* when both
are among the answers and choices. A single question that only looks like two is resolved when its entry is
answered and the message is not read as several questions ("Vous posez deux questions" for one question is a
misreading, even with the right answer inside).

Half the set is held out (`split: held`): tune on `tuned`, measure `held` before any change and once at the end.

    python -m bench.two_questions            # both halves
    python -m bench.two_questions tuned      # the tuned half alone (while tuning: the held half stays unseen)
    python -m bench.two_questions errors     # the misses of the tuned half only
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence

from bench.common import table
from bench.realistic import Message, Outcome, judge, load_realistic, rates, shipped_outcomes
from bot.config import ROOT

TWO_QUESTIONS_FILE = ROOT / "bench" / "eval" / "two_questions.yaml"
SPLITS = ("tuned", "held")


def verdict(m: Message, o: Outcome) -> tuple[bool, bool, bool]:
    """(resolved, helped, confident wrong): the realistic set's judgement; one question read as two is not resolved."""
    resolved, helped, wrong = judge(m, o)
    if m.kind != "multi" and o.label == "multi":
        resolved = False
    return resolved, helped, wrong


def report(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    groups: dict[tuple[str, str], list[tuple[bool, bool, bool]]] = defaultdict(list)
    for m, o in zip(messages, results, strict=True):
        v = verdict(m, o)
        kind = "two questions" if m.kind == "multi" else "one question"
        for key in ((m.split, "all"), (m.split, kind)):
            groups[key].append(v)
    rows = [[split, kind, *rates(groups[(split, kind)])] for split in SPLITS
            for kind in ("all", "two questions", "one question") if groups[(split, kind)]]
    return table(["half", "messages", "n", "resolved %", "helped %", "confident wrong %"], rows)


def errors(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    lines = []
    for m, o in zip(messages, results, strict=True):
        if m.split == "tuned" and not verdict(m, o)[0]:
            lines.append(f"[{m.kind}] {m.text!r}\n   expect {m.expect} got {o}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    messages = load_realistic(TWO_QUESTIONS_FILE)
    if argv[:1] == ["errors"]:
        tuned = [m for m in messages if m.split == "tuned"]
        print(errors(tuned, shipped_outcomes(tuned)))
        return
    if argv[:1] == ["tuned"]:
        messages = [m for m in messages if m.split == "tuned"]
    print(report(messages, shipped_outcomes(messages)))


if __name__ == "__main__":
    main(sys.argv[1:])
