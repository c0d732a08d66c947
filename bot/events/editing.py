"""An event written field by field (the console's form): checked, created or changed, or cancelled.

Every change goes through `apply_change`, like a change in the file or on Telegram: registrants are
told when an event moves or is cancelled, reminders are recomputed, the waiting list moves up when
places are added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.core.context import Context
from bot.core.timefmt import local_to_utc, parse_local, to_local
from bot.events.changes import apply_change
from bot.events.registration import promote_waiting
from bot.events.store import Snapshot
from bot.events.texts import KIND_LABELS
from bot.storage.models import Event, EventStatus

TEXT_FIELDS = ("title", "place", "online_url", "audience", "territory", "description", "price")
FIELDS = ("kind", "title", "start", "end", "month", "place", "online_url", "audience", "territory", "capacity",
          "deadline", "description", "price")


@dataclass(frozen=True, kw_only=True)
class EventForm:
    kind: str
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    all_day: bool
    month: str | None
    capacity: int | None
    registration_deadline: datetime | None
    texts: dict[str, str | None]


def _moment(raw: str, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    return parse_local(raw.replace("T", " "), tz)


def check(form: Mapping[str, str], tz: ZoneInfo) -> tuple[EventForm | None, dict[str, str]]:
    """The form's fields, or the problem of each field, in French."""
    errors: dict[str, str] = {}
    value = {name: (form.get(name) or "").strip() for name in FIELDS}
    if value["kind"] not in KIND_LABELS:
        errors["kind"] = "Choisissez le type d'événement."
    if not value["title"]:
        errors["title"] = "Donnez un titre."
    start = _moment(value["start"], tz) if value["start"] else None
    if value["start"] and start is None:
        errors["start"] = "Date non comprise : AAAA-MM-JJ HH:MM (heure de Paris), ou AAAA-MM-JJ pour la journée."
    end = _moment(value["end"], tz) if value["end"] else None
    if value["end"] and end is None:
        errors["end"] = "Date de fin non comprise : AAAA-MM-JJ HH:MM."
    elif start and end and end[0] < start[0]:
        errors["end"] = "La fin est avant le début."
    deadline = _moment(value["deadline"], tz) if value["deadline"] else None
    if value["deadline"] and deadline is None:
        errors["deadline"] = "Date limite non comprise : AAAA-MM-JJ HH:MM."
    month = value["month"] or None
    if month and (len(month) != 7 or month[4] != "-" or not month.replace("-", "").isdigit()):
        errors["month"] = "Le mois s'écrit AAAA-MM (quand seule la période est connue)."
    capacity = None
    if value["capacity"]:
        if not value["capacity"].isdigit():
            errors["capacity"] = "Un nombre de places (ou rien pour illimité)."
        else:
            capacity = int(value["capacity"]) or None
    url = value["online_url"]
    if url and not url.startswith(("https://", "http://")):
        errors["online_url"] = "Un lien qui commence par https://"
    if errors:
        return None, errors
    all_day = bool(start and start[1])
    starts_at = start[0] if start else None
    ends_at = end[0] if end else (day_end(starts_at, tz) if starts_at and all_day else None)
    return EventForm(kind=value["kind"], title=value["title"][:255], starts_at=starts_at, ends_at=ends_at,
                     all_day=all_day, month=None if starts_at else month, capacity=capacity,
                     registration_deadline=deadline[0] if deadline else None,
                     texts={name: value[name][:512] or None for name in TEXT_FIELDS if name != "title"}), {}


def day_end(start: datetime, tz: ZoneInfo) -> datetime:
    return local_to_utc(to_local(start, tz).date() + timedelta(days=1), tz)


def _apply(event: Event, form: EventForm) -> None:
    event.kind, event.title, event.starts_at, event.ends_at = form.kind, form.title, form.starts_at, form.ends_at
    event.all_day, event.month, event.capacity = form.all_day, form.month, form.capacity
    event.registration_deadline = form.registration_deadline
    for name, text in form.texts.items():
        setattr(event, name, text)
    if event.status != EventStatus.CANCELLED:
        event.status = EventStatus.PLANNED if form.starts_at is not None else EventStatus.TO_CONFIRM


def create(session: Session, ctx: Context, form: EventForm, *, author: str) -> Event:
    now = ctx.clock.now()
    day = to_local(form.starts_at, ctx.tz).strftime("%Y-%m-%d") if form.starts_at else "a-confirmer"
    slug, n = f"{form.kind.replace('_', '-')}-{day}", 1
    while session.exec(select(Event).where(Event.slug == (slug if n == 1 else f"{slug}-{n}"))).first():
        n += 1
    event = Event(slug=slug if n == 1 else f"{slug}-{n}", kind=form.kind, title=form.title,
                  source=f"Équipe de {ctx.centre} (ajouté par {author or 'l’équipe'})"[:255], origin="staff",
                  created_at=now, updated_at=now)
    _apply(event, form)
    session.add(event)
    session.flush()
    return event


def change(session: Session, ctx: Context, event: Event, form: EventForm) -> int:
    """The event as the form says; returns how many people were told. The caller commits."""
    now = ctx.clock.now()
    before = Snapshot.of(event)
    _apply(event, form)
    event.updated_at = now
    session.add(event)
    session.flush()
    return apply_change(session, ctx, event, before, now) + promote_waiting(session, ctx, event, now)


def cancel(session: Session, ctx: Context, event: Event) -> int:
    now = ctx.clock.now()
    before = Snapshot.of(event)
    event.status, event.updated_at = EventStatus.CANCELLED, now
    session.add(event)
    return apply_change(session, ctx, event, before, now)
