"""Our own routing set (bench/eval/routing.yaml): does each message go to the right place before any entry is chosen?

Daily-life requests must get no entry as an answer, agenda questions the agenda, dialogue acts their reply, glossary
questions the term. The messages are asked as a new member would (`bench.realistic.decide_as_new_member`, through
`bench.realistic.product`) and judged as the realistic set judges them (`bench.realistic.judge`).

Half the set is held out (`split: held`): tune on `tuned`; measure `held` before any change and once at the end.

    python -m bench.routing            # the tuned half, by kind
    python -m bench.routing held       # the held half too (before any change, then once at the end)
    python -m bench.routing errors     # the misses of the tuned half only
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence

from bench.common import table
from bench.realistic import Message, Outcome, judge, load_realistic, rates, shipped_outcomes
from bot.config import ROOT

ROUTING_FILE = ROOT / "bench" / "eval" / "routing.yaml"
KINDS = ("none", "agenda", "act", "glossary")


def report(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    groups: dict[tuple[str, str], list[tuple[bool, bool, bool]]] = defaultdict(list)
    for m, o in zip(messages, results, strict=True):
        v = judge(m, o)
        for key in ((m.split, "all"), (m.split, m.kind)):
            groups[key].append(v)
    rows = [[split, kind, *rates(groups[(split, kind)])] for split in ("tuned", "held")
            for kind in ("all", *KINDS) if groups[(split, kind)]]
    return table(["half", "kind", "n", "resolved %", "helped %", "confident wrong %"], rows)


def errors(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    return "\n".join(f"[{m.kind}{'/' + m.act if m.act else ''}] {m.text!r}\n   expect {m.term or m.expect} got {o}"
                     for m, o in zip(messages, results, strict=True) if not judge(m, o)[0])


def main(argv: list[str]) -> None:
    messages = load_realistic(ROUTING_FILE)
    if argv[:1] != ["held"]:
        messages = [m for m in messages if m.split == "tuned"]
    results = shipped_outcomes(messages)
    print(errors(messages, results) if argv[:1] == ["errors"] else report(messages, results))


if __name__ == "__main__":
    main(sys.argv[1:])
