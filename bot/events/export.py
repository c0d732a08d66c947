"""The registrants of an event as a CSV for the staff (semicolon-separated, UTF-8 with BOM: opens in Excel)."""

from __future__ import annotations

import csv
import io

from sqlmodel import Session, col, select

from bot.core.context import Context
from bot.core.timefmt import to_local
from bot.events.texts import ROLES
from bot.storage.models import REGISTERED, Event, Profile, Registration, RegistrationStatus

HEADER = ("nom ou pseudonyme", "conseil citoyen", "rôle", "statut", "date d'inscription (heure de Paris)")
STATUS_LABELS = {RegistrationStatus.CONFIRMED: "inscription confirmée", RegistrationStatus.WAITLIST: "liste d'attente"}


def registrants(session: Session, event: Event) -> list[tuple[Registration, Profile | None]]:
    return list(session.exec(
        select(Registration, Profile).join(Profile, col(Profile.member_id) == Registration.member_id, isouter=True)
        .where(Registration.event_id == event.id, col(Registration.status).in_(REGISTERED))
        .order_by(col(Registration.status), col(Registration.queued_at))).all())


def registrants_csv(session: Session, ctx: Context, event: Event) -> tuple[bytes, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    rows = registrants(session, event)
    for registration, profile in rows:
        writer.writerow((
            _cell(profile.pseudonym if profile else "?"),
            _cell(ctx.council_name(profile.council_id) if profile else ""),
            ROLES.get(profile.role, profile.role) if profile else "",
            STATUS_LABELS[registration.status],
            to_local(registration.queued_at, ctx.tz).strftime("%d/%m/%Y %H:%M"),
        ))
    return buffer.getvalue().encode("utf-8-sig"), len(rows)


def _cell(text: str) -> str:
    """A name typed by a member must not become a formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
