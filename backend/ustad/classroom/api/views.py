"""Scheduling API: tutors schedule live classes, students see and book theirs, everyone gets a calendar feed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.classroom import selectors
from ustad.classroom.api.serializers import (
    AttendanceRowSerializer,
    CalendarLinkSerializer,
    SessionFilterSerializer,
    SessionInputSerializer,
    SessionSerializer,
    SessionUpdateInputSerializer,
)
from ustad.classroom.models import LiveSession, SessionStatus
from ustad.classroom.services import attendance, calendar, schedule
from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses import permissions as course_permissions
from ustad.courses import selectors as course_selectors
from ustad.courses.permissions import CanTeach

TAGS = ["classroom"]
# Every class a schedule request created: a plain list (the view's pagination is for GET only).
CREATED_SESSIONS = OpenApiResponse(response={"type": "array", "items": {"$ref": "#/components/schemas/Session"}},
                                   description="Every class created, in start order.")


def _in_timezone_of(request: Request, serializer_class: type, *, partial: bool = False) -> dict[str, Any]:
    """Validate with naive times read in the caller's own zone (a tutor types "Friday 17:00", not UTC)."""
    with timezone.override(getattr(request.user, "timezone", None) or "UTC"):
        return validated_data(serializer_class, request, partial=partial)


def _filters(request: Request, *, course: str = "") -> selectors.SessionFilters:
    with timezone.override(getattr(request.user, "timezone", None) or "UTC"):
        params = SessionFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
    data = params.validated_data
    return selectors.SessionFilters(ends_after=data.get("from"), starts_before=data.get("to"),
                                    course=course or data.get("course", ""), status=data.get("status", ""))


def _sessions_data(request: Request, sessions: Sequence[LiveSession]) -> Any:
    viewers = selectors.session_viewers(user=request.user, sessions=sessions)
    return SessionSerializer(sessions, many=True, context={"viewers": viewers}).data


def _session_response(request: Request, session_id: Any, status_code: int = status.HTTP_200_OK) -> Response:
    """The session re-read after a write, so seats and status are current."""
    session = selectors.session_list_by_ids(ids=[session_id])[0]
    return Response(_sessions_data(request, [session])[0], status=status_code)


class _PagedSessionList(generics.ListAPIView[LiveSession]):
    serializer_class = SessionSerializer
    queryset = LiveSession.objects.none()  # for the schema; get_queryset scopes to the caller

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        return self.get_paginated_response(_sessions_data(request, page))


class SessionCollectionView(_PagedSessionList):
    """GET: the caller's classes (those they teach and those they attend). POST: tutors schedule one."""

    def get_permissions(self) -> list[Any]:
        return [*super().get_permissions(), *([CanTeach()] if self.request.method == "POST" else [])]

    @extend_schema(parameters=[SessionFilterSerializer], tags=TAGS,
                   description="Classes not over yet come first, soonest first; then past ones, latest first. "
                               "Naive `from`/`to` are read in the caller's time zone.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return selectors.session_list_for_user(user=self.request.user, filters=_filters(self.request))

    @extend_schema(request=SessionInputSerializer, responses={201: CREATED_SESSIONS}, tags=TAGS,
                   description="Schedule one class, or a weekly series (every created class is returned). "
                               "Naive times are read in the tutor's time zone; a series keeps the same local "
                               "hour across daylight-saving changes.")
    def post(self, request: Request) -> Response:
        course = None
        slug = request.data.get("course") if hasattr(request.data, "get") else None
        if isinstance(slug, (str, int)) and str(slug):  # who may use the course is settled before the body
            course = course_selectors.course_get_for_editor(slug=str(slug), user=request.user)
        data = _in_timezone_of(request, SessionInputSerializer)
        recurrence = data.pop("recurrence", None)
        weekly = None if recurrence is None else schedule.Weekly(
            weekdays=recurrence["weekdays"], until=recurrence["until"], exceptions=recurrence["exceptions"])
        owner = request_user(request)
        created = schedule.session_schedule(owner=owner, course=course, data=data, zone=owner.timezone,
                                            weekly=weekly)
        sessions = selectors.session_list_by_ids(ids=[session.id for session in created])
        return Response(_sessions_data(request, sessions), status=status.HTTP_201_CREATED)


class SessionView(APIView):
    @extend_schema(responses={200: SessionSerializer}, tags=TAGS)
    def get(self, request: Request, pk: Any) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=pk)
        return Response(_sessions_data(request, [session])[0])

    @extend_schema(request=SessionUpdateInputSerializer, responses={200: SessionSerializer}, tags=TAGS,
                   description="Change a class that has not ended; its attendees hear of it at once.")
    def patch(self, request: Request, pk: Any) -> Response:
        session = selectors.session_get_for_manager(user=request.user, session_id=pk)
        data = _in_timezone_of(request, SessionUpdateInputSerializer, partial=True)
        updated = schedule.session_update(session=session, data=data)
        return _session_response(request, updated.id)


class SessionCancelView(APIView):
    @extend_schema(request=None, responses={200: SessionSerializer}, tags=TAGS,
                   description="Cancel a class (safe to repeat); its attendees hear of it at once.")
    def post(self, request: Request, pk: Any) -> Response:
        session = selectors.session_get_for_manager(user=request.user, session_id=pk)
        return _session_response(request, schedule.session_cancel(session=session).id)


class SessionSeatView(APIView):
    @extend_schema(request=None, responses={200: SessionSerializer, 201: SessionSerializer}, tags=TAGS,
                   description="Book a free seat in a standalone class (201; 200 when already booked). "
                               "409 `session_full`, `session_closed`, `course_session` (a course's class: "
                               "its students join through the course) or `teaches_session`.")
    def post(self, request: Request, pk: Any) -> Response:
        session = selectors.session_get_for_booking(user=request.user, session_id=pk)
        if session.course is not None:
            raise ApplicationError(code="course_session", status_code=409,
                                   message="This class belongs to a course: its students join through the course.")
        student = request_user(request)
        viewer = selectors.session_viewers(user=student, sessions=[session])[session.id]
        if viewer.can_manage:
            raise ApplicationError(code="teaches_session", status_code=409,
                                   message="You teach this class, so you need no seat.")
        if viewer.is_attendee:
            return _session_response(request, session.id)
        if session.seat_price_amount > 0:
            raise ApplicationError(code="payment_required", status_code=402,
                                   message="Seats in this class are paid: buy one to book it.")
        schedule.seat_grant(student=student, session=session, source="free")
        return _session_response(request, session.id, status.HTTP_201_CREATED)


class CourseSessionListView(_PagedSessionList):
    """A course's classes: all of them for its tutors, the ones they may join for its students."""

    @extend_schema(parameters=[SessionFilterSerializer], tags=TAGS,
                   description="403 `not_enrolled` for people who are neither the course's tutors nor its "
                               "students. The `course` filter is ignored here.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        course = selectors.session_course_get_for_user(slug=self.kwargs["slug"], user=self.request.user)
        editor = course_permissions.can_edit_course(self.request.user, course)
        if not editor and course_permissions.active_enrollment(self.request.user, course) is None:
            raise ApplicationError(code="not_enrolled", status_code=403,
                                   message="Enrol in this course to see its live classes.")
        filters = _filters(self.request, course=course.slug)
        return selectors.session_list_for_course(user=self.request.user, course=course, editor=editor,
                                                 filters=filters)


def _calendar_link(token: str) -> dict[str, str]:
    url = f"{settings.SITE_URL}{reverse('v1:calendar-feed', kwargs={'token': token})}"
    return {"url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


class MyCalendarView(APIView):
    @extend_schema(responses={200: CalendarLinkSerializer}, tags=TAGS,
                   description="The caller's private calendar address (made on first use). Anyone holding "
                               "it can read the caller's class times: rotate it if it leaks.")
    def get(self, request: Request) -> Response:
        return Response(_calendar_link(schedule.calendar_feed_token(user=request_user(request))))


class MyCalendarRotateView(APIView):
    @extend_schema(request=None, responses={200: CalendarLinkSerializer}, tags=TAGS,
                   description="A new private calendar address; the old one stops working at once.")
    def post(self, request: Request) -> Response:
        return Response(_calendar_link(schedule.calendar_feed_rotate(user=request_user(request))))


class CalendarFeedView(APIView):
    """The iCalendar feed itself. No sign-in (calendar apps can't): the secret address is the key."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR,
                              404: OpenApiResponse(description="No calendar at this address")},
                   tags=TAGS, operation_id="calendar_feed",
                   description="Classes from 30 days ago to a year ahead, in UTC.")
    def get(self, request: Request, token: str) -> HttpResponse:
        user = selectors.calendar_feed_user(token=token)
        now = timezone.now()
        text = calendar.calendar_text(sessions=selectors.session_list_for_calendar(user=user, now=now), now=now)
        response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="ustad.ics"'
        response["Cache-Control"] = "private, max-age=300"
        response["X-Robots-Tag"] = "noindex"
        return response


def _csv_download(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class SessionAttendanceView(APIView):
    @extend_schema(responses={200: AttendanceRowSerializer(many=True)}, tags=TAGS,
                   description="Minutes present and present / late / absent for every student of the class, "
                               "by the class's own rule (`late_after_minutes`, `present_min_percent`).")
    def get(self, request: Request, pk: Any) -> Response:
        session = selectors.session_get_for_manager(user=request.user, session_id=pk)
        rows = attendance.session_attendance(session=session)
        return Response(AttendanceRowSerializer([row.__dict__ for row in rows], many=True).data)


class SessionAttendanceCsvView(APIView):
    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, tags=TAGS)
    def get(self, request: Request, pk: Any) -> HttpResponse:
        session = selectors.session_get_for_manager(user=request.user, session_id=pk)
        return _csv_download(attendance.session_attendance_csv(session=session), f"attendance-{session.id}.csv")


class CourseAttendanceCsvView(APIView):
    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, tags=TAGS,
                   description="One row per student, one column per class of the course that has started.")
    def get(self, request: Request, slug: str) -> HttpResponse:
        course = course_selectors.course_get_for_editor(slug=slug, user=request.user)
        sessions = list(LiveSession.objects.filter(course=course, starts_at__lte=timezone.now())
                        .exclude(status=SessionStatus.CANCELLED).select_related("course").order_by("starts_at"))
        return _csv_download(attendance.course_attendance_csv(sessions=sessions), f"{course.slug}-attendance.csv")
