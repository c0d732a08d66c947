"""A member's flow in progress (a form being filled, a reply being written), kept in the database
so that a restart in the middle of a form loses nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot.storage.models import Member


def get_state(member: Member, *, now: datetime | None = None, timeout: timedelta | None = None) -> dict[str, Any]:
    """The flow in progress, e.g. {"flow": "profile", "step": "council", ...}, or {}; with `now` and
    `timeout`, {} too for a form left alone longer than that (it has expired)."""
    if not member.state:
        return {}
    try:
        value = json.loads(member.state)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    if now is not None and timeout is not None and expired(value, now, timeout):
        return {}
    return value


def expired(state: dict[str, Any], now: datetime, timeout: timedelta) -> bool:
    """Whether the form's last step is older than `timeout` (a form stored without its time never expires)."""
    try:
        at = datetime.fromisoformat(str(state["at"]))
    except (KeyError, ValueError):
        return False
    return now - at > timeout


def set_state(session: Session, member: Member, flow: str, *, now: datetime, **data: Any) -> None:
    """The form's next step, stamped with the time (a form left alone expires)."""
    member.state = json.dumps({"flow": flow, **data, "at": now.isoformat()}, ensure_ascii=False)
    session.add(member)


def clear_state(session: Session, member: Member) -> None:
    member.state = None
    session.add(member)


def flow_data(state: dict[str, Any]) -> dict[str, Any]:
    """The form's answers so far, without the flow's name (to be stored again with the next step). How often the
    form was offered again is left behind too: a step taken starts the reminders afresh."""
    return {k: v for k, v in state.items() if k not in ("flow", "at", OFFERED)}


OFFERED = "offered"  # how many times the waiting form was offered again under an answer


def times_offered(state: dict[str, Any]) -> int:
    value = state.get(OFFERED, 0)
    return value if isinstance(value, int) else 0


def note_offered(session: Session, member: Member, state: dict[str, Any]) -> None:
    """One more offer of the waiting form; its time is kept, so the form still expires when it would have."""
    member.state = json.dumps({**state, OFFERED: times_offered(state) + 1}, ensure_ascii=False)
    session.add(member)
