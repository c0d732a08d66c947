"""Erasing a member: what /supprimer_mes_donnees and the inactivity purge do. The caller commits.

Kept, with nothing left that points to the person: the counts of their registrations per event
(`ErasedRegistration`), the decisions of their questions (statistics, without text or member), the staff's
own answers, and the delivery statuses of announcements (without chat or text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from bot.core.calendar import PlaceFreed, has_started
from bot.core.refs import ticket_ref
from bot.delivery import outbox
from bot.privacy.data import member_chats
from bot.storage.models import (
    REGISTERED,
    ErasedRegistration,
    Event,
    EventWish,
    Member,
    Outbound,
    Profile,
    QuestionLog,
    Registration,
    RegistrationStatus,
    Reminder,
    Subscription,
    Ticket,
    TicketMessage,
    TicketStatus,
)

ERASED_POST = "(message effacé à la demande du membre)"


def _counted(one: str, many: str) -> Any:
    """A count of the erasure, with its French singular and plural (no « (s) » for members to decode)."""
    return field(default=0, metadata={"forms": (one, many)})


@dataclass
class Erasure:
    profile: int = _counted("profil", "profils")
    registrations: int = _counted("inscription", "inscriptions")
    subscriptions: int = _counted("abonnement", "abonnements")
    questions: int = _counted("question", "questions")
    tickets: int = _counted("échange avec l'équipe", "échanges avec l'équipe")
    messages_cancelled: int = _counted("message en attente", "messages en attente")

    def summary(self) -> str:
        counts = [(f.metadata["forms"], getattr(self, f.name)) for f in fields(self)]
        return ", ".join(f"{n} {forms[n > 1]}" for forms, n in counts if n) or "votre compte"  # zero is left out


def _tally(session: Session, event_id: int, status: RegistrationStatus) -> None:
    row = session.exec(select(ErasedRegistration).where(ErasedRegistration.event_id == event_id,
                                                        ErasedRegistration.status == status)).first()
    row = row or ErasedRegistration(event_id=event_id, status=status, count=0)
    row.count += 1
    session.add(row)


def erase_member(session: Session, member: Member, now: datetime, *, place_freed: PlaceFreed) -> Erasure:
    assert member.id is not None
    done = Erasure()
    chats = member_chats(session, member)
    # Registrations: only anonymous counts remain; places at events to come go to the waitlist.
    freed: list[Event] = []
    for registration, event in session.exec(
            select(Registration, Event).join(Event, col(Event.id) == Registration.event_id)
            .where(Registration.member_id == member.id)).all():
        if registration.status in REGISTERED:
            _tally(session, registration.event_id, registration.status)
            done.registrations += 1
            if registration.status == RegistrationStatus.CONFIRMED and not has_started(event, now):
                freed.append(event)
    registration_ids = select(Registration.id).where(Registration.member_id == member.id)
    session.execute(delete(Reminder).where(col(Reminder.registration_id).in_(registration_ids.scalar_subquery())))
    session.execute(delete(Registration).where(col(Registration.member_id) == member.id))
    session.execute(delete(EventWish).where(col(EventWish.member_id) == member.id))
    done.subscriptions = _count(session.execute(delete(Subscription).where(col(Subscription.member_id) == member.id)))
    done.profile = _count(session.execute(delete(Profile).where(col(Profile.member_id) == member.id)))
    # Questions: the decision stays for the statistics, the text and the link to the person go.
    done.questions = _count(session.execute(update(QuestionLog).where(col(QuestionLog.member_id) == member.id)
                                            .values(text=None, member_id=None)))
    # Tickets: their words erased, the ticket closed (nobody left to answer), the staff's answers kept.
    tickets = list(session.exec(select(Ticket).where(Ticket.member_id == member.id)))
    refs = [ticket_ref(t.id) for t in tickets if t.id is not None]
    for ticket in tickets:
        session.execute(update(TicketMessage).where(col(TicketMessage.ticket_id) == ticket.id,
                                                    col(TicketMessage.author) == "member")
                        .values(text=None, author_name="", chat_id=None, external_id=None))
        ticket.question, ticket.chat_id, ticket.member_id, ticket.waiting_since = None, "", None, None
        if ticket.status != TicketStatus.CLOSED:
            ticket.status, ticket.closed_at = TicketStatus.CLOSED, now
        session.add(ticket)
    done.tickets = len(tickets)
    # Messages: nothing more goes to them; what was sent to them keeps its status only.
    to_them = (col(Outbound.chat_id).in_(chats)) & (col(Outbound.channel) == member.channel)
    about_them = col(Outbound.ref).in_(refs) if refs else None
    for scope in (to_them, about_them):
        if scope is None:
            continue
        done.messages_cancelled += outbox.withdraw(session, scope)
    session.execute(update(Outbound).where(to_them).values(text="", buttons=None, attachment=None,
                                                          attachment_name=None, chat_id="", reply_to=None))
    if about_them is not None:
        session.execute(update(Outbound).where(about_them).values(text=ERASED_POST, buttons=None))
    session.execute(delete(Member).where(col(Member.id) == member.id))
    session.flush()
    session.expunge(member)
    for event in freed:
        place_freed(session, event, now)
    return done


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
