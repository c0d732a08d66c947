"""How queued messages name what they are about, so that erasing a member finds them all."""

from __future__ import annotations


def ticket_ref(ticket_id: int) -> str:
    return f"ticket:{ticket_id}"
