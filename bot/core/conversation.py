"""A member's flow in progress (a form being filled, a reply being written), kept in the database
so that a restart in the middle of a form loses nothing."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from bot.storage.models import Member


def get_state(member: Member) -> dict[str, Any]:
    """The flow in progress, e.g. {"flow": "profile", "step": "council", ...}, or {}."""
    if not member.state:
        return {}
    try:
        value = json.loads(member.state)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def set_state(session: Session, member: Member, flow: str, **data: Any) -> None:
    member.state = json.dumps({"flow": flow, **data}, ensure_ascii=False)
    session.add(member)


def clear_state(session: Session, member: Member) -> None:
    member.state = None
    session.add(member)


def flow_data(state: dict[str, Any]) -> dict[str, Any]:
    """The form's answers so far, without the flow's name (to be stored again with the next step)."""
    return {k: v for k, v in state.items() if k != "flow"}
