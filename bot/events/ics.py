"""An .ics file (RFC 5545) so a member can add an event to their phone's calendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.clock import as_utc
from bot.core.timefmt import to_local
from bot.storage.models import Event


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + piece for piece in out[1:])]


def _utc(value: datetime) -> str:
    return as_utc(value).strftime("%Y%m%dT%H%M%SZ")


def event_ics(event: Event, *, tz: ZoneInfo, now: datetime, domain: str = "hotline.resovilles") -> bytes:
    assert event.starts_at is not None
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hotline des conseils citoyens//FR", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{event.slug}@{domain}", f"DTSTAMP:{_utc(now)}"]
    if event.all_day:
        first = to_local(event.starts_at, tz).date()
        end = to_local(event.ends_at, tz).date() if event.ends_at is not None else first + timedelta(days=1)
        lines += [f"DTSTART;VALUE=DATE:{first:%Y%m%d}", f"DTEND;VALUE=DATE:{max(end, first + timedelta(days=1)):%Y%m%d}"]
    else:
        end_at = event.ends_at or as_utc(event.starts_at) + timedelta(hours=2)
        lines += [f"DTSTART:{_utc(event.starts_at)}", f"DTEND:{_utc(end_at)}"]
    lines.append(f"SUMMARY:{_escape(event.title)}")
    if event.place:
        lines.append(f"LOCATION:{_escape(event.place)}")
    # No online link: the calendar file is offered on the public card; registrants get the link in the reminder.
    if event.description:
        lines.append(f"DESCRIPTION:{_escape(event.description.strip())}")
    lines += [f"STATUS:{'CANCELLED' if event.status == 'cancelled' else 'CONFIRMED'}",
              f"LAST-MODIFIED:{_utc(event.updated_at or now)}", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n").encode("utf-8")
