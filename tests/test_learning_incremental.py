"""A learning action rebuilds the answerer from the one in service, reusing what did not change: it must
decide exactly as an answerer built afresh from the same knowledge, after each of a series of changes
(a phrasing taught, a new entry, an edit that drops a phrasing, a glossary term edited), on the
evaluation's dev questions and the FAQ's own phrasings; its indexes hold the same numbers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.normalize import correctable, words
from bot.answering.reuse import Build
from bot.config import AnsweringSettings
from bot.knowledge.edits import copy
from bot.knowledge.model import FaqEntry, KnowledgeBase


def _questions(kb: KnowledgeBase) -> list[str]:
    """The tidy dev questions, an eighth of the realistic dev messages, a twelfth of the phrasings and
    every phrasing of the entries changed (the indexes are compared whole: these check the decisions)."""
    realistic = [m.text for m in load_realistic() if m.split == "dev"][::8]
    changed = [p for e in kb.faq if e.id.startswith("appris") or "quartier" in " ".join(e.alternates)
               for p in e.phrasings]
    return [q.q for q in load_eval() if q.split == "dev"] + realistic + [
        p for e in kb.faq for p in e.phrasings][::12] + changed


def _typo_of_an_answer_word(answerer: Answerer) -> tuple[str, str]:
    """An answer's word the corrector looks up (no phrasing uses it), and a spelling one letter away that
    nothing uses: taught in a phrasing, it becomes the word the answer's analysis corrects to."""
    vocabulary = answerer.normalizer.vocabulary
    for entry in answerer.kb.faq:
        for word in words(entry.answer):
            if correctable(word) and word not in vocabulary and 5 <= len(word) < 9:
                for letter in "qkxw":
                    typo = word[:-1] + letter
                    if typo != word and correctable(typo) and typo not in vocabulary:
                        return word, typo
    raise AssertionError("no answer word to misspell")


def _changes(kb: KnowledgeBase, answerer: Answerer) -> list[tuple[str, KnowledgeBase]]:
    word, typo = _typo_of_an_answer_word(answerer)
    # Taught to an entry whose answer does not hold the word: the entry that does is unchanged, yet reads anew.
    first, second = [e for e in kb.faq if word not in words(e.answer)][:2]
    taught = replace(first, alternates=(*first.alternates, f"et pour le {typo} du quartier"))
    step1 = kb.with_entries((taught,))
    learned = FaqEntry(id="appris-7", question="Peut-on se faire rembourser les trajets pour les réunions ?",
                       alternates=("remboursement des tickets de bus",), answer="Oui, demandez le formulaire.",
                       more=None, tags=("appris",), related=(), source="équipe", reviewed=None,
                       needs_review=True, origin=first.origin)
    step2 = step1.with_entries((learned,))
    dropped = replace(second, alternates=second.alternates[1:], answer=f"{second.answer} Voir aussi le {word}.")
    step3 = step2.with_entries((dropped,))
    steps = [(f"a phrasing taught ({typo!r}, one letter from the answer word {word!r})", step1),
             ("a new entry", step2), ("an edit that drops a phrasing", step3)]
    if kb.glossary:
        term = kb.glossary[0]
        steps.append(("a glossary term edited", copy(step3, glossary=(
            replace(term, synonyms=(*term.synonyms, "quartier du projet")), *kb.glossary[1:]))))
    return steps


def _same_postings(mine: dict[str, np.ndarray], theirs: dict[str, np.ndarray]) -> None:
    assert mine.keys() == theirs.keys()
    assert all(np.array_equal(mine[token], theirs[token]) for token in theirs)


def _same_indexes(incremental: Answerer, fresh: Answerer) -> None:
    assert incremental.normalizer.vocabulary == fresh.normalizer.vocabulary
    new, old = incremental.matcher, fresh.matcher
    assert [(p.text, p.tokens, p.joined) for p in new._phrasings] == [(p.text, p.tokens, p.joined) for p in old._phrasings]
    assert np.array_equal(new._phrasing_entry, old._phrasing_entry)
    assert np.array_equal(new._phrasing_weight, old._phrasing_weight)
    _same_postings(new._postings, old._postings)
    for field in ("_vocabulary", "_answers", "_passage_field"):
        a, b = getattr(new, field), getattr(old, field)
        assert a.bags == b.bags and a.idf == b.idf, field
        _same_postings(a.postings, b.postings)
    # Entries naming each glossary term, counted from the postings: as a walk over every entry counts them.
    assert incremental._named_by == fresh._named_by == {
        key: sum(old.mentions(i, key) for i in range(len(old.entries))) for key in fresh.terms}
    chars, plain = incremental.chars, fresh.chars
    assert chars._column == plain._column and chars._ids == plain._ids
    for field in ("_first", "_idf", "_rows", "_weights", "_length", "_start"):
        assert np.array_equal(getattr(chars, field), getattr(plain, field)), field


def _check(incremental: Answerer, fresh: Answerer, questions: list[str]) -> None:
    _same_indexes(incremental, fresh)
    for text in questions:
        assert incremental.analyze(text) == fresh.analyze(text), text
        assert incremental.decide(text) == fresh.decide(text), text
        assert incremental.second.rank(text, limit=5) == fresh.second.rank(text, limit=5), text
        assert incremental.chars.rank(text, limit=5) == fresh.chars.rank(text, limit=5), text


@pytest.fixture(scope="module")
def base() -> tuple[AnsweringSettings, KnowledgeBase, Answerer]:
    settings, kb = shipped()
    return settings.answering, kb, Answerer(kb, settings.answering)


def test_each_learning_action_decides_as_a_fresh_build(base: tuple[AnsweringSettings, KnowledgeBase, Answerer]) -> None:
    settings, kb, answerer = base
    current = answerer
    for what, changed in _changes(kb, answerer):
        incremental = Answerer(changed, settings, previous=current)
        fresh = Answerer(changed, settings)
        try:
            _check(incremental, fresh, _questions(changed))
        except AssertionError as error:
            raise AssertionError(f"after {what}: {error}") from error
        current = incremental  # the next action starts from the answerer it put in service


def test_a_taught_word_changes_how_an_answer_is_read(base: tuple[AnsweringSettings, KnowledgeBase, Answerer]) -> None:
    """The case the reuse must not miss: an answer's word was left as typed; the phrasing taught brings a
    word one letter away into the vocabulary, and the answer now reads as that word."""
    settings, kb, answerer = base
    word, typo = _typo_of_an_answer_word(answerer)
    _, changed = _changes(kb, answerer)[0]
    assert answerer.normalizer.analyze(word).words == (word,)
    incremental = Answerer(changed, settings, previous=answerer)
    assert incremental.normalizer.analyze(word).words == (typo,)
    entry = next(i for i, e in enumerate(changed.faq) if word in words(e.answer))
    typo_token = incremental.normalizer.analyze(typo).tokens[0]
    assert typo_token in incremental.matcher._answers.bags[entry]
    assert incremental.matcher._answers.bags == Answerer(changed, settings).matcher._answers.bags


def test_a_word_taught_later_changes_how_a_learned_answer_is_read(
        base: tuple[AnsweringSettings, KnowledgeBase, Answerer]) -> None:
    """The same, two actions apart: the answer holding the word was analysed by a learning action (a new
    entry), not by the first build; the phrasing taught next must still make it read again."""
    settings, kb, answerer = base
    word = "trolimbeau"  # nothing in the knowledge uses it: the corrector looks it up
    assert correctable(word) and word not in answerer.normalizer.vocabulary
    learned = replace(kb.faq[3], id="appris-9", question="Le trajet en navette est-il remboursé ?",
                      alternates=(), answer=f"Oui, gardez le {word} de votre trajet.", tags=("appris",))
    first = Answerer(kb.with_entries((learned,)), settings, previous=answerer)
    assert first.normalizer.analyze(word).words == (word,)
    taught = replace(kb.faq[0], alternates=(*kb.faq[0].alternates, "et pour le trolimbeu du quartier"))
    changed = kb.with_entries((learned, taught))
    incremental = Answerer(changed, settings, previous=first)
    assert incremental.normalizer.analyze(word).words == ("trolimbeu",)
    assert incremental.matcher._answers.bags == Answerer(changed, settings).matcher._answers.bags


def test_the_vocabulary_follows_entries_and_documents_alike(
        base: tuple[AnsweringSettings, KnowledgeBase, Answerer]) -> None:
    """The vocabulary's counts after a change: an entry edited (read from the entries not in both knowledges),
    then a document's passage (every text counted again), as a fresh build counts them."""
    _, kb, answerer = base
    entry = kb.faq[4]
    edited = kb.with_entries((replace(entry, alternates=(*entry.alternates[1:], "le zorglubard du quartier")),))
    document = kb.documents[0]
    passage = replace(document.passages[0], text="Le zorglubard du quartier se réunit le mardi.")
    documented = copy(edited, documents=(replace(document, passages=(passage, *document.passages[1:])),
                                         *kb.documents[1:]))
    previous = answerer.prepared
    for changed in (edited, documented):
        reused = Build(changed, previous).prepared()
        assert reused.counts == Build(changed).prepared().counts
        previous = reused
    assert previous.counts["zorglubard"] == 2 and previous.counts["reunit"] >= 1
