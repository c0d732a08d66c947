"""Long, personal messages of our own (bench/eval/stories.yaml): is the question inside the story answered?

Written for the introductions round, never taken from the realistic set: a name, a neighbourhood, a role, a
duration, a feeling, an apology, then one question (at the end, in the middle, or only implied). Every message
names the entry it asks for. Not a split of the evaluation: a check that the rules meant for such messages
carry beyond the dev messages they were tuned on.

    python -m bench.stories          # every miss, then figures by style and by batch
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.common import shipped, table
from bench.realistic import Message, measure, product
from bot.answering.decision import Strategy
from bot.config import ROOT

STORIES_FILE = ROOT / "bench" / "eval" / "stories.yaml"


def load_stories(path: Path = STORIES_FILE) -> list[Message]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Message(text=str(item["q"]), expect=tuple(item["expect"]), kind=str(item.get("kind", "faq")),
                    split=f"batch {item.get('batch', 1)}", style=tuple(item.get("style") or ()), term=item.get("term"))
            for item in data]


def main() -> None:
    settings, _ = shipped()
    messages = load_stories()
    with product(settings, Strategy.SEGMENTS) as method:
        f = measure(method, messages)
        batches = {split: measure(method, [m for m in messages if m.split == split])
                   for split in dict.fromkeys(m.split for m in messages)}
    for m, o in f.errors:
        print(f"{m.text!r}\n   expect {m.expect} got {o}")
    print(table(["style", "n", "resolved %", "helped %", "confident wrong %"],
                [[k, *v] for k, v in f.by_style.items()]
                + [[name, b.n, b.resolved, b.helped, b.wrong] for name, b in batches.items()]
                + [["all", f.n, f.resolved, f.helped, f.wrong]]))


if __name__ == "__main__":
    main()
