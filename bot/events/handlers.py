"""The events feature as members meet it: /agenda, cards, registration with a profile, /mesinscriptions.

Handlers only translate: they open one unit of work, call the domain (store, registration, cards),
commit, and return replies. Button data is validated: a forged or stale button gets a clear answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from bot.answering.decision import Decision, Kind
from bot.core import texts as core_texts
from bot.core.context import Context
from bot.core.conversation import clear_state, flow_data
from bot.core.faq import FaqService, runner_up_of
from bot.core.members import find_member, touch_member
from bot.core.replies import Attachment, Button, Reply, Sender, esc, rows, short
from bot.core.router import Router, Turn
from bot.core.timefmt import day_label, human_duration, to_local
from bot.events import texts
from bot.events.asking import AGENDA_ALSO, AGENDA_EVENT, CANCEL_ENTRY, REGISTER_ENTRIES
from bot.events.cards import (
    NO_KIND,
    agenda,
    audience_rank,
    card,
    event_button,
    local_first,
    my_registrations,
    next_of_kind,
    none_for_members,
    series_cards,
)
from bot.events.changes import apply_change
from bot.events.event_words import kind_from_text
from bot.events.ics import event_ics
from bot.events.meant import events_meant
from bot.events.notices import when
from bot.events.periods import parse_period
from bot.events.registration import (
    Outcome,
    follow_agenda,
    promote_waiting,
    register,
    save_profile,
    unregister,
    watch,
)
from bot.events.reminders import (
    copil_preparations,
    due_at,
    materialise_due,
    next_due,
    note_preparation_interest,
    offsets_label,
)
from bot.events.staff import StaffEvents
from bot.events.store import SyncReport, find_event, is_upcoming, sync_knowledge, upcoming
from bot.knowledge.model import EventSpec
from bot.scheduling import Jobs
from bot.storage.models import Event, EventStatus, Member, Profile

log = logging.getLogger(__name__)
REMINDER_JOB = "event_reminders"
REMINDER_EVERY_SECONDS = 60.0
REMINDER_BATCH = 50  # short transactions: the dispatcher writes in between
REMINDER_BATCH_PAUSE = 0.12  # seconds
COPIL_JOB = "event_copil_preparation"
COPIL_HOUR = 9  # Paris time
PROFILE_FLOW = "ev_profile"
NAME_LIMITS = (2, 40)
NAME_MAX_WORDS = 5  # "Marie-Claire de la Fontaine"


def could_be_a_name(text: str) -> bool:
    """"Awa", "Mme Diallo": a name; "c'est gratuit ?", "je sais pas quoi mettre comme nom": no name."""
    return "?" not in text and len(text.split()) <= NAME_MAX_WORDS


class EventsFeature:
    def __init__(self, ctx: Context, *, faq: FaqService, is_staff: Callable[[Sender], bool],
                 council_of: Callable[[Session, Member], str | None] | None = None) -> None:
        self.ctx = ctx
        self.faq = faq
        self.is_staff = is_staff
        # The member's council, for "their council and territory first" (the announcements feature gives one
        # that also knows the council given for "my territory").
        self.council_of = council_of or _profile_council
        self.staff = StaffEvents(ctx, is_staff=is_staff)

    # --- wiring ----------------------------------------------------------------------------

    def register(self, router: Router, jobs: Jobs) -> None:
        router.command("agenda", "Les prochains événements (ex. : /agenda webinaires)", self.agenda_command)
        router.command("mesinscriptions", "Mes inscriptions aux événements", self.my_registrations_command)
        router.button("ag", self._agenda_button)
        router.button("ev", self._event_button)
        router.button("pf", self._profile_button)
        router.start_link("ev", self._deep_link)
        router.flow(PROFILE_FLOW, self._profile_text, waits_for_button=lambda state: state.get("step") != "name",
                    resume=self._profile_question, resume_label=texts.FORM_RESUME,
                    asked_instead=lambda state, text: state.get("step") == "name" and not could_be_a_name(text))
        self.faq.add_decision(Kind.AGENDA, self._render_agenda)  # decided by bot/events/asking.py
        self.faq.add_entry_render(CANCEL_ENTRY, self._render_cancel_howto)
        for entry_id in REGISTER_ENTRIES:
            self.faq.add_entry_render(entry_id, self._render_register_howto)
        self.staff.register(router)
        router.command("recharger_agenda", "Relire knowledge/events.yaml (équipe)", self.reload_command,
                       staff_only=True)
        jobs.every(REMINDER_JOB, REMINDER_EVERY_SECONDS, self.reminder_job)
        jobs.daily(COPIL_JOB, COPIL_HOUR, 0, self.copil_job)

    def sync(self, specs: tuple[EventSpec, ...]) -> SyncReport:
        """knowledge/events.yaml → database (at start and on reload); registrants told of what changed."""
        now = self.ctx.clock.now()
        with self.ctx.db.session() as session:
            report = sync_knowledge(session, specs, self.ctx.tz, now)
            for event, before in report.changed or []:
                apply_change(session, self.ctx, event, before, now)
            session.commit()
        if report.created or report.updated or report.removed:
            log.info("events synced: %d created, %d updated, %d removed", report.created, report.updated,
                     report.removed)
        return report

    def reload_command(self, sender: Sender, args: str) -> list[Reply]:
        from bot.knowledge.loader import read_knowledge

        kb, problems = read_knowledge(self.ctx.settings.knowledge_dir)
        errors = [p for p in problems if p.severity == "error" and p.location.file.endswith("events.yaml")]
        if errors:
            return [Reply(text="\n".join(esc(str(p)) for p in errors[:10]))]
        report = self.sync(kb.events)
        self.ctx.wake()
        return [Reply(text=texts.SYNCED.format(created=report.created, updated=report.updated,
                                               removed=report.removed))]

    async def reminder_job(self) -> None:
        # Batch after batch while they come full: 10,000 reminders due at once must not trickle out at
        # one batch a minute. In a worker thread, so that the dispatcher's loop keeps sending meanwhile.
        while True:
            report = await asyncio.to_thread(materialise_due, self.ctx, limit=REMINDER_BATCH)
            if report.queued + report.skipped + report.cancelled < REMINDER_BATCH:
                return
            # The dispatcher's writes get their turn: a writer waiting for SQLite's lock checks again only
            # every ~100 ms, and batches run back to back would keep it out (no send recorded, none started).
            await asyncio.sleep(REMINDER_BATCH_PAUSE)

    async def copil_job(self) -> None:
        copil_preparations(self.ctx)

    def queue_due(self) -> None:
        """What the jobs would queue now (the terminal chat runs no scheduler: it calls this before each prompt)."""
        materialise_due(self.ctx)
        copil_preparations(self.ctx)

    def next_reminder(self) -> datetime | None:
        return next_due(self.ctx)

    def place_freed(self, session: Session, event: Event, now: datetime) -> int:
        """A place given back (a member erased their data): the waitlist moves up."""
        return promote_waiting(session, self.ctx, event, now)

    # --- agenda ----------------------------------------------------------------------------

    def _render_agenda(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        now = self.ctx.clock.now()
        with self.ctx.db.session() as session:
            member = find_member(session, sender)
            role = self._role(session, sender)
            kind = decision.agenda_kind
            within = parse_period(decision.extras.get("agenda_period"))
            refs = decision.extras.get(AGENDA_EVENT, "").split(",")
            named = [e for e in (find_event(session, ref) for ref in refs) if e is not None]
            if named:  # "je voudrais m'inscrire à la journée Data & Quartiers": its card ("le grill": its series')
                return self._with_also_asked(series_cards(session, self.ctx, named, member, now),
                                             decision.extras.get(AGENDA_ALSO), log_id)
            # "la prochaine formation ?" when none is for members: the list, said plainly, rather than one card.
            if kind and within is None and decision.extras.get("agenda_next") and not none_for_members(
                    upcoming(session, now, self.ctx.tz, kind), role):
                shown = next_of_kind(session, self.ctx, member, now, kind, role)
            else:
                shown = [agenda(session, self.ctx, now, kind=kind, first=self._first(session, sender), role=role,
                                log_id=log_id, within=within)]
        return self._with_also_asked(shown, decision.extras.get(AGENDA_ALSO), log_id)

    def _with_also_asked(self, shown: list[Reply], also: str | None, log_id: int) -> list[Reply]:
        """The other question asked beside the agenda's: its answer after the card, or its choices under it."""
        if not also or not shown:
            return shown
        kb = self.faq.answerer.kb
        if also.endswith("!"):
            entry = kb.entry(also[:-1])
            return shown if entry is None else [*shown, self.faq.entry_reply(entry, log_id, None)]
        offered = [e for e in (kb.entry(i) for i in also.split(",")) if e is not None]
        if not offered:
            return shown
        last = shown[-1]
        choices = rows(*(Button(label="➡️ " + short(e.question, 55), data=f"faq:{e.id}:{log_id}") for e in offered))
        return [*shown[:-1], Reply(text=f"{last.text}\n\n{texts.AGENDA_ALSO_ASKED}", buttons=choices + last.buttons,
                                   attachment=last.attachment)]

    def _render_cancel_howto(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        """"Je pourrai pas venir le 24, comment j'annule ?": the how-to, then the member's registrations to
        come, each a button to its card (where « Annuler mon inscription » is), as /mesinscriptions shows them."""
        assert decision.entry is not None
        answer = self.faq.entry_reply(decision.entry, log_id, runner_up_of(decision))
        with self.ctx.db.session() as session:
            member = find_member(session, sender)
            mine = my_registrations(session, self.ctx, member, self.ctx.clock.now(), watches_too=False) if (
                member is not None) else None
        return [answer, mine] if mine is not None and mine.buttons else [answer]

    def _render_register_howto(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        """"Je veux m'inscrire au webinaire sur la participation": the how-to, then the events meant: the one
        card with its « S'inscrire » when one is meant, else a button to each (what is for residents first)."""
        assert decision.entry is not None
        answer = self.faq.entry_reply(decision.entry, log_id, runner_up_of(decision))
        now = self.ctx.clock.now()
        with self.ctx.db.session() as session:
            member = find_member(session, sender)
            role = self._role(session, sender)
            events = sorted(upcoming(session, now, self.ctx.tz), key=lambda e: audience_rank(e, role))
            meant = events_meant(events, decision.words, kind=REGISTER_ENTRIES.get(decision.entry.id))
            if len(meant) == 1:
                return [answer, card(session, self.ctx, meant[0], member, now)]
        if not meant:
            return [answer]
        return [answer, Reply(text=texts.REGISTER_PICK, buttons=rows(*(event_button(self.ctx, e) for e in meant)))]

    def _first(self, session: Session, sender: Sender) -> Callable[[Event], int] | None:
        member = find_member(session, sender)
        return local_first(self.ctx, self.council_of(session, member)) if member is not None else None

    @staticmethod
    def _role(session: Session, sender: Sender) -> str | None:
        member = find_member(session, sender)
        profile = session.get(Profile, member.id) if member is not None else None
        return profile.role if profile is not None else None

    def agenda_command(self, sender: Sender, args: str) -> list[Reply]:
        kind = kind_from_text(self.faq.answerer.analyze(args).words) if args.strip() else None
        with self.ctx.db.session() as session:
            return [agenda(session, self.ctx, self.ctx.clock.now(), kind=kind, first=self._first(session, sender),
                           role=self._role(session, sender))]

    def _agenda_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if args == ["next"]:
            return self._notify_programme(sender)
        if len(args) != 2 or not args[1].lstrip("-").isdigit() or (args[0] != NO_KIND and args[0] not in texts.KIND_LABELS):
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        with self.ctx.db.session() as session:
            return [agenda(session, self.ctx, self.ctx.clock.now(), kind=None if args[0] == NO_KIND else args[0],
                           page=int(args[1]), first=self._first(session, sender), role=self._role(session, sender))]

    def _notify_programme(self, sender: Sender) -> list[Reply]:
        """"Me prévenir du prochain programme": the member follows the agenda's news (/abonnements)."""
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            added = follow_agenda(session, member, self.ctx.clock.now())
            session.commit()
        said = texts.NOTIFY_PROGRAMME_DONE if added else texts.NOTIFY_PROGRAMME_ALREADY
        return [Reply(text=said.format(centre=esc(self.ctx.centre)))]

    def my_registrations_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            session.commit()
            return [my_registrations(session, self.ctx, member, self.ctx.clock.now())]

    def _deep_link(self, sender: Sender, arg: str) -> list[Reply]:
        return self._with_event(sender, arg, self._show_card)

    # --- event buttons ---------------------------------------------------------------------

    def _event_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        actions: dict[str, Callable[[Session, Member, Event], list[Reply]]] = {
            "card": self._show_card, "reg": self._register, "unreg": self._unregister, "ics": self._ics,
            "watch": self._watch, "prep": self._preparation, "howto": self._howto,
        }
        if len(args) != 2 or args[0] not in actions or not args[1].isdigit():
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        return self._with_event(sender, args[1], actions[args[0]])

    def _with_event(self, sender: Sender, ref: str, action: Callable[[Session, Member, Event], list[Reply]]
                    ) -> list[Reply]:
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            event = find_event(session, ref)
            if event is None:
                session.commit()
                return [Reply(text=texts.UNKNOWN_EVENT)]
            replies = action(session, member, event)
            session.commit()
        self.ctx.wake()
        return replies

    def _show_card(self, session: Session, member: Member, event: Event) -> list[Reply]:
        return [card(session, self.ctx, event, member, self.ctx.clock.now())]

    def _register(self, session: Session, member: Member, event: Event) -> list[Reply]:
        now = self.ctx.clock.now()
        outcome = register(session, self.ctx, member, event, now)
        if outcome.status == "needs_profile":
            self.ctx.save_form(session, member, PROFILE_FLOW, step="name", event_id=event.id)
            return [Reply(text=texts.PROFILE_INTRO, buttons=self._stop_row())]
        return [self._outcome_reply(event, outcome)]

    def _outcome_reply(self, event: Event, outcome: Outcome) -> Reply:
        title = esc(event.title)
        now = self.ctx.clock.now()
        match outcome.status:
            case "confirmed":
                pending = tuple(o for o in self.ctx.settings.events.reminder_offsets
                                if due_at(event, o, self.ctx.tz) > now)
                text = (texts.REGISTERED.format(title=title, when=esc(when(self.ctx, event)),
                                                offsets=offsets_label(pending, all_day=event.all_day)) if pending
                        else texts.REGISTERED_NO_REMINDER.format(title=title, when=esc(when(self.ctx, event))))
                return Reply(text=text, buttons=rows(Button(label=texts.ICS_BUTTON, data=f"ev:ics:{event.id}"),
                                                     Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))
            case "waitlist":
                return Reply(text=texts.WAITLISTED.format(title=title, position=outcome.position),
                             buttons=rows(Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))
            case "already":
                return Reply(text=texts.ALREADY_REGISTERED.format(title=title),
                             buttons=rows(Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}")))
            case "already_waitlist":
                return Reply(text=texts.ALREADY_WAITLISTED.format(title=title, position=outcome.position))
            case "not_dated":
                return Reply(text=texts.NOT_DATED.format(title=title),
                             buttons=rows(Button(label=texts.WATCH_BUTTON, data=f"ev:watch:{event.id}")))
            case "cancelled":
                return Reply(text=texts.EVENT_CANCELLED.format(title=title))
            case "past":
                return Reply(text=texts.EVENT_PAST.format(title=title))
            case "closed":
                assert event.registration_deadline is not None
                closed = day_label(to_local(event.registration_deadline, self.ctx.tz).date())
                return Reply(text=texts.DEADLINE_PASSED.format(title=title, when=closed))
            case _:
                return Reply(text=core_texts.EXPIRED_BUTTON)

    def _unregister(self, session: Session, member: Member, event: Event) -> list[Reply]:
        outcome = unregister(session, self.ctx, member, event, self.ctx.clock.now())
        if outcome.status == "not_registered":
            return [Reply(text=texts.NOT_REGISTERED.format(title=esc(event.title)))]
        planned = event.status == EventStatus.PLANNED
        again = rows(Button(label=texts.REREGISTER_BUTTON, data=f"ev:reg:{event.id}")) if planned else ()
        return [Reply(text=texts.UNREGISTERED.format(title=esc(event.title)), buttons=again)]

    def _ics(self, session: Session, member: Member, event: Event) -> list[Reply]:
        if event.starts_at is None or event.status == EventStatus.CANCELLED:
            return [Reply(text=texts.NOT_DATED.format(title=esc(event.title)) if event.starts_at is None
                          else texts.EVENT_CANCELLED.format(title=esc(event.title)))]
        content = event_ics(event, tz=self.ctx.tz, now=self.ctx.clock.now())
        return [Reply(text=f"📆 {esc(event.title)}", attachment=Attachment(
            filename=f"{event.slug[:60]}.ics", content=content, mime_type="text/calendar"))]

    def _watch(self, session: Session, member: Member, event: Event) -> list[Reply]:
        if event.status == EventStatus.CANCELLED:
            return [Reply(text=texts.EVENT_CANCELLED.format(title=esc(event.title)))]
        if (event.starts_at is not None and event.status == EventStatus.PLANNED) or not is_upcoming(
                event, self.ctx.clock.now(), self.ctx.tz):  # dated already, or its announced period is over
            return self._show_card(session, member, event)
        noted = watch(session, event, member, self.ctx.clock.now())
        return [Reply(text=(texts.WATCHING if noted else texts.ALREADY_WATCHING).format(title=esc(event.title)))]

    def _preparation(self, session: Session, member: Member, event: Event) -> list[Reply]:
        if event.kind != "copil":
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        note_preparation_interest(session, event, member, self.ctx.clock.now())
        return [Reply(text=texts.COPIL_NOTED.format(title=esc(event.title)))]

    def _howto(self, session: Session, member: Member, event: Event) -> list[Reply]:
        kb = self.faq.answerer.kb
        entry = next((e for e in kb.faq if "copil" in e.tags), None)
        if entry is None:
            return self._show_card(session, member, event)
        return [self.faq.entry_reply(entry, None)]

    # --- the profile, asked once, with consent ----------------------------------------------

    @staticmethod
    def _stop_row() -> tuple[tuple[Button, ...], ...]:
        return rows(Button(label=texts.FORM_STOP_BUTTON, data="pf:stop"))

    def _council_question(self) -> Reply:
        buttons = [Button(label=c.name[:60], data=f"pf:c:{c.id}") for c in self.ctx.knowledge.councils
                   if len(f"pf:c:{c.id}".encode()) <= 64]
        if not any(c.name.casefold().startswith("autre") for c in self.ctx.knowledge.councils):
            buttons.append(Button(label=texts.PROFILE_COUNCIL_OTHER, data="pf:c:-"))
        return Reply(text=texts.PROFILE_COUNCIL, buttons=(*rows(*buttons, per_row=2), *self._stop_row()))

    def _role_question(self) -> Reply:
        buttons = [Button(label=label, data=f"pf:r:{code}") for code, label in texts.ROLES.items()]
        return Reply(text=texts.PROFILE_ROLE, buttons=(*rows(*buttons, per_row=2), *self._stop_row()))

    def _consent_question(self, state: dict[str, object]) -> Reply:
        privacy = self.ctx.settings.privacy
        council = state.get("council")
        text = texts.PROFILE_CONSENT.format(
            centre=esc(self.ctx.centre), name=esc(str(state.get("name", ""))),
            council=esc(self.ctx.council_name(council if isinstance(council, str) else None)),
            role=esc(texts.ROLES.get(str(state.get("role")), "")), days=human_duration(privacy.profile_inactivity_days),
            contact=esc(privacy.contact))
        return Reply(text=text, buttons=rows(Button(label=texts.CONSENT_YES, data="pf:ok"),
                                             Button(label=texts.CONSENT_NO, data="pf:no"), per_row=2))

    def _profile_question(self, turn: Turn) -> list[Reply]:
        """The profile's current question again (the member goes on after asking something else)."""
        step = turn.state.get("step")
        if step == "name":
            return [Reply(text=texts.PROFILE_INTRO, buttons=self._stop_row())]
        question = {"council": self._council_question, "role": self._role_question}.get(str(step))
        return [question() if question else self._consent_question(turn.state)]

    def _profile_text(self, turn: Turn, text: str) -> list[Reply]:
        """The name, typed (the other steps are buttons: a text there is a question, answered as usual)."""
        session, member, state = turn.session, turn.member, turn.state
        assert member is not None
        name = " ".join(text.split())
        if not NAME_LIMITS[0] <= len(name) <= NAME_LIMITS[1]:
            return [Reply(text=texts.PROFILE_NAME_INVALID, buttons=self._stop_row())]
        self.ctx.save_form(session, member, PROFILE_FLOW, **{**flow_data(state), "step": "council", "name": name})
        return [self._council_question()]

    def _profile_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            state = self.ctx.form(member)
            if state.get("flow") != PROFILE_FLOW or not args:
                session.commit()
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
            replies = self._profile_step(session, member, state, args)
            session.commit()
        self.ctx.wake()
        return replies

    def _profile_step(self, session: Session, member: Member, state: dict[str, object], args: list[str]) -> list[Reply]:
        action, step, data = args[0], state.get("step"), flow_data(state)
        if action == "stop":
            clear_state(session, member)
            return [Reply(text=texts.FORM_STOPPED)]
        if action == "c" and step == "council" and len(args) == 2:
            council: str | None = None if args[1] == "-" else args[1]
            if council is not None and self.ctx.council(council) is None:
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
            self.ctx.save_form(session, member, PROFILE_FLOW, **{**data, "step": "role", "council": council})
            return [self._role_question()]
        if action == "r" and step == "role" and len(args) == 2 and args[1] in texts.ROLES:
            data = {**data, "step": "consent", "role": args[1]}
            self.ctx.save_form(session, member, PROFILE_FLOW, **data)
            return [self._consent_question(data)]
        if action in ("ok", "no") and step == "consent":
            clear_state(session, member)
            if action == "no":
                return [Reply(text=texts.CONSENT_REFUSED.format(contact=esc(self.ctx.settings.privacy.contact)))]
            chosen = data.get("council")
            save_profile(session, member, pseudonym=str(data.get("name", "")),
                         council_id=chosen if isinstance(chosen, str) else None, role=str(data.get("role")),
                         now=self.ctx.clock.now())
            session.flush()
            event_id = data.get("event_id")
            event = session.get(Event, event_id) if isinstance(event_id, int) else None
            if event is None:
                return [Reply(text=texts.UNKNOWN_EVENT)]
            return self._register(session, member, event)
        return [Reply(text=core_texts.EXPIRED_BUTTON)]


def _profile_council(session: Session, member: Member) -> str | None:
    profile = session.get(Profile, member.id) if member.id is not None else None
    return profile.council_id if profile is not None else None
