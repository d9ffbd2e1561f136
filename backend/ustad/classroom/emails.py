"""Class invitations by e-mail, in the recipient's language and time zone, with an .ics file attached so
one click puts the class (or the whole weekly series) in Google Calendar, Outlook or Apple Calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from ustad.classroom.models import LiveSession
from ustad.classroom.services.calendar import calendar_text, session_url
from ustad.users.models import User

SessionEmail = Literal["scheduled", "updated", "cancelled"]


def _zone(user: User) -> ZoneInfo:
    try:
        return ZoneInfo(user.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%a %d %b %Y, %H:%M")


def session_email_build(*, op: SessionEmail, user: User, sessions: Sequence[LiveSession]) -> EmailMessage:
    first = sessions[0]
    zone = _zone(user)
    language = user.language if user.language in ("en", "ur") else "en"
    text = render_to_string(f"classroom/emails/session.{language}.txt", {
        "op": op, "user": user, "session": first, "count": len(sessions), "zone": str(zone),
        "starts": _when(first.starts_at, zone), "ends": first.ends_at.astimezone(zone).strftime("%H:%M"),
        "last": _when(sessions[-1].starts_at, zone), "link": session_url(first),
        "course": first.course.title if first.course else ""})
    subject, _, body = text.partition("\n")
    message = EmailMessage(subject=subject.strip(), body=body.lstrip(), to=[user.email])
    message.attach("class.ics", calendar_text(sessions=sessions, now=timezone.now(), name=first.title),
                   "text/calendar; charset=utf-8; method=PUBLISH")
    return message
