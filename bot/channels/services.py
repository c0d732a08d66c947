"""What every channel is given by the application built in `bot.app`; each channel adds what it alone uses.

Channels read these parts and never replace them (the application is wired once, when it is built).
"""

from __future__ import annotations

from typing import Protocol

from bot.config import Settings
from bot.core.staff import StaffDirectory
from bot.delivery.service import Delivery


class ChannelServices(Protocol):
    settings: Settings
    delivery: Delivery
    staff: StaffDirectory
