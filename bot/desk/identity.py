"""How the staff see a member: as they introduced themselves, never by their Telegram display name.

The profile (given with consent when registering to an event) holds the pseudonym the member chose;
without one the staff see "Membre n° 12", which still tells two members apart.
"""

from __future__ import annotations

from sqlmodel import Session

from bot.storage.models import Member, Profile


def introduced_as(session: Session, member: Member | None) -> str:
    if member is None or member.id is None:
        return "un membre"
    profile = session.get(Profile, member.id)
    if profile is not None and profile.pseudonym.strip():
        return profile.pseudonym.strip()
    return f"Membre n° {member.id}"
