"""Tune the answering thresholds on the DEV split only: maximise right − 3 × wrong direct answers.

Prints the best (answer_threshold, margin) and the dev figures; the test split is never read here.
"""

from __future__ import annotations

import itertools

from bench.common import load_eval, shipped
from bot.answering.answerer import Answerer
from bot.answering.matcher import Matcher, Weights


def main() -> None:
    settings, kb = shipped()
    dev = [q for q in load_eval() if q.split == "dev" and q.kind in ("faq", "none")]
    answerer = Answerer(kb, settings.answering)
    grid = [Weights(phrasing=p, vocabulary=v, answer=round(1 - p - v, 2))
            for p in (0.5, 0.55, 0.6, 0.65, 0.7) for v in (0.1, 0.15, 0.2, 0.25) if 1 - p - v > 0.04]
    for weights in grid:
        answerer.matcher = Matcher(kb.faq, kb.passages, answerer.normalizer, weights)
        ranked = [answerer.matcher.rank(answerer.analyze(q.q), limit=2) for q in dev]
        top1 = sum(1 for q, r in zip(dev, ranked, strict=True) if q.kind == "faq" and r and r[0].entry.id in q.expect)
        faq_count = sum(1 for q in dev if q.kind == "faq")
        best = None
        for threshold, margin in itertools.product(range(30, 90, 2), (0, 2, 4, 6, 8, 10)):
            right = wrong = 0
            for q, r in zip(dev, ranked, strict=True):
                if not r or r[0].score < threshold or (len(r) > 1 and r[0].score - r[1].score < margin):
                    continue
                if r[0].entry.id in q.expect:
                    right += 1
                else:
                    wrong += 1
            value = right - 3 * wrong
            if best is None or value > best[0]:
                best = (value, threshold, margin, right, wrong)
        assert best is not None
        print(f"{weights}: top-1 {100 * top1 / faq_count:.1f} % ; best threshold {best[1]} margin {best[2]}: "
              f"{best[3]} right, {best[4]} wrong of {len(dev)}")


if __name__ == "__main__":
    main()
