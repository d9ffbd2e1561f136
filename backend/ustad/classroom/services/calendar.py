"""The private calendar feed as RFC 5545 iCalendar text, written by hand (no dependency).

Lines end in CRLF and are folded at 75 octets without ever splitting a UTF-8 character; TEXT values
escape backslash, semicolon, comma and newlines. Times are in UTC (`…Z`), so no VTIMEZONE is needed and
every calendar app shows the class at the right moment in its own zone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings

from ustad.classroom.models import LiveSession, SessionStatus

PRODID = "-//Ustad//Live classes//EN"
LINE_OCTETS = 75
CALENDAR_NAME = "Ustad classes"


def ics_escape(text: str) -> str:
    """A TEXT value: control characters (other than tab and newlines) dropped, specials escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets; each continuation starts with one space
    (which counts toward its 75). A character is never split between two pieces."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        octets = len(ch.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += octets
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def session_url(session: LiveSession) -> str:
    return f"{settings.SITE_URL}/classroom/{session.id}"


def _sequence(session: LiveSession) -> int:
    """Grows whenever the session changes, so calendar apps replace their copy (seconds since creation)."""
    return max(0, int((session.updated_at - session.created_at).total_seconds()))


def _description(session: LiveSession) -> str:
    parts = [session.description.strip()] if session.description.strip() else []
    if session.course is not None:
        parts.append(session.course.title)
    parts.append(session_url(session))
    return "\n\n".join(parts)


def _event(session: LiveSession, *, now: datetime) -> list[str]:
    cancelled = session.status == SessionStatus.CANCELLED
    return [
        "BEGIN:VEVENT",
        f"UID:{session.id}@ustad",
        f"DTSTAMP:{ics_time(now)}",
        f"CREATED:{ics_time(session.created_at)}",
        f"LAST-MODIFIED:{ics_time(session.updated_at)}",
        f"SEQUENCE:{_sequence(session)}",
        f"DTSTART:{ics_time(session.starts_at)}",
        f"DTEND:{ics_time(session.ends_at)}",
        f"SUMMARY:{ics_escape(session.title)}",
        f"DESCRIPTION:{ics_escape(_description(session))}",
        f"URL:{session_url(session)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def calendar_text(*, sessions: Iterable[LiveSession], now: datetime, name: str = CALENDAR_NAME) -> str:
    """One VCALENDAR with a VEVENT per session, ready to serve as `text/calendar; charset=utf-8`."""
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    for session in sessions:
        lines.extend(_event(session, now=now))
    lines.append("END:VCALENDAR")
    return "".join(f"{ics_fold(line)}\r\n" for line in lines)
