"""Who is talking: members are created on first contact and touched on each message."""

from __future__ import annotations

from sqlmodel import Session, select

from bot.clock import Clock
from bot.core.replies import Sender
from bot.storage.models import Member


def find_member(session: Session, sender: Sender) -> Member | None:
    return session.exec(
        select(Member).where(Member.channel == sender.channel, Member.external_id == sender.user_id)
    ).first()


def touch_member(session: Session, sender: Sender, clock: Clock) -> Member:
    """The member behind `sender`, created if new; the caller commits."""
    now = clock.now()
    member = find_member(session, sender)
    name = sender.display_name[:128]
    if member is None:
        member = Member(channel=sender.channel, external_id=sender.user_id, display_name=name,
                        created_at=now, last_seen_at=now)
    else:
        member.last_seen_at = now
        if name:
            member.display_name = name
    session.add(member)
    session.flush()
    return member
