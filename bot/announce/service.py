"""Announcements as the application runs them: created from a confirmed draft, queued batch by batch by a
job (each batch its own transaction, progress saved), and reported to the staff when all is sent."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from bot.announce import texts
from bot.announce.broadcast import Target, count_recipients, delivery_counts, enqueue_batch, report
from bot.core.context import Context
from bot.core.replies import Reply, Sender
from bot.core.timefmt import to_local
from bot.delivery import outbox
from bot.storage.models import UNSENT, Announcement, AnnouncementStatus

log = logging.getLogger(__name__)
STEPS_PER_RUN = 50  # batches queued per job run before giving the database a rest


@dataclass
class Announcements:
    ctx: Context

    def date(self, value: datetime) -> str:
        return to_local(value, self.ctx.settings.timezone).strftime("%d/%m/%Y à %H:%M")

    def count(self, target: Target) -> int:
        with self.ctx.db.session() as session:
            return count_recipients(session, self.ctx.knowledge, target)

    def launch(self, session: Session, staff: Sender, target: Target, text: str, recipients: int) -> Announcement:
        """The confirmed draft becomes an announcement to send (the caller commits)."""
        announcement = Announcement(topic=target.topic, target_kind=target.kind, target=target.value, text=text,
                                    created_by=staff.display_name[:128], created_by_id=staff.user_id[:64],
                                    report_channel=staff.channel, report_chat_id=staff.chat_id[:64],
                                    recipients=recipients, created_at=self.ctx.clock.now())
        session.add(announcement)
        session.flush()
        return announcement

    def step(self, announcement_id: int) -> bool:
        """Queue one batch of the announcement; True while some remain."""
        with self.ctx.db.session() as session:
            announcement = session.exec(select(Announcement).where(Announcement.id == announcement_id)
                                        .with_for_update()).first()
            if announcement is None or announcement.status != AnnouncementStatus.QUEUED:
                return False
            enqueue_batch(session, self.ctx.knowledge, self.ctx.settings.centre_name, announcement,
                          size=self.ctx.settings.announce.batch_size, now=self.ctx.clock.now())
            session.commit()
            remaining = announcement.status == AnnouncementStatus.QUEUED
        self.ctx.wake()
        return remaining

    async def run(self) -> int:
        """The job: go on with every announcement being queued (after a restart too), then report the
        finished ones. Returns the number of batches queued."""
        with self.ctx.db.session() as session:
            queued = [a.id for a in session.exec(select(Announcement).where(Announcement.status == AnnouncementStatus.QUEUED)
                                                 .order_by(col(Announcement.id))) if a.id is not None]
        steps = 0
        for announcement_id in queued:
            while steps < STEPS_PER_RUN:
                steps += 1
                if not self.step(announcement_id):
                    break
        self.finish()
        return steps

    def finish(self) -> int:
        """Announcements whose messages have all gone: the final report to whoever launched them."""
        done = 0
        with self.ctx.db.session() as session:
            for announcement in session.exec(select(Announcement).where(Announcement.status == AnnouncementStatus.ENQUEUED)):
                assert announcement.id is not None
                counts = delivery_counts(session, announcement.id)
                if any(counts.get(status, 0) for status in UNSENT):
                    continue
                announcement.status, announcement.reported_at = AnnouncementStatus.DONE, self.ctx.clock.now()
                session.add(announcement)
                if announcement.report_chat_id:
                    text = texts.FINAL.format(id=announcement.id,
                                              report=report(session, self.ctx.knowledge, announcement, self.date))
                    outbox.enqueue(session, Reply(text=text), chat_id=announcement.report_chat_id,
                                   channel=announcement.report_channel, purpose="announcement-report",
                                   dedupe_key=f"announce-report:{announcement.id}", now=self.ctx.clock.now())
                done += 1
            session.commit()
        if done:
            self.ctx.wake()
        return done

    def report_text(self, announcement_id: int) -> str | None:
        with self.ctx.db.session() as session:
            announcement = session.get(Announcement, announcement_id)
            return None if announcement is None else report(session, self.ctx.knowledge, announcement, self.date)

    def recent(self, limit: int = 10) -> list[str]:
        with self.ctx.db.session() as session:
            found = session.exec(select(Announcement).order_by(col(Announcement.id).desc()).limit(limit))
            return [report(session, self.ctx.knowledge, a, self.date) for a in found]
