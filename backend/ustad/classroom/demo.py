"""Demo live classes: one starting soon (so `make run` shows a room to enter) and a past one with its
chat, poll results, whiteboard and attendance kept. Safe to run again: classes that exist are left alone;
a class that "starts soon" is rescheduled whenever it is in the past, so the demo always has one to join."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ustad.classroom.models import (
    AttendanceInterval,
    BoardElement,
    BoardPage,
    ChatMessage,
    LiveSession,
    Poll,
    PollStatus,
    PollVote,
    RoomEvent,
    SessionStatus,
)
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
        log(f"past live class “{PAST_TITLE}” with its chat, poll, board and attendance")
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
    seq = _past_poll(session, students, starts, seq)
    _past_board(session)
    LiveSession.objects.filter(id=session.id).update(last_seq=seq)


def _past_poll(session: LiveSession, students: list[User], starts: datetime, seq: int) -> int:
    options = [{"id": "a", "text": "x = 4"}, {"id": "b", "text": "x = 7"}, {"id": "c", "text": "x = 14"}]
    poll = Poll.objects.create(session=session, question="Solve 2x + 3 = 11", options=options,
                               status=PollStatus.CLOSED, closed_at=starts + timedelta(minutes=30))
    for student, choice in zip(students, ["a", "a", "b"], strict=False):
        PollVote.objects.create(poll=poll, user=student, option_ids=[choice])
    seq += 1
    RoomEvent.objects.create(session=session, seq=seq, type="poll.closed", actor=session.owner,
                             payload={"poll": {"id": str(poll.id), "question": poll.question, "options": options}})
    return seq


def _element(element_id: str, kind: str, x: int, y: int, width: int, height: int, **extra: object) -> dict[str, object]:
    """An Excalidraw element with the fields its editor fills in for a shape drawn by hand."""
    return {"id": element_id, "type": kind, "x": x, "y": y, "width": width, "height": height, "angle": 0,
            "strokeColor": "#1e1e1e", "backgroundColor": "transparent", "fillStyle": "solid", "strokeWidth": 2,
            "strokeStyle": "solid", "roughness": 1, "opacity": 100, "groupIds": [], "frameId": None,
            "roundness": None, "seed": 1000 + len(element_id), "version": 3, "versionNonce": 4242,
            "isDeleted": False, "boundElements": None, "updated": 1, "link": None, "locked": False,
            "index": f"a{element_id[-1]}", **extra}


def _text(element_id: str, x: int, y: int, text: str) -> dict[str, object]:
    # Excalidraw sizes a text box to its words; about 0.6 em a character is close enough for the hand font.
    return _element(element_id, "text", x, y, int(28 * 0.6 * len(text)) + 10, 35, text=text, originalText=text,
                    fontSize=28, fontFamily=5, textAlign="left", verticalAlign="top", containerId=None,
                    autoResize=True, lineHeight=1.25)


def _past_board(session: LiveSession) -> None:
    """The board the tutor worked the equation on, as the class left it."""
    page = BoardPage.objects.create(session=session, position=1, title="Linear equations")
    elements = [
        _text("eq1", 80, 60, "2x + 3 = 11"),
        _text("eq2", 80, 130, "2x = 11 − 3 = 8"),
        _text("eq3", 80, 200, "x = 8 ÷ 2 = 4"),
        _element("box4", "rectangle", 60, 190, 260, 60, strokeColor="#2f9e44", roundness={"type": 3}),
        _element("arr5", "arrow", 340, 220, 120, 0, points=[[0, 0], [120, 0]], startBinding=None,
                 endBinding=None, startArrowhead=None, endArrowhead="arrow", elbowed=False),
        _text("chk6", 480, 200, "check: 2·4 + 3 = 11 ✓"),
        _element("pen7", "freedraw", 70, 280, 240, 30, points=[[i * 8, (i % 4) * 6] for i in range(31)],
                 pressures=[], simulatePressure=True, strokeColor="#e03131"),
    ]
    BoardElement.objects.bulk_create([
        BoardElement(page=page, element_id=str(element["id"]), version=3, version_nonce=4242,
                     order_key=str(element["index"]), data=element) for element in elements])
