"""Who may run, join and see a live session. The REST API and the room's websocket both ask here."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from ustad.classroom.models import JoinPolicy, LiveSession, Seat, SessionStatus
from ustad.courses import permissions as course_permissions

# Students may come in this long before the start (to test their microphone); tutors an hour before.
STUDENT_EARLY_ENTRY = timedelta(minutes=10)
TUTOR_EARLY_ENTRY = timedelta(hours=1)


def can_manage_session(user: Any, session: LiveSession) -> bool:
    """The tutor who scheduled it, the course's tutors, and admins."""
    if not user.is_authenticated:
        return False
    if course_permissions.is_admin(user) or session.owner_id == user.id:
        return True
    return session.course is not None and course_permissions.can_edit_course(user, session.course)


def is_attendee(user: Any, session: LiveSession) -> bool:
    """A student this session is for: enrolled in its course (course policy) or holding a seat."""
    if not user.is_authenticated:
        return False
    if Seat.objects.filter(session=session, student=user).exists():
        return True
    return (session.join_policy == JoinPolicy.COURSE and session.course is not None
            and course_permissions.active_enrollment(user, session.course) is not None)


def can_see_session(user: Any, session: LiveSession) -> bool:
    return can_manage_session(user, session) or is_attendee(user, session)


def entry_refusal(user: Any, session: LiveSession, *, manager: bool, now: Any = None,
                  attendee: bool | None = None) -> str | None:
    """Why the user may not enter the room now (a code), or None when they may.

    `attendee` spares a query when the caller already knows (a list computes it for a whole page at once).
    """
    now = now or timezone.now()
    if session.status == SessionStatus.CANCELLED:
        return "session_cancelled"
    if session.status == SessionStatus.ENDED:
        return "session_ended"
    if not manager and not (is_attendee(user, session) if attendee is None else attendee):
        return "not_invited"
    early = TUTOR_EARLY_ENTRY if manager else STUDENT_EARLY_ENTRY
    if session.status != SessionStatus.LIVE and now < session.starts_at - early:
        return "too_early"
    if session.status != SessionStatus.LIVE and now > session.ends_at:
        return "session_over"
    return None
