"""What the three rankers saw of our first entry, gathered for the answer rule (answer_rule.py): our score and lead,
BM25's and the character n-grams' first scores and whether they name it, the words read. The n-grams are read only
when the shipped rule's verdict depends on them; the benchmark reads every feature (`full_evidence`) for the variants
it holds out (bench/answer_rule.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Protocol

from bot.answering.answer_rule import BM25_TIE_RATIO, LEANING_PROBABILITY, Evidence, sure, sure_whatever_chars
from bot.answering.french import STOPWORDS
from bot.answering.matcher import Candidate, Matcher
from bot.answering.normalize import Analysis, fold, french_lemmas

# BM25 naming first an entry ours lists as related, ours among its first three at this share of its score or more
# (answer_rule.NEIGHBOUR_PROBABILITY); 1 turns it off.
NEIGHBOUR_SHARE = 0.8
_LETTERS = re.compile(r"[^\W\d_]+")


class Rankings(Protocol):
    """What gathering the evidence needs of the answerer: its rankers, and what the benchmark sets."""

    matcher: Matcher
    topics: frozenset[str]  # the base's own words
    full_evidence: bool
    rule: Callable[[Evidence], bool]

    def second_opinion(self, text: str, limit: int) -> list[tuple[str, float]]: ...

    def char_ranking(self, text: str, limit: int) -> list[tuple[str, float]]: ...


def gathered(reader: Rankings, top: Candidate, lead: float, opinion: list[tuple[str, float]], said: str,
             tie_broken: bool, story_share: float, daily_life: bool, analysis: Analysis,
             boost: dict[str, float] | None, intro: bool, introduced: str = "") -> Evidence:
    """What the rankers saw of our first entry `top` (`opinion`: BM25's ranking of what was read)."""
    whole = said
    if introduced and not (opinion and opinion[0][0] == top.entry.id):
        # After a self-introduction, BM25 naming ours for the question alone is its agreement (and the
        # n-grams are read on the question too).
        heard = reader.second_opinion(introduced, limit=3)
        if heard and heard[0][0] == top.entry.id:
            opinion, said = heard, introduced
    # The rule never answers without BM25's agreement: the third ranker is read only then.
    bm25_agrees = bool(opinion) and opinion[0][0] == top.entry.id
    bm25_tied = not bm25_agrees and len(opinion) > 1 and opinion[1][0] == top.entry.id and (
        opinion[1][1] >= BM25_TIE_RATIO * opinion[0][1])
    bm25_neighbour = not bm25_agrees and NEIGHBOUR_SHARE < 1 and len(opinion) > 1 and (
        opinion[0][0] in top.entry.related) and any(
        e == top.entry.id and v >= NEIGHBOUR_SHARE * opinion[0][1] for e, v in opinion[1:3])
    full = reader.full_evidence
    read = bm25_agrees or bm25_tied or bm25_neighbour or full
    if read and not full and reader.rule is sure:
        # The shipped rule needs the third ranker only when its verdict, or its lean, depends on it: otherwise it
        # is not read, and the evidence holds no n-gram ranking (`sure` and `leans` say the same of it).
        bare = _evidence_of(top, lead, opinion, [], whole, story_share, tie_broken, daily_life, bm25_agrees,
                            bm25_tied, intro, bm25_neighbour)
        read = sure_whatever_chars(bare) is None or sure_whatever_chars(bare, LEANING_PROBABILITY) is None
    chars = reader.char_ranking(said, limit=3 if full else 2) if read else []
    evidence = _evidence_of(top, lead, opinion, chars, whole, story_share, tie_broken, daily_life,
                            bm25_agrees, bm25_tied, intro, bm25_neighbour)
    return _variant_features(reader, evidence, top, opinion, chars, analysis, boost, whole) if full else evidence


def _evidence_of(top: Candidate, lead: float, opinion: list[tuple[str, float]], chars: list[tuple[str, float]],
                 whole: str, story_share: float, tie_broken: bool, daily_life: bool, bm25_agrees: bool,
                 bm25_tied: bool, intro: bool, bm25_neighbour: bool = False) -> Evidence:
    return Evidence(
        entry=top.entry.id, score=top.score, lead=lead, known_coverage=top.known_coverage,
        bm25=opinion[0][1] if opinion else 0.0,
        bm25_ratio=opinion[1][1] / opinion[0][1] if len(opinion) > 1 and opinion[0][1] > 0 else 0.0,
        bm25_agrees=bm25_agrees,
        chars=chars[0][1] if chars else 0.0,
        chars_ratio=chars[1][1] / chars[0][1] if len(chars) > 1 and chars[0][1] > 0 else 0.0,
        chars_agrees=bool(chars) and chars[0][0] == top.entry.id,
        words=len(whole.split()), story_share=story_share, tie_broken=tie_broken, daily_life=daily_life,
        bm25_tied=bm25_tied, intro=intro, bm25_neighbour=bm25_neighbour)


def _variant_features(reader: Rankings, evidence: Evidence, top: Candidate, opinion: list[tuple[str, float]],
                      chars: list[tuple[str, float]], analysis: Analysis, boost: dict[str, float] | None,
                      said: str) -> Evidence:
    """The features only the benchmark's held-out variants weigh (bench/answer_rule.py): where the other
    rankers put ours, the question's coverage by the entry, the share of SMS spellings."""

    def place(ranking: list[tuple[str, float]]) -> tuple[int, float]:
        at = next((k for k, (e, _) in enumerate(ranking[:3]) if e == top.entry.id), 3)
        return at, (ranking[at][1] / ranking[0][1] if at < 3 and ranking[0][1] > 0 else 0.0)

    bm25_rank, bm25_share = place(opinion)
    chars_rank, chars_share = place(chars) if chars else (3, 0.0)
    asked = {t for t in analysis.tokens if (boost or {}).get(t, 1.0) >= 1.0 and reader.matcher.known(t)}
    weight = sum(reader.matcher.idf(t) for t in asked)
    covered = sum(reader.matcher.idf(t) for t in asked if reader.matcher.mentions(top.index, t))
    return dataclasses.replace(
        evidence, bm25_rank=bm25_rank, bm25_share=bm25_share, chars_rank=chars_rank, chars_share=chars_share,
        rare_coverage=covered / weight if weight else 1.0, noise=noise(said, reader.topics))


def noise(text: str, topics: frozenset[str]) -> float:
    """Share of the words (two letters or more) that are neither French words, nor the base's, nor stopwords:
    SMS spellings and typos ("jsui elu jpe rentré ds le cc": 4 of 8)."""
    found = [w for w in _LETTERS.findall(fold(text)) if len(w) > 1]
    odd = [w for w in found if w not in STOPWORDS and w not in topics and w not in french_lemmas()]
    return len(odd) / len(found) if found else 0.0
