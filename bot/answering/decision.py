"""What the answerer decides for a message, as every channel and feature reads it: answer an entry, offer
choices, define a term, quote a passage, show the agenda, small talk, a dialogue act, or say honestly that the base
does not know."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum

from bot.answering.acts import Act
from bot.answering.matcher import Candidate, PassageHit, candidate_of
from bot.answering.scope import Matter
from bot.knowledge.model import FaqEntry, GlossaryTerm


class Kind(StrEnum):
    ANSWER = "answer"
    SUGGEST = "suggest"
    UNKNOWN = "unknown"
    SMALLTALK = "smalltalk"
    GLOSSARY = "glossary"
    PASSAGE = "passage"
    AGENDA = "agenda"
    EMPTY = "empty"
    MULTI = "multi"  # several questions in one message: `parts` holds one decision each
    ACT = "act"  # a dialogue act that is not a question (`act`): a person asked for, a complaint, a status


class Strategy(StrEnum):
    """How a message is matched, for the benchmark to compare (the product uses the default)."""

    WHOLE = "whole"  # the whole message as one question (the previous matcher)
    SEGMENTS = "segments"  # greetings, introductions and sign-offs set aside; question clauses weighed


class Smalltalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    BYE = "bye"
    HELP = "help"
    OK = "ok"


@dataclass(frozen=True, kw_only=True)
class Decision:
    kind: Kind
    score: float = 0.0
    entry: FaqEntry | None = None
    candidates: tuple[Candidate, ...] = ()
    smalltalk: Smalltalk | None = None
    term: GlossaryTerm | None = None
    passage: PassageHit | None = None
    agenda_kind: str | None = None  # event kind asked about, for Kind.AGENDA
    greeted: bool = False  # the message opened with a greeting
    words: tuple[str, ...] = ()  # the normalised words of the question, for features that route on them
    extras: dict[str, str] = field(default_factory=dict)
    acts: tuple[Act, ...] = ()  # dialogue acts found in the message
    act: Act | None = None  # for Kind.ACT: the one acted on
    segments: tuple[str, ...] = ()  # the parts of the message the decision used
    introduction: tuple[str, ...] = ()  # those of them in which the member said who they are
    told_then_asked: tuple[str, ...] = ()  # when a story came first: the question clauses among them
    parts: tuple[Decision, ...] = ()  # for Kind.MULTI
    # For Kind.MULTI: how many questions the member asked, when a comparison among them became one part a side.
    asked: int = 0
    personal: bool = False  # a personal matter of daily life (CAF, logement…): never answered with confidence
    matter: Matter = Matter.OTHER  # for a personal matter: which kind of office usually deals with it
    # For Kind.ANSWER: a close second entry the reply offers beside the answer ("Ce n'est pas votre question ?").
    runner_up: Candidate | None = None
    # Not answered: the entry the answer rule leaned to all the same (`answer_rule.leans`), if any.
    leaned_to: str | None = None
    # For Act.FRUSTRATION: the anger is at the hotline (it apologises), not weariness or anger at someone else.
    at_hotline: bool = True
    # For Act.HUMAN: what the member asked beside the wish when the base was not sure of it; a feature may answer it
    # ("c'est quand le prochain interconseil ? je peux parler à quelqu'un ?": the agenda).
    asked_beside: str = ""


def answer_first(decision: Decision) -> Decision:
    """`decision` with its answered entry first among its choices: what it answers is its first choice, whichever
    reading settled it (the statistics, `hotline ask --json` and the tidy set's top-1 read the choices so)."""
    entry = decision.entry
    if decision.kind != Kind.ANSWER or entry is None or (
            decision.candidates and decision.candidates[0].entry.id == entry.id):
        return decision
    first = candidate_of(entry, decision.candidates, decision.score)
    return dataclasses.replace(decision, candidates=(first, *(c for c in decision.candidates if c is not first)))
