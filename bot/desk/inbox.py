"""The staff's inbox as a query: tickets with filters, and one ticket with its thread.

Read-only: every change goes through `TicketService` and `Learning`, whatever the channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.clock import as_utc
from bot.desk.identity import introduced_as
from bot.knowledge.model import KnowledgeBase
from bot.storage.db import Database
from bot.storage.models import OPEN_TICKETS, WAITING_TICKETS, Member, Profile, Ticket, TicketMessage, TicketStatus

# The inbox's filters: the open tickets, those waiting for the staff, one status, or all.
STATUSES = {"open": OPEN_TICKETS, "waiting": WAITING_TICKETS, "all": tuple(TicketStatus)} | {
    status.value: (status,) for status in TicketStatus}


@dataclass(frozen=True, kw_only=True)
class InboxFilter:
    status: str = "open"  # a key of STATUSES
    council_id: str = ""  # "" for all, "-" for members without a council
    taken_by_id: str = ""  # "" for all, "-" for nobody
    older_than: timedelta | None = None  # waiting (or created) longer than this


@dataclass(frozen=True, kw_only=True)
class InboxRow:
    ticket: Ticket
    member: str  # as they introduced themselves
    council_id: str | None
    council: str | None


@dataclass(frozen=True, kw_only=True)
class TicketThread:
    row: InboxRow
    messages: tuple[TicketMessage, ...]


def _row(session: Session, kb: KnowledgeBase, ticket: Ticket, member: Member | None) -> InboxRow:
    profile = session.get(Profile, member.id) if member is not None and member.id is not None else None
    council_id = profile.council_id if profile is not None else None
    council = kb.council(council_id) if council_id else None
    return InboxRow(ticket=ticket, member=introduced_as(session, member), council_id=council_id,
                    council=council.name if council is not None else council_id)


def find(db: Database, kb: KnowledgeBase, wanted: InboxFilter, *, now: datetime, limit: int = 200) -> list[InboxRow]:
    """Tickets matching the filter, the longest waiting first (then the newest closed ones)."""
    statuses = STATUSES.get(wanted.status, OPEN_TICKETS)
    query = select(Ticket, Member).join(Member, isouter=True).where(col(Ticket.status).in_(statuses))
    if wanted.taken_by_id == "-":
        query = query.where(col(Ticket.taken_by_id).is_(None))
    elif wanted.taken_by_id:
        query = query.where(Ticket.taken_by_id == wanted.taken_by_id)
    if wanted.older_than is not None:
        query = query.where(col(Ticket.created_at) <= now - wanted.older_than)
    query = query.order_by(col(Ticket.created_at).desc() if wanted.status in ("closed", "all")
                           else col(Ticket.created_at), col(Ticket.id))
    with db.session() as session:
        rows = [_row(session, kb, ticket, member) for ticket, member in session.exec(query)]
    if wanted.council_id == "-":
        rows = [r for r in rows if not r.council_id]
    elif wanted.council_id:
        rows = [r for r in rows if r.council_id == wanted.council_id]
    return rows[:limit]


def thread(db: Database, kb: KnowledgeBase, ticket_id: int) -> TicketThread | None:
    with db.session() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            return None
        member = session.get(Member, ticket.member_id) if ticket.member_id is not None else None
        messages = session.exec(select(TicketMessage).where(TicketMessage.ticket_id == ticket_id)
                                .order_by(col(TicketMessage.created_at), col(TicketMessage.id)))
        return TicketThread(row=_row(session, kb, ticket, member), messages=tuple(messages))


def staff_who_took(db: Database) -> list[tuple[str, str]]:
    """(id, name) of everyone who took a ticket, for the filter."""
    with db.session() as session:
        found = session.exec(select(Ticket.taken_by_id, Ticket.taken_by).where(
            col(Ticket.taken_by_id).is_not(None)).distinct())
        return sorted({(i, n or i) for i, n in found if i is not None}, key=lambda pair: pair[1].casefold())


def waited(ticket: Ticket, now: datetime) -> timedelta:
    return now - as_utc(ticket.waiting_since or ticket.created_at)
