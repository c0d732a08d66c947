"""Paris local time ↔ UTC, and dates as a French reader expects them ("jeudi 22 janvier 2026 à 10 h")."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import as_utc

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def local_to_utc(value: datetime | date, tz: ZoneInfo) -> datetime:
    """A Paris wall-clock time (or the start of a day there) as a UTC instant."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    return value.replace(tzinfo=tz).astimezone(UTC)


def to_local(value: datetime, tz: ZoneInfo) -> datetime:
    return as_utc(value).astimezone(tz)


def day_label(day: date) -> str:
    return f"{DAYS[day.weekday()]} {day.day}{'er' if day.day == 1 else ''} {MONTHS[day.month - 1]} {day.year}"


def hour_label(moment: datetime) -> str:
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


def when_label(starts_at: datetime | None, ends_at: datetime | None, all_day: bool, tz: ZoneInfo,
               month: str | None = None) -> str:
    """"jeudi 22 janvier 2026 de 10 h à 12 h", "du lundi 26 au mardi 27 janvier 2026", "date à confirmer (juin 2026)"."""
    if starts_at is None:
        return f"date à confirmer ({month_label(month)})" if month else "date à confirmer"
    start = to_local(starts_at, tz)
    end = to_local(ends_at, tz) if ends_at is not None else None
    if all_day:
        last = (end - timedelta(days=1)).date() if end is not None else start.date()
        if last <= start.date():
            return day_label(start.date())
        return f"du {day_label(start.date())} au {day_label(last)}"
    if end is None:
        return f"{day_label(start.date())} à {hour_label(start)}"
    if end.date() == start.date():
        return f"{day_label(start.date())} de {hour_label(start)} à {hour_label(end)}"
    return f"du {day_label(start.date())} à {hour_label(start)} au {day_label(end.date())} à {hour_label(end)}"


def short_label(starts_at: datetime | None, tz: ZoneInfo, month: str | None = None) -> str:
    """"22 janv." for buttons; "juin ?" or "?" when the date is not fixed."""
    if starts_at is None:
        if month:
            _year, _, number = month.partition("-")
            return f"{SHORT_MONTHS[int(number) - 1]} ?" if number.isdigit() and 1 <= int(number) <= 12 else "?"
        return "date ?"
    start = to_local(starts_at, tz)
    return f"{start.day} {SHORT_MONTHS[start.month - 1]}"


def month_label(month: str) -> str:
    year, _, number = month.partition("-")
    if number.isdigit() and 1 <= int(number) <= 12:
        return f"{MONTHS[int(number) - 1]} {year}"
    return month


def relative_day(now: datetime, starts_at: datetime, tz: ZoneInfo) -> str:
    """"aujourd'hui", "demain", "dans 7 jours" — counted in Paris calendar days."""
    days = (to_local(starts_at, tz).date() - to_local(now, tz).date()).days
    if days <= 0:
        return "aujourd'hui"
    if days == 1:
        return "demain"
    return f"dans {days} jours"


def parse_local(text: str, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    """What the staff type: "2026-03-12 10:00", "12/03/2026 10h", "12/03/2026" → (UTC instant, all day)."""
    cleaned = " ".join(text.strip().lower().replace("à", " ").replace("h", ":").split())
    for day_format in ("%Y-%m-%d", "%d/%m/%Y"):
        for suffix, all_day in ((" %H:%M", False), (" %H:", False), ("", True)):
            try:
                parsed = datetime.strptime(cleaned.replace("t", " "), day_format + suffix)
            except ValueError:
                continue
            return (local_to_utc(parsed.date() if all_day else parsed, tz), all_day)
    return None



_NUMBERS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")


def _count(n: int, one: str, many: str, *, feminine: bool = False) -> str:
    if n == 1:
        return f"{'une' if feminine else 'un'} {one}"
    return f"{_NUMBERS[n] if n < len(_NUMBERS) else n} {many}"


def human_duration(days: int) -> str:
    """A number of days as people say it: 730 → "deux ans", 180 → "six mois", 14 → "deux semaines".
    Exact only: a count that is not a whole number of years, months or weeks stays in days (never rounded)."""
    if days >= 365 and days % 365 == 0:
        return _count(days // 365, "an", "ans")
    if days >= 30 and days % 30 == 0:
        return _count(days // 30, "mois", "mois")
    if days >= 7 and days % 7 == 0:
        return _count(days // 7, "semaine", "semaines", feminine=True)
    return _count(days, "jour", "jours")
