"""Two things compared in one question ("c koi la diff entre le copil et le conseil citoyen"): an answer that
explains one of them leaves the other unsaid, so each side is read alone and offered or answered; an entry written to
compare another pair is never kept sure. Read with the answerer's one-question decisions (`OneQuestion`)."""

from __future__ import annotations

import dataclasses

from bot.answering.comparison import compared
from bot.answering.decision import Decision, Kind
from bot.answering.matcher import Candidate
from bot.answering.segment import Role, Segment, split_message
from bot.answering.several_questions import OneQuestion, SeveralQuestions

# A side of a comparison that only takes up what was named before ("c'est pareil que…").
_TAKEN_UP = frozenset({"c", "ce", "ca", "cela", "ceci", "il", "elle", "ils", "elles", "on", "lui", "eux"})


class ComparedSides:
    """The comparisons of one message, read with the answerer."""

    def __init__(self, answerer: OneQuestion) -> None:
        self.answerer = answerer

    def both_compared(self, decision: Decision, segments: list[Segment], text: str) -> Decision:
        """"c koi la diff entre le copil et le conseil citoyen": an answer that explains one of the two things
        compared, when no entry compares them, leaves the other unsaid; choices that name neither leave both. Each
        is read alone ("c'est quoi le copil ?"); two different entries become two questions, answered when each is
        sure, offered otherwise (one at least sure). An entry written as a comparison ("Quelle est la différence
        entre un conseil citoyen et un conseil de quartier ?") keeps the decision, and so does an answer both sides
        lead to, or neither. An answer that compares another pair ("contrat de ville" against "conseil citoyen"
        answered by the council against the neighbourhood council) is never kept sure: it answers a question the
        member did not ask, however many words the two share. The comparison may be one sentence of several
        ("…la différence entre A et B ? jcomprends pas")."""
        if decision.kind == Kind.MULTI:
            return self._parts_compared(decision)
        sides = compared(text) or next((found for s in segments if s.informative
                                        and (found := compared(s.text)) is not None), None)
        if sides is not None and decision.kind == Kind.UNKNOWN:
            return self._sides_offered(decision, sides)
        shown = [decision.entry] if decision.kind == Kind.ANSWER else \
            [c.entry for c in decision.candidates] if decision.kind == Kind.SUGGEST else []
        if sides is None or not shown or any(
                self._same_sides(sides, theirs) for entry in shown if entry is not None
                for p in (entry.question, *entry.alternates) if (theirs := compared(p)) is not None):
            return decision
        answered = decision.entry if decision.kind == Kind.ANSWER else None
        other_pair = answered is not None and compared(answered.question) is not None  # an entry written to compare
        parts: list[Decision] = []
        for side in sides:
            part = self._side(side)
            if part is None:
                return self._unsure(decision, parts) if other_pair else decision
            parts.append(part)
        ids = [p.candidates[0].entry.id for p in parts]
        if ids[0] == ids[1]:
            return self._unsure(decision, parts) if other_pair else decision
        if not other_pair and ((answered is not None and answered.id not in ids) or not any(
                p.kind == Kind.ANSWER for p in parts)):
            return decision
        return dataclasses.replace(decision, kind=Kind.MULTI, entry=None, parts=tuple(parts),
                                   score=min(p.score for p in parts), runner_up=None)

    def _parts_compared(self, decision: Decision) -> Decision:
        """"…je peux continuer ? et c'est quoi la différence entre le contrat de ville et le conseil citoyen": one of
        several questions that compares two things is read as that comparison asked alone: an entry comparing
        another pair (the council against the neighbourhood council) is no choice of it; what each side is, is."""
        parts: dict[str, Decision] = {}
        for part in decision.parts:
            said = part.segments[0] if part.segments else ""
            sides = compared(said) if said and part.kind in (Kind.ANSWER, Kind.SUGGEST) else None
            # "…? C'est pas pareil que le délégué du préfet ?": "ce" is what the question before named, no side.
            alone = part if sides is None or any(set(side.split()) <= _TAKEN_UP for side in sides) \
                else self.both_compared(part, [Segment(text=said, role=Role.QUESTION)], said)
            for p in alone.parts if alone.kind == Kind.MULTI else (alone,):
                if p.candidates:
                    parts.setdefault(p.candidates[0].entry.id, p)
        if len(parts) == len(decision.parts) and all(a is b for a, b in zip(parts.values(), decision.parts,
                                                                             strict=True)):
            return decision
        chosen = tuple(parts.values())
        return dataclasses.replace(decision, parts=chosen, score=min(p.score for p in chosen),
                                   asked=len(decision.parts))

    def _side(self, side: str) -> Decision | None:
        """One thing compared read alone ("c'est quoi le copil ?"): its first entry, answered when sure, or None."""
        read = self.answerer.decide_segments(split_message(f"c'est quoi {side} ?"), runner_up=False)
        part = SeveralQuestions(self.answerer).defined_by_entry(read)
        top = part.candidates[0] if part.kind in (Kind.ANSWER, Kind.SUGGEST) and part.candidates else None
        if top is None:
            return None
        sure = part.kind == Kind.ANSWER and part.entry is not None and part.entry.id == top.entry.id
        return dataclasses.replace(part, kind=Kind.ANSWER if sure else Kind.SUGGEST, entry=top.entry if sure else None,
                                   candidates=(top,), segments=(side,), runner_up=None)

    def _sides_offered(self, decision: Decision, sides: tuple[str, str]) -> Decision:
        """"le bailleur social c'est la même chose que le propriétaire ?": nothing found for the whole comparison,
        the entries that explain either thing are offered (the base may explain one only). What a word means is
        nobody's own matter, though one of the things is of daily life."""
        choices: dict[str, Candidate] = {}
        for side in sides:
            part = self._side(side)
            if part is not None:
                choices.setdefault(part.candidates[0].entry.id, part.candidates[0])
        if not choices:
            return decision
        return dataclasses.replace(decision, kind=Kind.SUGGEST, candidates=tuple(choices.values()), personal=False)

    def _unsure(self, decision: Decision, parts: list[Decision]) -> Decision:
        """An answer that compares another pair than the member's, offered after what each side's own reading
        found: the member picks."""
        choices: dict[str, Candidate] = {}
        for c in (*(p.candidates[0] for p in parts), *decision.candidates):
            choices.setdefault(c.entry.id, c)
        return dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None, runner_up=None,
                                   candidates=tuple(choices.values())[: self.answerer.settings.max_suggestions])

    def _same_sides(self, ours: tuple[str, str], theirs: tuple[str, str]) -> bool:
        """Whether a phrasing compares the same two things: each of ours shares a word that is its own (not the
        other side's: "conseil" in "conseil citoyen" and "conseil de quartier") with one of theirs, in either order."""
        a, b = (set(self.answerer.analyze(side).tokens) for side in ours)
        own = (a - b, b - a)
        x, y = (set(self.answerer.analyze(side).tokens) for side in theirs)
        return bool((own[0] & x and own[1] & y) or (own[0] & y and own[1] & x))
