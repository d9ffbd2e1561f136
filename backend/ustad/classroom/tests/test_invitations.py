"""Class invitations by e-mail: one per attendee, in their language and zone, with a calendar file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from config.celery import app
from conftest import client_for
from ustad.classroom.models import LiveSession
from ustad.classroom.tasks import send_session_emails
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

pytestmark = pytest.mark.django_db


def weekly_class(course: Any, count: int) -> list[LiveSession]:
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    return [LiveSession.objects.create(owner=course.owner, course=course, title="Algebra, live", timezone="UTC",
                                       starts_at=start + timedelta(weeks=week),
                                       ends_at=start + timedelta(weeks=week, hours=1)) for week in range(count)]


def calendar_of(message: Any) -> str:
    [(name, content, mimetype)] = message.attachments
    assert name == "class.ics" and mimetype.startswith("text/calendar")
    return str(content)


def test_attendees_get_an_invitation_in_their_language_and_zone_with_every_class_attached(mailoutbox):
    course = course_with_lessons(owner=TutorFactory())
    karachi = StudentFactory(timezone="Asia/Karachi", language="en")
    lahore = StudentFactory(timezone="Asia/Karachi", language="ur")
    for student in (karachi, lahore):
        EnrollmentFactory(student=student, course=course)
    EnrollmentFactory(student=StudentFactory(is_active=False), course=course)
    sessions = weekly_class(course, 3)

    assert send_session_emails([str(s.id) for s in sessions], "scheduled") == 2
    english = next(mail for mail in mailoutbox if mail.to == [karachi.email])
    urdu = next(mail for mail in mailoutbox if mail.to == [lahore.email])
    local_start = sessions[0].starts_at.astimezone(timezone.get_fixed_timezone(300)).strftime("%H:%M")
    assert english.subject == "Live class: Algebra, live" and "3 weekly classes" in english.body
    assert local_start in english.body and f"/classroom/{sessions[0].id}" in english.body
    assert urdu.subject == "لائیو کلاس: Algebra, live"
    ics = calendar_of(english)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") == 3
    assert all(f"UID:{s.id}@ustad" in ics for s in sessions) and "SUMMARY:Algebra\\, live" in ics


def test_a_cancellation_says_so_and_cancels_the_calendar_entry(mailoutbox):
    course = course_with_lessons(owner=TutorFactory())
    student = StudentFactory()
    EnrollmentFactory(student=student, course=course)
    [session] = weekly_class(course, 1)
    LiveSession.objects.filter(id=session.id).update(status="cancelled")
    send_session_emails([str(session.id)], "cancelled")
    [mail] = mailoutbox
    assert mail.subject.startswith("Cancelled:") and "/classroom/" not in mail.body
    assert "STATUS:CANCELLED" in calendar_of(mail)
    assert send_session_emails(["00000000-0000-0000-0000-000000000000"], "cancelled") == 0  # gone: nothing to say


@pytest.fixture
def tasks_in_process() -> Iterator[None]:
    """Run the real tasks in this process instead of queueing them for a worker."""
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = False


@pytest.mark.usefixtures("tasks_in_process")
def test_scheduling_and_booking_a_seat_send_the_invitations(mailoutbox, django_capture_on_commit_callbacks):
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    student = StudentFactory()
    EnrollmentFactory(student=student, course=course)
    start = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(tutor).post("/api/v1/sessions", {
            "title": "Revision", "course": course.slug, "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=1)).isoformat()}, format="json")
    assert response.status_code == 201
    assert [mail.to for mail in mailoutbox] == [[student.email]]
    with django_capture_on_commit_callbacks(execute=True):
        standalone = client_for(tutor).post("/api/v1/sessions", {
            "title": "Open class", "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=1)).isoformat()}, format="json").json()[0]
    visitor = StudentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(visitor).post(f"/api/v1/sessions/{standalone['id']}/seat").status_code == 201
    assert mailoutbox[-1].to == [visitor.email] and "Open class" in mailoutbox[-1].subject
