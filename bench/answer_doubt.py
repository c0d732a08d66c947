"""Confident answers e5 reads otherwise, per part of the message (realistic dev split only).

    python -m bench.answer_doubt dump FILE     # every dev answer (each answered part of several questions) and e5's
                                               # readings of the words it was answered on, one JSON line each
    python -m bench.answer_doubt FILE…         # what each rule would turn into choices, on the dumps given

For every dev message the shipped engine (e5 on, as in service) answers, for the whole answer or for each answered
part of several questions: the entry answered, whether it is right, its score and lead, and e5's first entries
for the words it was answered on (by the entries' phrasings, the best of each entry's, and as passages) with
their cosines. The batch a message belongs to is told by the last heading before it. The test split is never read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.common import e5_study, table
from bench.realistic import REALISTIC_FILE, Message, Outcome, decide_as_new_member, judge, load_realistic, outcome_of
from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind

DEPTH = 5
BATCHES = ("Dix-septième ajout", "Dix-huitième ajout", "Dix-neuvième ajout")


def batches() -> list[str]:
    """For each message of the realistic file, in order, the blind batch it was written in (or "")."""
    import tempfile

    import yaml

    text = REALISTIC_FILE.read_text(encoding="utf-8")
    total = len(yaml.safe_load(text))
    marks = ["" for _ in range(total)]
    for name in BATCHES:
        start = text.index(name)
        with tempfile.TemporaryDirectory() as folder:
            part = Path(folder) / "batch.yaml"
            part.write_text(text[text.index("\n", start) + 1:], encoding="utf-8")
            after = len(load_realistic(part))
        for k in range(total - after, total):
            marks[k] = name
    return marks


def _answered(decision: Decision) -> Iterator[tuple[int, Decision]]:
    if decision.kind == Kind.ANSWER and decision.entry is not None:
        yield -1, decision
    elif decision.kind == Kind.MULTI:
        for k, part in enumerate(decision.parts):
            if part.kind == Kind.ANSWER and part.entry is not None:
                yield k, part


def dump(path: Path) -> None:
    import numpy as np

    marks = batches()
    with e5_study() as (app, semantic, index), path.open("w", encoding="utf-8") as out:
        counter = iter(range(1, 1_000_000))
        for n, (m, batch) in enumerate(zip(load_realistic(), marks, strict=True)):
            if m.split != "dev":
                continue
            decision = decide_as_new_member(app, m, f"doubt{next(counter)}")
            o = outcome_of(decision)
            r, h, w = judge(m, o)
            row: dict[str, Any] = {"n": n, "batch": batch, "kind": m.kind, "act": m.act, "expect": list(m.expect),
                                   "style": list(m.style), "context": m.context, "verdict": [r, h, w],
                                   "decision": decision.kind.value, "shown": list(o.shown), "answers": []}
            follow = Act.FOLLOW_UP in decision.acts or Act.SIMPLER in decision.acts
            for k, part in _answered(decision):
                assert part.entry is not None
                said = " ".join(part.segments) or m.text
                asked = " ".join(t for t in part.segments if t not in part.introduction)
                readings = {}
                for name, text in (("said", said), ("asked", asked)):
                    if not text or (name == "asked" and text == said):
                        continue
                    query = semantic._query(text)
                    by_phrasing: dict[str, float] = {}
                    for pos, cosine in enumerate(index.phrasings @ query):
                        entry = index.ids[int(index.phrasing_entry[pos])]
                        by_phrasing[entry] = max(by_phrasing.get(entry, -1.0), float(cosine))
                    ranked = sorted(by_phrasing, key=lambda e: -by_phrasing[e])
                    passages = index.passages @ query
                    order = [int(i) for i in np.argsort(-passages, kind="stable")]
                    readings[name] = {
                        "phr": [(e, round(by_phrasing[e], 4)) for e in ranked[:DEPTH]],
                        "pas": [(index.ids[i], round(float(passages[i]), 4)) for i in order[:DEPTH]],
                        "ours_phr": [ranked.index(part.entry.id) + 1, round(by_phrasing[part.entry.id], 4)],
                        "ours_pas": [1 + next(j for j, i in enumerate(order) if index.ids[i] == part.entry.id),
                                     round(float(passages[index.ids.index(part.entry.id)]), 4)]}
                cands = [(c.entry.id, round(c.score, 2)) for c in part.candidates[:DEPTH]]
                row["answers"].append({
                    "part": k, "entry": part.entry.id, "score": round(part.score, 2), "candidates": cands,
                    "runner_up": part.runner_up.entry.id if part.runner_up else None, "follow": follow,
                    "segments": len(part.segments), "intro": bool(part.introduction), "words": len(said.split()),
                    "right": part.entry.id in m.expect, "readings": readings})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# A rule: (one answer of the dump, its message's row) → e5's first entry to offer beside ours, or None (kept).
Rule = Callable[[dict[str, Any], dict[str, Any]], str | None]


def far(by_phrasing: int, by_passage: int, *, words: int = 10, below: float = 60.0, parts: bool = False) -> Rule:
    """Ours outside e5's first `by_phrasing` entries by phrasings and its first `by_passage` as passages, for an
    answer under `below` to at least `words` words (the rule measured, `far(4, 35)`, was not shipped)."""
    def rule(a: dict[str, Any], row: dict[str, Any]) -> str | None:
        r = a["readings"].get("said")
        if (a["follow"] or not r or a["words"] < words or a["score"] >= below or (a["part"] != -1 and not parts)
                or r["ours_phr"][0] <= by_phrasing or r["ours_pas"][0] <= by_passage):
            return None
        return str(r["phr"][0][0])
    return rule


def verdict(row: dict[str, Any], rule: Rule) -> tuple[bool, bool, bool]:
    """The message's (resolved, helped, wrong) once the rule has turned its answers into choices."""
    turned = {a["part"]: (a["entry"], other) for a in row["answers"] if (other := rule(a, row))}
    r, h, w = (bool(v) for v in row["verdict"])
    if not turned:
        return r, h, w
    m = Message(text="", expect=tuple(row["expect"]), kind=row["kind"], split="dev", act=row["act"])
    if -1 in turned:
        return judge(m, Outcome(shown=tuple(dict.fromkeys([*turned[-1], *row["shown"]])), label="suggest"))
    kept = tuple(a["entry"] for a in row["answers"] if a["part"] not in turned)
    shown = tuple(dict.fromkeys([*row["shown"], *(e for pair in turned.values() for e in pair)]))
    r2, h2, w2 = judge(m, Outcome(answered=kept, shown=shown, label="multi"))
    # Several questions: a part offered as a button counts as answered, as before (bench.realistic.judge).
    return (r if m.kind == "multi" else r2), (h2 or (r and m.kind == "multi")), w2


def compare(rows: list[dict[str, Any]], rules: dict[str, Rule]) -> list[list[object]]:
    lines: list[list[object]] = []
    for name, rule in rules.items():
        totals = [sum(v) for v in zip(*(verdict(row, rule) for row in rows), strict=True)]
        turned = [(a, row) for row in rows for a in row["answers"] if rule(a, row)]
        lines.append([name, *(100 * t / len(rows) for t in totals), *totals, len(turned),
                      sum(a["right"] for a, _ in turned)])
    return lines


def main(argv: list[str]) -> None:
    if argv[:1] == ["dump"]:
        dump(Path(argv[1]))
        return
    rows = [row for path in argv for row in load(Path(path))]
    rules: dict[str, Rule] = {"as shipped": lambda a, row: None}
    for by_phrasing, by_passage in ((4, 35), (4, 30), (4, 38), (4, 20), (5, 35), (2, 2), (0, 9)):
        rules[f"ours outside e5's first {by_phrasing} / {by_passage}"] = far(by_phrasing, by_passage)
    rules["… 4 / 35, the parts of several questions too"] = far(4, 35, parts=True)
    rules["… 4 / 35, any score, any length"] = far(4, 35, words=0, below=1000)
    print(f"{len(rows)} messages")
    print(table(["rule", "resolved %", "helped %", "wrong %", "resolved", "helped", "wrong", "answers turned",
                 "of them right"], compare(rows, rules)))


if __name__ == "__main__":
    main(sys.argv[1:])
