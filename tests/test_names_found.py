"""A capitalised word inside a sentence is a name ("je suis Françoise", "à Saint-Herblain"). The pattern that finds
them starts on the capital (the engine jumps from capital to capital); it finds what the first one written found,
which looked behind every character of the message."""

from __future__ import annotations

import re

from bench.common import load_eval
from bench.realistic import load_realistic
from bot.answering.normalize import _NAME, names

# The pattern as first written: the words before the capital looked behind at every position.
_LOOKING_BEHIND_FIRST = re.compile(r"(?:(?<=[^\W_] )|(?<=[^\W_], ))[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*")


def test_a_name_inside_a_sentence_is_found_and_one_opening_it_is_not() -> None:
    assert names("Bonjour, je suis Françoise et j'habite à Saint-Herblain") == {"francoise", "herblain"}  # "saint" is French
    assert names("Françoise ici") == frozenset()  # the sentence's first word: a capital says nothing
    assert names("je suis.Françoise") == frozenset()  # no word and space before it
    assert _NAME.findall("merci, Agnès") == ["Agnès"]  # a word, a comma and a space before it


def test_the_names_found_are_those_the_first_pattern_found_in_every_dev_message() -> None:
    texts = [m.text for m in load_realistic() if m.split == "dev"] + [q.q for q in load_eval() if q.split == "dev"]
    texts += [t.title() for t in texts]  # a capital on every word: names everywhere
    assert len(texts) > 6000
    for text in texts:
        assert _NAME.findall(text) == _LOOKING_BEHIND_FIRST.findall(text), text
