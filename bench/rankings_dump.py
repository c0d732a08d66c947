"""Each dev message's decision and rankings, one block per message, to check that a speed change moves nothing.

    PYTHONHASHSEED=123 python -m bench.rankings_dump 10000 > before.txt   # or 0: the shipped knowledge
    PYTHONHASHSEED=123 python -m bench.rankings_dump 10000 > after.txt && diff before.txt after.txt

Per message (realistic dev, then tidy dev; the test splits are never read): the decision's repr, the matcher's
top 20 (scores printed with repr: to the last bit), the n-grams' ranking and
the second opinion's ranking.
"""

from __future__ import annotations

import sys

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bench.synthetic import scaled
from bot.answering.answerer import Answerer


def main(size: int) -> None:
    settings, kb = shipped()
    if size:
        kb = scaled(kb, size)
    answerer = Answerer(kb, settings.answering)
    texts = [m.text for m in load_realistic() if m.split == "dev"] + [q.q for q in load_eval() if q.split == "dev"]
    for text in texts:
        print(f"## {text!r}")
        print(repr(answerer.decide(text)))
        analysis = answerer.analyze(text)
        print(repr(answerer.matcher.rank(analysis, limit=20)))
        print(repr(answerer.chars.rank(text, limit=20)))
        print(repr(answerer.second.rank(text, limit=20)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
