"""The cap on long n-gram lists (MAX_POSTINGS) is for large bases: on the shipped base the third ranker
ranks every phrasing and every evaluation question (tidy and realistic dev) exactly as without it."""

from __future__ import annotations

import pytest

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bot.answering import char_opinion
from bot.answering.char_opinion import CharOpinion


def test_the_cap_leaves_the_shipped_rankings_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    _, kb = shipped()
    capped = CharOpinion(kb.faq)
    monkeypatch.setattr(char_opinion, "MAX_POSTINGS", 10**9)
    uncapped = CharOpinion(kb.faq)
    texts = [p for e in kb.faq for p in e.phrasings] + [q.q for q in load_eval() if q.split == "dev"] + [
        m.text for m in load_realistic() if m.split == "dev"]
    assert len(texts) > 1000
    for text in texts:
        assert capped.rank(text, limit=5) == uncapped.rank(text, limit=5), text
