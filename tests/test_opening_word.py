""""Qui peut entrer au conseil ?": of our first two entries this close, the one whose phrasing opens on the member's
own question word comes first. A question opening on no such word leaves the order as it is, its phrasings unread."""

from __future__ import annotations

import pytest

from bench.common import shipped
from bot.answering import answerer as answering
from bot.answering.answerer import _asked_alike
from bot.answering.matcher import Candidate
from bot.answering.normalize import words


def _two(first: str, second: str, gap: float = 1.0) -> list[Candidate]:
    _, kb = shipped()
    one, other = kb.faq[:2]
    return [Candidate(entry=one, score=60.0, phrasing=first), Candidate(entry=other, score=60.0 - gap, phrasing=second)]


def test_the_phrasing_opening_on_the_members_word_comes_first() -> None:
    ranked = _two("comment entrer dans le conseil", "qui peut être membre du conseil")
    assert _asked_alike(ranked, "Qui peut entrer au conseil ?") == [ranked[1], ranked[0]]
    assert _asked_alike(ranked, "Comment entrer au conseil ?") == ranked  # ours opens on it already
    assert _asked_alike(_two("comment entrer", "qui peut", gap=6.0), "qui peut entrer ?")[0].phrasing == "comment entrer"


def test_a_question_opening_on_no_question_word_reads_no_phrasing(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def reading(text: str) -> list[str]:
        read.append(text)
        return words(text)

    monkeypatch.setattr(answering, "words", reading)
    ranked = _two("comment entrer dans le conseil", "qui peut être membre du conseil")
    assert _asked_alike(ranked, "Pour entrer au conseil ?") == ranked
    assert read == ["Pour entrer au conseil ?"]  # the member's words only
