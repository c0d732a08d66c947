"""How the hotline reads phone writing, measured without the evaluation sets (bench/RESULTS.md).

Three measures: the phrases of bench/phone_writing.py read as the plain French they mean (same tokens); the phone
questions there reaching, among their first three entries, the entry their plain French reaches first; and the
base's own French words respelt as phones write them, one rule at a time (a double consonant typed once, "k" for
"c", "o" for "au", "e" for "ai", no mute "h", "y" for "ill", "s" for a soft "c", "j" for a soft "g", a mute last
"e" or a silent last letter left out, two letters swapped…), each read back as the word (same stem).

    .venv/bin/python -m bench.phone_words
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bench.common import shipped, table
from bench.phone_writing import PHONE_QUESTIONS, PHONE_WORDS
from bot.answering.answerer import Answerer
from bot.answering.cleanup import clean
from bot.answering.decision import Decision
from bot.answering.french import STOPWORDS
from bot.answering.normalize import Normalizer, is_french, stem

RESPELLINGS: dict[str, Callable[[str], str]] = {
    "double consonant typed once": lambda w: re.sub(r"([bcdfglmnprst])\1", r"\1", w, count=1),
    "k for qu": lambda w: w.replace("qu", "k", 1),
    "k for a hard c": lambda w: re.sub(r"c(?=[aou])", "k", w, count=1),
    "f for ph": lambda w: w.replace("ph", "f", 1),
    "o for au": lambda w: w.replace("au", "o", 1),
    "e for ai": lambda w: w.replace("ai", "e", 1),
    "sion for tion": lambda w: w.replace("tion", "sion", 1),
    "no mute h": lambda w: w[1:] if w.startswith("h") else w,
    "e for a final er": lambda w: w[:-2] + "e" if w.endswith("er") else w,
    "silent last consonant left out": lambda w: w[:-1] if w[-1] in "tsx" and w[-2] not in "aeioutsx" else w,
    "mute last e left out": lambda w: w[:-1] if w.endswith("e") and w[-2] not in "aeiouy" else w,
    "z for s between vowels": lambda w: re.sub(r"(?<=[aeiou])s(?=[aeiou])", "z", w, count=1),
    "y for ill": lambda w: re.sub(r"(?<=[aeou])ill", "y", w, count=1),
    "s for a soft c": lambda w: re.sub(r"c(?=[ei])", "s", w, count=1),
    "j for a soft g": lambda w: re.sub(r"g(?=e)", "j", w, count=1),
    "two letters swapped": lambda w: w[:3] + w[4] + w[3] + w[5:] if len(w) > 5 else w,
}


def _first(decision: Decision) -> str | None:
    if decision.entry is not None:
        return decision.entry.id
    return decision.candidates[0].entry.id if decision.candidates else None


def respelt(normalizer: Normalizer) -> list[list[object]]:
    vocabulary = sorted(w for w in normalizer.vocabulary
                        if w.isalpha() and len(w) >= 5 and w not in STOPWORDS and is_french(w))
    tried: Counter[str] = Counter()
    back: Counter[str] = Counter()
    for name, respell in RESPELLINGS.items():
        for word in vocabulary:
            typed = respell(word)
            if typed == word or is_french(typed):
                continue
            read = normalizer.analyze(typed).words
            tried[name] += 1
            back[name] += len(read) == 1 and stem(read[0]) == stem(word)
    rows: list[list[object]] = [[name, tried[name], back[name]] for name in RESPELLINGS if tried[name]]
    return [*rows, ["all", sum(tried.values()), sum(back.values())]]


def main() -> None:
    settings, kb = shipped()
    answerer = Answerer(kb, settings.answering)
    normalizer = answerer.normalizer
    alike = sum(normalizer.analyze(clean(t)).tokens == normalizer.analyze(clean(m)).tokens for t, m in PHONE_WORDS)
    reached = sum(_first(answerer.decide(m)) in [c.entry.id for c in answerer.decide(t).candidates[:3]]
                  for t, m in PHONE_QUESTIONS)
    print(f"phrases read as their plain French: {alike} / {len(PHONE_WORDS)}")
    print(f"questions reaching the plain question's entry among their first three: {reached} / {len(PHONE_QUESTIONS)}")
    print(table(["respelling", "words", "read back"], respelt(normalizer)))


if __name__ == "__main__":
    main()
