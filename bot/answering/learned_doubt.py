"""The classifier learned from members' messages (bot/answering/learned.py) doubting a sure answer (issue 11).

The rankers answer at once when one entry explains the message's words; on fresh writing that is wrong for about
one message in twenty, and most often the classifier reads it otherwise. Two doubts turn an answer into choices:

- a single question answered with an entry the classifier gives almost nothing (`Doubts.answer_below`) while it
  names another class surely (`Doubts.other_at`): the two entries are offered, ours first; when it names no entry
  ("none": a question out of scope) our choices are offered, never answered as sure;
- one question of several answered with an entry the classifier gives little on the whole message
  (`Doubts.part_below`): that question is offered as a choice. The whole message is read, the way the classifier
  learned, so two questions share its probability: an entry right for one of them still gets a good share.

A message that leans on the answer just shown ("et pour les jeunes ?") is read in that context, which the
classifier never learned: it is left alone. Measured on batches of writing the classifier never learned from
(`python -m bench.learned_study ends doubts`, bench/RESULTS.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE
from bot.answering.matcher import candidate_of
from bot.knowledge.model import KnowledgeBase

_IN_CONTEXT = frozenset({Act.FOLLOW_UP, Act.SIMPLER})


@dataclass(frozen=True, kw_only=True)
class Doubts:
    answer_below: float = 0.05
    other_at: float = 0.7
    part_below: float = 0.1
    # Or the other class named at `other_least` or more and `times` as likely as ours: on batches the classifier never
    # learned (`python -m bench.learned_study ends doubts:0.05:0.7:0.1:0.3:3`), batches 17 to the end 2,099 resolved
    # and 57 confident wrong → 2,100 and 49; 21 to the end 1,490 / 54 → 1,491 / 47; the tidy dev set unchanged.
    other_least: float = 0.3
    times: float = 3.0


def may_doubt(decision: Decision, knows: Callable[[str], bool]) -> bool:
    """Whether `doubted` can change `decision` (asked before reading the message): an answer with an entry the
    classifier learned (`knows`), or one question of several answered so, among choices; nothing read in context."""
    if _IN_CONTEXT & set(decision.acts):
        return False
    if decision.kind == Kind.ANSWER:
        return decision.entry is not None and knows(decision.entry.id)
    return decision.kind == Kind.MULTI and any(
        part.kind == Kind.ANSWER and part.entry is not None and bool(part.candidates) and knows(part.entry.id)
        for part in decision.parts)


def doubted(decision: Decision, probabilities: np.ndarray, classes: tuple[str, ...], kb: KnowledgeBase,
            doubts: Doubts = Doubts()) -> Decision:
    """`decision` with the answers the classifier doubts turned into choices (`probabilities`: its reading of the
    whole message, one per class). Only the classes it needs are read: ours and the one named first."""
    if _IN_CONTEXT & set(decision.acts):
        return decision
    at = _places(classes)
    if decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id in at:
        return _single(decision, probabilities, classes, at[decision.entry.id], kb, doubts)
    if decision.kind == Kind.MULTI:
        parts = tuple(dataclasses.replace(part, kind=Kind.SUGGEST, entry=None)
                      if part.kind == Kind.ANSWER and part.entry is not None and part.candidates
                      and _share(probabilities, at, part.entry.id) < doubts.part_below
                      else part for part in decision.parts)
        return dataclasses.replace(decision, parts=parts) if parts != decision.parts else decision
    return decision


@cache  # the model's classes: one tuple per process
def _places(classes: tuple[str, ...]) -> dict[str, int]:
    """Each class's place in the probabilities."""
    return {c: i for i, c in enumerate(classes)}


def _share(probabilities: np.ndarray, at: dict[str, int], entry_id: str) -> float:
    """The classifier's probability of an entry; 1 for an entry it never learned (added later: never doubted)."""
    return float(probabilities[at[entry_id]]) if entry_id in at else 1.0


def _single(decision: Decision, probabilities: np.ndarray, classes: tuple[str, ...], ours_at: int,
            kb: KnowledgeBase, doubts: Doubts) -> Decision:
    assert decision.entry is not None
    first = int(np.argmax(probabilities))  # the first of the most likely, as max() over the classes in order
    named = classes[first]
    ours_p, named_p = float(probabilities[ours_at]), float(probabilities[first])
    surely = named_p >= doubts.other_at or (named_p >= doubts.other_least and named_p >= doubts.times * ours_p)
    if named == decision.entry.id or not surely or ours_p >= doubts.answer_below:
        return decision
    ours = candidate_of(decision.entry, decision.candidates, decision.score)
    if named != NONE and not named_p >= doubts.other_at and named in decision.entry.related:
        # Unsure between ours and an entry ours lists as its neighbour ("ça sert à quoi" of the council: its role or
        # its definition): a hesitation on one subject, no sign the answer is wrong.
        return decision
    if named == NONE:
        others = (decision.runner_up,) if decision.runner_up is not None else ()
    else:
        entry = kb.entry(named)
        if entry is None:
            return decision
        others = (candidate_of(entry, decision.candidates),)
    return dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None, runner_up=None, candidates=(ours, *others))
