"""Who may open the console: one-time sign-in links, sessions and the audit log. No web code here.

Links and sessions are random tokens of which only a SHA-256 hash is stored: a copy of the database
signs nobody in. A link works once, for a few minutes; a session until it expires or its owner
signs out.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.clock import Clock, as_utc
from bot.core.replies import Sender
from bot.storage.db import Database
from bot.storage.models import AuditEntry, ConsoleLink, ConsoleSession, StaffToken

CHANNEL = "console"
SPENT_KEPT = timedelta(days=1)
AUDIT_KEPT = timedelta(days=365)
Token = TypeVar("Token", bound=StaffToken)


@dataclass(frozen=True, kw_only=True)
class StaffUser:
    """A signed-in staff member: the same id as on Telegram when they asked for the link there."""

    id: str
    name: str

    @classmethod
    def of(cls, row: StaffToken) -> StaffUser:
        return cls(id=row.staff_id, name=row.staff_name)

    def as_sender(self) -> Sender:
        """The domain services take a `Sender`; the console speaks for this staff member."""
        return Sender(channel=CHANNEL, user_id=self.id, chat_id=f"console:{self.id}", display_name=self.name)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _find(session: Session, model: type[Token], token: str, *, lock: bool = False) -> Token | None:
    """The link or session of this token (only its hash is stored)."""
    query = select(model).where(model.token_hash == digest(token))
    return session.exec(query.with_for_update() if lock else query).first()


def _usable(row: StaffToken, ended_at: datetime | None, now: datetime) -> bool:
    """Neither spent (a used link, a revoked session) nor expired."""
    return ended_at is None and as_utc(row.expires_at) > now


@dataclass
class ConsoleAccess:
    db: Database
    clock: Clock
    public_url: str
    link_ttl: timedelta
    session_ttl: timedelta

    def issue_link(self, staff: StaffUser) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock.now()
        self.purge()
        with self.db.session() as session:
            session.add(ConsoleLink(token_hash=digest(token), staff_id=staff.id[:64], staff_name=staff.name[:128],
                                    created_at=now, expires_at=now + self.link_ttl))
            session.commit()
        return f"{self.public_url}/connexion/{token}"

    def peek(self, token: str) -> StaffUser | None:
        """Whom a link would sign in, without using it (the page that asks to confirm)."""
        with self.db.session() as session:
            link = _find(session, ConsoleLink, token)
            return StaffUser.of(link) if link is not None and _usable(link, link.used_at, self.clock.now()) else None

    def redeem(self, token: str) -> tuple[StaffUser, str] | None:
        """Use a link once: the staff member and a new session token, or None (unknown, expired, used)."""
        now = self.clock.now()
        with self.db.session() as session:
            link = _find(session, ConsoleLink, token, lock=True)
            if link is None or not _usable(link, link.used_at, now):
                return None
            link.used_at = now
            session.add(link)
            raw = secrets.token_urlsafe(32)
            session.add(ConsoleSession(token_hash=digest(raw), staff_id=link.staff_id, staff_name=link.staff_name,
                                       created_at=now, expires_at=now + self.session_ttl))
            staff = StaffUser.of(link)
            session.add(AuditEntry(staff_id=staff.id, staff_name=staff.name, action="signin", created_at=now))
            session.commit()
        return staff, raw

    def signed_in(self, token: str) -> StaffUser | None:
        with self.db.session() as session:
            row = _find(session, ConsoleSession, token)
            return StaffUser.of(row) if row is not None and _usable(row, row.revoked_at, self.clock.now()) else None

    def sign_out(self, token: str) -> None:
        with self.db.session() as session:
            row = _find(session, ConsoleSession, token)
            if row is not None and row.revoked_at is None:
                row.revoked_at = self.clock.now()
                session.add(row)
                session.add(AuditEntry(staff_id=row.staff_id, staff_name=row.staff_name, action="signout",
                                       created_at=self.clock.now()))
                session.commit()

    def purge(self) -> None:
        """Spent links and ended sessions go after a day; the audit log after AUDIT_KEPT."""
        now = self.clock.now()
        with self.db.session() as session:
            session.exec(delete(ConsoleLink).where(col(ConsoleLink.expires_at) < now - SPENT_KEPT))
            session.exec(delete(ConsoleSession).where(col(ConsoleSession.expires_at) < now - SPENT_KEPT))
            session.exec(delete(AuditEntry).where(col(AuditEntry.created_at) < now - AUDIT_KEPT))
            session.commit()

    def audit(self, staff: StaffUser, action: str, target: str = "", detail: str = "") -> None:
        with self.db.session() as session:
            session.add(AuditEntry(staff_id=staff.id, staff_name=staff.name, action=action[:64], target=target[:128],
                                   detail=detail[:2000], created_at=self.clock.now()))
            session.commit()

    def journal(self, limit: int = 200) -> list[AuditEntry]:
        with self.db.session() as session:
            return list(session.exec(select(AuditEntry).order_by(col(AuditEntry.created_at).desc(),
                                                                 col(AuditEntry.id).desc()).limit(limit)))
