"""The staff desk as the core sees it: commands, buttons, the reply flows and interceptors, the jobs.

Handlers only check who is asking and what the button names, then call the ticket service or the
learning loop. Staff buttons start with "tk:", the member's with "mt:".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from bot.answering.acts import detect
from bot.core import texts as core_texts
from bot.core.context import Context
from bot.core.conversation import clear_state
from bot.core.members import touch_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.router import Router, Turn
from bot.core.staff import StaffDirectory
from bot.desk import texts
from bot.desk.editor import KnowledgeEditor
from bot.desk.hours import OpeningHours
from bot.desk.jobs import DeskJobs
from bot.desk.learning import Learning
from bot.desk.mine import my_questions
from bot.desk.stats import compute, render
from bot.desk.tickets import TicketService, excerpt, first_name
from bot.knowledge.model import KnowledgeBase
from bot.scheduling import Jobs
from bot.storage.models import Member, Profile

log = logging.getLogger(__name__)
STAFF_PREFIX, MEMBER_PREFIX = "tk", "mt"
STAFF_FLOW, MEMBER_FLOW = "desk_staff_reply", "desk_answer"
ALERT_CHECK_SECONDS = 600.0
REFRESH_SECONDS = 60.0


def council_from_profile(kb: KnowledgeBase) -> Callable[[Session, Member], str | None]:
    """The member's council if their profile (given when registering to an event) names one."""

    def lookup(session: Session, member: Member) -> str | None:
        profile = session.get(Profile, member.id) if member.id is not None else None
        if profile is None or not profile.council_id:
            return None
        council = kb.council(profile.council_id)
        return council.name if council is not None else profile.council_id

    return lookup


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None


@dataclass
class Desk:
    ctx: Context
    staff: StaffDirectory
    hours: OpeningHours
    tickets: TicketService
    learning: Learning
    jobs: DeskJobs
    editor: KnowledgeEditor

    @classmethod
    def build(cls, ctx: Context, *, staff: StaffDirectory) -> Desk:
        settings = ctx.settings
        assert ctx.answers is not None
        answers = ctx.answers
        hours = OpeningHours(desk=settings.desk, timezone=settings.timezone)
        retention = timedelta(days=settings.privacy.question_retention_days)
        learning = Learning(db=ctx.db, clock=ctx.clock, base=ctx.knowledge, settings=settings.answering,
                            centre=settings.centre_name, retention=retention, answers=answers,
                            wake=ctx.wake)
        tickets = TicketService(db=ctx.db, clock=ctx.clock, staff=staff, hours=hours, centre=settings.centre_name,
                                answerer=answers.get, kb=lambda: answers.get().kb,
                                council_of=council_from_profile(ctx.knowledge), wake=ctx.wake)
        jobs = DeskJobs(db=ctx.db, clock=ctx.clock, staff=staff, hours=hours, tickets=tickets, learning=learning,
                        timezone=settings.timezone, alert_after=timedelta(hours=settings.desk.unanswered_alert_hours),
                        retention=retention)
        editor = KnowledgeEditor(db=ctx.db, clock=ctx.clock, settings=settings, learning=learning)
        return cls(ctx=ctx, staff=staff, hours=hours, tickets=tickets,
                   learning=learning, jobs=jobs, editor=editor)

    def register(self, router: Router, jobs: Jobs) -> None:
        for name, description, handler in (
            ("repondre", "Répondre à une question : /repondre N texte", self._reply_command),
            ("prendre", "Prendre une question : /prendre N", self._take_command),
            ("clore", "Clore une question : /clore N", self._close_command),
            ("questions", "Les questions ouvertes", self._list_command),
            ("rattacher", "Rattacher une question à une fiche : /rattacher N id", self._attach_command),
            ("fiche", "Faire une fiche de la réponse : /fiche N", self._learn_command),
            ("stats", "Les statistiques de la hotline", self._stats_command),
        ):
            router.command(name, description, handler, staff_only=True)
        router.command("mesquestions", "Où en sont vos questions transmises à l'équipe", self._mine_command)
        router.button(STAFF_PREFIX, self._staff_button, confirms_staff=True)
        router.button(MEMBER_PREFIX, self._member_button)
        router.intercept(self._staff_chat_text, before_flows=True)
        router.flow(STAFF_FLOW, self._staff_answer_text, private_only=True)
        router.flow(MEMBER_FLOW, self._member_answer_text, private_only=True)
        router.intercept(self._reply_to_ticket)
        jobs.daily("desk-digest", self.ctx.settings.desk.digest_hour, 0, self.jobs.digest)
        jobs.every("desk-alerts", ALERT_CHECK_SECONDS, self.jobs.alerts)
        jobs.every("desk-learning", REFRESH_SECONDS, self.jobs.refresh)
        jobs.daily("desk-purge", 3, 30, self.jobs.purge)
        self.learning.refresh()  # what was learned before the restart is used at once

    def open_ticket(self, sender: Sender, log_id: int, how: str) -> list[Reply]:
        """"Ask the team" on an answer (or an unknown question when tickets open by themselves). When the member
        only asked for a person, the next message is the question: it joins the new ticket."""
        already = how == "button" and self.tickets.opened_on_request(sender, log_id) is not None
        replies = self.tickets.open(sender, log_id, how)
        number = None if already or how != "button" else self.tickets.opened_on_request(sender, log_id)
        if number is None:
            return replies
        with self.ctx.db.session() as session:
            self.ctx.save_form(session, touch_member(session, sender, self.ctx.clock), MEMBER_FLOW, ticket=number,
                               question=True)
            session.commit()
        return [*replies, Reply(text=texts.WRITE_YOUR_QUESTION.format(id=number))]

    # --- member side ----------------------------------------------------------------------

    def my_questions(self, sender: Sender) -> list[Reply]:
        """« Où en est ma question ? »: the member's forwarded questions and where they stand."""
        return my_questions(self.ctx.db, sender, self.ctx.settings.timezone)

    def _mine_command(self, sender: Sender, args: str) -> list[Reply]:
        return self.my_questions(sender)

    def _member_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if len(args) != 2 or args[0] not in ("answer", "done", "cancel") or (number := _number(args[1])) is None:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        ticket = self.tickets.owned(sender, number)
        if ticket is None:
            return [Reply(text=texts.NOT_YOURS)]
        if args[0] == "done":
            return self.tickets.close_by_member(sender, number)
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            if args[0] == "cancel":
                flowing = self.ctx.form(member).get("flow") == MEMBER_FLOW
                if flowing:
                    clear_state(session, member)
                session.commit()
                return [Reply(text=texts.CANCELLED if flowing else texts.NOTHING_TO_CANCEL)]
            self.ctx.save_form(session, member, MEMBER_FLOW, ticket=number)
            session.commit()
        return [Reply(text=texts.WRITE_YOUR_ANSWER.format(id=number),
                      buttons=rows(Button(label="Annuler", data=f"mt:cancel:{number}")))]

    def _staff_chat_text(self, turn: Turn, text: str) -> list[Reply] | None:
        """In the staff chat, a reply to a ticket's post answers the ticket."""
        sender = turn.sender
        if not self.staff.in_staff_chat(sender):
            return None
        self.staff.record(sender, member=True)  # writing in the staff chat proves membership
        ticket_id = self.tickets.ticket_for_reply(sender, turn.reply_to) if turn.reply_to is not None else None
        if ticket_id is None:
            return None
        turn.session.commit()  # the ticket service opens its own unit of work
        return self.tickets.answer(sender, ticket_id, text)

    def _staff_answer_text(self, turn: Turn, text: str) -> list[Reply] | None:
        number = self._end_flow(turn)
        if number is None:
            return self._reply_to_ticket(turn, text)
        if not self.staff(turn.sender):
            return [Reply(text=core_texts.STAFF_ONLY)]
        return self.tickets.answer(turn.sender, number, text)

    def _member_answer_text(self, turn: Turn, text: str) -> list[Reply] | None:
        if turn.state.get("question") and detect(text):
            # Awaited after "je veux parler à quelqu'un": "où en est ma question ?", "merci" are no question.
            self._end_flow(turn)
            return None
        number = self._end_flow(turn)
        if number is None:
            return self._reply_to_ticket(turn, text)
        return self.tickets.follow_up(turn.sender, number, text, None)

    @staticmethod
    def _end_flow(turn: Turn) -> int | None:
        """The ticket the answer is for; the flow ends here, committed before the ticket service runs."""
        assert turn.member is not None
        number = turn.state.get("ticket")
        clear_state(turn.session, turn.member)
        turn.session.commit()
        return number if isinstance(number, int) else None

    def _reply_to_ticket(self, turn: Turn, text: str) -> list[Reply] | None:
        """A member's reply (Telegram's "reply to") to a message about their ticket follows it up."""
        sender = turn.sender
        if sender.in_group or turn.reply_to is None or turn.member is None:
            return None
        ticket_id = self.tickets.ticket_for_reply(sender, turn.reply_to)
        if ticket_id is not None and self.tickets.owned(sender, ticket_id) is not None:
            return self.tickets.follow_up(sender, ticket_id, text, None)
        return None

    # --- staff side -----------------------------------------------------------------------

    def _staff_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if not self.staff(sender):
            return [Reply(text=texts.STAFF_ONLY_BUTTON)]
        actions = ("take", "reply", "close", "attach", "link", "learn", "similar", "send", "nosend")
        if len(args) < 2 or args[0] not in actions or (number := _number(args[1])) is None:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        if (args[0] == "link") != (len(args) == 3) or len(args) > 3:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        ticket = self.tickets.get(number)
        if ticket is None:
            return [Reply(text=texts.UNKNOWN_TICKET.format(id=number))]
        match args[0]:
            case "take":
                return self.tickets.take(sender, number)
            case "reply":
                if sender.in_group:
                    return self.tickets.reply_prompt(sender, number)
                with self.ctx.db.session() as session:
                    self.ctx.save_form(session, touch_member(session, sender, self.ctx.clock), STAFF_FLOW, ticket=number)
                    session.commit()
                return [Reply(text=texts.WRITE_STAFF_ANSWER.format(id=number, question=esc(excerpt(ticket.question))))]
            case "close":
                return self.tickets.close(sender, number)
            case "attach":
                return self.learning.attach_choices(ticket)
            case "link":
                return self.learning.attach(sender, number, args[2])
            case "learn":
                return self.learning.learn(sender, number)
            case "similar":
                return self.learning.offer_similar(number)
            case "send":
                return self.learning.share(sender, number)
            case _:
                return [Reply(text=texts.SIMILAR_CANCELLED)]

    def _ticket_arg(self, args: str, usage: str) -> tuple[int, str] | Reply:
        head, _, rest = args.strip().partition(" ")
        number = _number(head.lstrip("n°#"))
        if number is None:
            return Reply(text=usage)
        return number, rest.strip()

    def _reply_command(self, sender: Sender, args: str) -> list[Reply]:
        parsed = self._ticket_arg(args, texts.REPLY_USAGE)
        if isinstance(parsed, Reply) or not parsed[1]:
            return [parsed if isinstance(parsed, Reply) else Reply(text=texts.REPLY_USAGE)]
        return self.tickets.answer(sender, *parsed)

    def _take_command(self, sender: Sender, args: str) -> list[Reply]:
        parsed = self._ticket_arg(args, texts.CLOSE_USAGE.replace("/clore", "/prendre"))
        return [parsed] if isinstance(parsed, Reply) else self.tickets.take(sender, parsed[0])

    def _close_command(self, sender: Sender, args: str) -> list[Reply]:
        parsed = self._ticket_arg(args, texts.CLOSE_USAGE)
        return [parsed] if isinstance(parsed, Reply) else self.tickets.close(sender, parsed[0])

    def _attach_command(self, sender: Sender, args: str) -> list[Reply]:
        parsed = self._ticket_arg(args, texts.ATTACH_USAGE)
        if isinstance(parsed, Reply) or not parsed[1]:
            return [parsed if isinstance(parsed, Reply) else Reply(text=texts.ATTACH_USAGE)]
        return self.learning.attach(sender, parsed[0], parsed[1].split()[0])

    def _learn_command(self, sender: Sender, args: str) -> list[Reply]:
        parsed = self._ticket_arg(args, texts.CLOSE_USAGE.replace("/clore", "/fiche"))
        return [parsed] if isinstance(parsed, Reply) else self.learning.learn(sender, parsed[0])

    def _list_command(self, sender: Sender, args: str) -> list[Reply]:
        found = self.tickets.open_tickets()
        if not found:
            return [Reply(text=texts.TICKETS_NONE)]
        lines = [f"• n° {t.id} — {texts.STATUS[t.status].format(staff=esc(first_name(t.taken_by or '')))} — "
                 f"{esc(name or 'un membre')} — « {esc(excerpt(t.question, 80))} »" for t, name in found]
        return [Reply(text=texts.TICKETS.format(n=len(lines), lines="\n".join(lines)))]

    def _stats_command(self, sender: Sender, args: str) -> list[Reply]:
        return [Reply(text=self.stats_text())]

    def stats_text(self) -> str:
        return render(compute(self.ctx.db, self.learning, now=self.ctx.clock.now(), timezone=self.ctx.settings.timezone))
