"""A message's parts are read again and again while it is decided (its whole text, each part, its questions, their
joins): what only depends on the text is read once and kept, and what is kept is what a first reading gives."""

from __future__ import annotations

import pytest

from bench.common import load_eval
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer, _Reads, _without_fillers
from bot.answering.cleanup import clean
from bot.answering.french import DISCOURSE_ADVERBS
from bot.answering.normalize import fold
from bot.answering.segment import split_message
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.fixture(scope="module")
def fresh() -> Answerer:
    """An answerer built anew for each reading it is asked (nothing kept from another text)."""
    return _answerer()


def _answerer() -> Answerer:
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)


def _dev_texts() -> list[str]:
    """Messages of the dev splits (never the test splits)."""
    return [m.text for m in load_realistic() if m.split == "dev"][:400] + [q.q for q in load_eval() if q.split == "dev"]


def test_a_question_asked_with_or_without_its_mark_is_analysed_once() -> None:
    answerer = _answerer()
    asked = answerer.analyze("qui est censé payer ?")
    assert answerer.analyze("qui est censé payer") is asked  # the same words, read once
    assert answerer.analyze("qui est censé partir ?") is not asked
    assert asked == answerer.normalizer.analyze(clean("qui est censé payer"))


def test_a_name_is_no_word_of_the_same_letters_typed_without_its_capital() -> None:
    answerer = _answerer()
    named = answerer.analyze("Bonjour, je suis Françoise")  # her name, as typed
    typed = answerer.analyze("bonjour, je suis francoise")  # a typo of "française"
    assert named.words[-1] == "francoise" and typed.words[-1] == "francaise"


def test_what_a_message_keeps_is_what_a_first_reading_gives(fresh: Answerer) -> None:
    answerer = _answerer()  # reads every message below, one after the other, keeping what it read
    for text in _dev_texts():
        answerer.decide(text)
        for part in [text, *(s.text for s in split_message(text) if s.text)]:
            first = Answerer.analyze(fresh, part)
            fresh._analyses.clear()
            assert answerer.analyze(part) == first, part
            assert answerer.said(part) == first.words, part
            fresh._reads = _Reads()
            assert fresh.said(part) == first.words, part  # read for its words alone, never analysed
            fresh._typed.clear()
            assert answerer._as_read(part) == fresh._as_read(part), part


def test_the_weights_of_a_message_are_the_callers_own() -> None:
    answerer = _answerer()
    segments = split_message("Bonjour, je suis nouvelle au conseil. Comment on propose un projet ?")
    analysis, boost = answerer._weighted(segments)
    boost.clear()  # a caller changing its copy
    again, kept = answerer._weighted(segments)
    assert again == analysis and kept


def _fillers_dropped(text: str) -> str:
    """The discourse adverbs taken out of BM25's text, word after word (before the folded text was asked first)."""
    said = text.split()
    folded = [fold(w) for w in said]
    kept, i = [], 0
    while i < len(said):
        n = next((len(p) for p in DISCOURSE_ADVERBS if tuple(folded[i : i + len(p)]) == p), 0)
        if n:
            i += n
            continue
        kept.append(said[i])
        i += 1
    return " ".join(kept)


def test_discourse_adverbs_are_dropped_as_when_every_word_was_folded_alone() -> None:
    crafted = ["Par ailleurs, je voudrais savoir", "en Général on se réunit quand ?", "d ailleurs c'est où",
               "ailleurs en général", "EN GÉNÉRAL", "on va ailleurs en"]
    for text in crafted + _dev_texts():
        assert _without_fillers.__wrapped__(text) == _fillers_dropped(text), text
    assert _without_fillers("Par ailleurs je voudrais savoir") == "je voudrais savoir"
