"""Announcement topics, and where a member stands: their council and territory (profile first)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from bot.answering.normalize import fold
from bot.core import labels
from bot.knowledge.model import Council, KnowledgeBase
from bot.storage.models import Member, Profile, Subscription

TERRITORY, TOPICS, SHORT = labels.TERRITORY, labels.TOPICS, labels.TOPIC_SHORT


@dataclass(frozen=True, kw_only=True)
class Place:
    """A member's council and territory, as far as the hotline knows them."""

    council: Council | None

    @property
    def territory(self) -> str | None:
        return self.council.territory if self.council is not None else None


def councils_of(session: Session, kb: KnowledgeBase, member_ids: Iterable[int]) -> dict[int, Council]:
    """The council of each member: the profile's (given with consent when registering), else the one chosen
    when subscribing to "my territory"."""
    ids = list(member_ids)
    if not ids:
        return {}
    found: dict[int, str] = {}
    for member_id, council_id in session.exec(select(Subscription.member_id, Subscription.council_id).where(
            col(Subscription.member_id).in_(ids), Subscription.topic == TERRITORY,
            col(Subscription.council_id).is_not(None))):
        found[member_id] = str(council_id)
    for member_id, council_id in session.exec(select(Profile.member_id, Profile.council_id).where(
            col(Profile.member_id).in_(ids), col(Profile.council_id).is_not(None))):
        found[member_id] = str(council_id)
    return {m: c for m, council_id in found.items() if (c := kb.council(council_id)) is not None}


def place_of(session: Session, kb: KnowledgeBase, member: Member | None) -> Place:
    if member is None or member.id is None:
        return Place(council=None)
    return Place(council=councils_of(session, kb, [member.id]).get(member.id))


def territories(kb: KnowledgeBase) -> list[str]:
    """The territories named by the councils of knowledge/councils.yaml, sorted."""
    return sorted({c.territory for c in kb.councils if c.territory}, key=fold)


def nearness(place: Place, kind: str | None, target: str | None) -> int | None:
    """Where an announcement stands for a member: 0 their council, 1 their territory, 2 everyone,
    None when it is meant for another council or territory."""
    if kind is None or target is None:
        return 2
    council = place.council
    if council is None:
        return None
    if kind == "council":
        return 0 if target == council.id else None
    return 1 if council.territory and fold(target) == fold(council.territory) else None
