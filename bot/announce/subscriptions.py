"""Members' subscriptions to announcement topics. The caller commits."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from bot.announce.topics import TERRITORY, TOPICS, councils_of
from bot.knowledge.model import KnowledgeBase
from bot.storage.models import Member, Subscription


def subscriptions(session: Session, member: Member) -> dict[str, Subscription]:
    return {s.topic: s for s in session.exec(select(Subscription).where(Subscription.member_id == member.id))}


def subscribe(session: Session, member: Member, topic: str, now: datetime, *, council_id: str | None = None) -> None:
    assert member.id is not None and topic in TOPICS
    existing = subscriptions(session, member).get(topic)
    if existing is None:
        session.add(Subscription(member_id=member.id, topic=topic, council_id=council_id, created_at=now))
    elif council_id is not None:
        existing.council_id = council_id
        session.add(existing)
    session.flush()


def unsubscribe(session: Session, member: Member, topic: str) -> None:
    session.execute(delete(Subscription).where(col(Subscription.member_id) == member.id,
                                               col(Subscription.topic) == topic))


def subscriber_counts(session: Session) -> dict[str, int]:
    """Subscribers per topic, leaving out members who blocked the hotline."""
    found = session.exec(
        select(Subscription.topic, func.count()).join(Member, col(Member.id) == Subscription.member_id)
        .where(col(Member.blocked_at).is_(None)).group_by(col(Subscription.topic))).all()
    counts = dict(found)
    return {topic: int(counts.get(topic, 0)) for topic in TOPICS}


def territory_breakdown(session: Session, kb: KnowledgeBase) -> Counter[str | None]:
    """Subscribers to "my territory" per territory (None: council unknown)."""
    ids = list(session.exec(
        select(Subscription.member_id).join(Member, col(Member.id) == Subscription.member_id)
        .where(Subscription.topic == TERRITORY, col(Member.blocked_at).is_(None))))
    councils = councils_of(session, kb, ids)
    return Counter(councils[i].territory if i in councils else None for i in ids)
