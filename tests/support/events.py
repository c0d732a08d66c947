"""Helpers for the events tests: members who talk to the core, and what the outbox holds."""

from __future__ import annotations

from sqlmodel import col, select

from bot.app import App
from bot.core.replies import Reply, Sender
from bot.storage.models import Event, Outbound, Registration, Reminder


def member(user_id: int | str, name: str = "Awa", channel: str = "telegram") -> Sender:
    return Sender(channel=channel, user_id=str(user_id), chat_id=str(user_id), display_name=name)


def event_id(app: App, slug: str) -> int:
    with app.db.session() as session:
        event = session.exec(select(Event).where(Event.slug == slug)).one()
        assert event.id is not None
        return event.id


def event(app: App, slug: str) -> Event:
    with app.db.session() as session:
        return session.exec(select(Event).where(Event.slug == slug)).one()


def button(replies: list[Reply], label_part: str) -> str:
    for reply in replies:
        for row in reply.buttons:
            for b in row:
                if label_part in b.label:
                    return b.data
    raise AssertionError(f"no button {label_part!r} in {[b.label for r in replies for row in r.buttons for b in row]}")


def labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for row in r.buttons for b in row]


def text(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def register(app: App, sender: Sender, slug: str, *, name: str = "Awa", council: str = "quartier-nord",
             role: str = "cc") -> list[Reply]:
    """Press "S'inscrire" and, on a first registration, fill the profile and consent."""
    replies = app.hotline.on_button(sender, f"ev:reg:{event_id(app, slug)}")
    if "nom ou pseudonyme" in text(replies):
        app.hotline.on_text(sender, name)
        app.hotline.on_button(sender, f"pf:c:{council}")
        app.hotline.on_button(sender, f"pf:r:{role}")
        replies = app.hotline.on_button(sender, "pf:ok")
    return replies


def outbox(app: App, purpose: str | None = None, status: str | None = None) -> list[Outbound]:
    with app.db.session() as session:
        query = select(Outbound).order_by(col(Outbound.id))
        if purpose is not None:
            query = query.where(Outbound.purpose == purpose)
        if status is not None:
            query = query.where(Outbound.status == status)
        return list(session.exec(query))


def reminders(app: App, sender: Sender | None = None) -> list[Reminder]:
    with app.db.session() as session:
        query = select(Reminder).order_by(col(Reminder.due_at))
        if sender is not None:
            from bot.storage.models import Member

            query = (query.join(Registration, col(Registration.id) == Reminder.registration_id)
                     .join(Member, col(Member.id) == Registration.member_id)
                     .where(Member.external_id == sender.user_id))
        return list(session.exec(query))
