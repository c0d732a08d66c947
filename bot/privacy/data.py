"""Everything stored about one member, gathered for /mesdonnees: a dict (the JSON file) and readable text."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.core.context import Context
from bot.core.conversation import get_state
from bot.core.labels import ROLES
from bot.core.labels import TOPIC_SHORT as SHORT
from bot.core.replies import esc, short
from bot.core.timefmt import to_local
from bot.privacy import texts
from bot.storage.models import (
    UNSENT,
    Event,
    EventWish,
    Member,
    Outbound,
    OutboundStatus,
    Profile,
    QuestionLog,
    Registration,
    Reminder,
    ReminderStatus,
    Subscription,
    Ticket,
    TicketMessage,
)

QUESTIONS_SHOWN = 15


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def member_chats(session: Session, member: Member) -> set[str]:
    """The chats where the hotline writes to this member (their private chat, and those of their tickets)."""
    chats = {member.external_id}
    chats |= {c for c in session.exec(select(Ticket.chat_id).where(Ticket.member_id == member.id)) if c}
    return chats


def collect(session: Session, ctx: Context, member: Member, now: datetime) -> dict[str, Any]:
    profile = session.get(Profile, member.id)
    registrations = session.exec(
        select(Registration, Event).join(Event, col(Event.id) == Registration.event_id)
        .where(Registration.member_id == member.id).order_by(col(Registration.created_at))).all()
    reminders = {r.id: list(session.exec(select(Reminder).where(Reminder.registration_id == r.id)
                                         .order_by(col(Reminder.due_at)))) for r, _ in registrations}
    wishes = session.exec(select(EventWish, Event).join(Event, col(Event.id) == EventWish.event_id)
                          .where(EventWish.member_id == member.id)).all()
    tickets = list(session.exec(select(Ticket).where(Ticket.member_id == member.id).order_by(col(Ticket.id))))
    chats = member_chats(session, member)
    to_them = list(session.exec(select(Outbound).where(col(Outbound.chat_id).in_(chats),
                                                       Outbound.channel == member.channel)))
    return {
        "exported_at": now.isoformat(),
        "account": {
            "channel": member.channel, "user_id": member.external_id, "display_name": member.display_name,
            "created_at": _iso(member.created_at), "last_seen_at": _iso(member.last_seen_at),
            "blocked_at": _iso(member.blocked_at), "flow_in_progress": get_state(member) or None,
        },
        "profile": None if profile is None else {
            "pseudonym": profile.pseudonym, "council_id": profile.council_id,
            "council": ctx.council_name(profile.council_id), "role": ROLES.get(profile.role, profile.role),
            "consent_at": _iso(profile.consent_at), "updated_at": _iso(profile.updated_at),
        },
        "registrations": [{
            "event": event.title, "event_id": event.slug, "status": registration.status,
            "registered_at": _iso(registration.created_at), "updated_at": _iso(registration.updated_at),
            "reminders": [{"due_at": _iso(r.due_at), "status": r.status} for r in reminders[registration.id]],
        } for registration, event in registrations],
        "event_wishes": [{"event": event.title, "kind": wish.kind, "created_at": _iso(wish.created_at),
                          "notified_at": _iso(wish.notified_at)} for wish, event in wishes],
        "subscriptions": [{"topic": s.topic, "label": SHORT.get(s.topic, s.topic),
                           "council": ctx.council_name(s.council_id) if s.council_id else None,
                           "created_at": _iso(s.created_at)}
                          for s in session.exec(select(Subscription).where(Subscription.member_id == member.id))],
        "questions": [{"asked_at": _iso(q.created_at), "text": q.text, "decision": q.decision,
                       "entry_id": q.entry_id, "chosen_id": q.chosen_id, "feedback": q.feedback}
                      for q in session.exec(select(QuestionLog).where(QuestionLog.member_id == member.id)
                                            .order_by(col(QuestionLog.created_at)))],
        "tickets": [{
            "id": t.id, "status": t.status, "question": t.question, "created_at": _iso(t.created_at),
            "answered_at": _iso(t.answered_at), "closed_at": _iso(t.closed_at),
            "messages": [{"author": "vous" if m.author == "member" else "équipe", "text": m.text,
                          "written_at": _iso(m.created_at)}
                         for m in session.exec(select(TicketMessage).where(TicketMessage.ticket_id == t.id)
                                               .order_by(col(TicketMessage.id)))],
        } for t in tickets],
        "messages_to_you": {
            "pending": [{"purpose": o.purpose, "not_before": _iso(o.not_before), "text": o.text}
                        for o in to_them if o.status in UNSENT],
            "sent_by_purpose": dict(Counter(o.purpose for o in to_them if o.status == OutboundStatus.SENT)),
        },
    }


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def readable(data: dict[str, Any], ctx: Context) -> str:
    """The same data as text for the chat (questions shortened to the latest ones: the file has all)."""

    def when(value: str | None) -> str:
        return to_local(datetime.fromisoformat(value), ctx.tz).strftime("%d/%m/%Y %H:%M") if value else "—"

    account = data["account"]
    parts = [texts.MY_DATA_TITLE, texts.ACCOUNT.format(
        channel=esc(account["channel"].capitalize()), user_id=esc(account["user_id"]),
        name=esc(account["display_name"] or "—"), created=when(account["created_at"]),
        seen=when(account["last_seen_at"]),
        blocked=texts.BLOCKED.format(when=when(account["blocked_at"])) if account["blocked_at"] else "")]
    profile = data["profile"]
    parts.append(texts.NO_PROFILE if profile is None else texts.PROFILE.format(
        pseudonym=esc(profile["pseudonym"]), council=esc(profile["council"]), role=esc(profile["role"]),
        consent=when(profile["consent_at"])))
    regs = data["registrations"]
    parts.append(texts.REGISTRATIONS.format(lines="\n".join(texts.REGISTRATION_LINE.format(
        title=esc(r["event"]), status=texts.REG_STATUS.get(r["status"], r["status"]),
        reminders=texts.REMINDERS.format(n=sum(1 for x in r["reminders"] if x["status"] == ReminderStatus.PENDING))
        if any(x["status"] == ReminderStatus.PENDING for x in r["reminders"]) else "") for r in regs))
        if regs else texts.NO_REGISTRATIONS)
    if data["event_wishes"]:
        parts.append(texts.WISHES.format(lines="\n".join(f"• {esc(w['event'])}" for w in data["event_wishes"])))
    subs = data["subscriptions"]
    parts.append(texts.SUBSCRIPTIONS.format(lines="\n".join(
        f"• {esc(s['label'])}" + (f" ({esc(s['council'])})" if s["council"] else "") for s in subs))
        if subs else texts.NO_SUBSCRIPTIONS)
    questions = data["questions"]
    if questions:
        shown = questions[-QUESTIONS_SHOWN:]
        lines = [texts.QUESTION_LINE.format(date=when(q["asked_at"]), text=esc(short(q["text"], 200))) if q["text"]
                 else texts.QUESTION_ERASED.format(date=when(q["asked_at"])) for q in shown]
        parts.append(texts.QUESTIONS.format(
            n=len(questions), shown=texts.QUESTIONS_SHOWN.format(n=len(shown)) if len(shown) < len(questions) else "",
            lines="\n".join(lines)))
    else:
        parts.append(texts.NO_QUESTIONS)
    if data["tickets"]:
        parts.append(texts.TICKETS.format(lines="\n".join(texts.TICKET_LINE.format(
            id=t["id"], status=texts.TICKET_STATUS.get(t["status"], esc(t["status"])),
            text=esc(short(t["question"] or "—", 200)), messages=len(t["messages"]))
            for t in data["tickets"])))
    pending = data["messages_to_you"]["pending"]
    if pending:
        parts.append(texts.PENDING.format(n=len(pending)))
    parts.append(texts.FILE_HINT)
    return "\n\n".join(parts)
