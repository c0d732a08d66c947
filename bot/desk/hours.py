"""Opening hours of the staff, in the configured timezone: working time, and an honest reply estimate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import DeskSettings

DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre")
FIRST_REPLY = timedelta(hours=1)  # even with an empty queue, someone must see the message and write back
MAX_DAYS = 60  # opening days are never empty (config refuses it): this only bounds the loops


@dataclass(frozen=True, kw_only=True)
class OpeningHours:
    desk: DeskSettings
    timezone: ZoneInfo

    def _window(self, day: datetime) -> tuple[datetime, datetime] | None:
        """The opening window (UTC) of the local calendar day of `day`, if the staff work that day."""
        local = day.astimezone(self.timezone)
        if local.weekday() not in self.desk.opening_days:
            return None
        start = datetime.combine(local.date(), time(self.desk.opening_start_hour), self.timezone)
        end = (datetime.combine(local.date(), time(0), self.timezone) + timedelta(days=1)
               if self.desk.opening_end_hour == 24
               else datetime.combine(local.date(), time(self.desk.opening_end_hour), self.timezone))
        return start.astimezone(UTC), end.astimezone(UTC)

    def _days_from(self, instant: datetime) -> list[tuple[datetime, datetime]]:
        local = instant.astimezone(self.timezone)
        windows = []
        for offset in range(MAX_DAYS):
            day = datetime.combine(local.date() + timedelta(days=offset), time(12), self.timezone)
            window = self._window(day)
            if window is not None:
                windows.append(window)
        return windows

    def is_open(self, instant: datetime) -> bool:
        window = self._window(instant)
        return window is not None and window[0] <= instant < window[1]

    def working_time(self, start: datetime, end: datetime) -> timedelta:
        """Opening time between two instants (what "unanswered for 16 working hours" counts)."""
        total = timedelta(0)
        if end <= start:
            return total
        for low, high in self._days_from(start):
            if low >= end:
                break
            overlap = min(high, end) - max(low, start)
            if overlap > timedelta(0):
                total += overlap
        return total

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant when `amount` of opening time has passed after `start`."""
        left = amount
        for low, high in self._days_from(start):
            begin = max(low, start)
            if begin >= high:
                continue
            if begin + left <= high:
                return begin + left
            left -= high - begin
        return start + amount  # unreachable with real opening days

    def expected_reply(self, now: datetime, queue: int) -> datetime:
        """When a new question can honestly expect a human reply: the queue ahead, in opening hours."""
        need = FIRST_REPLY + timedelta(minutes=self.desk.minutes_per_ticket * max(queue, 0))
        return self.add_working_time(now, need)

    def describe_hours(self) -> str:
        """« du lundi au vendredi, de 9 h à 17 h »."""
        days = sorted(self.desk.opening_days)
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            span = f"du {DAY_NAMES[days[0]]} au {DAY_NAMES[days[-1]]}"
        else:
            span = "le " + ", ".join(DAY_NAMES[d] for d in days)
        return f"{span}, de {self.desk.opening_start_hour} h à {self.desk.opening_end_hour} h"

    def describe_when(self, now: datetime, expected: datetime) -> str:
        """« aujourd'hui avant 15 h », « demain avant 11 h », « lundi 12 janvier avant 10 h »."""
        local_now, local = now.astimezone(self.timezone), expected.astimezone(self.timezone)
        hour = local.hour + (1 if (local.minute or local.second) else 0)
        by = f"avant {hour} h" if hour < 24 else "dans la soirée"
        days = (local.date() - local_now.date()).days
        if days == 0:
            return f"aujourd'hui {by}"
        if days == 1:
            return f"demain {by}"
        return f"{DAY_NAMES[local.weekday()]} {local.day} {MONTH_NAMES[local.month - 1]} {by}"
