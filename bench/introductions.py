"""Our own messages that open with a greeting and a self-introduction (bench/eval/introductions.yaml).

"Bonjour, je m'appelle Samia, j'habite aux Dervallières depuis 12 ans, je suis au conseil citoyen depuis mars…",
then one question, two questions, an agenda question or a request from daily life that no entry answers. The
introduction says who asks; it must weigh nothing, even when its words look like a topic ("je travaille à la
CAF", "gardien d'immeuble", "membre du collège acteurs locaux": style `trap`).

Asked as a new member would (`bench.realistic.decide_as_new_member`) and judged as the realistic set judges
(`bench.two_questions.verdict`: one question read as two is not resolved). Half the set is held out
(`split: held`): tune on `tuned`; measure `held` before any change and once at the end.

    python -m bench.introductions            # the tuned half, by kind and by style
    python -m bench.introductions held       # the held half (before any change, then once at the end)
    python -m bench.introductions errors     # the misses of the tuned half only
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Sequence

from bench.common import table
from bench.realistic import Message, Outcome, load_realistic, rates, shipped_outcomes
from bench.two_questions import verdict
from bot.config import ROOT

INTRODUCTIONS_FILE = ROOT / "bench" / "eval" / "introductions.yaml"


def report(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    groups: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    for m, o in zip(messages, results, strict=True):
        v = verdict(m, o)
        groups["all"].append(v)
        groups[f"kind {m.kind}"].append(v)
        for style in m.style:
            if style not in ("greeting", "intro"):  # every message has both
                groups[f"style {style}"].append(v)
    return table(["messages", "n", "resolved %", "helped %", "confident wrong %"],
                 [[name, *rates(groups[name])] for name in sorted(groups, key=lambda g: (g != "all", g))])


def errors(messages: Sequence[Message], results: Sequence[Outcome]) -> str:
    return "\n".join(f"[{m.kind}] {m.text!r}\n   expect {m.expect} got {o}"
                     for m, o in zip(messages, results, strict=True) if not verdict(m, o)[0])


def main(argv: list[str]) -> None:
    half = "held" if argv[:1] == ["held"] else "tuned"
    messages = [m for m in load_realistic(INTRODUCTIONS_FILE) if m.split == half]
    results = shipped_outcomes(messages)
    print(errors(messages, results) if argv[:1] == ["errors"] else f"{half} half\n{report(messages, results)}")


if __name__ == "__main__":
    main(sys.argv[1:])
