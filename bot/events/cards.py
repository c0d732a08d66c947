"""What members see: the agenda (paged, filtered by kind), an event's card, their registrations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from bot.answering.normalize import fold
from bot.clock import as_utc
from bot.core.calendar import is_over
from bot.core.context import Context
from bot.core.dialogue import team_button
from bot.core.faq import how_to_reach
from bot.core.labels import PROFESSIONAL_ROLES
from bot.core.replies import Button, Reply, esc, rows, short
from bot.core.timefmt import day_label, hour_label, to_local
from bot.events import texts
from bot.events.notices import card_button, waitlist_position, when, when_short
from bot.events.periods import Period, falls_in, period_of
from bot.events.registration import can_register, registration_of
from bot.events.store import PAST_SHOWN, counts, is_upcoming, lapsed, programme_years, recent_past, upcoming
from bot.storage.models import REGISTERED, Event, EventStatus, EventWish, Member, Registration, RegistrationStatus

PAGE_SIZE = 5
NO_KIND = "-"


def event_button(ctx: Context, event: Event) -> Button:
    return Button(label=f"{when_short(ctx, event)} · {short(event.title, 48)}", data=f"ev:card:{event.id}")


def audience_rank(event: Event, role: str | None) -> int:
    """Residents (and members whose role is unknown) see first what is for residents, then what is for everyone
    or for an audience the programme does not state, in date order together (a webinar in January before one
    in April), and last what is for professionals or elected officials; these keep the plain date order."""
    if role in PROFESSIONAL_ROLES:
        return 0
    return {"residents": 0, "professionals": 2, "elected": 2}.get(event.audience_group or "", 1)


def none_for_members(events: list[Event], role: str | None) -> bool:
    """Every event shown is for professionals or elected officials, and the member is neither."""
    return bool(events) and role not in PROFESSIONAL_ROLES and all(audience_rank(e, role) == 2 for e in events)


def _members_note(ctx: Context, kind: str, log_id: int | None) -> tuple[list[str], tuple[tuple[Button, ...], ...]]:
    """Said plainly before a list with nothing for members: where to look instead, and the team."""
    label = texts.KIND_PLURALS.get(kind, kind).lower()
    entry_id = texts.MEMBERS_ENTRY.get(kind)
    entry = ctx.answerer.kb.entry(entry_id) if entry_id else None
    lines = [texts.AGENDA_NOTHING_FOR_MEMBERS.format(label=esc(label)),
             texts.AGENDA_FOR_MEMBERS_LEAD if entry is not None else texts.AGENDA_ASK_TEAM_LEAD]
    if log_id is None and (reach := how_to_reach(ctx.answerer.kb)):  # /agenda: no question to hand over
        lines.append(texts.AGENDA_TEAM_REACH.format(how=esc(reach)))
    buttons = (Button(label="➡️ " + short(entry.question, 55), data=f"faq:{entry.id}") if entry else None,
               team_button(log_id) if log_id is not None else None)
    return lines, rows(*(b for b in buttons if b is not None))


def local_first(ctx: Context, council_id: str | None) -> Callable[[Event], int] | None:
    """A sort key putting first the events of the member's council (its name or commune), then of its
    territory; None when the member's council is unknown."""
    council = ctx.council(council_id)
    if council is None:
        return None
    here = {fold(x) for x in (council.name, council.commune) if x}
    territory = fold(council.territory) if council.territory else None

    def rank(event: Event) -> int:
        where = fold(event.territory or "")
        return 0 if where and where in here else 1 if where and where == territory else 2

    return rank


def agenda(session: Session, ctx: Context, now: datetime, *, kind: str | None = None, page: int = 0,
           first: Callable[[Event], int] | None = None, role: str | None = None, log_id: int | None = None,
           within: Period | None = None) -> Reply:
    """`log_id`: the member's question, when the agenda answers one (its team button then carries it).
    `within`: the month the question names: its events only, all on one page; when none, or when it is
    past, said plainly, and what comes next."""
    everything = upcoming(session, now, ctx.tz)
    events = [e for e in everything if kind is None or e.kind == kind]
    said: list[str] = []
    narrowed = False
    if within is not None:
        said, events, narrowed = _narrowed(session, ctx, now, within, kind, events)
    # What is for residents first, then the member's council and territory, soonest first within each
    events.sort(key=lambda e: (audience_rank(e, role), first(e) if first is not None else 0))
    label = ", ".join(x for x in (texts.KIND_PLURALS.get(kind, kind) if kind else None,
                                  within.label if narrowed and within else None) if x)
    title = texts.AGENDA_TITLE.format(centre=esc(ctx.centre),
                                      filter=texts.AGENDA_FILTER.format(label=label) if label else "")
    if first is not None and any(first(e) < 2 for e in events):
        title += "\n" + texts.AGENDA_LOCAL_FIRST
    filters = _filter_rows(everything, kind)
    if not events:
        shown_nothing = _nothing_upcoming(session, ctx, now, kind, title, filters, anything_else=bool(everything))
        if not said:
            return shown_nothing
        head, _, rest = shown_nothing.text.partition("\n\n")
        return Reply(text="\n".join([head, "", *said, "", rest]), buttons=shown_nothing.buttons)
    page_size = len(events) if narrowed else PAGE_SIZE
    pages = (len(events) + page_size - 1) // page_size
    page = min(max(page, 0), pages - 1)
    shown = events[page * page_size : (page + 1) * page_size]
    lines = [title, ""]
    if said:
        lines += [*said, ""] + ([] if narrowed else [texts.AGENDA_WHAT_NEXT, ""])
    note: tuple[tuple[Button, ...], ...] = ()
    if kind is not None and page == 0 and none_for_members(events, role):
        said, note = _members_note(ctx, kind, log_id)
        lines += [*said, ""]
    for event in shown:
        where = f" — {esc(event.place)}" if event.place else ""
        group = texts.FOR_GROUP.get(event.audience_group or "")
        pros = f"\n   {group}" if group else ""
        lines.append(f"• <b>{esc(when(ctx, event))}</b>\n   {esc(event.title)}{where}{pros}")
    if pages > 1:
        lines += ["", texts.AGENDA_PAGE.format(page=page + 1, pages=pages)]
    nav = tuple(b for b in (
        Button(label=texts.PREVIOUS_BUTTON, data=f"ag:{kind or NO_KIND}:{page - 1}") if page > 0 else None,
        Button(label=texts.NEXT_BUTTON, data=f"ag:{kind or NO_KIND}:{page + 1}") if page < pages - 1 else None,
    ) if b is not None)
    buttons = (*note, *rows(*(event_button(ctx, e) for e in shown)), *((nav,) if nav else ()), *filters)
    return Reply(text="\n".join(lines), buttons=buttons)


def _narrowed(session: Session, ctx: Context, now: datetime, within: Period, kind: str | None,
              events: list[Event]) -> tuple[list[str], list[Event], bool]:
    """What to say first about the month asked, the events to list, and whether they are that month's only.
    An event with only an announced period ("4e trimestre 2026") is kept when that period touches the month."""
    plural = texts.KIND_PLURALS.get(kind, kind).lower() if kind else None
    filtered = texts.AGENDA_EMPTY_FILTER.format(label=plural) if plural else ""
    if within.is_over(now, ctx.tz):
        took_place = [e for e in recent_past(session, now, kind, limit=None) if _in_period(ctx, e, within)]
        if not took_place:
            return [texts.AGENDA_PERIOD_PAST_NONE.format(label=_capital(within.label), filter=filtered,
                                                         during=within.during)], events, False
        lines = [texts.AGENDA_PERIOD_PAST.format(label=_capital(within.label), filter=filtered)]
        lines += [f"• {esc(when(ctx, e, past=True))} — {esc(e.title)}" + (f" — {esc(e.place)}" if e.place else "")
                  for e in reversed(took_place)]
        return lines, events, False
    inside = [e for e in events if _in_period(ctx, e, within)]
    if not inside:
        return [texts.AGENDA_PERIOD_EMPTY.format(filter=filtered, during=within.during)], events, False
    approximate = any(e.starts_at is None for e in inside)
    return ([texts.AGENDA_IN_PERIOD_APPROX.format(during=within.during)] if approximate else []), inside, True


def _in_period(ctx: Context, event: Event, within: Period) -> bool:
    if event.starts_at is None:
        return falls_in(within, first_day=None, month=event.month, period=event.period)
    start = to_local(event.starts_at, ctx.tz).date()
    end = to_local(event.ends_at, ctx.tz).date() if event.ends_at is not None else None
    return falls_in(within, first_day=start, last_day=end)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _filter_rows(events: list[Event], current: str | None) -> tuple[tuple[Button, ...], ...]:
    kinds = [k for k in texts.KIND_PLURALS if any(e.kind == k for e in events) and k != current]
    buttons = [Button(label=texts.KIND_PLURALS[k], data=f"ag:{k}:0") for k in kinds]
    if current is not None:
        buttons.append(Button(label=texts.ALL_KINDS_BUTTON, data=f"ag:{NO_KIND}:0"))
    return rows(*buttons, per_row=3)


def _nothing_upcoming(session: Session, ctx: Context, now: datetime, kind: str | None, title: str,
                      filters: tuple[tuple[Button, ...], ...], *, anything_else: bool) -> Reply:
    """Said plainly: nothing is scheduled; what was announced without a date; whether the next programme is
    out; and the way to be told when it is."""
    label = texts.KIND_PLURALS.get(kind, kind).lower() if kind else None
    lines = [title, "", texts.AGENDA_EMPTY.format(filter=texts.AGENDA_EMPTY_FILTER.format(label=label) if label else "")]
    undated = sorted(lapsed(session, now, ctx.tz, kind), key=_period_end, reverse=True)[:PAST_SHOWN]
    if undated:
        lines += ["", texts.AGENDA_LAPSED]
        lines += [f"• {esc(e.title)} — {esc(_announced(e))}" for e in undated]
    past = recent_past(session, now, kind)
    if past:
        lines += ["", texts.AGENDA_PAST]
        lines += [f"• {esc(when(ctx, e, past=True))} — {esc(e.title)}" for e in past]
    notify: tuple[tuple[Button, ...], ...] = ()
    if not anything_else:  # nothing at all to come: is the next programme out? and the way to be told when it is
        years = programme_years(session)
        local = to_local(now, ctx.tz)
        next_year = local.year + 1 if local.year in years else local.year
        if next_year not in years:
            lines += ["", texts.AGENDA_PROGRAMME_NOT_PUBLISHED.format(year=next_year, centre=esc(ctx.centre))]
        notify = rows(Button(label=texts.NOTIFY_PROGRAMME_BUTTON, data="ag:next"))
    return Reply(text="\n".join(lines),
                 buttons=(*rows(*(event_button(ctx, e) for e in past)), *notify, *filters))


def _period_end(event: Event) -> date:
    period = period_of(event.month, event.period)
    return period.ends_before if period else date.min


def _announced(event: Event) -> str:
    period = period_of(event.month, event.period)
    return texts.ANNOUNCED_FOR.format(during=period.during) if period else texts.WHEN_UNDATED


def next_of_kind(session: Session, ctx: Context, member: Member | None, now: datetime, kind: str,
                 role: str | None = None) -> list[Reply]:
    """"C'est quand le prochain interconseil ?": that event's card, and the way to the others. A resident is
    shown the next one open to them, not a professionals' webinar that comes first."""
    events = sorted(upcoming(session, now, ctx.tz, kind), key=lambda e: audience_rank(e, role))
    if not events:
        return [agenda(session, ctx, now, kind=kind)]
    event = events[0]
    label = texts.KIND_LABELS.get(kind, kind).lower()
    intro = (texts.AGENDA_NEXT if event.starts_at is not None else texts.AGENDA_NEXT_UNDATED).format(label=label)
    shown = card(session, ctx, event, member, now)
    more = rows(Button(label=texts.SEE_ALL_BUTTON.format(label=texts.KIND_PLURALS.get(kind, kind).lower()),
                       data=f"ag:{kind}:0")) if len(events) > 1 else rows(
        Button(label=texts.ALL_KINDS_BUTTON, data=f"ag:{NO_KIND}:0"))
    return [Reply(text=intro + "\n\n" + shown.text, buttons=(*shown.buttons, *more))]


def series_cards(session: Session, ctx: Context, events: list[Event], member: Member | None, now: datetime
                 ) -> list[Reply]:
    """The events a member named (one, or a series: "le grill"): the card of the next one to come (else of the
    latest), and a button to each other one, those to come first, in date order."""
    wanted = {e.id for e in events}
    coming = [e for e in upcoming(session, now, ctx.tz) if e.id in wanted]
    shown = {e.id for e in coming}
    gone = sorted((e for e in events if e.id not in shown), reverse=True,
                  key=lambda e: as_utc(e.starts_at) if e.starts_at is not None else datetime.min.replace(tzinfo=UTC))
    first, *rest = coming + gone
    replies = [card(session, ctx, first, member, now)]
    if rest:
        replies.append(Reply(text=texts.SERIES_OTHERS, buttons=rows(*(event_button(ctx, e) for e in rest))))
    return replies


def card(session: Session, ctx: Context, event: Event, member: Member | None, now: datetime) -> Reply:
    lines = [f"<i>{texts.KIND_LABELS.get(event.kind, event.kind)}</i>", f"<b>{esc(event.title)}</b>", ""]
    if event.status == EventStatus.CANCELLED:
        lines += [texts.CARD_CANCELLED, ""]
    lines.append(texts.CARD_WHEN.format(when=esc(when(ctx, event, past=is_over(event, now)))))
    if event.place:
        lines.append(texts.CARD_PLACE.format(place=esc(event.place)))
    # The online link is never on the public card: registrants get it in their reminder.
    if event.audience_group in texts.FOR_GROUP:
        lines.append(texts.FOR_GROUP[event.audience_group])
    if event.audience:
        lines.append(texts.CARD_AUDIENCE.format(audience=esc(event.audience)))
    if event.price:
        lines.append(texts.CARD_PRICE.format(price=esc(event.price)))
    reason = can_register(event, now)
    if event.capacity is not None and reason is None and event.id is not None:
        confirmed, waiting = counts(session, event.id)
        left = event.capacity - confirmed
        lines.append(texts.CARD_FULL if left <= 0 or waiting else
                     texts.CARD_CAPACITY.format(left=left, capacity=event.capacity))
    if event.registration_deadline is not None and reason is None:
        deadline = to_local(event.registration_deadline, ctx.tz)
        lines.append(texts.CARD_DEADLINE.format(when=f"{day_label(deadline.date())} à {hour_label(deadline)}"))
    if event.description:
        lines += ["", esc(event.description.strip())]
    registration = registration_of(session, event, member) if member is not None else None
    active = registration is not None and registration.status in REGISTERED
    if registration is not None and registration.status == RegistrationStatus.CONFIRMED:
        lines += ["", texts.CARD_REGISTERED]
    elif registration is not None and registration.status == RegistrationStatus.WAITLIST:
        lines += ["", texts.CARD_WAITLISTED.format(position=waitlist_position(session, registration))]
    if reason == "past" or is_over(event, now):
        lines += ["", texts.CARD_PAST]
        if event.replay_url:
            lines.append(texts.CARD_REPLAY.format(url=esc(event.replay_url)))
    elif event.starts_at is None and not is_upcoming(event, now, ctx.tz):
        lines += ["", texts.CARD_LAPSED.format(announced=esc(_announced(event)))]
    lines += ["", texts.CARD_SOURCE.format(source=esc(event.source))]
    buttons: list[Button | None] = []
    if reason is None and not active:
        buttons.append(Button(label=texts.REGISTER_BUTTON, data=f"ev:reg:{event.id}"))
    if reason == "not_dated" and is_upcoming(event, now, ctx.tz):
        buttons.append(Button(label=texts.WATCH_BUTTON, data=f"ev:watch:{event.id}"))
    if event.starts_at is not None and event.status != EventStatus.CANCELLED and not is_over(event, now):
        buttons.append(Button(label=texts.ICS_BUTTON, data=f"ev:ics:{event.id}"))
    if active and event.status != EventStatus.CANCELLED and not is_over(event, now):
        buttons.append(Button(label=texts.UNREGISTER_BUTTON, data=f"ev:unreg:{event.id}"))
    return Reply(text="\n".join(lines), buttons=rows(*buttons))


def my_registrations(session: Session, ctx: Context, member: Member, now: datetime, *, watches_too: bool = True
                     ) -> Reply:
    """/mesinscriptions: the member's registrations to come, and the events they wait a date for
    (not `watches_too`: the registrations only)."""
    found = session.exec(
        select(Registration, Event).join(Event, col(Event.id) == Registration.event_id)
        .where(Registration.member_id == member.id, col(Registration.status).in_(REGISTERED),
               col(Event.status) != EventStatus.CANCELLED)).all()
    current = sorted(((r, e) for r, e in found if not is_over(e, now)),
                     key=lambda pair: as_utc(pair[1].starts_at) if pair[1].starts_at else now)
    watches = session.exec(
        select(Event).join(EventWish, col(EventWish.event_id) == Event.id)
        .where(EventWish.member_id == member.id, EventWish.kind == "dated", col(EventWish.notified_at).is_(None),
               col(Event.status) != EventStatus.CANCELLED)).all() if watches_too else []
    if not current and not watches:
        return Reply(text=texts.MY_REGISTRATIONS_EMPTY)
    lines = [texts.MY_REGISTRATIONS, ""] if current else []
    for registration, event in current:
        if registration.status == RegistrationStatus.CONFIRMED:
            lines.append(texts.MY_LINE_CONFIRMED.format(title=esc(event.title), when=esc(when(ctx, event))))
        else:
            lines.append(texts.MY_LINE_WAITLIST.format(title=esc(event.title), when=esc(when(ctx, event)),
                                                       position=waitlist_position(session, registration)))
    if watches:
        lines += ["", texts.MY_WATCHES] if lines else [texts.MY_WATCHES]
        lines += [f"🔔 {esc(e.title)}" for e in watches]
    shown = [e for _, e in current] + list(watches)
    return Reply(text="\n".join(lines), buttons=rows(*(card_button(e, "📅 " + short(e.title, 55)) for e in shown)))
