"""The daily retention job: question texts older than `privacy.question_retention_days` are erased (with
the texts of old outbox messages), and members silent for `privacy.profile_inactivity_days` are erased
entirely. The desk's own job (`desk-purge`) already erases the texts of tickets closed that long ago."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select

from bot.clock import Clock
from bot.core.calendar import PlaceFreed, is_over
from bot.core.context import Context
from bot.privacy.erase import erase_member
from bot.storage.db import Database
from bot.storage.models import REGISTERED, UNSENT, Event, EventStatus, Member, Outbound, OutboundStatus, QuestionLog, Registration

log = logging.getLogger(__name__)
FINAL = tuple(status for status in OutboundStatus if status not in UNSENT)


@dataclass(frozen=True, kw_only=True)
class RetentionReport:
    questions: int = 0
    messages: int = 0
    members: int = 0


@dataclass
class Retention:
    db: Database
    clock: Clock
    ctx: Context
    place_freed: PlaceFreed

    async def run(self) -> RetentionReport:
        privacy = self.ctx.settings.privacy
        now = self.clock.now()
        cutoff = now - timedelta(days=privacy.question_retention_days)
        with self.db.session() as session:
            questions = session.execute(update(QuestionLog).where(
                col(QuestionLog.created_at) < cutoff, col(QuestionLog.text).is_not(None)).values(text=None))
            messages = session.execute(update(Outbound).where(
                col(Outbound.created_at) < cutoff, col(Outbound.status).in_(FINAL),
                col(Outbound.text) != "").values(text="", buttons=None, attachment=None))
            session.commit()
        members = self.erase_inactive(now - timedelta(days=privacy.profile_inactivity_days))
        report = RetentionReport(questions=int(questions.rowcount or 0),  # type: ignore[attr-defined]
                                 messages=int(messages.rowcount or 0), members=members)  # type: ignore[attr-defined]
        if report != RetentionReport():
            log.info("retention: %d question text(s), %d message text(s), %d inactive member(s) erased",
                     report.questions, report.messages, report.members)
        return report

    def erase_inactive(self, cutoff: datetime) -> int:
        """Members silent since `cutoff`, unless registered to an event still to come. One transaction each."""
        now = self.clock.now()
        with self.db.session() as session:
            silent = [m.id for m in session.exec(select(Member).where(col(Member.last_seen_at) < cutoff))]
        erased = 0
        for member_id in silent:
            with self.db.session() as session:
                member = session.get(Member, member_id)
                if member is None:
                    continue
                coming = session.exec(select(Event).join(Registration, col(Registration.event_id) == Event.id).where(
                    Registration.member_id == member_id, col(Registration.status).in_(REGISTERED),
                    col(Event.status) != EventStatus.CANCELLED)).all()
                if any(not is_over(e, now) for e in coming):
                    continue
                erase_member(session, member, now, place_freed=self.place_freed)
                session.commit()
                erased += 1
        return erased
