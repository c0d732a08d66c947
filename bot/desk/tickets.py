"""Tickets: a question handed to a person, its thread, and its statuses (new → taken → answered → closed).

Each operation is one unit of work: the ticket change and the messages it causes (staff post,
relay to the member) are queued in the outbox and committed together, before anyone is told.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.clock import Clock
from bot.core.faq import how_to_reach
from bot.core.members import touch_member
from bot.core.refs import ticket_ref as ref
from bot.core.replies import Button, Reply, Sender, esc, rows, short
from bot.core.staff import StaffDirectory
from bot.delivery import outbox
from bot.desk import texts
from bot.desk.hours import OpeningHours
from bot.desk.identity import introduced_as
from bot.knowledge.model import KnowledgeBase
from bot.storage.db import Database
from bot.storage.models import OPEN_TICKETS, WAITING_TICKETS, Member, Outbound, QuestionLog, Ticket, TicketMessage, TicketStatus

log = logging.getLogger(__name__)
MAX_TEXT = 4000
# The member's council, for the staff post; the profile feature may provide it.
CouncilLookup = Callable[[Session, Member], str | None]


def first_name(name: str) -> str:
    return (name.split() or ["L'équipe"])[0]


def excerpt(text: str | None, limit: int = 120) -> str:
    """A member's question quoted on one line (or a mark that it was erased)."""
    return short(" ".join(text.split()), limit) if text else texts.ERASED


def staff_buttons(ticket_id: int) -> tuple[tuple[Button, ...], ...]:
    return ((Button(label=texts.TAKE_BUTTON, data=f"tk:take:{ticket_id}"),
             Button(label=texts.REPLY_BUTTON, data=f"tk:reply:{ticket_id}")),
            (Button(label=texts.CLOSE_BUTTON, data=f"tk:close:{ticket_id}"),
             Button(label=texts.ATTACH_BUTTON, data=f"tk:attach:{ticket_id}")))


@dataclass
class TicketService:
    db: Database
    clock: Clock
    staff: StaffDirectory
    hours: OpeningHours
    centre: str
    answerer: Callable[[], Answerer]  # the current one: the learning loop rebuilds it
    kb: Callable[[], KnowledgeBase]
    council_of: CouncilLookup
    wake: Callable[[], None] = lambda: None

    # --- the member's side ----------------------------------------------------------------

    def open(self, sender: Sender, log_id: int, origin: str) -> list[Reply]:
        """A ticket for the member's logged question, stored with its staff post, then "transmis"."""
        now = self.clock.now()
        with self.db.session() as session:
            member = touch_member(session, sender, self.clock)
            question = session.get(QuestionLog, log_id)
            if question is None or question.member_id != member.id:
                return [Reply(text=texts.NOT_YOURS)]
            existing = session.exec(select(Ticket).where(Ticket.question_log_id == log_id)).first()
            if existing is not None:
                session.commit()
                return [Reply(text=texts.SENT_ALREADY.format(id=existing.id, status=self._member_status(existing)))]
            if origin == "button" and question.feedback == -1:
                origin = "feedback"
            ticket = Ticket(member_id=member.id, question_log_id=log_id, channel=sender.channel,
                            chat_id=sender.chat_id, question=question.text, origin=origin, created_at=now,
                            waiting_since=now)
            session.add(ticket)
            session.flush()
            assert ticket.id is not None
            session.add(TicketMessage(ticket_id=ticket.id, author="member", author_name=introduced_as(session, member),
                                      text=question.text, chat_id=sender.chat_id, created_at=now))
            queue = session.exec(select(func.count()).select_from(Ticket).where(
                col(Ticket.status).in_(WAITING_TICKETS), Ticket.id != ticket.id)).one()
            target = self.staff.target
            if target is not None:
                outbox.enqueue(session, self._post(session, ticket, member), chat_id=target.chat_id,
                               channel=target.channel, purpose="ticket", ref=ref(ticket.id), now=now)
            session.commit()
        if target is None:
            log.warning("ticket %s stored but no staff chat is configured (telegram.staff_chat_id)", ticket.id)
            return [Reply(text=texts.NO_STAFF_CHAT.format(id=ticket.id, contact=self._contact()))]
        self.wake()
        return [Reply(text=texts.SENT.format(id=ticket.id, centre=esc(self.centre), when=self._when(now, queue)))]

    def opened_on_request(self, sender: Sender, log_id: int) -> int | None:
        """The member's ticket for this logged message when that message only asked for a person ("je veux
        parler à quelqu'un", "plus simple svp"): the question itself is still to come."""
        with self.db.session() as session:
            member = touch_member(session, sender, self.clock)
            question = session.get(QuestionLog, log_id)
            ticket = session.exec(select(Ticket).where(Ticket.question_log_id == log_id)).first()
            session.commit()
            if question is None or ticket is None or ticket.member_id != member.id:
                return None
            return ticket.id if question.decision == Kind.ACT.value else None

    def _when(self, now: datetime, queue: int) -> str:
        expected = self.hours.expected_reply(now, queue)
        waiting = (texts.QUEUE_EMPTY if queue == 0 else texts.QUEUE_ONE if queue == 1
                   else texts.QUEUE_MANY.format(n=queue))
        when = self.hours.describe_when(now, expected)
        if self.hours.is_open(now):
            return texts.WHEN_OPEN.format(when=when, queue=waiting)
        return texts.WHEN_CLOSED.format(hours=self.hours.describe_hours(), when=when, queue=waiting)

    def _contact(self) -> str:
        how = how_to_reach(self.kb())
        return texts.CONTACT.format(how=esc(how)) if how else ""

    def _member_status(self, ticket: Ticket) -> str:
        return texts.MEMBER_STATUS[ticket.status].format(staff=esc(first_name(ticket.taken_by or "")))

    def _members_ticket(self, session: Session, sender: Sender, ticket_id: int) -> tuple[Member, Ticket | None]:
        """Whoever asks, and the ticket only if it is theirs (button data may name anyone's)."""
        member = touch_member(session, sender, self.clock)
        ticket = session.get(Ticket, ticket_id)
        return member, ticket if ticket is not None and ticket.member_id == member.id else None

    def owned(self, sender: Sender, ticket_id: int) -> Ticket | None:
        """The ticket, only if it belongs to whoever asks."""
        with self.db.session() as session:
            _, ticket = self._members_ticket(session, sender, ticket_id)
            session.commit()
            return ticket

    def follow_up(self, sender: Sender, ticket_id: int, text: str, message_id: str | None) -> list[Reply]:
        """The member answers back: the message joins the same ticket and goes to the staff chat."""
        now = self.clock.now()
        with self.db.session() as session:
            member, ticket = self._members_ticket(session, sender, ticket_id)
            if ticket is None:
                return [Reply(text=texts.NOT_YOURS)]
            session.add(TicketMessage(ticket_id=ticket_id, author="member", author_name=introduced_as(session, member),
                                      text=text[:MAX_TEXT], chat_id=sender.chat_id, external_id=message_id,
                                      created_at=now))
            ticket.status = TicketStatus.TAKEN if ticket.taken_by else TicketStatus.NEW
            ticket.closed_at = None
            ticket.waiting_since = now
            session.add(ticket)
            target = self.staff.target
            if target is not None:
                post = Reply(text=texts.FOLLOW_UP_POST.format(name=esc(introduced_as(session, member)),
                                                              id=ticket_id, text=esc(text[:MAX_TEXT]))
                             + "\n" + texts.POST_HINT.format(id=ticket_id), buttons=staff_buttons(ticket_id))
                outbox.enqueue(session, post, chat_id=target.chat_id, channel=target.channel, purpose="ticket",
                               ref=ref(ticket_id), now=now, reply_to=self._first_post_id(session, ticket_id))
            session.commit()
        self.wake()
        return [Reply(text=texts.FOLLOW_UP_SENT.format(id=ticket_id))]

    def close_by_member(self, sender: Sender, ticket_id: int) -> list[Reply]:
        now = self.clock.now()
        with self.db.session() as session:
            member, ticket = self._members_ticket(session, sender, ticket_id)
            if ticket is None:
                return [Reply(text=texts.NOT_YOURS)]
            if ticket.status == TicketStatus.CLOSED:
                return [Reply(text=texts.ALREADY_CLOSED.format(id=ticket_id))]
            ticket.status, ticket.closed_at = TicketStatus.CLOSED, now
            session.add(ticket)
            target = self.staff.target
            if target is not None:
                outbox.enqueue(session, Reply(text=texts.STAFF_CLOSED.format(
                    id=ticket_id, staff=esc(introduced_as(session, member)))), chat_id=target.chat_id,
                    channel=target.channel, purpose="ticket", ref=ref(ticket_id), now=now)
            session.commit()
        self.wake()
        return [Reply(text=texts.MEMBER_CLOSED.format(id=ticket_id))]

    # --- the staff's side -----------------------------------------------------------------

    def _post(self, session: Session, ticket: Ticket, member: Member) -> Reply:
        assert ticket.id is not None
        decision = self.answerer().decide(ticket.question or "")
        guesses = [texts.GUESS_LINE.format(question=esc(c.entry.question), score=c.score)
                   for c in decision.candidates[:3]]
        council = self.council_of(session, member)
        text = texts.POST.format(
            id=ticket.id, name=esc(introduced_as(session, member)),
            council=esc(council) if council else texts.NO_COUNCIL, question=esc(ticket.question or ""),
            guesses=texts.GUESSES.format(lines="\n".join(guesses)) if guesses else texts.NO_GUESS,
            origin=texts.ORIGIN.get(ticket.origin, ""))
        return Reply(text=text + "\n" + texts.POST_HINT.format(id=ticket.id), buttons=staff_buttons(ticket.id))

    def _first_post_id(self, session: Session, ticket_id: int) -> str | None:
        target = self.staff.target
        if target is None:
            return None
        return session.exec(select(Outbound.external_id).where(
            Outbound.ref == ref(ticket_id), Outbound.chat_id == target.chat_id, Outbound.channel == target.channel,
            col(Outbound.external_id).is_not(None)).order_by(col(Outbound.id))).first()

    def ticket_for_reply(self, sender: Sender, reply_to: str) -> int | None:
        """The ticket a message replies to: one of the hotline's posts or relays, or a message of the thread."""
        with self.db.session() as session:
            found = session.exec(select(Outbound.ref).where(
                Outbound.channel == sender.channel, Outbound.chat_id == sender.chat_id,
                Outbound.external_id == reply_to, col(Outbound.ref).startswith("ticket:"))).first()
            if found is not None:
                number = found.partition(":")[2]
                return int(number) if number.isdigit() else None
            return session.exec(select(TicketMessage.ticket_id).where(
                TicketMessage.chat_id == sender.chat_id, TicketMessage.external_id == reply_to)).first()

    def get(self, ticket_id: int) -> Ticket | None:
        with self.db.session() as session:
            return session.get(Ticket, ticket_id)

    def _staff_act(self, ticket_id: int, act: Callable[[Session, Ticket, datetime], list[Reply]]) -> list[Reply]:
        """A staff action on a ticket, in one transaction; then the dispatcher sends what it queued."""
        now = self.clock.now()
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return [Reply(text=texts.UNKNOWN_TICKET.format(id=ticket_id))]
            replies = act(session, ticket, now)
            session.commit()
        self.wake()
        return replies

    @staticmethod
    def _to_member(session: Session, ticket: Ticket, reply: Reply, now: datetime, dedupe_key: str | None = None) -> None:
        """Relay to the member who asked, on their channel, through the outbox."""
        assert ticket.id is not None
        outbox.enqueue(session, reply, chat_id=ticket.chat_id, channel=ticket.channel, purpose="relay",
                       ref=ref(ticket.id), now=now, dedupe_key=dedupe_key)

    def take(self, staff: Sender, ticket_id: int) -> list[Reply]:
        def act(session: Session, ticket: Ticket, now: datetime) -> list[Reply]:
            if ticket.taken_by_id not in (None, staff.user_id) and ticket.status != TicketStatus.CLOSED:
                return [Reply(text=texts.ALREADY_TAKEN.format(id=ticket_id, staff=esc(ticket.taken_by or "")))]
            ticket.taken_by, ticket.taken_by_id = staff.display_name[:128] or "L'équipe", staff.user_id
            ticket.taken_at = ticket.taken_at or now
            if ticket.status in (TicketStatus.NEW, TicketStatus.CLOSED):
                ticket.status = TicketStatus.TAKEN
                ticket.closed_at = None
            session.add(ticket)
            if ticket.member_id is not None:
                self._to_member(session, ticket, Reply(text=texts.TAKEN.format(
                    name=esc(first_name(ticket.taken_by)), id=ticket_id, question=esc(excerpt(ticket.question, 80)))),
                    now, dedupe_key=f"taken:{ticket_id}:{staff.user_id}")
            return [Reply(text=texts.TOOK.format(staff=esc(ticket.taken_by), id=ticket_id))]

        return self._staff_act(ticket_id, act)

    def answer(self, staff: Sender, ticket_id: int, text: str, message_id: str | None = None) -> list[Reply]:
        """A staff answer: relayed to the member through the outbox, kept in the thread."""
        text = text.strip()[:MAX_TEXT]

        def act(session: Session, ticket: Ticket, now: datetime) -> list[Reply]:
            member = session.get(Member, ticket.member_id) if ticket.member_id is not None else None
            if member is None:
                return [Reply(text=texts.RELAY_NO_CHANNEL.format(id=ticket_id))]
            session.add(TicketMessage(ticket_id=ticket_id, author="staff", author_name=staff.display_name[:128],
                                      text=text, chat_id=staff.chat_id, external_id=message_id, created_at=now))
            if ticket.taken_by is None:
                ticket.taken_by, ticket.taken_by_id = staff.display_name[:128] or "L'équipe", staff.user_id
                ticket.taken_at = now
            ticket.status, ticket.answer, ticket.closed_at, ticket.waiting_since = TicketStatus.ANSWERED, text, None, None
            ticket.answered_at = ticket.answered_at or now
            session.add(ticket)
            self._to_member(session, ticket, Reply(
                text=texts.ANSWER.format(id=ticket_id, text=esc(text)) + "\n\n" + texts.ANSWER_HINT,
                buttons=rows(Button(label=texts.REPLY_TO_TEAM_BUTTON, data=f"mt:answer:{ticket_id}"),
                             Button(label=texts.DONE_BUTTON, data=f"mt:done:{ticket_id}"))), now)
            return [Reply(text=texts.RELAYED.format(name=esc(introduced_as(session, member)), id=ticket_id), buttons=rows(
                Button(label=texts.LEARN_BUTTON, data=f"tk:learn:{ticket_id}"),
                Button(label=texts.SIMILAR_BUTTON, data=f"tk:similar:{ticket_id}"),
                Button(label=texts.CLOSE_BUTTON, data=f"tk:close:{ticket_id}"), per_row=2))]

        return self._staff_act(ticket_id, act)

    def close(self, staff: Sender, ticket_id: int) -> list[Reply]:
        def act(session: Session, ticket: Ticket, now: datetime) -> list[Reply]:
            if ticket.status == TicketStatus.CLOSED:
                return [Reply(text=texts.ALREADY_CLOSED.format(id=ticket_id))]
            ticket.status, ticket.closed_at = TicketStatus.CLOSED, now
            session.add(ticket)
            if ticket.member_id is not None:
                self._to_member(session, ticket, Reply(text=texts.CLOSED_BY_STAFF.format(id=ticket_id)), now)
            return [Reply(text=texts.STAFF_CLOSED.format(id=ticket_id, staff=esc(staff.display_name or "l'équipe")))]

        return self._staff_act(ticket_id, act)

    def reply_prompt(self, staff: Sender, ticket_id: int) -> list[Reply]:
        """In the staff group: a message to reply to (its id maps back to the ticket)."""
        def act(session: Session, ticket: Ticket, now: datetime) -> list[Reply]:
            member = session.get(Member, ticket.member_id) if ticket.member_id is not None else None
            prompt = Reply(text=texts.REPLY_PROMPT.format(id=ticket_id, name=esc(introduced_as(session, member)),
                                                          question=esc(excerpt(ticket.question))))
            outbox.enqueue(session, prompt, chat_id=staff.chat_id, channel=staff.channel, purpose="ticket",
                           ref=ref(ticket_id), now=now)
            return []

        return self._staff_act(ticket_id, act)

    def open_tickets(self) -> list[tuple[Ticket, str]]:
        """Open tickets, oldest first, with the member's name."""
        with self.db.session() as session:
            found = session.exec(select(Ticket, Member).join(Member, isouter=True).where(
                col(Ticket.status).in_(OPEN_TICKETS)).order_by(col(Ticket.created_at), col(Ticket.id)))
            return [(ticket, introduced_as(session, member)) for ticket, member in found]
