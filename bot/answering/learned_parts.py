"""Each question of a message of several read alone by the classifier learned from members' messages (issue 11).

A message of two questions is cut into parts, each decided on its own words (bot/answering/several_questions.py).
The rankers then rank a part's entry wrongly more often than a single question's: a part is short, and often leans
on the question before it ("et la mairie peut les voir ?" after a question on our data). The classifier
(bot/answering/learned.py) also learned from such parts, each with the entry its question asks. When it reads a
part alone and names another entry surely (`PART_LEAD_PROBABILITY`), that entry leads the part's choices, our own
first entry second: a part answered at once becomes two choices, a part offered leads with it. An entry another
question of the message already has is left to it; "none" (out of scope) changes nothing; a part on an entry the
classifier never learned (added later) is left alone.

Measured on batches of writing the classifier never learned from (`python -m bench.learned_study ends parts`,
bench/RESULTS.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE
from bot.answering.matcher import Candidate
from bot.knowledge.model import FaqEntry

# Chosen on the offline study before running end to end: at 0.7 a part's own reading replaces our first entry
# rightly three to six times as often as wrongly on the held batches; at 0.5 about as often wrongly as rightly.
PART_LEAD_PROBABILITY = 0.7

_IN_CONTEXT = frozenset({Act.FOLLOW_UP, Act.SIMPLER})

Reading = Callable[[str], tuple[str, float] | None]  # the class named first for a text and its probability


def may_lead_parts(decision: Decision) -> bool:
    """Whether `with_parts_led` can change `decision` (asked before reading anything): several questions, one of them
    answered or offered on its own words; nothing read in context."""
    return decision.kind == Kind.MULTI and not (_IN_CONTEXT & set(decision.acts)) and any(
        _ours(part) is not None and part.segments for part in decision.parts)


def with_parts_led(decision: Decision, read: Reading, entry_of: Callable[[str], FaqEntry | None],
                   knows: Callable[[str], bool], least: float = PART_LEAD_PROBABILITY, *,
                   answered: bool = True, whole: Callable[[str], float] | None = None) -> Decision:
    """`decision` (several questions) with each part the classifier reads otherwise, alone and surely, offered with
    the entry it names first (`read`: its reading of a text; `entry_of`: the knowledge's entry of a class; `knows`:
    whether it learned an entry; `answered`: whether a part answered at once may be offered instead; `whole`: the
    classifier's probability of an entry for the whole message, which must then give the entry named at least as
    much as ours)."""
    parts = list(decision.parts)
    for k, part in enumerate(parts):
        ours = _ours(part)
        if ours is None or not part.segments or part.personal or not knows(ours.entry.id) or (
                part.kind == Kind.ANSWER and not answered):
            continue
        read_alone = read(" ".join(part.segments))
        if read_alone is None:
            continue
        named, probability = read_alone
        taken = {c.entry.id for other in parts if other is not part for c in _firsts(other)}
        entry = entry_of(named)
        if named == NONE or probability < least or named == ours.entry.id or named in taken or entry is None:
            continue
        if whole is not None and whole(named) < whole(ours.entry.id):
            continue
        led = next((c for c in part.candidates if c.entry.id == named), None) or Candidate(
            entry=entry, score=0.0, phrasing=entry.question)
        rest = tuple(c for c in part.candidates if c.entry.id not in (named, ours.entry.id))
        parts[k] = dataclasses.replace(part, kind=Kind.SUGGEST, entry=None, runner_up=None,
                                       candidates=(led, ours, *rest))
    return dataclasses.replace(decision, parts=tuple(parts)) if parts != list(decision.parts) else decision


def _ours(part: Decision) -> Candidate | None:
    """A part's first entry: the one answered, else its first choice (None: a part of another kind)."""
    if part.kind == Kind.ANSWER and part.entry is not None:
        return next((c for c in part.candidates if c.entry.id == part.entry.id), None) or Candidate(
            entry=part.entry, score=part.score, phrasing=part.entry.question)
    if part.kind == Kind.SUGGEST and part.candidates:
        return part.candidates[0]
    return None


def _firsts(part: Decision) -> tuple[Candidate, ...]:
    """What a part gives the member at once: its answer or its first choice."""
    ours = _ours(part)
    return (ours,) if ours is not None else ()
