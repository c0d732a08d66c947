"""An order of our own for the first entries (`Answerer.order`, what bench/learned_order.py measures): given one,
it decides which entry the member is offered first; by default the engine's own order stands."""

from __future__ import annotations

from bot.answering.answerer import ORDER_POOL, Answerer
from bot.answering.decision import Kind
from bot.answering.matcher import Candidate
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE

# Unsure between several entries: the member is offered choices.
UNSURE = "les réunions du conseil"


def shipped_answerer() -> Answerer:
    settings = load_settings(ROOT / "config.toml", env={})
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), settings.answering)


def test_an_order_given_decides_which_choice_comes_first() -> None:
    answerer = shipped_answerer()
    ours = answerer.decide(UNSURE)
    assert ours.kind == Kind.SUGGEST and len(ours.candidates) > 1
    seen: list[tuple[int, int, int]] = []

    def last_first(candidates: list[Candidate], bm25: list[tuple[str, float]],
                   chars: list[tuple[str, float]]) -> list[Candidate]:
        seen.append((len(candidates), len(bm25), len(chars)))
        pool = candidates[:ORDER_POOL]
        return [pool[-1], *pool[:-1], *candidates[ORDER_POOL:]]

    answerer.order = last_first
    moved = answerer.decide(UNSURE)
    assert moved.candidates[0].entry.id != ours.candidates[0].entry.id
    # The order reads our first ORDER_POOL entries and the other rankers' first ORDER_POOL.
    assert seen and all(n <= ORDER_POOL and b <= ORDER_POOL and c <= ORDER_POOL for n, b, c in seen)
    assert any(n == ORDER_POOL for n, _, _ in seen)


def test_without_an_order_the_engine_keeps_its_own() -> None:
    answerer = shipped_answerer()
    assert answerer.order is None
    assert [c.entry.id for c in answerer.decide(UNSURE).candidates] == [
        c.entry.id for c in shipped_answerer().decide(UNSURE).candidates]
