"""Attendance from the room's join and leave times: minutes present, and present / late / absent by the
session's own rule (`late_after_minutes`, `present_min_percent`); with face presence on, how often a face
was in the student's webcam frames."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from ustad.classroom.models import AttendanceInterval, FacePresenceSample, LiveSession
from ustad.classroom.services.schedule import attendee_ids
from ustad.core.spreadsheets import csv_text
from ustad.users.models import User

PRESENT, LATE, ABSENT = "present", "late", "absent"


@dataclass(frozen=True)
class AttendanceRow:
    user_id: Any
    name: str
    email: str
    first_joined_at: datetime | None
    minutes_present: int
    percent_present: int
    status: str
    face_checks: int = 0
    face_seen: int = 0
    face_ratio: float | None = None  # None: no frames came (face presence off, or no consent)


def class_window(session: LiveSession, now: datetime | None = None) -> tuple[datetime, datetime]:
    """When the class really ran: from its start (or the tutor's earlier start) to its end."""
    start = min(session.starts_at, session.started_at) if session.started_at else session.starts_at
    end = session.ended_at or min(session.ends_at, now or timezone.now())
    return start, max(end, start + timedelta(minutes=1))


def minutes_within(intervals: list[tuple[datetime, datetime | None]], start: datetime, end: datetime,
                   now: datetime) -> float:
    """Minutes covered by the intervals inside [start, end], overlaps counted once (two tabs are one person)."""
    clipped = sorted((max(a, start), min(b or now, end)) for a, b in intervals)
    total, cursor = 0.0, start
    for a, b in clipped:
        a = max(a, cursor)
        if b > a:
            total += (b - a).total_seconds()
            cursor = b
    return total / 60


def status_for(*, first_joined: datetime | None, percent: float, session: LiveSession, start: datetime) -> str:
    if first_joined is None or percent < session.present_min_percent:
        return ABSENT
    if first_joined > start + timedelta(minutes=session.late_after_minutes):
        return LATE
    return PRESENT


def face_counts(session: LiveSession) -> dict[Any, tuple[int, int]]:
    """{user id: (frames checked, frames with a face)} for the class, in one query."""
    rows = (FacePresenceSample.objects.filter(session=session).order_by().values("user_id")
            .annotate(checks=Count("id"), seen=Count("id", filter=Q(face=True))))
    return {row["user_id"]: (row["checks"], row["seen"]) for row in rows}


def session_attendance(*, session: LiveSession, now: datetime | None = None) -> list[AttendanceRow]:
    """Every student the class was for, and anyone else who came, in name order. Tutors are left out.

    A fixed number of queries, however many students: intervals, tutors, attendees, face frames, people.
    """
    now = now or timezone.now()
    start, end = class_window(session, now)
    length = (end - start).total_seconds() / 60
    intervals: dict[Any, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for interval in AttendanceInterval.objects.filter(session=session).only("user_id", "joined_at", "left_at"):
        intervals[interval.user_id].append((interval.joined_at, interval.left_at))
    managers = {session.owner_id}
    course = session.course
    if course is not None:
        managers |= {course.owner_id, *course.co_tutors.values_list("id", flat=True)}
    people = set(attendee_ids(session)) | (set(intervals) - managers)
    faces = face_counts(session)
    rows = []
    for user in User.objects.filter(id__in=people).order_by("first_name", "last_name", "email"):
        spans = intervals.get(user.id, [])
        minutes = minutes_within(spans, start, end, now) if spans else 0.0
        percent = min(100.0, 100 * minutes / length)
        first = min((joined for joined, _ in spans), default=None)
        checks, seen = faces.get(user.id, (0, 0))
        rows.append(AttendanceRow(user_id=user.id, name=user.full_name, email=user.email, first_joined_at=first,
                                  minutes_present=round(minutes), percent_present=round(percent),
                                  status=status_for(first_joined=first, percent=percent, session=session,
                                                    start=start),
                                  face_checks=checks, face_seen=seen,
                                  face_ratio=round(seen / checks, 3) if checks else None))
    return rows


def session_attendance_csv(*, session: LiveSession) -> str:
    rows = session_attendance(session=session)
    return csv_text(header=["Student", "E-mail", "First joined (UTC)", "Minutes present", "% of class", "Status",
                            "Face checks", "Faces seen", "Face ratio"],
                    rows=[[row.name, row.email,
                           row.first_joined_at.strftime("%Y-%m-%d %H:%M") if row.first_joined_at else "",
                           row.minutes_present, row.percent_present, row.status, row.face_checks, row.face_seen,
                           "" if row.face_ratio is None else row.face_ratio] for row in rows])


def course_attendance_csv(*, sessions: list[LiveSession]) -> str:
    """One row per student, one column per class that has started, and how many they attended."""
    table: dict[tuple[str, str], dict[Any, str]] = defaultdict(dict)
    for session in sessions:
        for row in session_attendance(session=session):
            table[(row.name, row.email)][session.id] = row.status
    header = ["Student", "E-mail", *[f"{s.title} ({s.starts_at:%Y-%m-%d})" for s in sessions], "Attended"]
    rows = []
    for (name, email), statuses in sorted(table.items()):
        cells = [statuses.get(session.id, "") for session in sessions]
        rows.append([name, email, *cells, sum(1 for cell in cells if cell in (PRESENT, LATE))])
    return csv_text(header=header, rows=rows)
