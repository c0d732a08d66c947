"""Queueing messages for the dispatcher, inside the caller's unit of work (the caller commits)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from bot.core.replies import Attachment, Button, Reply
from bot.storage.models import Outbound, OutboundStatus

_TABLE = Outbound.__table__  # type: ignore[attr-defined]
_QUEUE_ONCE = {dialect: insert(_TABLE).on_conflict_do_nothing(index_elements=["dedupe_key"])
               for dialect, insert in (("sqlite", sqlite_insert), ("postgresql", postgresql_insert))}
_BY_KEY = select(Outbound).where(Outbound.dedupe_key == bindparam("key"))


@dataclass(frozen=True, kw_only=True)
class OutboundMessage:
    """What a transport sends: one row of the outbox, decoded."""

    id: int
    chat_id: str
    text: str
    buttons: tuple[tuple[Button, ...], ...]
    attachment: Attachment | None
    reply_to: str | None


def encode_buttons(buttons: tuple[tuple[Button, ...], ...]) -> str | None:
    if not buttons:
        return None
    return json.dumps([[{"label": b.label, "data": b.data, "url": b.url} for b in row] for row in buttons],
                      ensure_ascii=False)


def decode(row: Outbound) -> OutboundMessage:
    assert row.id is not None
    buttons = tuple(
        tuple(Button(label=b["label"], data=b.get("data") or "", url=b.get("url")) for b in raw_row)
        for raw_row in json.loads(row.buttons or "[]")
    )
    attachment = (Attachment(filename=row.attachment_name or "fichier", content=row.attachment)
                  if row.attachment is not None else None)
    return OutboundMessage(id=row.id, chat_id=row.chat_id, text=row.text, buttons=buttons, attachment=attachment,
                           reply_to=row.reply_to)


def enqueue(session: Session, reply: Reply, *, chat_id: str, purpose: str, now: datetime,
            not_before: datetime | None = None, ref: str | None = None, dedupe_key: str | None = None,
            reply_to: str | None = None, channel: str = "telegram") -> Outbound:
    """Queue `reply` for `chat_id`. With a `dedupe_key`, queueing twice keeps the first row only."""
    values = dict(
        channel=channel, chat_id=chat_id, text=reply.text, buttons=encode_buttons(reply.buttons),
        attachment_name=reply.attachment.filename if reply.attachment else None,
        attachment=reply.attachment.content if reply.attachment else None,
        reply_to=reply_to, purpose=purpose, ref=ref, dedupe_key=dedupe_key,
        not_before=not_before or now, created_at=now, status=OutboundStatus.PENDING, attempts=0,
    )
    if dedupe_key is None:
        row = Outbound(**values)  # type: ignore[arg-type]
        session.add(row)
        session.flush()
        return row
    # Another worker may queue the same key at the same moment: the unique index decides, without a
    # SAVEPOINT (with pysqlite, a savepoint opened before any other write commits on its own when released).
    # Cached statements: 10,000 reminders queued at once spend their time here.
    session.execute(_QUEUE_ONCE[session.get_bind().dialect.name], values)
    return session.exec(_BY_KEY, params={"key": dedupe_key}).one()


def cancel(session: Session, *, ref: str, purpose: str | None = None) -> int:
    """Withdraw messages not sent yet (e.g. the reminders of a cancelled registration)."""
    query = select(Outbound).where(Outbound.ref == ref, Outbound.status == OutboundStatus.PENDING)
    if purpose is not None:
        query = query.where(Outbound.purpose == purpose)
    rows = list(session.exec(query))
    for row in rows:
        row.status = OutboundStatus.CANCELLED
        session.add(row)
    return len(rows)


def withdraw(session: Session, where: ColumnElement[bool]) -> int:
    """Withdraw, in one statement, the messages not sent yet among those `where` selects; how many."""
    result = session.execute(update(Outbound).where(where, col(Outbound.status) == OutboundStatus.PENDING)
                             .values(status=OutboundStatus.CANCELLED))
    return int(getattr(result, "rowcount", 0) or 0)
