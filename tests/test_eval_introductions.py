"""Our own introductions set is well formed: real entries, a held-out half, every message opens with a greeting, no
message among the base's phrasings (the hotline must not know them by heart)."""

from __future__ import annotations

import pytest

from bench.introductions import INTRODUCTIONS_FILE
from bench.realistic import Message, load_realistic
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.eval_sets import taught_to


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(SHIPPED_KNOWLEDGE)


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return load_realistic(INTRODUCTIONS_FILE)


def test_each_message_asks_real_entries_or_nothing(kb: KnowledgeBase, messages: list[Message]) -> None:
    ids = {e.id for e in kb.faq}
    for m in messages:
        assert set(m.expect) <= ids, m.text
        assert m.kind in ("faq", "multi", "agenda", "none"), m.text
        assert bool(m.expect) == (m.kind in ("faq", "multi")), m.text
        assert len(m.expect) >= 2 if m.kind == "multi" else True, m.text


def test_every_message_opens_with_a_greeting_and_says_who_asks(messages: list[Message]) -> None:
    assert all({"greeting", "intro"} <= set(m.style) for m in messages)


def test_every_other_message_is_held_out(messages: list[Message]) -> None:
    assert [m.split for m in messages] == ["tuned" if n % 2 == 0 else "held" for n in range(len(messages))]


def test_no_message_is_a_phrasing_of_the_base(kb: KnowledgeBase, messages: list[Message]) -> None:
    assert taught_to(kb, (m.text for m in messages)) == []
