"""`hotline chat --staff`: one person plays both sides. Their questions go to a staff chat shown in the
terminal (lines marked « [équipe] »), they may use every staff command and button, and they answer
with the "Répondre" button or `/repondre N texte`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core.replies import Reply
from bot.desk.staff import StaffTarget

if TYPE_CHECKING:
    from bot.app import App
    from bot.channels.memory_transport import MemoryTransport
    from bot.channels.terminal import TerminalChat

STAFF_CHAT = "equipe"
PREFIX = "[équipe] "
HINT = ("Mode équipe : vos questions arrivent aussi dans le groupe de l'équipe (lignes « [équipe] »). "
        "Répondez avec le bouton « Répondre » ou /repondre N texte ; /questions, /stats.")


def attach_staff_terminal(app: App, chat: TerminalChat, transport: MemoryTransport) -> None:
    """Make the terminal user staff and show the staff chat's messages (the terminal's transport delivers them)."""
    app.desk.staff.grant(chat.sender.channel, chat.sender.user_id)
    app.desk.staff.target = StaffTarget(channel=chat.sender.channel, chat_id=STAFF_CHAT)

    def staff_chat() -> list[Reply]:
        return [Reply(text=PREFIX + m.text, buttons=m.buttons) for m in transport.take(STAFF_CHAT)]

    chat.before_input.append(staff_chat)  # after the hook that drains the outbox
    chat.before_input.insert(0, _once(Reply(text=HINT)))


def _once(reply: Reply) -> Callable[[], list[Reply]]:
    shown: list[bool] = []

    def hook() -> list[Reply]:
        if shown:
            return []
        shown.append(True)
        return [reply]

    return hook
