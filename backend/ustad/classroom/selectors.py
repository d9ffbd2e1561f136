"""Reads shared by the classroom API and the calendar feed: whose sessions are whose, in bounded queries.

A user's sessions are the ones they manage (their own, and their courses' as owner or co-tutor) and the
ones they attend (a seat, or an active enrolment in a course whose sessions are open to its students).
A session the user may not see answers exactly like a missing one, so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from ustad.classroom import permissions
from ustad.classroom.models import CalendarFeed, JoinPolicy, LiveSession, Seat
from ustad.core.errors import ApplicationError
from ustad.courses.models import Course, Enrollment, EnrollmentStatus
from ustad.courses.permissions import can_see_course, is_admin

# The calendar feed carries a month of history and a year ahead, at most this many sessions.
CALENDAR_PAST = timedelta(days=30)
CALENDAR_AHEAD = timedelta(days=365)
CALENDAR_MAX_SESSIONS = 1000


@dataclass(frozen=True)
class SessionFilters:
    starts_before: datetime | None = None  # `to`: sessions that start before this
    ends_after: datetime | None = None  # `from`: sessions still running at or after this
    course: str = ""  # course slug
    status: str = ""


@dataclass(frozen=True)
class SessionViewer:
    """What the viewer may do with one session; `entry_refusal` is None when they may enter the room now."""

    can_manage: bool
    is_attendee: bool
    entry_refusal: str | None

    @property
    def can_enter_now(self) -> bool:
        return self.entry_refusal is None


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", message="No class here.", status_code=404)


def _session_queryset() -> QuerySet[LiveSession]:
    seats = (Seat.objects.filter(session=OuterRef("pk")).order_by().values("session")
             .annotate(taken=Count("id")).values("taken"))
    return LiveSession.objects.select_related("course", "owner").annotate(
        seats_taken=Coalesce(Subquery(seats, output_field=IntegerField()), Value(0)))


def _managed_course_ids(user: Any) -> QuerySet[Course, Any]:
    return Course.objects.filter(Q(owner=user) | Q(co_tutors=user)).values("id")


def _visible_to(user: Any) -> Q:
    """Sessions the user manages or attends, as subqueries (no joins, so no duplicate rows)."""
    enrolled = Enrollment.objects.filter(student=user, status=EnrollmentStatus.ACTIVE).values("course_id")
    seats = Seat.objects.filter(student=user).values("session_id")
    return (Q(owner=user) | Q(course_id__in=_managed_course_ids(user)) | Q(id__in=seats)
            | Q(join_policy=JoinPolicy.COURSE, course_id__in=enrolled))


def _filtered(sessions: QuerySet[LiveSession], filters: SessionFilters) -> QuerySet[LiveSession]:
    if filters.ends_after is not None:
        sessions = sessions.filter(ends_at__gte=filters.ends_after)
    if filters.starts_before is not None:
        sessions = sessions.filter(starts_at__lt=filters.starts_before)
    if filters.course:
        sessions = sessions.filter(course__slug=filters.course)
    if filters.status:
        sessions = sessions.filter(status=filters.status)
    return sessions


def _upcoming_first(sessions: QuerySet[LiveSession], now: datetime) -> QuerySet[LiveSession]:
    """Sessions not over yet, soonest first; then past ones, latest first."""
    past = Case(When(ends_at__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField())
    upcoming_start = Case(When(ends_at__gte=now, then=F("starts_at")))
    return sessions.annotate(is_past=past).order_by("is_past", upcoming_start.asc(nulls_last=True), "-starts_at",
                                                    "id")


def session_list_for_user(*, user: Any, filters: SessionFilters, now: datetime | None = None
                          ) -> QuerySet[LiveSession]:
    """The caller's sessions: those they manage and those they attend (admins: their own, not everyone's)."""
    sessions = _filtered(_session_queryset().filter(_visible_to(user)), filters)
    return _upcoming_first(sessions, now or timezone.now())


def session_course_get_for_user(*, slug: str, user: Any) -> Course:
    """The course behind a class list, without the syllabus a course page loads; 404 when hidden."""
    course = Course.objects.filter(slug=slug).first()
    if course is None or not can_see_course(user, course):
        raise ApplicationError(code="not_found", message="No course here.", status_code=404)
    return course


def session_list_for_course(*, user: Any, course: Course, editor: bool, filters: SessionFilters,
                            now: datetime | None = None) -> QuerySet[LiveSession]:
    """A course's sessions: all of them for its tutors; for a student, the ones they may attend."""
    sessions = _session_queryset().filter(course=course)
    if not editor:
        seats = Seat.objects.filter(student=user).values("session_id")
        sessions = sessions.filter(Q(join_policy=JoinPolicy.COURSE) | Q(id__in=seats))
    return _upcoming_first(_filtered(sessions, filters), now or timezone.now())


def session_list_by_ids(*, ids: Iterable[Any]) -> list[LiveSession]:
    """Sessions just written, re-read with everything the Session shape needs, in start order."""
    return list(_session_queryset().filter(id__in=list(ids)).order_by("starts_at", "id"))


def session_get_for_user(*, user: Any, session_id: Any) -> LiveSession:
    """The session if the user manages or attends it; the same 404 when it is missing or not theirs."""
    session = _session_queryset().filter(id=session_id).first() if user.is_authenticated else None
    if session is None or not permissions.can_see_session(user, session):
        raise _not_found()
    return session


def session_get_for_manager(*, user: Any, session_id: Any) -> LiveSession:
    """404 for sessions the user cannot see at all; 403 for attendees, who see it but may not change it."""
    session = session_get_for_user(user=user, session_id=session_id)
    if not permissions.can_manage_session(user, session):
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="Only this class's tutors can change it.")
    return session


def session_get_for_booking(*, user: Any, session_id: Any) -> LiveSession:
    """A session someone with its link may book a seat in: any standalone class. A course's class answers
    404 to people who cannot see that course, so booking can't be used to probe unpublished courses."""
    session = _session_queryset().filter(id=session_id).first()
    if session is None:
        raise _not_found()
    if session.course is not None and not (permissions.can_see_session(user, session)
                                           or can_see_course(user, session.course)):
        raise _not_found()
    return session


def session_viewers(*, user: Any, sessions: Iterable[LiveSession], now: datetime | None = None
                    ) -> dict[Any, SessionViewer]:
    """The viewer block for every session of a page in at most three queries, whatever the page size.

    Same answers as `permissions.can_manage_session` / `is_attendee` (a test holds them together).
    """
    sessions = list(sessions)
    if not sessions or not user.is_authenticated:
        return {session.id: SessionViewer(can_manage=False, is_attendee=False, entry_refusal="not_invited")
                for session in sessions}
    now = now or timezone.now()
    admin = is_admin(user)
    course_ids = {session.course_id for session in sessions if session.course_id is not None}
    co_taught: set[Any] = set()
    enrolled: set[Any] = set()
    if course_ids:
        if not admin:
            co_taught = set(Course.co_tutors.through.objects.filter(course_id__in=course_ids, user_id=user.id)
                            .values_list("course_id", flat=True))
        enrolled = set(Enrollment.objects.filter(student=user, status=EnrollmentStatus.ACTIVE,
                                                 course_id__in=course_ids).values_list("course_id", flat=True))
    seated = set(Seat.objects.filter(student=user, session_id__in=[session.id for session in sessions])
                 .values_list("session_id", flat=True))
    viewers = {}
    for session in sessions:
        course = session.course
        manager = admin or session.owner_id == user.id or (
            course is not None and (course.owner_id == user.id or course.id in co_taught))
        attendee = session.id in seated or (session.join_policy == JoinPolicy.COURSE
                                            and session.course_id in enrolled)
        refusal = permissions.entry_refusal(user, session, manager=manager, now=now, attendee=attendee)
        viewers[session.id] = SessionViewer(can_manage=manager, is_attendee=attendee, entry_refusal=refusal)
    return viewers


def calendar_feed_user(*, token: str) -> Any:
    """The owner of a private calendar address; 404 for an unknown (or rotated-away) token."""
    feed = (CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
            if 0 < len(token) <= 64 else None)
    if feed is None:
        raise ApplicationError(code="not_found", message="No calendar at this address.", status_code=404)
    return feed.user


def session_list_for_calendar(*, user: Any, now: datetime) -> list[LiveSession]:
    """The feed's sessions: from a month ago to a year ahead; when there are too many, the soonest upcoming
    and the most recent past ones."""
    filters = SessionFilters(ends_after=now - CALENDAR_PAST, starts_before=now + CALENDAR_AHEAD)
    return list(session_list_for_user(user=user, filters=filters, now=now)[:CALENDAR_MAX_SESSIONS])
