"""Dictation homophones ("ses quoi" for "c'est quoi") are looked for in one scan tried only where a word starts with
one of the letters they start with (bot/answering/cleanup.py, `_ANY_SPOKEN`): a message it lets through must be
one that none of them would change."""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from itertools import product
from typing import Any

import pytest

from bot.answering import cleanup
from bot.answering.french import SPOKEN, SPOKEN_FIRST_LETTERS, SPOKEN_STARTS


def _first_letters(items: Any) -> set[str]:
    """The characters a match of these parsed items can start with ("?" for anything else)."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: "\b", "^", lookarounds
        if op is _c.BRANCH:
            alternatives = av[1]
            if all(all(o in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) for o, _ in alt) for alt in alternatives):
                continue  # "(?:^|(?<=[.?!,]\s))": zero-width too
            return set().union(*(_first_letters(alt) for alt in alternatives))
        if op is _c.SUBPATTERN:
            return _first_letters(av[3])
        if op is _c.LITERAL:
            return {chr(av)}
        if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            return {chr(a) for _, a in av}
        return {"?"}
    return {"?"}


@pytest.mark.parametrize("pattern", [pattern for pattern, _ in SPOKEN])
def test_each_homophone_starts_with_one_of_the_letters_the_scan_tries(pattern: str) -> None:
    assert _first_letters(_parser.parse(pattern, re.IGNORECASE)) <= set(SPOKEN_STARTS)


def test_each_homophone_is_tried_where_a_word_starts_with_each_letter_it_may_start_with() -> None:
    assert len(SPOKEN_FIRST_LETTERS) == len(SPOKEN)
    for (pattern, _), letters in zip(SPOKEN, SPOKEN_FIRST_LETTERS, strict=True):
        assert {c.lower() for c in _first_letters(_parser.parse(pattern, re.IGNORECASE))} <= set(letters), pattern


_SAID = ["kan cé le copil", "ses quoi le fph", "c es quoi", "il faux venir", "faux-t-il venir", "es que je peux",
         "qui et le maire", "qu'es ce que", "sait quoi un copil", "qu'elle est la date", "pour quoi le bot",
         "le conte rendu", "réseau ville", "on peu venir", "le conseil peu alerter", "je peu", "peu-on venir",
         "se que je dis", "une sale pour se réunir", "notre cc", "des photo copies", "une photo copie"]
_BEFORE = ["", " ", "x", "'", "’", "1", ".", ". ", ", ", "\n", "É", "tu ", "un ", "-"]


def test_the_one_scan_finds_every_homophone_whatever_comes_before_it() -> None:
    every = re.compile("|".join(f"(?:{pattern})" for pattern, _ in SPOKEN), re.IGNORECASE)
    for before, said in product(_BEFORE, _SAID):
        for text in (before + said, before + said.upper(), before + said.capitalize()):
            assert bool(cleanup._ANY_SPOKEN.search(text)) == bool(every.search(text)), text
    assert all(cleanup._ANY_SPOKEN.search(said) for said in _SAID)  # each example is one


def test_a_member_who_dictates_ses_quoi_is_read_as_asking_c_est_quoi() -> None:
    assert cleanup.clean("ses quoi le copil") == "c'est quoi le copil"
