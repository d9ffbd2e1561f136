"""Scheduling live sessions: one-off or weekly, editing and cancelling (attendees hear at once), seats."""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ustad.classroom.emails import SessionEmail
from ustad.classroom.models import CalendarFeed, JoinPolicy, LiveSession, Seat, SessionSeries, SessionStatus
from ustad.core.errors import ApplicationError
from ustad.core.realtime import send_event_on_commit
from ustad.courses.models import Course, Enrollment, EnrollmentStatus

MAX_OCCURRENCES = 100
MAX_DURATION = timedelta(hours=12)
SESSION_FIELDS = ("title", "description", "capacity", "waiting_room", "late_after_minutes", "present_min_percent",
                  "face_presence", "seat_price_amount", "seat_currency")


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message="Check the highlighted fields.", fields={field: [message]})


@dataclass(frozen=True)
class Weekly:
    weekdays: list[int]
    until: date
    exceptions: list[date]


def weekly_starts(*, first: datetime, rule: Weekly, zone: str) -> Iterator[datetime]:
    """Start times of a weekly series at the same local hour, skipping the exception dates."""
    tz = ZoneInfo(zone)
    local = first.astimezone(tz)
    day, at = local.date(), time(local.hour, local.minute)
    while day <= rule.until:
        if day.weekday() in rule.weekdays and day not in rule.exceptions:
            yield datetime.combine(day, at, tzinfo=tz)
        day += timedelta(days=1)


def _check_times(starts_at: datetime, ends_at: datetime, *, new_start: bool = True) -> None:
    """A new start may not lie in the past; a live class may still move its end (not into the past)."""
    now = timezone.now()
    if new_start and starts_at < now - timedelta(minutes=5):
        raise _invalid("starts_at", "The start has already passed; choose a later time.")
    if not new_start and ends_at <= now:
        raise _invalid("ends_at", "The end has already passed; choose a later time.")
    if ends_at <= starts_at:
        raise _invalid("ends_at", "The end must come after the start.")
    if ends_at - starts_at > MAX_DURATION:
        raise _invalid("ends_at", "A class can last at most 12 hours.")


@transaction.atomic
def session_schedule(*, owner: Any, course: Course | None, data: dict[str, Any], zone: str,
                     weekly: Weekly | None = None) -> list[LiveSession]:
    """Create one session, or every session of a weekly series. Standalone classes are for seat holders."""
    starts_at, ends_at = data["starts_at"], data["ends_at"]
    _check_times(starts_at, ends_at)
    if course is None and data.get("join_policy") == JoinPolicy.COURSE:
        raise _invalid("join_policy", "A class without a course is open to students holding a seat.")
    policy = JoinPolicy.SEATS if course is None else data.get("join_policy", JoinPolicy.COURSE)
    fields = {field: data[field] for field in SESSION_FIELDS if field in data}
    if weekly is None:
        starts = [starts_at]
        series = None
    else:
        if not weekly.weekdays:
            raise _invalid("recurrence.weekdays", "Choose at least one day of the week.")
        if weekly.until < starts_at.astimezone(ZoneInfo(zone)).date():
            raise _invalid("recurrence.until", "The series must end on or after its first class.")
        starts = []
        for start in weekly_starts(first=starts_at, rule=weekly, zone=zone):
            starts.append(start)
            if len(starts) > MAX_OCCURRENCES:
                raise _invalid("recurrence.until", f"A series can have at most {MAX_OCCURRENCES} classes.")
        if not starts:
            raise _invalid("recurrence.weekdays", "No class falls on the chosen days in that period.")
        local_start = starts_at.astimezone(ZoneInfo(zone))
        series = SessionSeries.objects.create(
            owner=owner, course=course, weekdays=sorted(set(weekly.weekdays)),
            start_time=time(local_start.hour, local_start.minute),
            duration_minutes=int((ends_at - starts_at).total_seconds() // 60),
            first_date=local_start.date(), until_date=weekly.until, exceptions=weekly.exceptions, timezone=zone)
    duration = ends_at - starts_at
    sessions = [LiveSession(owner=owner, course=course, series=series, starts_at=start, ends_at=start + duration,
                            timezone=zone, join_policy=policy, **fields) for start in starts]
    for session in sessions:
        session.full_clean()
    created = LiveSession.objects.bulk_create(sessions)
    _notify(created[0], op="scheduled", every=created)
    return created


@transaction.atomic
def session_update(*, session: LiveSession, data: dict[str, Any]) -> LiveSession:
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if session.status in (SessionStatus.ENDED, SessionStatus.CANCELLED):
        raise ApplicationError(code="session_closed", status_code=409,
                               message="This class has ended or was cancelled; it can no longer change.")
    starts_at, ends_at = data.get("starts_at", session.starts_at), data.get("ends_at", session.ends_at)
    if "starts_at" in data or "ends_at" in data:
        _check_times(starts_at, ends_at, new_start=starts_at != session.starts_at)
    if data.get("capacity") is not None:
        taken = Seat.objects.filter(session=session).count()
        if data["capacity"] < taken:
            raise _invalid("capacity", f"{taken} seats are already booked; the class needs at least that many.")
    session.starts_at, session.ends_at = starts_at, ends_at
    for field in SESSION_FIELDS:
        if field in data:
            setattr(session, field, data[field])
    session.full_clean()
    session.save()
    _notify(session, op="updated")
    _zoom_follow(session)
    return session


@transaction.atomic
def session_cancel(*, session: LiveSession) -> LiveSession:
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if session.status == SessionStatus.ENDED:
        raise ApplicationError(code="session_closed", status_code=409, message="This class has already ended.")
    if session.status != SessionStatus.CANCELLED:
        session.status = SessionStatus.CANCELLED
        session.save(update_fields=["status", "updated_at"])
        _notify(session, op="cancelled")
        _zoom_follow(session)
    return session


def _zoom_follow(session: LiveSession) -> None:
    """A class with a Zoom meeting has the change carried to Zoom by the worker (retried while Zoom is down)."""
    if session.zoom_meeting_id:
        from ustad.classroom.tasks import zoom_meeting_sync_task

        session_id = str(session.id)
        transaction.on_commit(lambda: zoom_meeting_sync_task.delay(session_id))


def attendee_ids(session: LiveSession) -> list[Any]:
    """Students this session is for: seat holders, and the course's students under the course policy."""
    ids = set(Seat.objects.filter(session=session).values_list("student_id", flat=True))
    if session.join_policy == JoinPolicy.COURSE and session.course_id is not None:
        ids.update(Enrollment.objects.filter(course_id=session.course_id, status=EnrollmentStatus.ACTIVE)
                   .values_list("student_id", flat=True))
    return sorted(ids, key=str)


def _notify(session: LiveSession, *, op: SessionEmail, every: Sequence[LiveSession] = ()) -> None:
    """Attendees hear at once over the notifications socket, and by e-mail with a calendar file."""
    from ustad.classroom.tasks import send_session_emails  # the task module builds on this one

    send_event_on_commit(user_ids=attendee_ids(session), event={
        "type": "session", "op": op, "session_id": str(session.id), "title": session.title,
        "starts_at": session.starts_at.isoformat(), "status": session.status})
    ids = [str(each.id) for each in (every or [session])]
    transaction.on_commit(lambda: send_session_emails.delay(ids, op))


@transaction.atomic
def seat_grant(*, student: Any, session: LiveSession, source: str) -> Seat:
    """The one door into a session by seat: free booking now, a paid seat from the payments service later."""
    session = LiveSession.objects.select_for_update().get(id=session.id)
    existing = Seat.objects.filter(session=session, student=student).first()
    if existing is not None:
        return existing
    if session.status in (SessionStatus.ENDED, SessionStatus.CANCELLED) or session.ends_at <= timezone.now():
        raise ApplicationError(code="session_closed", status_code=409, message="This class is no longer open.")
    if session.capacity is not None and Seat.objects.filter(session=session).count() >= session.capacity:
        raise ApplicationError(code="session_full", status_code=409, message="Every seat in this class is taken.")
    seat = Seat.objects.create(session=session, student=student, source=source)
    from ustad.classroom.tasks import send_session_emails  # the task module builds on this one

    transaction.on_commit(lambda: send_session_emails.delay([str(session.id)], "scheduled", [str(student.id)]))
    return seat


def calendar_feed_token(*, user: Any) -> str:
    feed, _ = CalendarFeed.objects.get_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    return feed.token


def calendar_feed_rotate(*, user: Any) -> str:
    """A new private calendar address; the old one stops working at once."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(user=user, defaults={"token": token})
    return token


def seat_revoke(*, student: Any, session: LiveSession) -> bool:
    """Take a seat back (a refunded or charged-back purchase). Returns whether there was one."""
    deleted, _ = Seat.objects.filter(session=session, student=student).delete()
    return bool(deleted)
