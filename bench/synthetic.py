"""A knowledge base scaled up synthetically, from the shipped one's own words, for speed benchmarks."""

from __future__ import annotations

import random
from dataclasses import replace

from bot.answering.normalize import words
from bot.knowledge.model import Document, FaqEntry, KnowledgeBase, Passage


def _shuffle_words(text: str, vocabulary: list[str], rng: random.Random) -> str:
    out = []
    for word in text.split():
        out.append(rng.choice(vocabulary) if rng.random() < 0.45 else word)
    return " ".join(out)


def scaled(kb: KnowledgeBase, entries: int, *, passages_per_100: int = 60, seed: int = 7) -> KnowledgeBase:
    """`entries` FAQ entries: the real ones, then variants whose words are partly redrawn from the base's
    vocabulary (so token frequencies look like real French questions, not random strings)."""
    rng = random.Random(seed)
    vocabulary = sorted({w for e in kb.faq for p in e.phrasings for w in words(p) if len(w) > 3})
    faq = list(kb.faq)
    n = 0
    while len(faq) < entries:
        base = kb.faq[n % len(kb.faq)]
        n += 1
        faq.append(replace(
            base, id=f"synth-{n}", related=(),
            question=_shuffle_words(base.question, vocabulary, rng),
            alternates=tuple(_shuffle_words(a, vocabulary, rng) for a in base.alternates),
        ))
    passages = list(kb.passages)
    wanted = entries * passages_per_100 // 100
    docs = list(kb.documents)
    k = 0
    extra: list[Passage] = []
    while len(passages) + len(extra) < wanted:
        base_p = passages[k % len(passages)]
        k += 1
        extra.append(replace(base_p, id=f"synth-doc#{k}", text=_shuffle_words(base_p.text, vocabulary, rng)))
    if extra:
        docs.append(replace(docs[0], id="synth-doc", title="Fiche synthétique", passages=tuple(extra)))
    return KnowledgeBase(faq=tuple(faq[:entries]), glossary=kb.glossary, synonyms=kb.synonyms,
                         documents=tuple(docs), contacts=kb.contacts, events=kb.events, councils=kb.councils)


def sample_entries(kb: KnowledgeBase, count: int, seed: int = 3) -> list[FaqEntry]:
    rng = random.Random(seed)
    return rng.sample(list(kb.faq), min(count, len(kb.faq)))


__all__ = ["Document", "sample_entries", "scaled"]
