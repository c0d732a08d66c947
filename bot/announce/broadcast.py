"""Broadcasting an announcement: one outbox row per recipient, queued in batches whose progress is saved.

Each member's row has the dedupe key `announce:<id>:<member id>`: even if a batch were queued again after
a crash, nobody gets the message twice. Sending (Telegram's pace, 429, 403 → blocked) is the dispatcher's
job; the delivery report reads the statuses of the rows whose ref is `announce:<id>`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.announce import texts
from bot.announce.topics import SHORT, TERRITORY, councils_of
from bot.core.replies import Reply, esc
from bot.delivery import outbox
from bot.knowledge.model import Council, KnowledgeBase
from bot.storage.models import UNSENT, Announcement, AnnouncementStatus, Member, Outbound, OutboundStatus, Subscription

PURPOSE = "announcement"
MAX_TEXT = 3500  # leaves room for the header under Telegram's 4096 characters


def ref(announcement_id: int) -> str:
    return f"announce:{announcement_id}"


@dataclass(frozen=True, kw_only=True)
class Target:
    topic: str
    kind: str | None = None  # None, "territory", "council"
    value: str | None = None

    def matches(self, council: Council | None) -> bool:
        if self.kind is None:
            return self.topic != TERRITORY or council is not None
        if council is None:
            return False
        if self.kind == "council":
            return council.id == self.value
        return council.territory == self.value


def audience(kb: KnowledgeBase, kind: str | None, value: str | None) -> str:
    if kind == "council" and value is not None:
        council = kb.council(value)
        return texts.AUDIENCE_COUNCIL.format(name=esc(council.name if council else value))
    if kind == "territory" and value is not None:
        return texts.AUDIENCE_TERRITORY.format(name=esc(value))
    return texts.AUDIENCE_ALL


def message(kb: KnowledgeBase, centre: str, topic: str, kind: str | None, value: str | None, text: str) -> Reply:
    """The announcement as members receive it (the staff preview shows exactly this)."""
    target = ""
    if kind == "council" and value is not None:
        council = kb.council(value)
        target = texts.FOR_YOUR_COUNCIL.format(name=esc(council.name if council else value))
    elif kind == "territory" and value is not None:
        target = texts.FOR_YOUR_TERRITORY.format(name=esc(value))
    return Reply(text=texts.MESSAGE.format(centre=esc(centre), topic=SHORT.get(topic, topic), target=target,
                                           text=esc(text.strip())))


def scan(session: Session, kb: KnowledgeBase, target: Target, *, after: int = 0, limit: int | None = None
         ) -> tuple[list[Member], int, int]:
    """Among the subscribers of the topic with a member id above `after` (at most `limit` looked at):
    those the target covers, the last member id looked at, and how many were looked at."""
    query = (select(Member).join(Subscription, col(Subscription.member_id) == Member.id)
             .where(Subscription.topic == target.topic, col(Member.id) > after).order_by(col(Member.id)))
    if limit is not None:
        query = query.limit(limit)
    members = list(session.exec(query))
    if not members:
        return [], after, 0
    councils = councils_of(session, kb, [m.id for m in members if m.id is not None])
    chosen = [m for m in members if target.matches(councils.get(m.id or 0))]
    return chosen, members[-1].id or after, len(members)


def count_recipients(session: Session, kb: KnowledgeBase, target: Target) -> int:
    chosen, _, _ = scan(session, kb, target)
    return sum(1 for m in chosen if m.blocked_at is None)


def enqueue_batch(session: Session, kb: KnowledgeBase, centre: str, announcement: Announcement, *, size: int,
                  now: datetime) -> int:
    """Queue the next `size` subscribers; the progress is saved on the announcement in the same
    transaction as the messages (the caller commits). Returns how many messages were queued."""
    assert announcement.id is not None
    target = Target(topic=announcement.topic, kind=announcement.target_kind, value=announcement.target)
    chosen, last, looked_at = scan(session, kb, target, after=announcement.last_member_id, limit=size)
    reply = message(kb, centre, announcement.topic, announcement.target_kind, announcement.target, announcement.text)
    # The progress and the messages are one unit of work: a crash keeps both or neither.
    announcement.last_member_id = last
    session.add(announcement)
    session.flush()
    queued = 0
    for member in chosen:
        if member.blocked_at is not None:  # they blocked the bot: skipped, counted
            announcement.skipped += 1
            continue
        outbox.enqueue(session, reply, chat_id=member.external_id, channel=member.channel, purpose=PURPOSE,
                       ref=ref(announcement.id), dedupe_key=f"{ref(announcement.id)}:{member.id}", now=now)
        queued += 1
    announcement.enqueued += queued
    if looked_at < size:  # the end of the list: everyone is queued
        announcement.status, announcement.enqueued_at = AnnouncementStatus.ENQUEUED, now
    session.add(announcement)
    return queued


def delivery_counts(session: Session, announcement_id: int) -> dict[str, int]:
    """How the announcement's messages stand: sent, blocked, failed, uncertain, pending, sending, cancelled."""
    found = session.exec(select(Outbound.status, func.count()).where(Outbound.ref == ref(announcement_id))
                         .group_by(col(Outbound.status))).all()
    return {str(status): int(n) for status, n in found}


def report(session: Session, kb: KnowledgeBase, announcement: Announcement,
           date: Callable[[datetime], str]) -> str:
    assert announcement.id is not None
    counts = delivery_counts(session, announcement.id)
    extras = {"skipped": announcement.skipped, "uncertain": counts.get(OutboundStatus.UNCERTAIN, 0),
              "pending": sum(counts.get(status, 0) for status in UNSENT), "cancelled": counts.get(OutboundStatus.CANCELLED, 0)}
    return texts.REPORT.format(
        id=announcement.id, topic=SHORT.get(announcement.topic, announcement.topic),
        audience=audience(kb, announcement.target_kind, announcement.target), date=date(announcement.created_at),
        author=esc(announcement.created_by or "l'équipe"), state=texts.STATE.get(announcement.status, ""),
        recipients=announcement.recipients, enqueued=announcement.enqueued, sent=counts.get(OutboundStatus.SENT, 0),
        blocked=counts.get(OutboundStatus.BLOCKED, 0), failed=counts.get(OutboundStatus.FAILED, 0),
        **{name: texts.REPORT_EXTRAS[name].format(n=n) if n else "" for name, n in extras.items()})
