"""What a transport may answer instead of "sent", whatever the channel."""

from __future__ import annotations


class DeliveryError(Exception):
    pass


class RetryLater(DeliveryError):
    """Flood control (Telegram 429): wait `seconds`, then try again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class Uncertain(DeliveryError):
    """Timed out: the message may have arrived. Not resent blindly (no double reminders)."""


class Blocked(DeliveryError):
    """The recipient blocked the bot or left (403): skip them from now on."""


class Transient(DeliveryError):
    """Network down, server error (5xx): try again later."""


class Permanent(DeliveryError):
    """The message itself is refused (400): trying again will not help."""
