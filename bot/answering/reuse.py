"""What one answerer's build computed per text, kept for the next build (a learning action, a console edit).

A learning action changes a few phrasings of a base that may hold 10,000 entries: analysing every text
again is most of a build (seconds). A text's analysis depends on the text and on the normaliser: its
phrases (glossary and synonyms: when they change, nothing is reused) and its vocabulary, only through the
typo corrector. A word the corrector looks up (`correctable`, absent from the vocabulary) becomes the
nearest known word within its budget, so its correction changes only when a word entering or leaving the
vocabulary is within that budget of it. The analyses holding such a word are made again; every other one
is reused as it is: the same tokens a fresh build would find.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answering.normalize import Normalizer, correctable, slug, typo_budget, words
from bot.knowledge.model import FaqEntry, KnowledgeBase

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Analysed:
    tokens: frozenset[str]
    lookups: frozenset[str]  # its words the corrector looks up: the analysis may change with the vocabulary

    # Stored with the answerer (one per text: 170,000 at 10,000 entries): dataclasses' own pickling of slots
    # walks `fields()` per object (seconds).
    def __getstate__(self) -> tuple[frozenset[str], frozenset[str]]:
        return self.tokens, self.lookups

    def __setstate__(self, state: tuple[frozenset[str], frozenset[str]]) -> None:
        object.__setattr__(self, "tokens", state[0])
        object.__setattr__(self, "lookups", state[1])


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """Kept by an answerer for the next build."""

    phrases: tuple[object, ...]  # the glossary and synonyms the analyses were made with
    kb: KnowledgeBase  # the knowledge the vocabulary was read from (`vocabulary_texts`)
    counts: Mapping[str, int]  # word → how many of those texts use it
    analyses: Mapping[str, Analysed]
    normalizer: Normalizer  # its phrase tables serve while the phrases stay
    # Every word the analyses look up, and maybe words only analyses since replaced did: one nothing looks up
    # any more makes no text stale (`_affected`), and a union over 170,000 analyses per build took 0.1-0.2 s.
    looked_up: frozenset[str] = frozenset()


def phrases_of(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Canonical token → the ways of writing it: glossary terms and synonym groups."""
    phrases: dict[str, list[str]] = {}
    for term in kb.glossary:
        phrases.setdefault(slug(term.term), []).extend([term.term, term.meaning, *term.synonyms])
    for group in kb.synonyms:
        phrases.setdefault(slug(group[0]), []).extend(group[1:])
    return phrases


def vocabulary_texts(kb: KnowledgeBase) -> list[str]:
    """Every text whose words the typo corrector knows."""
    texts = [p for e in kb.faq for p in (*e.phrasings, *e.tags)]
    texts += [t for term in kb.glossary for t in (term.term, term.meaning, *term.synonyms)]
    texts += [w for group in kb.synonyms for w in group]
    texts += [f"{p.document_title} {p.heading} {p.text}" for p in kb.passages]
    texts += [f"{ev.title} {ev.kind}" for ev in kb.events]
    return texts


def _entry_texts(entries: Iterable[FaqEntry]) -> Counter[str]:
    return Counter(text for e in entries for text in (*e.phrasings, *e.tags))


def _changed_texts(before: KnowledgeBase, now: KnowledgeBase) -> tuple[dict[str, int], dict[str, int]] | None:
    """The vocabulary's texts gone and come (text → times) from `before` to `now`, when only FAQ entries
    changed (a learning action, a console edit of an entry): read from the entries not in both, found by
    identity then by equality (a learning action keeps most entry objects; those read again from the database
    are equal), instead of counting 170,000 texts twice at 10,000 entries. None when other parts changed."""
    if (before.glossary, before.synonyms, before.documents, before.events) != \
            (now.glossary, now.synonyms, now.documents, now.events):
        return None
    kept, held = set(map(id, before.faq)), set(map(id, now.faq))
    old = Counter(e for e in before.faq if id(e) not in held)
    new = Counter(e for e in now.faq if id(e) not in kept)
    texts_gone, texts_came = _entry_texts((old - new).elements()), _entry_texts((new - old).elements())
    return dict(texts_gone - texts_came), dict(texts_came - texts_gone)


def _count(texts: Iterable[tuple[str, int]], counts: Counter[str], sign: int) -> set[str]:
    """Adds (or takes away) the words of `texts` (text, times) to the counts; the words it changed."""
    touched: set[str] = set()
    for text, times in texts:
        found = set(words(text))
        for word in found:
            counts[word] += sign * times
        touched |= found
    return touched


def _fresh_counts(texts: Iterable[str], raw: dict[str, list[str]]) -> Counter[str]:
    """Word → texts using it; `raw` gets each text's words, for its analysis to split it only once."""
    counts: Counter[str] = Counter()
    for text in texts:
        found = raw.get(text)
        if found is None:
            found = raw[text] = words(text)
        counts.update(set(found))  # each text counts once per word
    return counts


class Build:
    """One build of the analyses and the vocabulary, reusing what `previous` prepared when it can."""

    def __init__(self, kb: KnowledgeBase, previous: Prepared | None = None) -> None:
        self._phrases = (kb.glossary, kb.synonyms)
        if previous is not None and previous.phrases != self._phrases:
            previous = None  # glossary or synonyms changed: every analysis may change
        self._kb = kb
        self._affected: frozenset[str] = _NONE
        self.stale: frozenset[str] = _NONE  # texts analysed before whose analysis may have changed
        self.reusing = previous is not None
        self._raw: dict[str, list[str]] = {}
        if previous is None:
            self._counts: Counter[str] = _fresh_counts(vocabulary_texts(kb), self._raw)
            self._old: Mapping[str, Analysed] = {}
        else:
            changes = _changed_texts(previous.kb, kb)
            if changes is None:
                before, now = Counter(vocabulary_texts(previous.kb)), Counter(vocabulary_texts(kb))
                # The texts whose number changed (dict views compare in C: a Counter's subtraction walks all keys).
                differ = before.items() ^ now.items()
                changes = ({text: times - now.get(text, 0) for text, times in differ
                            if times > now.get(text, 0) and (text, times) in before.items()},
                           {text: times - before.get(text, 0) for text, times in differ
                            if times > before.get(text, 0) and (text, times) in now.items()})
            gone, came = changes
            self._counts = Counter(previous.counts)
            touched = _count(gone.items(), self._counts, -1) | _count(came.items(), self._counts, 1)
            for word in touched:
                if self._counts[word] <= 0:
                    del self._counts[word]
            changed = [w for w in touched if (w in self._counts) != (w in previous.counts)]
            self._affected = _affected(changed, previous.looked_up) if changed else _NONE
            self.stale = frozenset(text for text, found in previous.analyses.items()
                                   if not found.lookups.isdisjoint(self._affected)) if self._affected else _NONE
            self._old = previous.analyses
        self.normalizer = Normalizer(phrases_of(kb), self._counts,
                                     like=previous.normalizer if previous is not None else None)
        self._new: dict[str, Analysed] = {}
        self._looked_up: set[str] = set(previous.looked_up) if previous is not None else set()

    def tokens(self, text: str) -> frozenset[str]:
        """The text's tokens: the previous build's when no word it looks up is affected."""
        found = self._new.get(text)
        if found is None:
            found = self._old.get(text)
            if found is None or (self.stale and text in self.stale):
                raw = self._raw.get(text) or words(text)
                found = Analysed(tokens=frozenset(self.normalizer.analyze_words(raw).tokens),
                                 lookups=frozenset(w for w in raw if correctable(w)) or _NONE)
                self._looked_up |= found.lookups
            self._new[text] = found
        return found.tokens

    def prepared(self) -> Prepared:
        """What the next build may reuse: the analyses made or reused here, and the previous ones still
        right (the texts of entries a matcher took whole were not asked for again)."""
        self._raw = {}
        analyses = self._new
        if self._old and self.stale:
            analyses = {text: found for text, found in self._old.items() if text not in self.stale} | self._new
        elif self._old:
            analyses = {**self._old, **self._new}  # merged in C: nothing stale to leave out
        return Prepared(phrases=self._phrases, kb=self._kb, counts=self._counts, analyses=analyses,
                        normalizer=self.normalizer, looked_up=frozenset(self._looked_up))


def _affected(changed: list[str], looked_up_words: Iterable[str]) -> frozenset[str]:
    """The looked-up words whose correction may change: within their typo budget of a word that entered or
    left the vocabulary (the first letter is not compared: one more word made again costs little)."""
    looked_up = sorted(looked_up_words)
    if not looked_up:
        return _NONE
    distances = process.cdist(changed, looked_up, scorer=OSA.distance, score_cutoff=2, workers=1)
    return frozenset(word for column, word in enumerate(looked_up)
                     if int(distances[:, column].min()) <= typo_budget(word))
