"""Who is staff: the members of the configured staff chat, plus the ids listed in the config.

The domain never calls Telegram: the channel adapter tells the directory what it sees (someone
wrote or pressed a button inside the staff chat, someone left it, a `getChatMember` answer), and
the directory remembers it for a while. A message from inside the staff chat is itself the proof.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core.replies import Sender

CHECK_TTL = timedelta(hours=1)  # how long a getChatMember answer is trusted


@dataclass(frozen=True, kw_only=True)
class StaffTarget:
    """Where staff posts go: the staff group on Telegram, or the terminal in `hotline chat --staff`."""

    channel: str
    chat_id: str


@dataclass(frozen=True, kw_only=True, eq=False)
class StaffDirectory:
    staff_ids: frozenset[int]
    target: StaffTarget | None  # set when the application is built, never after
    now: Callable[[], datetime]
    _known: dict[tuple[str, str], tuple[bool, datetime | None]] = field(default_factory=dict)

    def in_staff_chat(self, sender: Sender) -> bool:
        return self.target is not None and (sender.channel, sender.chat_id) == (self.target.channel,
                                                                               self.target.chat_id)

    def __call__(self, sender: Sender) -> bool:
        return self.is_staff(sender)

    def is_staff(self, sender: Sender) -> bool:
        if sender.channel == "telegram" and sender.user_id.isdigit() and int(sender.user_id) in self.staff_ids:
            return True
        if self.in_staff_chat(sender):
            self.record(sender, member=True)
            return True
        known = self._known.get((sender.channel, sender.user_id))
        if known is None:
            return False
        is_member, until = known
        return is_member and (until is None or self.now() < until)

    def record(self, sender: Sender, *, member: bool, checked: bool = False) -> None:
        """What the channel saw: a member of the staff chat (for good, or for CHECK_TTL if it asked)."""
        until = self.now() + CHECK_TTL if checked else None
        self._known[(sender.channel, sender.user_id)] = (member, until)

    def grant(self, channel: str, user_id: str) -> None:
        """Staff for the life of the process (the terminal's `--staff` mode)."""
        self._known[(channel, user_id)] = (True, None)

    def left(self, channel: str, user_id: str) -> None:
        """Left the staff chat: no longer staff (asked again after CHECK_TTL, in case they come back)."""
        self._known[(channel, user_id)] = (False, self.now() + CHECK_TTL)

    def needs_check(self, sender: Sender) -> bool:
        """Whether the channel should ask the staff chat about this person before a staff action."""
        if self.target is None or sender.in_group or self.is_staff(sender):
            return False
        known = self._known.get((sender.channel, sender.user_id))
        return known is None or (known[1] is not None and self.now() >= known[1])
