"""The staff desk as the core sees it: commands, buttons, the reply interceptor and the jobs.

Handlers only check who is asking and what the button names, then call the ticket service or the
learning loop. Staff buttons start with "tk:", the member's with "mt:".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from bot.answering.answerer import Answerer, Decision, Kind
from bot.clock import Clock
from bot.config import Settings
from bot.core import texts as core_texts
from bot.core.conversation import clear_state, get_state, set_state
from bot.core.faq import FaqService
from bot.core.members import find_member, touch_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.router import Router
from bot.desk import texts
from bot.desk.hours import OpeningHours
from bot.desk.jobs import DeskJobs
from bot.desk.learning import Learning
from bot.desk.staff import StaffDirectory, StaffTarget
from bot.desk.stats import compute, render
from bot.desk.tickets import TicketService, first_name, short
from bot.knowledge.model import KnowledgeBase
from bot.scheduling import Jobs
from bot.storage.db import Database
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
    settings: Settings
    db: Database
    clock: Clock
    faq: FaqService
    staff: StaffDirectory
    hours: OpeningHours
    tickets: TicketService
    learning: Learning
    jobs: DeskJobs

    @classmethod
    def build(cls, *, settings: Settings, db: Database, clock: Clock, faq: FaqService, knowledge: KnowledgeBase,
              wake: Callable[[], None]) -> Desk:
        chat = settings.telegram.staff_chat_id
        staff = StaffDirectory(staff_ids=settings.telegram.staff_ids, now=clock.now,
                               target=StaffTarget(channel="telegram", chat_id=str(chat)) if chat is not None else None)
        hours = OpeningHours(desk=settings.desk, timezone=settings.timezone)
        retention = timedelta(days=settings.privacy.question_retention_days)

        def install(answerer: Answerer) -> None:
            faq.answerer = answerer

        learning = Learning(db=db, clock=clock, base=knowledge, settings=settings.answering,
                            centre=settings.centre_name, retention=retention, install=install,
                            current=lambda: faq.answerer, wake=wake)
        tickets = TicketService(db=db, clock=clock, staff=staff, hours=hours, centre=settings.centre_name,
                                answerer=lambda: faq.answerer, kb=lambda: faq.answerer.kb,
                                council_of=council_from_profile(knowledge), wake=wake)
        jobs = DeskJobs(db=db, clock=clock, staff=staff, hours=hours, tickets=tickets, learning=learning,
                        timezone=settings.timezone, alert_after=timedelta(hours=settings.desk.unanswered_alert_hours),
                        retention=retention)
        return cls(settings=settings, db=db, clock=clock, faq=faq, staff=staff, hours=hours, tickets=tickets,
                   learning=learning, jobs=jobs)

    def register(self, router: Router, jobs: Jobs) -> None:
        self.faq.ask_team = lambda sender, log_id: self.tickets.open(sender, log_id, "button")
        if self.settings.desk.auto_ticket:
            self.faq.renderers[Kind.UNKNOWN] = self._unknown_goes_to_staff
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
        router.button(STAFF_PREFIX, self._staff_button)
        router.button(MEMBER_PREFIX, self._member_button)
        router.intercept(self._intercept)
        jobs.daily("desk-digest", self.settings.desk.digest_hour, 0, self.jobs.digest)
        jobs.every("desk-alerts", ALERT_CHECK_SECONDS, self.jobs.alerts)
        jobs.every("desk-learning", REFRESH_SECONDS, self.jobs.refresh)
        jobs.daily("desk-purge", 3, 30, self.jobs.purge)
        self.learning.refresh()  # what was learned before the restart is used at once

    def needs_staff_check(self, sender: Sender, *, command: str | None = None, button: str | None = None,
                          router: Router | None = None) -> bool:
        """Whether the channel should ask the staff chat about `sender` before this action."""
        staff_action = ((button is not None and button.split(":")[0] == STAFF_PREFIX)
                        or (command is not None and router is not None
                            and (found := router.commands.get(command.lower().split("@")[0])) is not None
                            and found.staff_only))
        return staff_action and self.staff.needs_check(sender)

    # --- member side ----------------------------------------------------------------------

    def _unknown_goes_to_staff(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        return self.tickets.open(sender, log_id, "auto")

    def _member_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if len(args) != 2 or args[0] not in ("answer", "done", "cancel") or (number := _number(args[1])) is None:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        ticket = self.tickets.owned(sender, number)
        if ticket is None:
            return [Reply(text=texts.NOT_YOURS)]
        if args[0] == "done":
            return self.tickets.close_by_member(sender, number)
        with self.db.session() as session:
            member = touch_member(session, sender, self.clock)
            if args[0] == "cancel":
                flowing = get_state(member).get("flow") == MEMBER_FLOW
                if flowing:
                    clear_state(session, member)
                session.commit()
                return [Reply(text=texts.CANCELLED if flowing else texts.NOTHING_TO_CANCEL)]
            set_state(session, member, MEMBER_FLOW, ticket=number)
            session.commit()
        return [Reply(text=texts.WRITE_YOUR_ANSWER.format(id=number),
                      buttons=rows(Button(label="Annuler", data=f"mt:cancel:{number}")))]

    def _intercept(self, sender: Sender, text: str, reply_to: str | None) -> list[Reply] | None:
        if self.staff.in_staff_chat(sender):
            self.staff.record(sender, member=True)  # writing in the staff chat proves membership
            if reply_to is None:
                return None
            ticket_id = self.tickets.ticket_for_reply(sender, reply_to)
            return None if ticket_id is None else self.tickets.answer(sender, ticket_id, text)
        if sender.in_group:
            return None
        with self.db.session() as session:
            member = find_member(session, sender)
            state = get_state(member) if member is not None else {}
            flow, number = state.get("flow"), state.get("ticket")
            if member is not None and flow in (STAFF_FLOW, MEMBER_FLOW):
                clear_state(session, member)
                session.commit()
        if flow == STAFF_FLOW and isinstance(number, int):
            if not self.staff(sender):
                return [Reply(text=core_texts.STAFF_ONLY)]
            return self.tickets.answer(sender, number, text)
        if flow == MEMBER_FLOW and isinstance(number, int):
            return self.tickets.follow_up(sender, number, text, None)
        if reply_to is not None and member is not None:
            ticket_id = self.tickets.ticket_for_reply(sender, reply_to)
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
                with self.db.session() as session:
                    set_state(session, touch_member(session, sender, self.clock), STAFF_FLOW, ticket=number)
                    session.commit()
                return [Reply(text=texts.WRITE_STAFF_ANSWER.format(id=number, question=esc(short(ticket.question))))]
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
                 f"{esc(name or 'un membre')} — « {esc(short(t.question, 80))} »" for t, name in found]
        return [Reply(text=texts.TICKETS.format(n=len(lines), lines="\n".join(lines)))]

    def _stats_command(self, sender: Sender, args: str) -> list[Reply]:
        return [Reply(text=self.stats_text())]

    def stats_text(self) -> str:
        return render(compute(self.db, self.learning, now=self.clock.now(), timezone=self.settings.timezone))
