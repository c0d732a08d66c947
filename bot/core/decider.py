"""What a free question gets: the answerer's decision, read in the light of the answer shown just before,
then handed to the features that may take it over (the agenda, the documents).

Apart from the FAQ's replies so that `hotline ask` can decide without the rest of the application: the
database is read only when a message leans on the previous answer ("plus simple svp", "et pour les jeunes ?").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

from bot.answering.acts import Act, folded, goes_on, leans_back, names_an_answer, opens_on_a_property
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind, answer_first
from bot.clock import Clock, as_utc
from bot.core.answers import CurrentAnswerer
from bot.core.replies import Sender
from bot.knowledge.model import FaqEntry
from bot.storage.db import Database

AFTER_AGENDA = "after_agenda"  # extras: the question the agenda answered just before this follow-up
FOLLOW_UP_WINDOW = timedelta(minutes=30)  # "et pour les jeunes ?" leans on an answer at most this old
# Other features may take over a decision (the agenda answers "c'est quand le prochain interconseil").
DecisionHook = Callable[[Sender, str, Decision], Decision]


class Decider:
    def __init__(self, *, db: Database, answers: CurrentAnswerer, clock: Clock) -> None:
        self.db = db
        self.answers = answers
        self.clock = clock
        self.hooks: list[DecisionHook] = []  # in the order they were added

    @property
    def answerer(self) -> Answerer:
        return self.answers.get()

    def add_hook(self, hook: DecisionHook) -> None:
        self.hooks.append(hook)

    def decide(self, sender: Sender, text: str) -> Decision:
        decision = self.in_context(sender, self.answers.get().decide(text), text)
        for hook in self.hooks:
            decision = hook(sender, text, decision)
        return answer_first(decision)

    def in_context(self, sender: Sender, decision: Decision, text: str) -> Decision:
        """"plus simple svp" and "et pour les jeunes ?" mean something only right after an answer."""
        wanted = {Act.SIMPLER, Act.FOLLOW_UP} & set(decision.acts)
        # Several questions stay several, unless the first has no subject of its own ("c'est obligatoire non ?
        # qu'est-ce qu'on peut faire ?"): the message then goes on about the previous answer.
        if not wanted or decision.kind in (Kind.SMALLTALK, Kind.EMPTY, Kind.GLOSSARY) or (
                decision.kind == Kind.ACT and decision.act not in wanted) or (
                Act.SIMPLER not in wanted and decision.kind == Kind.MULTI and not opens_on_a_property(text)):
            return decision
        previous, asked = self.last_shown(sender)
        if previous is None and asked is not None and Act.FOLLOW_UP in wanted:
            if leans_back(text):
                # After the agenda no entry was shown: what "y" or "en" stands for is in the question it answered.
                after = self.answerer.decide_after_question(text, asked)
                return after if after.kind in (Kind.ANSWER, Kind.SUGGEST) else decision
            # "et en avril ?": the agenda may ask its question again for another time (bot/events/asking.py).
            return dataclasses.replace(decision, extras={**decision.extras, AFTER_AGENDA: asked})
        if decision.kind == Kind.ANSWER and Act.SIMPLER not in wanted:
            # Understood alone ("c'est payant ?"), but the previous answer may make it more precise (the price
            # of the training just shown): the reading in context wins when it is sure and leads where the
            # previous entry points, or scores higher.
            if previous is None:
                return decision
            after = self.answerer.decide_after(text, previous)
            sure = after.kind == Kind.ANSWER and after.entry is not None and (
                after.entry.id in previous.related or after.score > decision.score)
            return after if sure else decision
        if previous is None:  # nothing to simplify: a real question stays one, the rest asks to rephrase
            # A request that points at an answer given asks nothing of the base ("vous pouvez l'expliquer avec des
            # mots plus simples ?" was answered with the entry on the glossary's use).
            if decision.kind in (Kind.MULTI, Kind.GLOSSARY, Kind.AGENDA) or Act.SIMPLER not in wanted or (
                    decision.kind == Kind.ANSWER and not names_an_answer(folded(text))):
                return decision
            return dataclasses.replace(decision, kind=Kind.ACT, act=Act.SIMPLER, entry=None)
        if Act.SIMPLER in wanted:
            return dataclasses.replace(decision, kind=Kind.ACT, act=Act.SIMPLER, entry=previous, score=100.0)
        if Act.FOLLOW_UP in wanted and goes_on(text):
            return self.answerer.decide_after(text, previous)
        # A whole question whose "y" stands for the previous subject ("comment on s'y inscrit ?") keeps what its own
        # words give when they give no sure answer: read with the previous question, the entries linked to it
        # were answered at once too readily (chat trial: four confident wrong in sixteen such questions).
        return decision

    def last_shown(self, sender: Sender) -> tuple[FaqEntry | None, str | None]:
        """The entry the member was shown last, if that was a moment ago (a follow-up leans on it); else, when the
        agenda answered last, the question it answered."""
        # The models and SQLModel only here: most decisions never read the database (see the docstring).
        from sqlmodel import col, select

        from bot.core.members import find_member
        from bot.storage.models import QuestionLog

        with self.db.session() as session:
            member = find_member(session, sender)
            if member is None:
                return None, None
            row = session.exec(select(QuestionLog).where(QuestionLog.member_id == member.id)
                               .order_by(col(QuestionLog.id).desc()).limit(1)).first()
        if row is None or self.clock.now() - as_utc(row.created_at) > FOLLOW_UP_WINDOW:
            return None, None
        shown = row.chosen_id or row.entry_id  # the member's pick came last
        if shown is None:
            return None, row.text if row.decision == Kind.AGENDA.value and row.text else None
        return self.answerer.kb.entry(shown), None
