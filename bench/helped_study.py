"""Where the right entry stands when the member is not helped, or answered wrongly (realistic dev split only).

    python -m bench.helped_study          # one line per message, then the counts by ranker and depth

For every dev message with a known right entry (faq, glossary with an entry, follow-ups, multi) that the shipped
engine (e5 on, as in service) does not help, or answers with a wrong entry: what the engine did, and the rank of
the right entry (of a multi, the one neither answered nor offered) in each ranker for the words the engine weighs:
ours, BM25, the character n-grams, and e5 by the entries' phrasings (the best of each entry's) and as passages.
The test split is never read here.
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.common import e5_study
from bench.realistic import decide_as_new_member, judge, load_realistic, outcome_of
from bot.answering.segment import Role, split_message

DEPTH = 10
RANKERS = ("ours", "bm25", "chars", "e5 phrasings", "e5 passages")


def place(ranked: Sequence[str], expect: Sequence[str]) -> int:
    """1-based rank of the first right entry, DEPTH + 1 when not in the first DEPTH."""
    return next((k + 1 for k, e in enumerate(ranked[:DEPTH]) if e in expect), DEPTH + 1)


def main() -> None:
    import numpy as np

    rows: list[tuple[str, tuple[int, ...]]] = []
    with e5_study() as (app, semantic, index):
        answerer = app.faq.answerer
        counter = iter(range(1, 1_000_000))
        for m in (m for m in load_realistic() if m.split == "dev"):
            if not m.expect or (m.kind in ("none", "agenda", "act") and m.act != "followup"):
                continue
            decision = decide_as_new_member(app, m, f"study{next(counter)}")
            o = outcome_of(decision)
            _, helped, wrong = judge(m, o)
            if helped and not wrong:
                continue
            expect = m.expect if m.kind != "multi" else tuple(e for e in m.expect if e not in o.answered + o.offered)
            segments = split_message(m.text)
            analysis, boost = answerer._weighted(segments)
            said = " ".join(s.text for s in segments if s.text and s.role not in (Role.GREETING, Role.CLOSING)) or m.text
            query = semantic._query(said)
            by_phrasing: dict[str, float] = {}
            for row, cosine in enumerate(index.phrasings @ query):
                entry = index.ids[int(index.phrasing_entry[row])]
                by_phrasing[entry] = max(by_phrasing.get(entry, -1.0), float(cosine))
            ranks = (
                place([c.entry.id for c in answerer.matcher.rank(analysis, limit=DEPTH, boost=boost)], expect),
                place([e for e, _ in answerer.second.rank(said, limit=DEPTH)], expect),
                place([e for e, _ in answerer.chars.rank(said, limit=DEPTH)], expect),
                place(sorted(by_phrasing, key=lambda e: -by_phrasing[e]), expect),
                place([index.ids[int(k)] for k in np.argsort(-(index.passages @ query))], expect))
            what = f"{'wrong' if wrong else 'helped' if helped else 'unhelped'}:{decision.kind.value}"
            rows.append((what, ranks))
            print(f"{what}\t{m.kind}\t" + " ".join(f"{n} {r}" for n, r in zip(RANKERS, ranks, strict=True))
                  + f"\t{m.text[:100]!r}")
    print(f"\n{len(rows)} dev messages not helped or answered wrongly")
    for k in (1, 2, 3):
        within = [sum(r[i] <= k for _, r in rows) for i in range(len(RANKERS))]
        print(f"  right entry within the first {k}: " + ", ".join(f"{n} {w}" for n, w in zip(RANKERS, within, strict=True))
              + f"; any lexical {sum(min(r[:3]) <= k for _, r in rows)}, any {sum(min(r) <= k for _, r in rows)}")


if __name__ == "__main__":
    main()
