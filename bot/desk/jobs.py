"""The desk's periodic work: the morning digest, the "still unanswered" flags, the refresh of what was
learned elsewhere, and erasing old question texts. Jobs read the clock and the database only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.clock import Clock, as_utc
from bot.core.refs import ticket_ref as ref
from bot.core.replies import Reply, esc
from bot.core.staff import StaffDirectory
from bot.delivery import outbox
from bot.desk import texts
from bot.desk.hours import OpeningHours
from bot.desk.identity import introduced_as
from bot.desk.learning import Learning
from bot.desk.tickets import TicketService, excerpt, staff_buttons
from bot.storage.db import Database
from bot.storage.models import WAITING_TICKETS, Member, Ticket, TicketMessage, TicketStatus


def age(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        return f"{int(delta.total_seconds() // 60)} min"
    return f"{hours} h" if hours < 48 else f"{hours // 24} j"


@dataclass
class DeskJobs:
    db: Database
    clock: Clock
    staff: StaffDirectory
    hours: OpeningHours
    tickets: TicketService
    learning: Learning
    timezone: ZoneInfo
    alert_after: timedelta
    retention: timedelta

    async def digest(self) -> int:
        """The open tickets, once a day on opening days, in the staff chat."""
        now, target = self.clock.now(), self.staff.target
        local = now.astimezone(self.timezone)
        if target is None or local.weekday() not in self.hours.desk.opening_days:
            return 0
        open_tickets = self.tickets.open_tickets()
        if not open_tickets:
            return 0
        lines = [texts.DIGEST_LINE.format(
            id=t.id, status=texts.STATUS[t.status].format(staff=esc(t.taken_by or "")),
            age=age(now - as_utc(t.created_at)), question=esc(excerpt(t.question, 80))) for t, _ in open_tickets]
        with self.db.session() as session:
            outbox.enqueue(session, Reply(text=texts.DIGEST.format(n=len(lines), lines="\n".join(lines))),
                           chat_id=target.chat_id, channel=target.channel, purpose="digest", now=now,
                           dedupe_key=f"digest:{local.date().isoformat()}")
            session.commit()
        self.tickets.wake()
        return len(lines)

    async def alerts(self) -> int:
        """Tickets waiting for more than `alert_after` working hours are posted again (and again after as long)."""
        now, target = self.clock.now(), self.staff.target
        if target is None:
            return 0
        flagged = 0
        with self.db.session() as session:
            waiting = session.exec(select(Ticket, Member).join(Member, isouter=True).where(
                col(Ticket.status).in_(WAITING_TICKETS), col(Ticket.waiting_since).is_not(None)))
            for ticket, member in waiting:
                assert ticket.id is not None and ticket.waiting_since is not None
                since = as_utc(ticket.waiting_since)
                if ticket.alerted_at is not None and as_utc(ticket.alerted_at) > since:
                    since = as_utc(ticket.alerted_at)
                if self.hours.working_time(since, now) < self.alert_after:
                    continue
                waited = self.hours.working_time(as_utc(ticket.waiting_since), now)
                text = texts.ALERT.format(id=ticket.id, name=esc(introduced_as(session, member)),
                                          hours=int(waited.total_seconds() // 3600),
                                          question=esc(excerpt(ticket.question)))
                outbox.enqueue(session, Reply(text=text + "\n" + texts.POST_HINT.format(id=ticket.id),
                                              buttons=staff_buttons(ticket.id)),
                               chat_id=target.chat_id, channel=target.channel, purpose="ticket", ref=ref(ticket.id),
                               now=now)
                ticket.alerted_at = now
                session.add(ticket)
                flagged += 1
            session.commit()
        if flagged:
            self.tickets.wake()
        return flagged

    async def refresh(self) -> bool:
        return self.learning.refresh()

    async def purge(self) -> int:
        """Question texts of tickets closed longer ago than the retention period are erased."""
        cutoff = self.clock.now() - self.retention
        with self.db.session() as session:
            old = list(session.exec(select(Ticket).where(
                Ticket.status == TicketStatus.CLOSED, col(Ticket.closed_at) < cutoff,
                (col(Ticket.question).is_not(None)) | (col(Ticket.answer).is_not(None)))))
            for ticket in old:
                ticket.question = ticket.answer = None
                session.add(ticket)
                for message in session.exec(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id)):
                    message.text = None
                    session.add(message)
            session.commit()
        return len(old)
