"""Scheduling API: one-off and weekly classes in the tutor's zone, who sees what, editing and cancelling
(attendees hear at once), seat booking, and the cost of the lists."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from ustad.classroom import permissions
from ustad.classroom.api.serializers import ENTRY_REFUSALS
from ustad.classroom.models import LiveSession, Seat, SessionSeries, SessionStatus
from ustad.classroom.selectors import session_viewers
from ustad.core.realtime import user_group
from ustad.courses.models import CourseStatus
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

KARACHI = ZoneInfo("Asia/Karachi")
SESSION_KEYS = {"id", "title", "description", "course", "owner", "starts_at", "ends_at", "timezone", "capacity",
                "join_policy", "waiting_room", "late_after_minutes", "present_min_percent", "face_presence",
                "seat_price_amount", "seat_currency", "status", "series_id", "seats_taken", "viewer", "room_url"}


def local_day(days: int, zone: ZoneInfo = KARACHI) -> date:
    return (timezone.now() + timedelta(days=days)).astimezone(zone).date()


def naive(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute)).isoformat()


def make_session(course: Any = None, *, owner: Any = None, start: timedelta = timedelta(days=1),
                 minutes: int = 60, **fields: Any) -> LiveSession:
    now = timezone.now()
    if course is None:
        fields.setdefault("join_policy", "seats")
    return LiveSession.objects.create(owner=owner or course.owner, course=course, title=fields.pop("title", "Class"),
                                      timezone="Asia/Karachi", starts_at=now + start,
                                      ends_at=now + start + timedelta(minutes=minutes), **fields)


@pytest.fixture
def course(tutor):
    return course_with_lessons(owner=tutor)


@pytest.fixture
def enrolled(student, course):
    EnrollmentFactory(student=student, course=course)
    return student


def post_session(client: Any, **body: Any) -> Any:
    day = local_day(7)
    payload = {"title": "Algebra live", "starts_at": naive(day, 17), "ends_at": naive(day, 18), **body}
    return client.post("/api/v1/sessions", payload, format="json")


# Scheduling ---------------------------------------------------------------------------------------

def test_tutor_schedules_a_class_for_their_course_in_their_own_time_zone(tutor_client, course, enrolled):
    day = local_day(7)
    response = post_session(tutor_client, course=course.slug, description="Chapter 3", capacity=30,
                            waiting_room=True, starts_at=naive(day, 17), ends_at=naive(day, 18, 30))
    assert response.status_code == 201, response.content
    (session,) = response.json()
    assert set(session) == SESSION_KEYS
    assert session["starts_at"] == f"{day}T12:00:00Z"  # 17:00 in Karachi is 12:00 UTC
    assert session["ends_at"] == f"{day}T13:30:00Z"
    assert session["timezone"] == "Asia/Karachi"
    assert session["course"] == {"slug": course.slug, "title": course.title}
    assert session["owner"]["id"] == str(course.owner_id) and "email" not in session["owner"]
    assert session["join_policy"] == "course" and session["status"] == "scheduled"
    assert session["waiting_room"] is True and session["capacity"] == 30 and session["series_id"] is None
    assert session["seats_taken"] == 0
    assert session["viewer"] == {"can_manage": True, "can_enter_now": False, "entry_refusal": "too_early"}
    assert session["room_url"] == f"/classroom/{session['id']}"
    student_view = client_for(enrolled).get(f"/api/v1/sessions/{session['id']}").json()
    assert student_view["viewer"] == {"can_manage": False, "can_enter_now": False, "entry_refusal": "too_early"}


def test_times_with_an_offset_are_taken_as_given(tutor_client):
    day = local_day(7)
    response = post_session(tutor_client, starts_at=f"{day}T09:00:00Z", ends_at=f"{day}T11:00:00+01:00")
    assert response.status_code == 201, response.content
    assert response.json()[0]["starts_at"] == f"{day}T09:00:00Z"
    assert response.json()[0]["ends_at"] == f"{day}T10:00:00Z"


def test_a_standalone_class_is_for_seat_holders(tutor_client):
    response = post_session(tutor_client, capacity=5)
    assert response.status_code == 201, response.content
    session = response.json()[0]
    assert session["course"] is None and session["join_policy"] == "seats" and session["capacity"] == 5


def test_weekly_series_on_two_days_skips_the_exception(tutor_client, course):
    first = local_day(3)
    while first.weekday() != 0:  # a Monday
        first += timedelta(days=1)
    until = first + timedelta(days=20)  # three Mondays and three Thursdays
    skipped = first + timedelta(days=10)  # the second Thursday
    response = post_session(tutor_client, course=course.slug, starts_at=naive(first, 16), ends_at=naive(first, 17),
                            recurrence={"weekdays": [3, 0], "until": str(until), "exceptions": [str(skipped)]})
    assert response.status_code == 201, response.content
    sessions = response.json()
    starts = [datetime.fromisoformat(s["starts_at"]).astimezone(KARACHI) for s in sessions]
    assert [start.date() for start in starts] == [first + timedelta(days=d) for d in (0, 3, 7, 14, 17)]
    assert {start.time() for start in starts} == {time(16)}
    assert len({s["series_id"] for s in sessions}) == 1 and sessions[0]["series_id"] is not None
    series = SessionSeries.objects.get(id=sessions[0]["series_id"])
    assert series.weekdays == [0, 3] and series.exceptions == [skipped] and series.until_date == until


def _next_dst_change(zone: ZoneInfo) -> date:
    day = local_day(2, zone)
    offset = datetime.combine(day, time(18), tzinfo=zone).utcoffset()
    for _ in range(400):
        day += timedelta(days=1)
        if datetime.combine(day, time(18), tzinfo=zone).utcoffset() != offset:
            return day
    raise AssertionError("no daylight-saving change within a year")


def test_weekly_series_keeps_the_local_hour_across_a_daylight_saving_change(tutor, tutor_client):
    tutor.timezone = "Europe/London"
    tutor.save()
    london = ZoneInfo("Europe/London")
    change = _next_dst_change(london)
    first = max(local_day(2, london), change - timedelta(days=14))
    response = post_session(tutor_client, starts_at=naive(first, 18), ends_at=naive(first, 19),
                            recurrence={"weekdays": [first.weekday()], "until": str(change + timedelta(days=21))})
    assert response.status_code == 201, response.content
    starts = [datetime.fromisoformat(s["starts_at"]) for s in response.json()]
    assert {start.astimezone(london).time() for start in starts} == {time(18)}
    assert len({start.hour for start in starts}) == 2  # the UTC hour moves with the clocks
    assert all(s["timezone"] == "Europe/London" for s in response.json())


def test_a_series_holds_at_most_100_classes(tutor_client):
    first = local_day(2)
    body = {"starts_at": naive(first, 8), "ends_at": naive(first, 9)}
    ok = post_session(tutor_client, **body, recurrence={"weekdays": list(range(7)),
                                                        "until": str(first + timedelta(days=99))})
    assert ok.status_code == 201 and len(ok.json()) == 100
    too_many = post_session(tutor_client, **body, recurrence={"weekdays": list(range(7)),
                                                              "until": str(first + timedelta(days=100))})
    assert too_many.status_code == 400
    assert "recurrence.until" in too_many.json()["error"]["fields"]


@pytest.mark.parametrize(("change", "field"), [
    ({"ends_at": "start-1h"}, "ends_at"),
    ({"ends_at": "start"}, "ends_at"),
    ({"ends_at": "start+13h"}, "ends_at"),
    ({"starts_at": "past"}, "starts_at"),
    ({"starts_at": "not a date"}, "starts_at"),
    ({"capacity": 5000}, "capacity"),
    ({"capacity": 0}, "capacity"),
    ({"title": ""}, "title"),
    ({"title": "x" * 161}, "title"),
    ({"join_policy": "course"}, "join_policy"),  # a standalone class can't be open to a course
    ({"join_policy": "everyone"}, "join_policy"),
    ({"late_after_minutes": 1000}, "late_after_minutes"),
    ({"recurrence": {"weekdays": [7], "until": "+30"}}, "recurrence.weekdays.0"),
    ({"recurrence": {"weekdays": [-1], "until": "+30"}}, "recurrence.weekdays.0"),
    ({"recurrence": {"weekdays": [1, 1], "until": "+30"}}, "recurrence.weekdays"),
    ({"recurrence": {"weekdays": [], "until": "+30"}}, "recurrence.weekdays"),
    ({"recurrence": {"weekdays": [1], "until": "-30"}}, "recurrence.until"),
    ({"recurrence": {"weekdays": [1]}}, "recurrence.until"),
])
def test_bad_input_is_refused_with_the_field_named(tutor_client, change, field):
    day = local_day(7)
    start = datetime.combine(day, time(17))
    values = {"start-1h": start - timedelta(hours=1), "start": start, "start+13h": start + timedelta(hours=13),
              "past": start - timedelta(days=30)}
    body = {key: values[value].isoformat() if isinstance(value, str) and value in values else value
            for key, value in change.items()}
    if "recurrence" in change and "until" in change["recurrence"]:
        days = int(change["recurrence"]["until"])
        body["recurrence"] = {**change["recurrence"], "until": str(day + timedelta(days=days))}
    response = post_session(tutor_client, **body)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"], error
    assert not LiveSession.objects.exists()


def test_only_tutors_schedule_and_only_in_courses_they_teach(student_client, tutor_client, api_client, course,
                                                            admin_user):
    other = course_with_lessons()
    draft = course_with_lessons(status=CourseStatus.DRAFT, published_at=None)
    assert post_session(api_client).status_code == 401
    refused = student_client.post("/api/v1/sessions", {"nonsense": True}, format="json")  # role before body
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "permission_denied"
    assert post_session(tutor_client, course=other.slug).status_code == 403
    assert post_session(tutor_client, course=draft.slug).status_code == 404
    assert post_session(tutor_client, course="no-such-course").status_code == 404
    assert not LiveSession.objects.exists()
    co_tutor = TutorFactory()
    other.co_tutors.add(co_tutor)
    assert post_session(client_for(co_tutor), course=other.slug).status_code == 201
    assert post_session(client_for(admin_user), course=other.slug).status_code == 201


def test_enrolled_students_hear_of_a_new_class(tutor_client, course, enrolled, django_capture_on_commit_callbacks):
    with listening(enrolled) as receive, django_capture_on_commit_callbacks(execute=True):
        response = post_session(tutor_client, course=course.slug)
    assert response.status_code == 201
    event = receive()
    assert event["type"] == "session" and event["op"] == "scheduled"
    assert event["session_id"] == response.json()[0]["id"]


# Who sees what ------------------------------------------------------------------------------------

@pytest.fixture
def two_courses(db: None) -> dict[str, Any]:
    """Course A (tutor_a, student_a) and course B (tutor_b, student_b), each with classes; a standalone
    class by tutor_a in which student_a holds a seat, and one nobody booked."""
    tutor_a, tutor_b = TutorFactory(), TutorFactory()
    course_a, course_b = course_with_lessons(owner=tutor_a), course_with_lessons(owner=tutor_b)
    student_a, student_b = StudentFactory(), StudentFactory()
    EnrollmentFactory(student=student_a, course=course_a)
    EnrollmentFactory(student=student_b, course=course_b)
    sessions = {
        "a_soon": make_session(course_a, start=timedelta(days=1), title="A soon"),
        "a_later": make_session(course_a, start=timedelta(days=8), title="A later"),
        "a_past": make_session(course_a, start=-timedelta(days=3), title="A past", status=SessionStatus.ENDED),
        "a_older": make_session(course_a, start=-timedelta(days=10), title="A older", status=SessionStatus.ENDED),
        "a_seats_only": make_session(course_a, start=timedelta(days=2), join_policy="seats", title="A seats"),
        "b_soon": make_session(course_b, start=timedelta(days=1), title="B soon"),
        "standalone": make_session(owner=tutor_a, start=timedelta(days=4), title="Standalone", capacity=2),
        "unbooked": make_session(owner=tutor_a, start=timedelta(days=5), title="Unbooked"),
    }
    Seat.objects.create(session=sessions["standalone"], student=student_a)
    return {"tutor_a": tutor_a, "tutor_b": tutor_b, "course_a": course_a, "course_b": course_b,
            "student_a": student_a, "student_b": student_b, "sessions": sessions}


def titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_students_see_only_their_classes_upcoming_first(two_courses):
    client = client_for(two_courses["student_a"])
    assert titles(client.get("/api/v1/sessions")) == ["A soon", "Standalone", "A later", "A past", "A older"]
    assert titles(client_for(two_courses["student_b"]).get("/api/v1/sessions")) == ["B soon"]
    assert titles(client_for(StudentFactory()).get("/api/v1/sessions")) == []


def test_tutors_see_the_classes_they_teach(two_courses):
    tutor_a = client_for(two_courses["tutor_a"])
    assert titles(tutor_a.get("/api/v1/sessions")) == ["A soon", "A seats", "Standalone", "Unbooked", "A later",
                                                      "A past", "A older"]
    assert titles(client_for(two_courses["tutor_b"]).get("/api/v1/sessions")) == ["B soon"]
    co_tutor = TutorFactory()
    two_courses["course_b"].co_tutors.add(co_tutor)
    items = client_for(co_tutor).get("/api/v1/sessions").json()["results"]
    assert [item["title"] for item in items] == ["B soon"] and items[0]["viewer"]["can_manage"] is True


def test_list_filters(two_courses):
    client = client_for(two_courses["tutor_a"])
    now = timezone.now()
    window = {"from": now.isoformat(), "to": (now + timedelta(days=4, hours=12)).isoformat()}
    assert titles(client.get("/api/v1/sessions", window)) == ["A soon", "A seats", "Standalone"]
    assert titles(client.get("/api/v1/sessions", {"status": "ended"})) == ["A past", "A older"]
    assert titles(client.get("/api/v1/sessions", {"course": two_courses["course_a"].slug, "from": now.isoformat()})) \
        == ["A soon", "A seats", "A later"]
    assert titles(client.get("/api/v1/sessions", {"course": two_courses["course_b"].slug})) == []
    assert titles(client.get("/api/v1/sessions", {"page_size": 2})) == ["A soon", "A seats"]
    for bad in ({"from": "yesterday"}, {"status": "deleted"}, {"from": now.isoformat(), "to": now.isoformat()}):
        response = client.get("/api/v1/sessions", bad)
        assert response.status_code == 400 and response.json()["error"]["code"] == "validation_error", bad


def test_naive_from_and_to_are_read_in_the_callers_zone(tutor, tutor_client, course):
    day = local_day(5)
    make_session(course, start=datetime.combine(day, time(9), tzinfo=KARACHI) - timezone.now(), title="Morning")
    make_session(course, start=datetime.combine(day, time(20), tzinfo=KARACHI) - timezone.now(), title="Evening")
    params = {"from": naive(day, 0), "to": naive(day, 12)}  # Karachi's morning, not UTC's
    assert titles(tutor_client.get("/api/v1/sessions", params)) == ["Morning"]


def test_students_cannot_read_other_courses_classes(two_courses, admin_user):
    """IDOR: a class of another course answers exactly like a class that does not exist."""
    client = client_for(two_courses["student_a"])
    sessions = two_courses["sessions"]
    foreign = client.get(f"/api/v1/sessions/{sessions['b_soon'].id}")
    missing = client.get(f"/api/v1/sessions/{uuid4()}")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()
    for name in ("a_seats_only", "unbooked"):  # classes of their own tutor they hold no seat in
        assert client.get(f"/api/v1/sessions/{sessions[name].id}").status_code == 404
    for path in ("", "/cancel"):
        method = client.patch if not path else client.post
        assert method(f"/api/v1/sessions/{sessions['b_soon'].id}{path}", {}, format="json").status_code == 404
        denied = method(f"/api/v1/sessions/{sessions['a_soon'].id}{path}", {"title": "Mine now"}, format="json")
        assert denied.status_code == 403 and denied.json()["error"]["code"] == "permission_denied"
    other_tutor = client_for(two_courses["tutor_b"])
    assert other_tutor.patch(f"/api/v1/sessions/{sessions['a_soon'].id}", {}, format="json").status_code == 404
    assert client_for(admin_user).get(f"/api/v1/sessions/{sessions['b_soon'].id}").status_code == 200
    assert LiveSession.objects.get(id=sessions["a_soon"].id).title == "A soon"


def test_course_sessions_for_its_tutors_and_students(two_courses, admin_user):
    url = f"/api/v1/courses/{two_courses['course_a'].slug}/sessions"
    assert titles(client_for(two_courses["tutor_a"]).get(url)) == ["A soon", "A seats", "A later", "A past",
                                                                    "A older"]
    assert titles(client_for(two_courses["student_a"]).get(url)) == ["A soon", "A later", "A past", "A older"]
    assert titles(client_for(two_courses["student_a"]).get(url, {"status": "ended"})) == ["A past", "A older"]
    assert len(titles(client_for(admin_user).get(url))) == 5
    outsider = client_for(two_courses["student_b"]).get(url)
    assert outsider.status_code == 403 and outsider.json()["error"]["code"] == "not_enrolled"
    assert client_for(two_courses["tutor_b"]).get(url).status_code == 403
    draft = course_with_lessons(status=CourseStatus.DRAFT, published_at=None)
    assert client_for(two_courses["student_a"]).get(f"/api/v1/courses/{draft.slug}/sessions").status_code == 404


# Editing and cancelling -----------------------------------------------------------------------------

def test_tutor_moves_a_class_with_naive_local_times(tutor_client, course):
    session = make_session(course)
    day = local_day(9)
    response = tutor_client.patch(f"/api/v1/sessions/{session.id}", {
        "title": "Moved", "starts_at": naive(day, 10), "ends_at": naive(day, 11), "capacity": None},
        format="json")
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Moved" and response.json()["starts_at"] == f"{day}T05:00:00Z"
    bad = tutor_client.patch(f"/api/v1/sessions/{session.id}", {"ends_at": naive(day, 9)}, format="json")
    assert bad.status_code == 400 and "ends_at" in bad.json()["error"]["fields"]


def test_a_live_class_may_run_longer_but_not_end_in_the_past(tutor_client, course):
    session = make_session(course, start=-timedelta(minutes=30), status=SessionStatus.LIVE)
    url = f"/api/v1/sessions/{session.id}"
    longer = tutor_client.patch(url, {"ends_at": (session.ends_at + timedelta(minutes=30)).isoformat()},
                                format="json")
    assert longer.status_code == 200, longer.content
    past = tutor_client.patch(url, {"ends_at": (timezone.now() - timedelta(minutes=1)).isoformat()}, format="json")
    assert past.status_code == 400 and "ends_at" in past.json()["error"]["fields"]
    moved = tutor_client.patch(url, {"starts_at": (session.starts_at - timedelta(minutes=60)).isoformat()},
                               format="json")
    assert moved.status_code == 400 and "starts_at" in moved.json()["error"]["fields"]


def test_capacity_cannot_drop_below_the_seats_booked(two_courses):
    session = two_courses["sessions"]["standalone"]
    Seat.objects.create(session=session, student=StudentFactory())
    client = client_for(two_courses["tutor_a"])
    refused = client.patch(f"/api/v1/sessions/{session.id}", {"capacity": 1}, format="json")
    assert refused.status_code == 400 and "capacity" in refused.json()["error"]["fields"]
    assert client.patch(f"/api/v1/sessions/{session.id}", {"capacity": 2}, format="json").status_code == 200


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59",
                                    "9999-12-31T23:59:59-12:00", "2026-02-30T10:00:00"])
def test_extreme_times_are_answered_without_a_server_error(tutor_client, moment):
    for params in ({"from": moment}, {"to": moment}):
        assert tutor_client.get("/api/v1/sessions", params).status_code in (200, 400)
    response = post_session(tutor_client, starts_at=moment, ends_at=moment)
    assert response.status_code == 400
    day = local_day(7)
    response = post_session(tutor_client, ends_at=moment, recurrence={"weekdays": [0], "until": "9999-12-31"})
    assert response.status_code == 400
    response = post_session(tutor_client, starts_at=naive(day, 10), ends_at=naive(day, 11),
                            recurrence={"weekdays": [0], "until": "9999-12-31"})
    assert response.status_code == 400


def test_a_course_given_as_a_number_is_still_checked(tutor_client):
    course_with_lessons(slug="2024")  # another tutor's course
    assert post_session(tutor_client, course=2024).status_code == 403
    assert post_session(tutor_client, course=2025).status_code == 404
    assert not LiveSession.objects.exists()


class listening:  # noqa: N801 - reads as a phrase: `with listening(student) as receive`
    """Receive what the notifications socket of `user` would get, straight from the channel layer."""

    def __init__(self, user: Any) -> None:
        self.group = user_group(user.id)

    def __enter__(self) -> Any:
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)()
        async_to_sync(self.layer.group_add)(self.group, self.channel)
        return lambda: async_to_sync(self.layer.receive)(self.channel)["event"]

    def __exit__(self, *exc: object) -> None:
        async_to_sync(self.layer.group_discard)(self.group, self.channel)


def test_cancelling_notifies_attendees_and_is_safe_to_repeat(two_courses, django_capture_on_commit_callbacks):
    session = two_courses["sessions"]["a_soon"]
    client = client_for(two_courses["tutor_a"])
    with listening(two_courses["student_a"]) as receive, \
            django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/api/v1/sessions/{session.id}/cancel")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    assert response.json()["viewer"]["entry_refusal"] == "session_cancelled"
    assert callbacks
    event = receive()
    assert event == {"type": "session", "op": "cancelled", "session_id": str(session.id), "title": "A soon",
                     "starts_at": session.starts_at.isoformat(), "status": "cancelled"}
    with django_capture_on_commit_callbacks() as again:
        assert client.post(f"/api/v1/sessions/{session.id}/cancel").status_code == 200
    assert again == []  # nobody hears twice
    closed = client.patch(f"/api/v1/sessions/{session.id}", {"title": "Back on"}, format="json")
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "session_closed"
    ended = client.post(f"/api/v1/sessions/{two_courses['sessions']['a_past'].id}/cancel")
    assert ended.status_code == 409 and ended.json()["error"]["code"] == "session_closed"


def test_seat_holders_hear_of_a_cancelled_standalone_class(two_courses, django_capture_on_commit_callbacks):
    session = two_courses["sessions"]["standalone"]
    with listening(two_courses["student_a"]) as receive, django_capture_on_commit_callbacks(execute=True):
        client_for(two_courses["tutor_a"]).post(f"/api/v1/sessions/{session.id}/cancel")
    assert receive()["op"] == "cancelled"


# Seats --------------------------------------------------------------------------------------------------

def test_students_book_free_seats_until_the_class_is_full(two_courses):
    session = two_courses["sessions"]["standalone"]  # capacity 2, student_a holds one
    url = f"/api/v1/sessions/{session.id}/seat"
    newcomer, late = StudentFactory(), StudentFactory()
    assert client_for(newcomer).get(f"/api/v1/sessions/{session.id}").status_code == 404  # not theirs yet
    booked = client_for(newcomer).post(url)
    assert booked.status_code == 201, booked.content
    assert booked.json()["seats_taken"] == 2
    assert booked.json()["viewer"] == {"can_manage": False, "can_enter_now": False, "entry_refusal": "too_early"}
    assert client_for(newcomer).post(url).status_code == 200  # booking twice keeps one seat
    assert Seat.objects.filter(session=session).count() == 2
    assert "Standalone" in titles(client_for(newcomer).get("/api/v1/sessions"))
    full = client_for(late).post(url)
    assert full.status_code == 409 and full.json()["error"]["code"] == "session_full"
    assert client_for(two_courses["student_a"]).post(url).status_code == 200  # already seated, even when full


def test_seats_are_only_for_open_standalone_classes(two_courses):
    sessions = two_courses["sessions"]
    student = client_for(two_courses["student_a"])
    course_class = student.post(f"/api/v1/sessions/{sessions['a_soon'].id}/seat")
    assert course_class.status_code == 409 and course_class.json()["error"]["code"] == "course_session"
    visible_course = client_for(StudentFactory()).post(f"/api/v1/sessions/{sessions['b_soon'].id}/seat")
    assert visible_course.json()["error"]["code"] == "course_session"  # a published course: say how to join
    draft = course_with_lessons(status=CourseStatus.DRAFT, published_at=None)
    hidden = make_session(draft)
    assert student.post(f"/api/v1/sessions/{hidden.id}/seat").status_code == 404
    assert student.post(f"/api/v1/sessions/{uuid4()}/seat").status_code == 404
    own = client_for(two_courses["tutor_a"]).post(f"/api/v1/sessions/{sessions['unbooked'].id}/seat")
    assert own.status_code == 409 and own.json()["error"]["code"] == "teaches_session"
    over = make_session(owner=two_courses["tutor_a"], start=-timedelta(hours=3))
    cancelled = make_session(owner=two_courses["tutor_a"], status=SessionStatus.CANCELLED)
    for closed in (over, cancelled):
        response = student.post(f"/api/v1/sessions/{closed.id}/seat")
        assert response.status_code == 409 and response.json()["error"]["code"] == "session_closed"
    assert client_for(two_courses["tutor_b"]).post(f"/api/v1/sessions/{sessions['unbooked'].id}/seat") \
        .status_code == 201  # tutors may learn too


# Cost of the lists and agreement with the permission rules -------------------------------------------

def _count_queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_the_number_of_classes(two_courses, django_assert_max_num_queries):
    student, tutor = client_for(two_courses["student_a"]), client_for(two_courses["tutor_a"])
    course_url = f"/api/v1/courses/{two_courses['course_a'].slug}/sessions"
    before = {url: _count_queries(client, url) for client, url in (
        (student, "/api/v1/sessions"), (tutor, "/api/v1/sessions"), (student, course_url))}
    co_tutor = TutorFactory()
    two_courses["course_a"].co_tutors.add(co_tutor)
    for index in range(20):
        course = course_with_lessons(owner=two_courses["tutor_a"], lessons=1)
        EnrollmentFactory(student=two_courses["student_a"], course=course)
        make_session(course, start=timedelta(days=index + 1))
        seated = make_session(owner=two_courses["tutor_a"], start=timedelta(days=index + 1))
        Seat.objects.create(session=seated, student=two_courses["student_a"])
        make_session(two_courses["course_a"], start=timedelta(days=index + 1))
    # the user, the count, the page, and co-tutors / enrolments / seats for the viewer blocks
    for client, url in ((student, "/api/v1/sessions?page_size=100"), (tutor, "/api/v1/sessions?page_size=100"),
                        (client_for(co_tutor), "/api/v1/sessions")):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(9):  # and the course, whether the caller teaches it or is enrolled
        assert student.get(course_url + "?page_size=100").status_code == 200
    assert _count_queries(student, "/api/v1/sessions") == before["/api/v1/sessions"]
    assert _count_queries(student, course_url) == before[course_url]


def test_the_viewer_block_agrees_with_the_permission_rules(two_courses, admin_user):
    co_tutor = TutorFactory()
    two_courses["course_b"].co_tutors.add(co_tutor)
    people = [two_courses[name] for name in ("tutor_a", "tutor_b", "student_a", "student_b")]
    people += [co_tutor, admin_user, StudentFactory()]
    sessions = list(LiveSession.objects.select_related("course"))
    for user in people:
        viewers = session_viewers(user=user, sessions=sessions)
        for session in sessions:
            manager = permissions.can_manage_session(user, session)
            assert viewers[session.id].can_manage == manager, (user, session)
            assert viewers[session.id].is_attendee == permissions.is_attendee(user, session), (user, session)
            assert viewers[session.id].entry_refusal == permissions.entry_refusal(user, session, manager=manager)
            assert viewers[session.id].entry_refusal in {None, *dict(ENTRY_REFUSALS)}  # as documented


def test_a_standalone_class_can_sell_its_seats(tutor_client):
    day = local_day(7)
    priced = post_session(tutor_client, title="1:1 physics", starts_at=naive(day, 17), ends_at=naive(day, 18),
                          seat_price_amount=150_000, seat_currency="USD")
    assert priced.status_code == 201, priced.content
    assert (priced.json()[0]["seat_price_amount"], priced.json()[0]["seat_currency"]) == (150_000, "USD")
    negative = post_session(tutor_client, title="x", starts_at=naive(day, 17), ends_at=naive(day, 18),
                            seat_price_amount=-1)
    assert negative.status_code == 400 and "seat_price_amount" in negative.json()["error"]["fields"]
    euro = post_session(tutor_client, title="x", starts_at=naive(day, 17), ends_at=naive(day, 18), seat_currency="EUR")
    assert euro.status_code == 400
