"""A confident answer that e5 reads as about something else entirely becomes a choice.

The lexical rankers answer on the words a message shares with an entry; a long message can share many words
with an entry and mean something else (a bus timetable changed by the works in the neighbourhood shares the
works and the neighbourhood with the entry on the maison du projet). e5 reads the meaning: when, for the very
words the answer was given on, e5 puts our entry far down both of its rankings (by the entries' phrasings and
as passages), the answer becomes two choices: ours first, then e5's first. e5 reads the part of the message the
answer used (greetings and sign-offs set aside), not the whole message. Only modest answers of a long question
are read (a short one gives e5 too little to read, and a high score is seldom wrong): e5 costs tens of
milliseconds a read.

Measured on the realistic dev split and on the three last blind batches at their own time (bench/RESULTS.md,
"Confident answers e5 reads otherwise"): the signal is rare and sure only far down e5's rankings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from bot.answering.acts import Act
from bot.answering.answerer import Decision, Kind
from bot.answering.matcher import Candidate
from bot.knowledge.model import KnowledgeBase

FAR_BY_PHRASINGS = 4  # ours not among e5's first this many entries by their phrasings…
FAR_BY_PASSAGES = 35  # …nor among its first this many entries read as passages (of ~175)
MIN_WORDS = 10  # words of the part read: fewer give e5 too little to read
MODEST_SCORE = 60.0  # answers scoring this or more are not read

# e5's entries for a text, best first: (by the entries' phrasings, as passages); None when e5 cannot read
Rankings = Callable[[str], tuple[Sequence[str], Sequence[str]] | None]


def doubted(decision: Decision, kb: KnowledgeBase, rankings: Rankings) -> Decision:
    """The decision, with each answer e5 reads as about another entry turned into choices."""
    if Act.FOLLOW_UP in decision.acts or Act.SIMPLER in decision.acts:
        return decision  # read without the answer it follows, a follow-up looks like anything
    # One of several questions stays answered: read alone, its few words were answered as surely elsewhere as
    # here, and the blind batches lost a right answer for nothing gained (bench/RESULTS.md).
    return _doubted(decision, kb, rankings) if decision.kind == Kind.ANSWER else decision


def _doubted(answer: Decision, kb: KnowledgeBase, rankings: Rankings) -> Decision:
    said = " ".join(answer.segments)
    if answer.entry is None or answer.personal or answer.score >= MODEST_SCORE or len(said.split()) < MIN_WORDS:
        return answer
    ranked = rankings(said)
    if ranked is None:
        return answer
    by_phrasing, by_passage = ranked
    ours = answer.entry.id
    if ours in by_phrasing[:FAR_BY_PHRASINGS] or ours in by_passage[:FAR_BY_PASSAGES] or not by_phrasing:
        return answer
    other = kb.entry(by_phrasing[0])
    if other is None:
        return answer
    known = {c.entry.id: c for c in answer.candidates}
    first = known.get(ours) or Candidate(entry=answer.entry, score=answer.score, phrasing=answer.entry.question)
    second = known.get(other.id) or Candidate(entry=other, score=first.score, phrasing=other.question)
    choices = (first, second) + ((answer.runner_up,) if answer.runner_up and answer.runner_up.entry.id not in (
        ours, other.id) else ())
    return dataclasses.replace(answer, kind=Kind.SUGGEST, entry=None, candidates=choices, runner_up=None)
