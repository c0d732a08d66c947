"""Statistics for the staff (`/stats`) and the terminal (`hotline stats`)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.clock import as_utc
from bot.core.replies import esc
from bot.desk import texts
from bot.desk.learning import Learning
from bot.desk.tickets import excerpt
from bot.storage.db import Database
from bot.storage.models import OPEN_TICKETS, QuestionLog, Ticket

ANSWERED = frozenset({"answer", "glossary", "passage", "agenda"})
MULTI = "multi"  # several questions in one message: answered when one of them was (its entry is logged)
ACT = "act"  # a person asked for, a complaint, "où en est ma question ?", "plus simple": not a question
NOT_QUESTIONS = frozenset({"smalltalk", "empty", "browse", ACT})
PERIOD = timedelta(days=28)
TOP = 5


@dataclass(frozen=True, kw_only=True)
class Stats:
    per_day: tuple[tuple[str, int], ...]  # last 7 local days, oldest first
    per_week: tuple[tuple[str, int], ...]  # last 4 weeks (Monday), oldest first
    questions: int  # over PERIOD
    answered: int
    suggested: int
    unknown: int
    escalated: int
    acts: int  # messages that ask for a person, complain, ask for news or a simpler answer
    thumbs_up: int
    thumbs_down: int
    corrected: int  # answered, then the member picked the entry offered under the answer instead (a wrong answer)
    median_to_human: timedelta | None
    open_tickets: int
    top_unanswered: tuple[tuple[str, int], ...]

    def rate(self, count: int) -> str:
        return f"{round(100 * count / self.questions)} %" if self.questions else "—"


def compute(db: Database, learning: Learning, *, now: datetime, timezone: ZoneInfo) -> Stats:
    since = now - PERIOD
    with db.session() as session:
        logs = list(session.exec(select(QuestionLog).where(col(QuestionLog.created_at) >= since)))
        tickets = list(session.exec(select(Ticket).where(col(Ticket.created_at) >= since)))
        open_count = len(list(session.exec(select(Ticket.id).where(col(Ticket.status).in_(OPEN_TICKETS)))))
    questions = [row for row in logs if row.decision not in NOT_QUESTIONS]
    local_today = now.astimezone(timezone).date()
    days = Counter(as_utc(row.created_at).astimezone(timezone).date() for row in questions)
    per_day = tuple((d.strftime("%d/%m"), days.get(d, 0))
                    for d in (local_today - timedelta(days=n) for n in range(6, -1, -1)))
    monday = local_today - timedelta(days=local_today.weekday())
    weeks = Counter(k - timedelta(days=k.weekday()) for k in days.elements())
    per_week = tuple((f"sem. du {w.strftime('%d/%m')}", weeks.get(w, 0))
                     for w in (monday - timedelta(weeks=n) for n in range(3, -1, -1)))
    waits = [(as_utc(t.answered_at) - as_utc(t.created_at)).total_seconds() for t in tickets
             if t.answered_at is not None]
    unknown = [(row.id or 0, row.text) for row in questions if row.decision == "unknown" and row.text]
    groups = learning.group([(i, t) for i, t in unknown if t])
    return Stats(
        per_day=per_day, per_week=per_week, questions=len(questions),
        answered=sum(1 for r in questions if r.decision in ANSWERED or (r.decision == MULTI and _picked(r))),
        suggested=sum(1 for r in questions if r.decision == "suggest" or (r.decision == MULTI and not _picked(r))),
        unknown=sum(1 for r in questions if r.decision == "unknown"),
        escalated=sum(1 for t in tickets if t.question_log_id is not None),
        acts=sum(1 for r in logs if r.decision == ACT),
        thumbs_up=sum(1 for r in logs if r.feedback == 1), thumbs_down=sum(1 for r in logs if r.feedback == -1),
        corrected=sum(1 for r in questions if r.decision in ANSWERED and r.chosen_id not in (None, r.entry_id)),
        median_to_human=timedelta(seconds=statistics.median(waits)) if waits else None, open_tickets=open_count,
        top_unanswered=tuple((g.text, len(g.log_ids)) for g in groups[:TOP]),
    )


def _picked(row: QuestionLog) -> bool:
    """A message of several questions is answered when one of them was, or the member picked an entry."""
    return bool(row.entry_id or row.chosen_id)


def duration(value: timedelta | None) -> str:
    if value is None:
        return "— (aucune réponse encore)"
    minutes = int(value.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d}"
    return f"{hours // 24} j {hours % 24} h"


def render(stats: Stats) -> str:
    top = "\n".join(f"• « {esc(excerpt(text, 80))} » × {count}" for text, count in stats.top_unanswered)
    return texts.STATS.format(
        today=stats.per_day[-1][1], week=sum(n for _, n in stats.per_day),
        per_day=" · ".join(f"{d} : {n}" for d, n in stats.per_day),
        per_week=" · ".join(f"{w} : {n}" for w, n in stats.per_week),
        answered=stats.rate(stats.answered), suggested=stats.rate(stats.suggested),
        unknown=stats.rate(stats.unknown), escalated=stats.rate(stats.escalated), acts=stats.acts,
        up=stats.thumbs_up, down=stats.thumbs_down, corrected=stats.corrected, median=duration(stats.median_to_human),
        open=stats.open_tickets, top=top or texts.STATS_NO_TOP)


@dataclass(frozen=True, kw_only=True)
class CouncilCount:
    council: str
    questions: int
    unknown: int


def per_council(db: Database, councils: dict[str, str], *, now: datetime) -> list[CouncilCount]:
    """Questions of the last PERIOD by the council of the member's profile (none: "non renseigné")."""
    from bot.storage.models import Profile

    counts: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    with db.session() as session:
        rows = session.exec(select(QuestionLog.decision, Profile.council_id)
                            .join(Profile, col(Profile.member_id) == col(QuestionLog.member_id), isouter=True)
                            .where(col(QuestionLog.created_at) >= now - PERIOD))
        for decision, council_id in rows:
            if decision in NOT_QUESTIONS:
                continue
            name = councils.get(council_id or "", council_id or "conseil non renseigné")
            counts[name] += 1
            unknown[name] += decision == "unknown"
    return [CouncilCount(council=name, questions=n, unknown=unknown[name]) for name, n in counts.most_common()]
