"""Staff tools: who is coming (counts per council), CSV export, guided creation, edit and cancellation.

Commands are `staff_only`; staff buttons check `is_staff` again (a button can be forwarded or forged).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session, col, select

from bot.core import texts as core_texts
from bot.core.context import Context
from bot.core.conversation import clear_state, flow_data
from bot.core.members import touch_member
from bot.core.replies import Attachment, Button, Reply, Sender, esc, rows
from bot.core.router import Router, Turn
from bot.core.timefmt import parse_local, to_local
from bot.events import texts
from bot.events.changes import apply_change
from bot.events.editing import EventForm, create, day_end
from bot.events.export import registrants, registrants_csv
from bot.events.notices import when
from bot.events.registration import promote_waiting
from bot.events.store import Snapshot, counts, find_event, upcoming
from bot.storage.models import Event, EventStatus, EventWish, Member, RegistrationStatus

NEW_FLOW = "ev_new"
EDIT_FLOW = "ev_edit"
UNDATED_WORDS = ("a confirmer", "à confirmer", "?", "inconnue", "plus tard")
EDIT_FIELDS = {"title": texts.EDIT_FIELD_TITLE, "start": texts.EDIT_FIELD_START, "place": texts.EDIT_FIELD_PLACE,
               "capacity": texts.EDIT_FIELD_CAPACITY}


class StaffEvents:
    def __init__(self, ctx: Context, *, is_staff: Callable[[Sender], bool]) -> None:
        self.ctx = ctx
        self.is_staff = is_staff

    def register(self, router: Router) -> None:
        router.command("inscrits", "Inscrits à un événement, par conseil (équipe)", self.registrants_command,
                       staff_only=True)
        router.command("export", "Export CSV des inscrits (équipe)", self.export_command, staff_only=True)
        router.command("nouvel_evenement", "Créer un événement (équipe)", self.new_command, staff_only=True)
        router.command("modifier_evenement", "Modifier un événement (équipe)", self.edit_command, staff_only=True)
        router.command("annuler_evenement", "Annuler un événement (équipe)", self.cancel_command, staff_only=True)
        router.button("st", self._button)
        router.flow(NEW_FLOW, self._form_text, staff_only=True, waits_for_button=lambda state: state.get("step") == "kind",
                    resume=lambda turn: [self._kind_question()], resume_label=texts.NEW_RESUME)
        router.flow(EDIT_FLOW, self._form_text, staff_only=True)

    # --- who is coming ---------------------------------------------------------------------

    def registrants_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.ctx.db.session() as session:
            if not args.strip():
                return [self._overview(session)]
            event = find_event(session, args)
            if event is None:
                return [Reply(text=texts.UNKNOWN_EVENT)]
            return [self.summary(session, event)]

    def _overview(self, session: Session) -> Reply:
        events = [e for e in upcoming(session, self.ctx.clock.now(), self.ctx.tz) if e.starts_at is not None]
        lines, buttons = [texts.STAFF_EVENTS_LIST], []
        for event in events[:20]:
            assert event.id is not None
            confirmed, waiting = counts(session, event.id)
            places = f"/{event.capacity}" if event.capacity is not None else ""
            extra = f" (+{waiting} en attente)" if waiting else ""
            lines.append(f"• {confirmed}{places}{extra} — {esc(event.title)} <code>{esc(event.slug)}</code>")
            buttons.append(Button(label=f"{confirmed}{places} · {event.title[:50]}", data=f"st:list:{event.id}"))
        return Reply(text="\n".join(lines), buttons=rows(*buttons))

    def summary(self, session: Session, event: Event) -> Reply:
        assert event.id is not None
        people = registrants(session, event)
        confirmed = [(r, p) for r, p in people if r.status == RegistrationStatus.CONFIRMED]
        waiting = [(r, p) for r, p in people if r.status == RegistrationStatus.WAITLIST]
        capacity = f" sur {event.capacity} places" if event.capacity is not None else ""
        lines = [texts.STAFF_REGISTRANTS.format(title=esc(event.title), when=esc(when(self.ctx, event)),
                                                confirmed=len(confirmed), capacity=capacity, waitlist=len(waiting))]
        if not people:
            lines += ["", texts.STAFF_NOBODY]
        else:
            per_council = Counter(self.ctx.council_name(p.council_id if p else None) for _, p in confirmed)
            lines += ["", texts.STAFF_PER_COUNCIL]
            lines += [f"• {esc(name)} : {count}" for name, count in sorted(per_council.items())]
            lines += [""] + [f"{n}. {esc(p.pseudonym if p else '?')} — {esc(self.ctx.council_name(p.council_id if p else None))}"
                             f" — {texts.ROLES.get(p.role, '') if p else ''}" for n, (_, p) in enumerate(confirmed, 1)]
            if waiting:
                lines += ["", "⏳ Liste d'attente :"]
                lines += [f"{n}. {esc(p.pseudonym if p else '?')}" for n, (_, p) in enumerate(waiting, 1)]
        wishes = Counter(w.kind for w in session.exec(select(EventWish).where(EventWish.event_id == event.id)))
        if wishes.get("copil_prep"):
            lines += ["", texts.STAFF_PREP_INTEREST.format(count=wishes["copil_prep"])]
        pending_dates = session.exec(select(EventWish).where(EventWish.event_id == event.id, EventWish.kind == "dated",
                                                             col(EventWish.notified_at).is_(None))).all()
        if pending_dates:
            lines += ["", texts.STAFF_WATCHERS.format(count=len(pending_dates))]
        return Reply(text="\n".join(lines), buttons=rows(Button(label=texts.STAFF_EXPORT_BUTTON,
                                                                data=f"st:csv:{event.id}")))

    def export_command(self, sender: Sender, args: str) -> list[Reply]:
        return self._for_event(args, "export", lambda session, event: self.export(session, sender, event))

    def _for_event(self, args: str, command: str, action: Callable[[Session, Event], list[Reply]]) -> list[Reply]:
        """A staff command naming an event: its usage when none is named, a clear answer when none is found."""
        if not args.strip():
            return [Reply(text=texts.STAFF_USAGE_EVENT.format(command=command))]
        with self.ctx.db.session() as session:
            event = find_event(session, args)
            if event is None:
                return [Reply(text=texts.UNKNOWN_EVENT)]
            return action(session, event)

    def export(self, session: Session, sender: Sender, event: Event) -> list[Reply]:
        content, count = registrants_csv(session, self.ctx, event)
        day = to_local(event.starts_at, self.ctx.tz).strftime("%Y-%m-%d") if event.starts_at else "a-confirmer"
        document = Attachment(filename=f"inscrits-{event.slug[:50]}-{day}.csv", content=content, mime_type="text/csv")
        caption = texts.STAFF_EXPORT_CAPTION.format(title=esc(event.title), count=count)
        staff_chat = self.ctx.settings.telegram.staff_chat_id
        if staff_chat is None:
            return [Reply(text=texts.STAFF_EXPORT_NO_CHAT), Reply(text=caption, attachment=document)]
        replies = [Reply(text=caption, attachment=document, to_chat=str(staff_chat))]
        if sender.chat_id != str(staff_chat):
            replies.append(Reply(text=texts.STAFF_EXPORT_SENT))
        return replies

    # --- creating, editing, cancelling -----------------------------------------------------

    def new_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            self.ctx.save_form(session, member, NEW_FLOW, step="kind")
            session.commit()
        return [self._kind_question()]

    @staticmethod
    def _kind_question() -> Reply:
        buttons = [Button(label=label, data=f"st:kind:{kind}") for kind, label in texts.KIND_LABELS.items()]
        return Reply(text=texts.NEW_KIND, buttons=(*rows(*buttons, per_row=2),
                                                   *rows(Button(label=texts.FORM_STOP_BUTTON, data="st:stop"))))

    def edit_command(self, sender: Sender, args: str) -> list[Reply]:
        return self._for_event(args, "modifier_evenement", self._edit_choices)

    @staticmethod
    def _edit_choices(session: Session, event: Event) -> list[Reply]:
        buttons = [Button(label=label, data=f"st:edit:{event.id}:{field}") for field, label in EDIT_FIELDS.items()]
        return [Reply(text=texts.EDIT_CHOOSE.format(title=esc(event.title)), buttons=rows(*buttons, per_row=2))]

    def cancel_command(self, sender: Sender, args: str) -> list[Reply]:
        return self._for_event(args, "annuler_evenement", self._cancel_question)

    @staticmethod
    def _cancel_question(session: Session, event: Event) -> list[Reply]:
        assert event.id is not None
        confirmed, waiting = counts(session, event.id)
        return [Reply(text=texts.CANCEL_CONFIRM.format(title=esc(event.title), count=confirmed + waiting),
                      buttons=rows(Button(label=texts.CANCEL_YES, data=f"st:cancel:{event.id}"),
                                   Button(label=texts.CANCEL_NO, data="st:keep"), per_row=2))]

    def _button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if not self.is_staff(sender):
            return [Reply(text=core_texts.STAFF_ONLY)]
        with self.ctx.db.session() as session:
            member = touch_member(session, sender, self.ctx.clock)
            replies = self._staff_action(session, sender, member, args)
            session.commit()
        self.ctx.wake()
        return replies

    def _staff_action(self, session: Session, sender: Sender, member: Member, args: list[str]) -> list[Reply]:
        action = args[0] if args else ""
        if action in ("stop", "keep"):
            clear_state(session, member)
            return [Reply(text=texts.CANCEL_KEPT)]
        if action == "kind" and len(args) == 2 and args[1] in texts.KIND_LABELS:
            if self.ctx.form(member).get("flow") != NEW_FLOW:
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
            self.ctx.save_form(session, member, NEW_FLOW, step="title", kind=args[1])
            return [Reply(text=texts.NEW_TITLE)]
        event = find_event(session, args[1]) if len(args) >= 2 and args[1].isdigit() else None
        if event is None:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        if action == "list":
            return [self.summary(session, event)]
        if action == "csv":
            return self.export(session, sender, event)
        if action == "cancel":
            before = Snapshot.of(event)
            event.status, event.updated_at = EventStatus.CANCELLED, self.ctx.clock.now()
            session.add(event)
            told = apply_change(session, self.ctx, event, before, self.ctx.clock.now())
            return [Reply(text=texts.CANCEL_DONE.format(title=esc(event.title), notified=texts.NOTIFIED.format(count=told)))]
        if action == "edit" and len(args) == 3 and args[2] in EDIT_FIELDS:
            self.ctx.save_form(session, member, EDIT_FLOW, event_id=event.id, field=args[2])
            return [Reply(text=texts.EDIT_ASK.format(field=EDIT_FIELDS[args[2]]))]
        return [Reply(text=core_texts.EXPIRED_BUTTON)]

    # --- the forms' free text ----------------------------------------------------------------

    def _form_text(self, turn: Turn, text: str) -> list[Reply]:
        session, member, state = turn.session, turn.member, turn.state
        assert member is not None
        replies = (self._new_text(session, turn.sender, member, state, text.strip()) if state["flow"] == NEW_FLOW
                   else self._edit_text(session, member, state, text.strip()))
        session.commit()
        self.ctx.wake()
        return replies

    def _new_text(self, session: Session, sender: Sender, member: Member, state: dict[str, object],
                  text: str) -> list[Reply]:
        data = flow_data(state)
        step = data.get("step")
        if step == "title" and text:
            self.ctx.save_form(session, member, NEW_FLOW, **{**data, "step": "start", "title": text[:255]})
            return [Reply(text=texts.NEW_START)]
        if step == "start":
            parsed = self._parse_start(text)
            if parsed is None:
                return [Reply(text=texts.NEW_START_INVALID)]
            start, all_day = parsed
            self.ctx.save_form(session, member, NEW_FLOW, **{**data, "step": "place",
                                                    "start": start.isoformat() if start else None, "all_day": all_day})
            return [Reply(text=texts.NEW_PLACE)]
        if step == "place" and text:
            self.ctx.save_form(session, member, NEW_FLOW, **{**data, "step": "capacity", "place": text[:255]})
            return [Reply(text=texts.NEW_CAPACITY)]
        if step == "capacity":
            if not text.isdigit():
                return [Reply(text=texts.NEW_CAPACITY_INVALID)]
            event = self._create(session, sender, {**data, "capacity": int(text)})
            clear_state(session, member)
            return [Reply(text=texts.NEW_CREATED.format(id=event.id, slug=esc(event.slug))),
                    self.summary(session, event)]
        return [Reply(text=texts.NEW_TITLE if step == "title" else texts.NEW_PLACE)]

    def _parse_start(self, text: str) -> tuple[datetime | None, bool] | None:
        if text.strip().lower() in UNDATED_WORDS:
            return (None, False)
        return parse_local(text, self.ctx.tz)

    def _create(self, session: Session, sender: Sender, data: dict[str, object]) -> Event:
        start = datetime.fromisoformat(str(data["start"])) if data.get("start") else None
        all_day = bool(data.get("all_day"))
        form = EventForm(kind=str(data["kind"]), title=str(data["title"]), starts_at=start,
                         ends_at=self._day_end(start) if start and all_day else None, all_day=all_day, month=None,
                         capacity=int(str(data.get("capacity") or 0)) or None, registration_deadline=None,
                         texts={"place": str(data.get("place") or "") or None})
        return create(session, self.ctx, form, author=sender.display_name)

    def _day_end(self, start: datetime) -> datetime:
        return day_end(start, self.ctx.tz)

    def _edit_text(self, session: Session, member: Member, state: dict[str, object], text: str) -> list[Reply]:
        event_id, field = state.get("event_id"), state.get("field")
        event = session.get(Event, event_id) if isinstance(event_id, int) else None
        if event is None or field not in EDIT_FIELDS:
            clear_state(session, member)
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        now = self.ctx.clock.now()
        before = Snapshot.of(event)
        told = 0
        if field == "title" and text:
            event.title = text[:255]
        elif field == "place" and text:
            event.place = text[:255]
        elif field == "capacity":
            if not text.isdigit():
                return [Reply(text=texts.NEW_CAPACITY_INVALID)]
            event.capacity = int(text) or None
        elif field == "start":
            parsed = self._parse_start(text)
            if parsed is None:
                return [Reply(text=texts.NEW_START_INVALID)]
            start, all_day = parsed
            event.starts_at, event.all_day = start, all_day
            event.time_to_confirm = False  # the staff typed what they know: a time, or the whole day
            event.ends_at = self._day_end(start) if start is not None and all_day else None
            event.status = EventStatus.PLANNED if start is not None else EventStatus.TO_CONFIRM
            event.month = None if start is not None else event.month
        event.updated_at = now
        session.add(event)
        session.flush()
        told += apply_change(session, self.ctx, event, before, now)
        if field == "capacity":
            told += promote_waiting(session, self.ctx, event, now)
        clear_state(session, member)
        return [Reply(text=texts.EDIT_DONE.format(notified=texts.NOTIFIED.format(count=told)))]
