"""Attendance: minutes present from join/leave times, and present / late / absent by the session's rule."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from ustad.classroom.models import AttendanceInterval, LiveSession
from ustad.classroom.services.attendance import (
    ABSENT,
    LATE,
    PRESENT,
    course_attendance_csv,
    minutes_within,
    session_attendance,
    session_attendance_csv,
)
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def test_overlapping_intervals_count_once_and_are_clipped_to_the_class():
    spans = [(at(-10), at(20)), (at(15), at(30)), (at(50), None)]  # two tabs, then back until now
    assert minutes_within(spans, START, at(60), now=at(70)) == 40


@pytest.fixture
def lesson_of_a_class(db):
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    session = LiveSession.objects.create(owner=tutor, course=course, title="Vectors", timezone="UTC",
                                         starts_at=START, ends_at=at(60), started_at=at(-2), ended_at=at(60),
                                         status="ended", late_after_minutes=10, present_min_percent=50)
    students = {name: StudentFactory(first_name=name, last_name="Student") for name in
                ("Ayesha", "Bilal", "Danish", "=Evil")}
    for student in students.values():
        EnrollmentFactory(student=student, course=course)
    intervals = {"Ayesha": [(at(-1), at(60))], "Bilal": [(at(20), at(60))], "Danish": [(at(0), at(10))],
                 "=Evil": [(at(0), at(5)), (at(5), at(45))]}
    for name, spans in intervals.items():
        for joined, left in spans:
            AttendanceInterval.objects.create(session=session, user=students[name], joined_at=joined, left_at=left)
    AttendanceInterval.objects.create(session=session, user=tutor, joined_at=at(-2), left_at=at(60))
    return session


def test_present_late_and_absent_follow_the_session_rule(lesson_of_a_class):
    rows = {row.name.split()[0]: row for row in session_attendance(session=lesson_of_a_class)}
    assert set(rows) == {"Ayesha", "Bilal", "Danish", "=Evil"}  # the tutor is not a row
    assert (rows["Ayesha"].status, rows["Ayesha"].minutes_present) == (PRESENT, 61)
    assert (rows["Bilal"].status, rows["Bilal"].minutes_present) == (LATE, 40)  # 20 min late, 64 % there
    assert (rows["Danish"].status, rows["Danish"].minutes_present) == (ABSENT, 10)  # too little of the class
    assert rows["=Evil"].status == PRESENT


def test_csv_reports_are_formula_safe(lesson_of_a_class):
    session_rows = list(csv.reader(io.StringIO(session_attendance_csv(session=lesson_of_a_class))))
    assert session_rows[0][:2] == ["Student", "E-mail"] and len(session_rows) == 5
    assert any(row[0].startswith("'=Evil") for row in session_rows)
    course_rows = list(csv.reader(io.StringIO(course_attendance_csv(sessions=[lesson_of_a_class]))))
    assert course_rows[0][-1] == "Attended" and {row[-1] for row in course_rows[1:]} == {"0", "1"}


def test_tutors_read_attendance_as_json_and_csv(lesson_of_a_class):
    from conftest import client_for

    session = lesson_of_a_class
    tutor = client_for(session.owner)
    rows = tutor.get(f"/api/v1/sessions/{session.id}/attendance").json()
    assert {row["status"] for row in rows} == {PRESENT, LATE, ABSENT} and len(rows) == 4
    sheet = tutor.get(f"/api/v1/sessions/{session.id}/attendance.csv")
    assert sheet["Content-Type"].startswith("text/csv") and b"Minutes present" in sheet.content
    course_sheet = tutor.get(f"/api/v1/courses/{session.course.slug}/attendance.csv")
    assert course_sheet.status_code == 200 and b"Vectors (2026-03-02)" in course_sheet.content
    student = session.course.enrollments.first().student
    assert client_for(student).get(f"/api/v1/sessions/{session.id}/attendance").status_code == 403
