"""Everything the console asks of the domain, in one place: the web pages never reach into `App`.

Actions go through the same domain services as the Telegram commands (a reply from the console is
relayed to the member through the outbox exactly like a reply in the staff group), and each one
is written to the audit log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar

from sqlmodel import Session, SQLModel, col, select

from bot.announce import broadcast
from bot.announce.broadcast import MAX_TEXT
from bot.announce.service import Announcements
from bot.announce.topics import SHORT, TERRITORY, territories
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision
from bot.channels.render import plain
from bot.clock import Clock, as_utc
from bot.config import Settings
from bot.console.access import ConsoleAccess, StaffUser
from bot.core.calendar import PlaceFreed, is_over
from bot.core.context import Context
from bot.core.replies import Reply
from bot.core.timefmt import when_label
from bot.desk import inbox
from bot.desk.editor import KnowledgeEditor
from bot.desk.identity import introduced_as
from bot.desk.learning import Learning, SimilarGroup
from bot.desk.stats import CouncilCount, Stats, compute, per_council
from bot.desk.tickets import TicketService
from bot.events import editing
from bot.events.export import registrants, registrants_csv
from bot.events.store import counts, recent_past, upcoming
from bot.knowledge.model import Council, KnowledgeBase
from bot.privacy.data import collect, readable
from bot.privacy.erase import erase_member
from bot.storage.db import Database
from bot.storage.models import (
    UNSENT,
    Announcement,
    AnnouncementStatus,
    Event,
    Member,
    Profile,
    Registration,
    RegistrationStatus,
)

Row = TypeVar("Row", bound=SQLModel)
Result = TypeVar("Result")


@dataclass(frozen=True, kw_only=True)
class Progress:
    announcement: Announcement
    counts: dict[str, int]
    report: str

    @property
    def handled(self) -> int:
        """Messages whose fate is known (sent, or given up: blocked, failed, uncertain, cancelled)."""
        return sum(n for status, n in self.counts.items() if status not in UNSENT)

    @property
    def percent(self) -> int:
        total = self.announcement.recipients
        if self.announcement.status == AnnouncementStatus.DONE or total == 0:
            return 100
        return min(99, int(100 * self.handled / total))


@dataclass(frozen=True, kw_only=True)
class EventRow:
    event: Event
    confirmed: int
    waiting: int
    when: str


@dataclass(frozen=True, kw_only=True)
class EventView:
    event: Event
    people: list[tuple[Registration, Profile | None, str]]
    per_council: list[tuple[str, int]]
    over: bool
    when: str


def said(replies: list[Reply]) -> str:
    """The domain's answer to the staff, as plain text for a notice on the page."""
    return "\n".join(plain(r.text) for r in replies if not r.to_chat)


@dataclass(kw_only=True)
class ConsoleServices:
    """Built by the composition root with the parts the console uses (never the whole application)."""

    settings: Settings
    clock: Clock
    db: Database
    answerer: Callable[[], Answerer]  # the one in service (edits and learning swap it)
    ticket_service: TicketService
    learning: Learning
    editor: KnowledgeEditor
    ctx: Context  # the shared context of the features (timezone, councils, wake)
    place_freed: PlaceFreed  # erasing a member frees their places: the waiting list moves up
    announce_service: Announcements
    access: ConsoleAccess

    @property
    def kb(self) -> KnowledgeBase:
        return self.answerer().kb  # the knowledge in service right now (edits included)

    def now(self) -> datetime:
        return self.clock.now()

    def local(self, value: datetime | None) -> datetime | None:
        return None if value is None else as_utc(value).astimezone(self.settings.timezone)

    def _change(self, model: type[Row], key: int, change: Callable[[Session, Row], Result]) -> Result | None:
        """`change` the row in one transaction, then wake the dispatcher for the messages it queued; None
        when there is no such row."""
        with self.db.session() as session:
            row = session.get(model, key)
            if row is None:
                return None
            result = change(session, row)
            session.commit()
        self.ctx.wake()
        return result

    def _audit(self, staff: StaffUser, action: str, target: str, replies: list[Reply], detail: str = "") -> str:
        """Log who did what to which item; the detail never holds what a member wrote or who they are
        (the log outlives erasure and retention), only what the staff chose."""
        self.access.audit(staff, action, target, detail)
        return said(replies)

    # --- inbox ----------------------------------------------------------------------------

    def tickets(self, wanted: inbox.InboxFilter) -> list[inbox.InboxRow]:
        return inbox.find(self.db, self.kb, wanted, now=self.now())

    def thread(self, ticket_id: int) -> inbox.TicketThread | None:
        return inbox.thread(self.db, self.kb, ticket_id)

    def waited(self, row: inbox.InboxRow) -> timedelta:
        return inbox.waited(row.ticket, self.now())

    def takers(self) -> list[tuple[str, str]]:
        return inbox.staff_who_took(self.db)

    def councils(self) -> tuple[Council, ...]:
        return self.kb.councils

    def take(self, staff: StaffUser, ticket_id: int) -> str:
        return self._audit(staff, "ticket.take", f"ticket:{ticket_id}",
                           self.ticket_service.take(staff.as_sender(), ticket_id))

    def answer(self, staff: StaffUser, ticket_id: int, text: str) -> str:
        replies = self.ticket_service.answer(staff.as_sender(), ticket_id, text)
        return self._audit(staff, "ticket.reply", f"ticket:{ticket_id}", replies, detail=f"{len(text)} caractères")

    def close(self, staff: StaffUser, ticket_id: int) -> str:
        return self._audit(staff, "ticket.close", f"ticket:{ticket_id}",
                           self.ticket_service.close(staff.as_sender(), ticket_id))

    def decide(self, question: str) -> Decision:
        return self.answerer().decide(question)

    def attach(self, staff: StaffUser, ticket_id: int, entry_id: str) -> str:
        return self._audit(staff, "ticket.attach", f"ticket:{ticket_id}",
                           self.learning.attach(staff.as_sender(), ticket_id, entry_id), detail=f"fiche {entry_id}")

    def learn(self, staff: StaffUser, ticket_id: int) -> str:
        """The staff answer becomes a draft entry in the review queue."""
        return self._audit(staff, "ticket.draft", f"ticket:{ticket_id}",
                           self.learning.learn(staff.as_sender(), ticket_id))

    def similar(self, ticket_id: int) -> list[SimilarGroup]:
        return self.learning.similar(ticket_id)

    def share(self, staff: StaffUser, ticket_id: int) -> str:
        return self._audit(staff, "ticket.share", f"ticket:{ticket_id}",
                           self.learning.share(staff.as_sender(), ticket_id))

    # --- statistics -----------------------------------------------------------------------

    def stats(self) -> Stats:
        return compute(self.db, self.learning, now=self.now(), timezone=self.settings.timezone)

    def per_council(self) -> list[CouncilCount]:
        return per_council(self.db, {c.id: c.name for c in self.kb.councils}, now=self.now())

    # --- active learning ------------------------------------------------------------------

    def to_learn(self) -> list[tuple[SimilarGroup, Decision]]:
        groups = self.learning.to_learn()
        return [(group, self.decide(group.text)) for group in groups]

    def add_wording(self, staff: StaffUser, text: str, entry_id: str, log_ids: tuple[int, ...] = ()) -> str:
        replies = self.learning.attach_wording(staff.as_sender(), text, entry_id, handles=log_ids)
        return self._audit(staff, "learning.wording", f"faq:{entry_id}", replies, detail="formulation ajoutée")

    def set_aside(self, staff: StaffUser, log_ids: tuple[int, ...]) -> str:
        """Nothing to teach (the answer was right, the question is off topic): off the queue."""
        count = self.learning.set_aside(log_ids)
        self.access.audit(staff, "learning.aside", "apprentissage", f"{count} question(s) mise(s) de côté")
        return f"{count} question(s) mise(s) de côté." if count else "Rien à mettre de côté."

    # --- announcements --------------------------------------------------------------------

    topics = SHORT

    def territories(self) -> list[str]:
        return territories(self.kb)

    def target(self, topic: str, kind: str, value: str) -> broadcast.Target | str:
        """The target the form names, or what is wrong with it (in French)."""
        if topic not in SHORT:
            return "Choisissez un sujet."
        if kind == "all":
            if topic == TERRITORY:
                return "« Mon territoire » s'adresse à un territoire ou à un conseil : choisissez lequel."
            return broadcast.Target(topic=topic)
        if kind == "territory" and value in self.territories():
            return broadcast.Target(topic=topic, kind="territory", value=value)
        if kind == "council" and self.kb.council(value) is not None:
            return broadcast.Target(topic=topic, kind="council", value=value)
        return "Choisissez le territoire ou le conseil."

    def announcement_preview(self, target: broadcast.Target, text: str) -> tuple[str, int, str]:
        """What members will read, how many will get it, and to whom it goes (plain text)."""
        shown = broadcast.message(self.kb, self.settings.centre_name, target.topic, target.kind, target.value, text)
        return plain(shown.text), self.announce_service.count(target), plain(
            broadcast.audience(self.kb, target.kind, target.value))

    def launch(self, staff: StaffUser, target: broadcast.Target, text: str) -> int | str:
        text = text.strip()
        if not text:
            return "Écrivez le texte de l'annonce."
        if len(text) > MAX_TEXT:
            return f"Texte trop long ({len(text)} caractères, {MAX_TEXT} au plus)."
        service = self.announce_service
        recipients = service.count(target)
        if not recipients:
            return "Personne n'est abonné à ce sujet pour cette cible : rien n'est envoyé."
        # The final report goes nowhere on Telegram (empty chat): the console shows it on the page.
        launcher = staff.as_sender()
        with self.db.session() as session:
            announcement = service.launch(session, replace(launcher, chat_id=""), target, text, recipients)
            session.commit()
        assert announcement.id is not None
        service.step(announcement.id)  # the first batch at once; the job queues the rest
        self.access.audit(staff, "announce.send", f"announce:{announcement.id}", text[:500])
        return announcement.id

    def announcements(self, limit: int = 20) -> list[Progress]:
        with self.db.session() as session:
            found = list(session.exec(select(Announcement).order_by(col(Announcement.id).desc()).limit(limit)))
        return [p for a in found if a.id is not None and (p := self.progress(a.id)) is not None]

    def progress(self, announcement_id: int) -> Progress | None:
        service = self.announce_service
        service.finish()  # a finished broadcast is reported as soon as someone looks
        with self.db.session() as session:
            announcement = session.get(Announcement, announcement_id)
            if announcement is None:
                return None
            counts = broadcast.delivery_counts(session, announcement_id)
            text = broadcast.report(session, self.kb, announcement, service.date)
        return Progress(announcement=announcement, counts=counts, report=plain(text))

    # --- events ---------------------------------------------------------------------------

    def events(self) -> list[EventRow]:
        ctx = self.ctx
        with self.db.session() as session:
            now = self.now()
            found = [*upcoming(session, now, ctx.tz), *recent_past(session, now)]
            rows = []
            for event in found:
                assert event.id is not None
                confirmed, waiting = counts(session, event.id)
                rows.append(EventRow(event=event, confirmed=confirmed, waiting=waiting,
                                     when=when_label(event.starts_at, event.ends_at, event.all_day, ctx.tz,
                                                     event.month)))
        return rows

    def event(self, event_id: int) -> EventView | None:
        ctx = self.ctx
        with self.db.session() as session:
            event = session.get(Event, event_id)
            if event is None:
                return None
            people = [(r, p, ctx.council_name(p.council_id if p else None)) for r, p in registrants(session, event)]
        per_council = Counter(name for r, _, name in people if r.status == RegistrationStatus.CONFIRMED)
        return EventView(event=event, people=people, per_council=sorted(per_council.items()),
                         over=is_over(event, self.now()),
                         when=when_label(event.starts_at, event.ends_at, event.all_day, ctx.tz, event.month))

    def event_form(self, event: Event) -> dict[str, str]:
        tz = self.settings.timezone

        def moment(value: datetime | None, day_only: bool = False) -> str:
            if value is None:
                return ""
            local = as_utc(value).astimezone(tz)
            return local.strftime("%Y-%m-%d") if day_only else local.strftime("%Y-%m-%d %H:%M")

        return {"kind": event.kind, "title": event.title, "start": moment(event.starts_at, event.all_day),
                "end": "" if event.all_day else moment(event.ends_at), "month": event.month or "",
                "place": event.place or "", "online_url": event.online_url or "", "audience": event.audience or "",
                "territory": event.territory or "", "capacity": str(event.capacity or ""),
                "deadline": moment(event.registration_deadline), "description": event.description or "",
                "price": event.price or ""}

    def save_event(self, staff: StaffUser, event_id: int | None, form: Mapping[str, str]) -> tuple[int | None,
                                                                                                      dict[str, str], int]:
        """(event id, errors by field, people told)."""
        ctx = self.ctx
        checked, errors = editing.check(form, ctx.tz)
        if checked is None:
            return None, errors, 0
        with self.db.session() as session:
            if event_id is None:
                event = editing.create(session, ctx, checked, author=staff.name)
                told = 0
            else:
                found = session.get(Event, event_id)
                if found is None:
                    return None, {"title": "Cet événement n'existe plus."}, 0
                event = found
                told = editing.change(session, ctx, event, checked)
            session.commit()
            saved = event.id
        ctx.wake()
        self.access.audit(staff, "event.create" if event_id is None else "event.edit", f"event:{saved}", checked.title)
        return saved, {}, told

    def cancel_event(self, staff: StaffUser, event_id: int) -> int | None:
        told = self._change(Event, event_id, lambda session, event: editing.cancel(session, self.ctx, event))
        if told is not None:
            self.access.audit(staff, "event.cancel", f"event:{event_id}", f"{told} personne(s) prévenue(s)")
        return told

    def registrants_csv(self, event_id: int) -> tuple[str, bytes] | None:
        ctx = self.ctx
        with self.db.session() as session:
            event = session.get(Event, event_id)
            if event is None:
                return None
            content, _ = registrants_csv(session, ctx, event)
        return f"inscrits-{event.slug[:50]}.csv", content

    def mark_attendance(self, staff: StaffUser, event_id: int, present: set[int]) -> int:
        now = self.now()
        with self.db.session() as session:
            rows = session.exec(select(Registration).where(Registration.event_id == event_id,
                                                           Registration.status == RegistrationStatus.CONFIRMED)).all()
            for row in rows:
                row.attended_at = (row.attended_at or now) if row.id in present else None
                session.add(row)
            session.commit()
        self.access.audit(staff, "event.attendance", f"event:{event_id}", f"{len(present)} présent(s)")
        return len(present)

    # --- members --------------------------------------------------------------------------

    def find_members(self, query: str, limit: int = 50) -> list[tuple[Member, str, str]]:
        """Members by pseudonym or number: (member, as they introduced themselves, council)."""
        ctx = self.ctx
        wanted = query.strip().removeprefix("n°").strip().casefold()
        with self.db.session() as session:
            rows = session.exec(select(Member, Profile).join(Profile, isouter=True)
                                .order_by(col(Member.last_seen_at).desc())).all()
            found = []
            for member, profile in rows:
                name = introduced_as(session, member)
                if wanted and wanted not in name.casefold() and wanted != str(member.id):
                    continue
                found.append((member, name, ctx.council_name(profile.council_id) if profile else ""))
        return found[:limit]

    def member_data(self, member_id: int) -> tuple[Member, str, str] | None:
        """The member, as they introduced themselves, and what is kept about them (the /mesdonnees view)."""
        ctx = self.ctx
        with self.db.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                return None
            return member, introduced_as(session, member), plain(readable(collect(session, ctx, member, self.now()),
                                                                          ctx))

    def erase_member(self, staff: StaffUser, member_id: int) -> str | None:
        done = self._change(Member, member_id, lambda session, member: erase_member(
            session, member, self.now(), place_freed=self.place_freed))
        if done is None:
            return None
        self.access.audit(staff, "member.erase", f"member:{member_id}", done.summary())  # counts only, no data
        return done.summary()
