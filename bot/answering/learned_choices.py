"""The choices offered for a single question, read again by the classifier learned from members' messages (issue 11).

Our rankers compare a message with the knowledge's phrasings; the classifier (bot/answering/learned.py) learned which
entry members mean from their own words. For a single question, the entry the classifier names first, at
`LEAD_PROBABILITY` or more (low: it only reorders or completes what the rankers were unsure of):

- leads the choices: members tap the first button most, and the classifier breaks the near ties at the top of our
  ranking better than the scores do. Missing from them, it is added first (the last one making room when they
  are full);
- is offered alone when nothing was found: a button and « none of these » rather than « je ne sais pas »;
- is the button beside an answer of another entry (« Ce n'est pas votre question ? »), in place of our runner-up:
  the answer stays, and the member who meant the other entry has it one tap away.

A personal matter keeps the offices' choices, a follow-up its reading in context; the class "none" (out of scope)
adds nothing. Measured on batches of
writing the classifier never learned from (`python -m bench.learned_choices`, bench/RESULTS.md). Asked before the
classifier's agreement (`Answerer.learned_agrees`), which then answers the entry put first when it names it at 0.7
or more.
"""

from __future__ import annotations

import dataclasses

from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE
from bot.answering.matcher import candidate_of
from bot.knowledge.model import FaqEntry

# First chosen a priori at 0.3 (the study's usual value): the classifier led or added the right entry more often than
# a wrong one on every held part, without one more confident wrong (`python -m bench.learned_choices`). Lowered to
# 0.1: where the rankers did not answer, even a first class at 0.1 (among some 400) is right more often than ours
# (`python -m bench.learned_study ends lead:0.1`: helped 94.0 → 94.4 on batches 17–25, 91.7 → 92.3 on 21–25, the
# same before 17, resolved and confident wrong unchanged; no out-of-scope message offered one more entry; tidy dev,
# never learned, top-1 97.7 → 98.3, `python -m bench.tidy_learned order`).
LEAD_PROBABILITY = 0.1
# Beside an answer the bar stays at 0.3: there the button is shown to every member who got a right answer too, and a
# weak reading put « Comment effacer mes données ? » beside « notre conseil va être supprimé ? ».
RUNNER_UP_PROBABILITY = 0.3


def with_learned_choice(decision: Decision, named: str, probability: float, entry: FaqEntry | None, *,
                        most: int) -> Decision:
    """`decision` once the classifier named `named` (`entry`; None when the knowledge has no such entry any more) at
    `probability`: its choices led by it, or the answer's runner-up; `most`: how many choices are shown at most."""
    if not may_lead(decision) or named == NONE or entry is None or probability < LEAD_PROBABILITY:
        return decision
    if decision.kind == Kind.ANSWER:
        assert decision.entry is not None
        if probability < RUNNER_UP_PROBABILITY:
            return decision
        if decision.entry.id == named or (
                decision.runner_up is not None and decision.runner_up.entry.id == named):
            return decision
        return dataclasses.replace(decision, runner_up=candidate_of(entry, decision.candidates))
    if decision.kind == Kind.UNKNOWN:
        # The rankers' candidates were below the threshold of choices: the classifier's is offered alone.
        return dataclasses.replace(decision, kind=Kind.SUGGEST, candidates=(candidate_of(entry, decision.candidates),))
    ids = [c.entry.id for c in decision.candidates]
    if ids[:1] == [named]:
        return decision
    if named in ids:
        led = decision.candidates[ids.index(named)]
        return dataclasses.replace(decision, candidates=(led, *(c for c in decision.candidates if c is not led)))
    return dataclasses.replace(decision, candidates=(candidate_of(entry), *decision.candidates[:most - 1]))


def may_lead(decision: Decision) -> bool:
    """Whether the classifier's reading can change `decision` (asked before reading the message): a single
    question's choices, nothing found or an answer with its entry; nothing personal, nothing read in context."""
    return not decision.personal and decision.kind in (Kind.SUGGEST, Kind.UNKNOWN, Kind.ANSWER) \
        and not (decision.kind == Kind.ANSWER and decision.entry is None) and not _leans_back(decision)


def _leans_back(decision: Decision) -> bool:
    """"et pour les jeunes ?" after financing: a follow-up means something only with the answer before it, which the
    classifier does not read (nor did it learn from follow-ups); the choices read in context stay as they are."""
    return bool({Act.FOLLOW_UP, Act.SIMPLER} & set(decision.acts))

