"""Every dev decision of the shipped engine, one line each, to see what a change moves (dev splits only).

    python -m bench.decisions > before.txt      # realistic dev, then tidy dev
    python -m bench.decisions diff before.txt after.txt

A line: the set, the message's kind, the verdict (R resolved, H helped, W confident wrong, - neither), what the
product did, then the message. The summary lines at the end give each set's figures and how many out-of-scope
messages were shown choices. The test splits are never read here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.common import load_eval, shipped
from bench.quality import hotline_decide, hotline_outcome
from bench.realistic import Outcome, judge, load_realistic, product
from bot.answering.decision import Strategy


def _shown(o: Outcome) -> str:
    if o.answered:
        return f"answer {','.join(o.answered)}" + (f" +{','.join(o.shown)}" if o.shown else "")
    if o.shown:
        return f"{o.label} [{','.join(o.shown)}]"
    return o.label


def dump() -> None:
    settings, _ = shipped()
    realistic = [m for m in load_realistic() if m.split == "dev"]
    totals = [0, 0, 0]
    none_shown = none = 0
    with product(settings, Strategy.SEGMENTS) as run:
        for m in realistic:
            o = run(m)
            r, h, w = judge(m, o)
            totals = [totals[0] + r, totals[1] + h, totals[2] + w]
            if m.kind == "none":
                none += 1
                none_shown += bool(o.shown)
            verdict = "W" if w else "R" if r else "H" if h else "-"
            kind = m.kind + (f"/{m.act}" if m.act else "")
            print(f"real\t{kind}\t{verdict}\t{_shown(o)}\t{m.text!r}" + (f" after {m.context}" if m.context else ""))
    n = len(realistic)
    print(f"#summary realistic dev {n}: resolved {100 * totals[0] / n:.1f} helped {100 * totals[1] / n:.1f} "
          f"wrong {100 * totals[2] / n:.1f}; out of scope shown choices {none_shown} / {none}")
    tidy = [q for q in load_eval() if q.split == "dev"]
    right = wrong = top1 = faq = 0
    with tempfile.TemporaryDirectory() as folder:
        decide = hotline_decide(settings, folder)
        for q in tidy:
            t = hotline_outcome(decide, q.q)
            if q.kind == "faq":
                faq += 1
                right += t.answered in q.expect
                wrong += t.answered is not None and t.answered not in q.expect
                top1 += bool(t.ranked) and t.ranked[0] in q.expect
            ok = "R" if t.answered in q.expect else "W" if t.answered else (
                "H" if set(t.ranked) & set(q.expect) else "-")
            shown = f"answer {t.answered}" if t.answered else (
                f"glossary:{t.glossary_term}" if t.glossary_term else "agenda" if t.agenda
                else f"[{','.join(t.ranked)}]")
            print(f"tidy\t{q.kind}\t{ok}\t{shown}\t{q.q!r}")
    print(f"#summary tidy dev faq {faq}: answered right {right} wrong {wrong} top-1 {top1}")


def diff(before: Path, after: Path) -> None:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    for a, b in zip(old, new, strict=False):
        if a != b and not a.startswith("#"):
            print(f"- {a}\n+ {b}")
    for line in [*old, *new]:
        if line.startswith("#"):
            print(line)


if __name__ == "__main__":
    if sys.argv[1:2] == ["diff"]:
        diff(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        dump()
