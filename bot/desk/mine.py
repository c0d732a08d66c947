"""« Où en est ma question ? » and /mesquestions: a member's forwarded questions, newest first.

Each shows its number, the day it was sent, where it stands and who took it, the team's answer if
there is one, and a button to close it when the member has what they needed.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.core.members import find_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.timefmt import day_label, to_local
from bot.desk import texts
from bot.desk.tickets import excerpt, first_name
from bot.storage.db import Database
from bot.storage.models import Ticket, TicketStatus

SHOWN = 5  # the latest questions; older ones are in the member's data (/mesdonnees)


def my_questions(db: Database, sender: Sender, tz: ZoneInfo) -> list[Reply]:
    with db.session() as session:
        member = find_member(session, sender)
        tickets = [] if member is None else list(session.exec(
            select(Ticket).where(Ticket.member_id == member.id).order_by(col(Ticket.id).desc()).limit(SHOWN)).all())
    if not tickets:
        return [Reply(text=texts.MINE_NONE)]
    lines = [texts.MINE_TITLE]
    buttons: list[Button] = []
    for ticket in tickets:
        assert ticket.id is not None
        status = texts.MINE_STATUS[ticket.status].format(staff=esc(first_name(ticket.taken_by or "")))
        lines.append(texts.MINE_LINE.format(id=ticket.id, day=day_label(to_local(ticket.created_at, tz).date()),
                                            status=status, question=esc(excerpt(ticket.question, 90))))
        if ticket.answer:
            lines.append(texts.MINE_ANSWER.format(answer=esc(excerpt(ticket.answer, 300))))
        if ticket.status != TicketStatus.CLOSED:
            buttons.append(Button(label=texts.MINE_CLOSE_BUTTON.format(id=ticket.id), data=f"mt:done:{ticket.id}"))
    return [Reply(text="\n".join(lines), buttons=rows(*buttons))]
