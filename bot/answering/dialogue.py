"""What a message means right after an answer: "plus simple svp", "et pour les jeunes ?".

The conversation keeps the last entry a member was shown (for a few minutes). A request for a simpler
version gets the first sentences of what was shown, about fifteen words (what a thing is and what it is for):
the entry's short version, shown first when written, else its answer; with the glossary's plain words for the terms it uses.
A short follow-up is read with the previous question as its context: "et ça coûte combien ?" after the
training programme asks for the price of the training.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answering.normalize import fold
from bot.knowledge.model import FaqEntry, GlossaryTerm, KnowledgeBase

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_NON_WORD = re.compile(r"[^\w]+")
MAX_TERMS = 3
GIST_MIN_WORDS = 6  # a simpler version says at least this much ("Oui." alone says nothing)
# ...and goes on to about this much: the first sentence of a short answer often says what a thing is ("le FPH est une
# petite somme d'argent") and the second what it is for ("il finance de petits projets"); without it, it says less.
GIST_WORDS = 15
GIST_SENTENCES = 3  # steps ("Tapez /agenda. Ouvrez l'événement.") stop at three


@dataclass(frozen=True, kw_only=True)
class Simpler:
    text: str  # the simpler version
    terms: tuple[GlossaryTerm, ...]  # the terms explained below it


def first_sentence(text: str) -> str:
    return _SENTENCE.split(text.strip(), maxsplit=1)[0]


def gist(text: str) -> str:
    """The first sentences of a text, until about fifteen words: what the thing is and what it does. Never the whole
    text once the gist says enough: the simpler version must be shorter than what was not understood."""
    sentences = _SENTENCE.split(text.strip())
    kept: list[str] = []
    for index, sentence in enumerate(sentences):
        count = sum(len(s.split()) for s in kept)
        if count >= GIST_WORDS or len(kept) == GIST_SENTENCES or (count >= GIST_MIN_WORDS and index == len(sentences) - 1):
            break
        kept.append(sentence)
    return " ".join(kept)


def _spaced(text: str) -> str:
    return " " + " ".join(_NON_WORD.sub(" ", fold(text)).split()) + " "


def terms_in(text: str, kb: KnowledgeBase) -> tuple[GlossaryTerm, ...]:
    """Glossary terms a text uses (by the term or one of its synonyms), in the order they appear."""
    folded = _spaced(text)
    found: list[tuple[int, GlossaryTerm]] = []
    for term in kb.glossary:
        positions = [folded.find(_spaced(name)) for name in (term.term, *term.synonyms)]
        hits = [p for p in positions if p >= 0]
        if hits:
            found.append((min(hits), term))
    return tuple(term for _, term in sorted(found, key=lambda item: item[0]))[:MAX_TERMS]


def simpler(entry: FaqEntry, kb: KnowledgeBase) -> Simpler:
    """The first sentence of what the member was shown, and the terms that text uses, explained. The short
    version is what an answer shows first: giving it again would repeat the very text not understood."""
    short = getattr(entry, "short", None)
    shown = short if isinstance(short, str) and short.strip() else entry.answer
    return Simpler(text=gist(shown), terms=terms_in(shown, kb))
