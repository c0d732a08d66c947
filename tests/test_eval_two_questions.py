"""Our own two-question set is well formed: real entries, two per two-question message, a held-out half, no message
among the base's phrasings (the hotline must not know them by heart)."""

from __future__ import annotations

import pytest

from bench.realistic import Message, load_realistic
from bench.two_questions import TWO_QUESTIONS_FILE
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.eval_sets import taught_to


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(SHIPPED_KNOWLEDGE)


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return load_realistic(TWO_QUESTIONS_FILE)


def test_two_question_messages_ask_two_real_entries_and_single_ones_one(kb: KnowledgeBase,
                                                                      messages: list[Message]) -> None:
    ids = {e.id for e in kb.faq}
    for m in messages:
        assert set(m.expect) <= ids, m.text
        assert m.kind in ("multi", "faq"), m.text
        assert len(set(m.expect)) == 2 if m.kind == "multi" else len(m.expect) >= 1, m.text


def test_every_other_message_is_held_out(messages: list[Message]) -> None:
    assert [m.split for m in messages] == ["tuned" if n % 2 == 0 else "held" for n in range(len(messages))]


def test_no_message_is_a_phrasing_of_the_base(kb: KnowledgeBase, messages: list[Message]) -> None:
    assert taught_to(kb, (m.text for m in messages)) == []
