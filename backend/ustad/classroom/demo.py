"""Demo live classes: one starting soon (so `make run` shows a room to enter) and a past one with its
chat and attendance kept. Safe to run again: classes that exist are left alone; a class that "starts
soon" is rescheduled whenever it is in the past, so the demo always has one to join."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ustad.classroom.models import AttendanceInterval, ChatMessage, LiveSession, RoomEvent, SessionStatus
from ustad.courses.models import Course
from ustad.users.models import User

SOON_TITLE = "Python live: questions and answers"
PAST_TITLE = "Algebra live: solving linear equations"


@transaction.atomic
def load_demo_classes(*, log: Callable[[str], None] = lambda line: None) -> int:
    now = timezone.now()
    created = 0
    python = Course.objects.filter(slug="python-from-zero").select_related("owner").first()
    if python is not None:
        soon = LiveSession.objects.filter(course=python, title=SOON_TITLE).first()
        if soon is None:
            soon = LiveSession(owner=python.owner, course=python, title=SOON_TITLE, timezone="Asia/Karachi",
                               description="Bring your questions about the first week.", waiting_room=False)
            created += 1
        if soon.ends_at is None or soon.ends_at < now or soon.status != SessionStatus.SCHEDULED:
            soon.starts_at, soon.ends_at = now + timedelta(minutes=5), now + timedelta(minutes=65)
            soon.status, soon.started_at, soon.ended_at = SessionStatus.SCHEDULED, None, None
            soon.save()
            log(f"live class “{SOON_TITLE}” starts at {soon.starts_at:%H:%M} UTC")
    algebra = Course.objects.filter(slug="o-level-algebra-essentials").select_related("owner").first()
    if algebra is not None and not LiveSession.objects.filter(course=algebra, title=PAST_TITLE).exists():
        _past_class(algebra, now)
        created += 1
        log(f"past live class “{PAST_TITLE}” with its chat and attendance")
    return created


def _past_class(course: Course, now: datetime) -> None:
    starts = now - timedelta(days=2)
    session = LiveSession.objects.create(
        owner=course.owner, course=course, title=PAST_TITLE, timezone="Asia/Karachi", starts_at=starts,
        ends_at=starts + timedelta(hours=1), status=SessionStatus.ENDED, started_at=starts,
        ended_at=starts + timedelta(minutes=58))
    students = list(User.objects.filter(enrollments__course=course).order_by("email")[:3])
    lines = [(course.owner, "Assalam-o-alaikum! Today: linear equations. Open the worksheet."),
             *[(student, text) for student, text in zip(students, [
                 "Wa alaikum assalam, ready!", "Is 2x + 3 = 11 the same as x = 4?",
                 "Worksheet: https://example.org/algebra/worksheet-3"], strict=False)],
             (course.owner, "Yes, x = 4. Well done! Homework is in the course.")]
    seq = 0
    for minute, (author, body) in enumerate(lines):
        message = ChatMessage.objects.create(session=session, author=author, body=body)
        ChatMessage.objects.filter(id=message.id).update(created_at=starts + timedelta(minutes=2 + 5 * minute))
        seq += 1
        RoomEvent.objects.create(session=session, seq=seq, type="chat.message", actor=author,
                                 payload={"message": {"id": str(message.id), "author_id": str(author.id),
                                                      "author_name": author.full_name, "body": body}})
    for index, student in enumerate(students):
        AttendanceInterval.objects.create(session=session, user=student,
                                          joined_at=starts + timedelta(minutes=index * 7),
                                          left_at=starts + timedelta(minutes=55))
    LiveSession.objects.filter(id=session.id).update(last_seq=seq)
