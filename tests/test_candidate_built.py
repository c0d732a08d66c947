"""A ranking's candidates are built without the dataclass's `__init__` (bot/answering/matcher.py, `_candidate`):
they must be the very candidates `Candidate(...)` makes, every field set, whatever fields it gains later."""

from __future__ import annotations

import dataclasses
import pickle

from bot.answering.matcher import Candidate, _candidate
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


def test_a_candidate_built_at_once_is_the_one_the_dataclass_makes() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).faq[0]
    made = _candidate(entry, 61.3, "c'est quoi un conseil citoyen", 4, 0.75, 0.5)
    expected = Candidate(entry=entry, score=61.3, phrasing="c'est quoi un conseil citoyen", index=4, coverage=0.75,
                         known_coverage=0.5)
    assert made == expected and repr(made) == repr(expected) and hash(made) == hash(expected)
    assert set(vars(made)) == {f.name for f in dataclasses.fields(Candidate)}  # no field left unset
    assert pickle.loads(pickle.dumps(made)) == expected
    assert dataclasses.replace(made, score=10.0).score == 10.0
