"""Where the right entry stands when the member is not resolved at once (realistic dev split only).

    python -m bench.choices_study            # summary: ranks of the right entry in each ranker
    python -m bench.choices_study list       # one line per message not resolved at once
    python -m bench.choices_study trial NAME=VALUE…   # dev, its first batches, its last ones, the tidy set,
                                                     # with answerer constants set (bot/answering/answerer.py)

For every dev message whose right entry is known (faq, glossary with an entry, follow-ups, multi) and that the
shipped engine does not resolve at once: what the engine did (answer, choices, decline), how many choices, and
the rank of the right entry in each ranker (ours, BM25, character n-grams), for the words the engine weighs
(`said`) and for the question clauses alone. The batch of each message (its heading in the eval file) lets a
change be fitted on the first batches and checked on the last ones. The test split is never read here.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import yaml

from bench.common import shipped
from bench.realistic import REALISTIC_FILE, Message, judge, load_realistic, outcome_of
from bot.answering.answerer import Answerer
from bot.answering.decision import Strategy
from bot.answering.segment import Role, split_message

# The headings that open each blind batch of dev messages, in order (bench/eval/realistic.yaml).
BATCHES = ("Ajout du 26/11/2026", "Deuxième ajout", "Troisième ajout", "Quatrième ajout", "Cinquième ajout",
           "faq — ajouts dev", "Sixième ajout", "Septième ajout", "Huitième ajout", "Neuvième ajout",
           "Dixième ajout", "Onzième ajout")
HELD_OUT_FROM = "Neuvième ajout"  # batches 9–11: the held-out part when fitting on the others
DEPTH = 10


def batches() -> list[int]:
    """The batch of each message of the eval file, in its order (0: the first set, before any added batch)."""
    text = REALISTIC_FILE.read_text(encoding="utf-8")
    starts = [text[: text.index(marker)].count("\n") for marker in BATCHES]
    nodes = yaml.compose(text)
    assert nodes is not None
    return [sum(line >= s for s in starts) for line in (n.start_mark.line for n in nodes.value)]


def held_out(batch: int) -> bool:
    return batch >= BATCHES.index(HELD_OUT_FROM) + 1


def dev_messages() -> list[tuple[int, Message]]:
    messages = load_realistic()
    return [(b, m) for b, m in zip(batches(), messages, strict=True) if m.split == "dev"]


@contextmanager
def engine() -> Iterator[tuple[object, Answerer]]:
    from bot.app import build_app

    settings, _ = shipped()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(replace(settings, database_url=f"sqlite:///{folder}/study.db"))
        app.faq.answerer.strategy = Strategy.SEGMENTS
        yield app, app.faq.answerer


@dataclass
class Standing:
    ours: int
    bm25: int
    chars: int
    q_ours: int
    q_bm25: int
    q_chars: int


def place(ranked: list[str], expect: tuple[str, ...]) -> int:
    """1-based rank of the first right entry, DEPTH + 1 when absent."""
    return next((k + 1 for k, e in enumerate(ranked) if e in expect), DEPTH + 1)


def standing(a: Answerer, text: str, expect: tuple[str, ...]) -> Standing:
    segments = split_message(text)
    analysis, boost = a._weighted(segments)
    said = " ".join(s.text for s in segments if s.text and s.role not in (Role.GREETING, Role.CLOSING)) or text
    asked = " ".join(s.text for s in segments if s.text and s.role == Role.QUESTION) or said
    q_analysis = a.analyze(asked)

    def three(an: object, boost_: dict[str, float] | None, words: str) -> tuple[int, int, int]:
        ours = [c.entry.id for c in a.matcher.rank(an, limit=DEPTH, boost=boost_)]  # type: ignore[arg-type]
        return (place(ours, expect), place([e for e, _ in a.second.rank(words, limit=DEPTH)], expect),
                place([e for e, _ in a.chars.rank(words, limit=DEPTH)], expect))

    whole = three(analysis, boost, said) if not analysis.is_empty else (DEPTH + 1,) * 3
    alone = three(q_analysis, None, asked) if not q_analysis.is_empty else (DEPTH + 1,) * 3
    return Standing(*whole, *alone)


def main(listing: bool) -> None:
    from bot.core.replies import Sender

    rows: list[tuple[int, Message, str, int, Standing, bool]] = []
    places: Counter[str] = Counter()  # where the right entry stands among the choices of a helped message
    with engine() as (app, a):
        counter = iter(range(1, 1_000_000))
        for batch, m in dev_messages():
            if not m.expect or (m.kind in ("none", "agenda", "act") and m.act != "followup"):
                continue
            sender = Sender(channel="cli", user_id=f"study{next(counter)}", chat_id="study")
            if m.context:
                app.hotline.on_button(sender, f"faq:{m.context}")  # type: ignore[attr-defined]
            decision = app.faq.decide(sender, m.text)  # type: ignore[attr-defined]
            o = outcome_of(decision)
            r, h, w = judge(m, o)
            if r:
                continue
            what = "wrong" if w else "helped" if h else "unhelped"
            if what == "helped" and m.kind != "multi":
                places[f"choice {next((k + 1 for k, e in enumerate(o.shown) if e in m.expect), 0)} of {len(o.shown)}"] += 1
            expect = m.expect if m.kind != "multi" else tuple(e for e in m.expect if e not in o.answered)
            rows.append((batch, m, f"{what}:{decision.kind.value}", len(o.shown) + len(o.answered),
                         standing(a, m.text, expect), held_out(batch)))
    if listing:
        for batch, m, what, shown, s, _ in rows:
            print(f"b{batch}\t{what}\t{shown}\tours {s.ours} bm25 {s.bm25} chars {s.chars} | question "
                  f"{s.q_ours} {s.q_bm25} {s.q_chars}\t{m.kind}\t{m.expect}\t{m.text[:110]!r}")
    print(f"{len(rows)} dev messages with a known right entry not resolved at once")
    print(Counter(what for _, _, what, _, _, _ in rows).most_common())
    print("choices shown:", sorted(Counter(n for _, _, _, n, _, _ in rows).items()))
    print("helped (single questions): the right entry is", sorted(places.items()))
    print("held out (batches 9-11):", Counter(what for _, _, what, _, _, out in rows if out).most_common())
    for label in ("unhelped", "helped", "wrong"):
        chosen = [s for _, _, what, _, s, _ in rows if what.startswith(label)]
        if not chosen:
            continue
        print(f"\n{label} ({len(chosen)}): right entry within the first k of each ranker (whole / question alone)")
        for k in (1, 2, 3, 5):
            def within(get: str, k: int = k, chosen: list[Standing] = chosen) -> int:
                return sum(getattr(s, get) <= k for s in chosen)

            union = sum(min(s.ours, s.bm25, s.chars) <= k for s in chosen)
            two = sum(sorted((s.ours, s.bm25, s.chars))[1] <= k for s in chosen)
            q_union = sum(min(s.q_ours, s.q_bm25, s.q_chars, s.ours, s.bm25, s.chars) <= k for s in chosen)
            print(f"  k={k}: ours {within('ours')} bm25 {within('bm25')} chars {within('chars')} | union {union} "
                  f"two-of-three {two} | question alone: ours {within('q_ours')} bm25 {within('q_bm25')} "
                  f"chars {within('q_chars')} | any of six {q_union}")


def trial(assignments: list[str]) -> None:
    """Figures of the engine with some of the answerer's constants changed: all of dev, batches 1–8 (where a
    change is fitted), batches 9–11 (held out), the out-of-scope messages shown choices, and the tidy dev set."""
    from bench.common import load_eval
    from bench.quality import hotline_decide, run_hotline
    from bench.realistic import figures
    from bot.answering import answerer as module
    from bot.core.replies import Sender

    for assignment in assignments:
        name, value = assignment.split("=")
        old = getattr(module, name)
        setattr(module, name, type(old)(float(value)) if not isinstance(old, bool) else value == "1")
    parts: dict[str, list[tuple[Message, object]]] = {"dev": [], "batches 0-8": [], "batches 9-11": []}
    none_shown: list[str] = []
    with engine() as (app, _):
        counter = iter(range(1, 1_000_000))
        for batch, m in dev_messages():
            sender = Sender(channel="cli", user_id=f"trial{next(counter)}", chat_id="trial")
            if m.context:
                app.hotline.on_button(sender, f"faq:{m.context}")  # type: ignore[attr-defined]
            o = outcome_of(app.faq.decide(sender, m.text))  # type: ignore[attr-defined]
            parts["dev"].append((m, o))
            parts["batches 9-11" if held_out(batch) else "batches 0-8"].append((m, o))
            if m.kind == "none" and o.shown:
                none_shown.append(f"{m.text[:70]!r} -> {', '.join(o.shown)}")
    for name, pairs in parts.items():
        f = figures([m for m, _ in pairs], [o for _, o in pairs], [0.0])  # type: ignore[misc]
        print(f"{name} ({f.n}): {f.resolved:.1f} / {f.helped:.1f} / {f.wrong:.1f}")
    print(f"out of scope shown choices: {len(none_shown)}")
    if "-v" in sys.argv:
        print("\n".join(none_shown))
    settings, _ = shipped()
    with tempfile.TemporaryDirectory() as folder:
        t = run_hotline(hotline_decide(settings, folder), [q for q in load_eval() if q.split == "dev"])
    print(f"tidy dev: top-1 {t.top1:.1f} MRR@3 {t.mrr3:.1f} right {t.answered_right:.1f} wrong {t.confident_wrong:.1f}"
          f" declined {t.none_abstained:.1f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["trial"]:
        trial([a for a in sys.argv[2:] if "=" in a])
    else:
        main(len(sys.argv) > 1 and sys.argv[1] == "list")
