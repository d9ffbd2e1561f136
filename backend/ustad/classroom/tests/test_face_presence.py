"""Face presence: students of a live class that counts it send a webcam frame a minute; OpenCV's Haar cascade
says whether a face is in it, only that yes or no is kept, and the attendance report counts them.

The faces are drawn here with OpenCV (a head with hair, eyes, brows, nose and mouth, softened like a webcam
image): the frontal-face cascade finds them at every webcam size, and never in a flat or noisy picture."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import cv2
import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from conftest import client_for
from ustad.classroom.models import Admission, FacePresenceSample, LiveSession, Participant, SessionStatus
from ustad.classroom.services.face_presence import face_detect
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

pytestmark = pytest.mark.django_db


def drawn_face(size: int = 240) -> np.ndarray:
    """A frontal face in grey: the dark eyes and brows over lighter cheeks that the cascade looks for."""
    img = np.full((size, size), 90, np.uint8)
    centre = size // 2

    def scaled(*values: float) -> tuple[int, ...]:
        return tuple(round(size * value) for value in values)

    cv2.ellipse(img, (centre, round(size * 0.40)), scaled(0.34, 0.40), 0, 0, 360, 50, -1)  # hair
    cv2.ellipse(img, (centre, round(size * 0.52)), scaled(0.30, 0.38), 0, 0, 360, 200, -1)  # skin
    eye_y = round(size * 0.42)
    for side in (-1, 1):
        eye_x = centre + side * round(size * 0.17)
        cv2.ellipse(img, (eye_x, eye_y - round(size * 0.07)), scaled(0.108, 0.02), 0, 0, 360, 40, -1)  # brow
        cv2.ellipse(img, (eye_x, eye_y), scaled(0.09, 0.05), 0, 0, 360, 40, -1)  # eye
    cv2.ellipse(img, (centre, round(size * 0.58)), scaled(0.05, 0.025), 0, 0, 360, 150, -1)  # nose
    cv2.ellipse(img, (centre, round(size * 0.70)), scaled(0.12, 0.03), 0, 0, 360, 70, -1)  # mouth
    return cv2.GaussianBlur(img, (0, 0), 3)


def webcam_frame(picture: np.ndarray | None = None, width: int = 640, height: int = 480) -> np.ndarray:
    """A colour frame with the picture in the middle of a plain wall."""
    frame = np.full((height, width), 120, np.uint8)
    if picture is not None:
        top, left = (height - picture.shape[0]) // 2, (width - picture.shape[1]) // 2
        frame[top:top + picture.shape[0], left:left + picture.shape[1]] = picture
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def encode(frame: np.ndarray, kind: str = "jpg") -> bytes:
    ok, data = cv2.imencode(f".{kind}", frame)
    assert ok
    return data.tobytes()


def noise(width: int = 640, height: int = 480) -> np.ndarray:
    return np.random.default_rng(7).integers(0, 256, (height, width, 3), dtype=np.uint8)


# The detector -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("width", "height", "face_size"), [(320, 240, 140), (640, 480, 240), (1280, 720, 480)])
@pytest.mark.parametrize("kind", ["jpg", "png"])
def test_a_face_is_found_at_webcam_sizes(width, height, face_size, kind):
    assert face_detect(image=encode(webcam_frame(drawn_face(face_size), width, height), kind)) is True


@pytest.mark.parametrize("picture", ["wall", "noise", "upside_down", "dark"])
def test_pictures_without_a_face_are_not_faces(picture):
    frames = {"wall": webcam_frame(), "noise": noise(), "upside_down": webcam_frame(drawn_face()[::-1]),
              "dark": np.zeros((480, 640, 3), np.uint8)}
    assert face_detect(image=encode(frames[picture])) is False


# The endpoint -------------------------------------------------------------------------------------

def make_class(course: Any, **fields: Any) -> LiveSession:
    starts = timezone.now() - timedelta(minutes=10)
    fields = {"status": SessionStatus.LIVE, "face_presence": True, **fields}
    return LiveSession.objects.create(owner=course.owner, course=course, title="Statistics", timezone="UTC",
                                      starts_at=starts, ends_at=starts + timedelta(hours=1), **fields)


def admit(session: LiveSession, user: Any, admission: str = Admission.ADMITTED) -> Participant:
    return Participant.objects.create(session=session, user=user, role="student", admission=admission)


@pytest.fixture
def world() -> dict[str, Any]:
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    students = [StudentFactory(first_name=name) for name in ("Amna", "Bilal", "Chand")]
    for student in students:
        EnrollmentFactory(student=student, course=course)
    session = make_class(course)
    for student in students:
        admit(session, student)
    return {"tutor": tutor, "course": course, "students": students, "student": students[0], "session": session}


def send(user: Any, session: LiveSession, data: bytes | None, name: str = "frame.jpg",
         content_type: str = "image/jpeg") -> Any:
    body = {} if data is None else {"frame": SimpleUploadedFile(name, data, content_type=content_type)}
    return client_for(user).post(f"/api/v1/sessions/{session.id}/presence", body, format="multipart")


def error_code(response: Any, status_code: int) -> str:
    assert response.status_code == status_code, response.content
    assert set(response.json()["error"]) == {"code", "message", "fields"}
    return str(response.json()["error"]["code"])


def test_a_students_frame_with_a_face_is_counted_and_not_kept(world, settings, tmp_path):
    student, session = world["student"], world["session"]
    response = send(student, session, encode(webcam_frame(drawn_face())))
    assert response.status_code == 200 and response.json() == {"face": True}
    sample = FacePresenceSample.objects.get(session=session, user=student)
    assert sample.face is True and abs((timezone.now() - sample.at).total_seconds()) < 30
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*"))  # no image anywhere


def test_a_frame_without_a_face_is_counted_as_no_face(world):
    png = encode(webcam_frame(), "png")
    assert send(world["student"], world["session"], png, "frame.png", "image/png").json() == {"face": False}
    assert FacePresenceSample.objects.get(user=world["student"]).face is False


def test_one_frame_in_50_seconds(world):
    student, session = world["student"], world["session"]
    frame = encode(webcam_frame(drawn_face()))
    assert send(student, session, frame).status_code == 200
    response = send(student, session, frame)
    assert error_code(response, 429) == "throttled" and 1 <= int(response["Retry-After"]) <= 51
    FacePresenceSample.objects.filter(user=student).update(at=timezone.now() - timedelta(seconds=51))
    assert send(student, session, frame).status_code == 200
    assert FacePresenceSample.objects.filter(user=student).count() == 2


def test_frames_that_were_refused_do_not_count_towards_the_limit(world):
    assert error_code(send(world["student"], world["session"], b"not an image"), 415) == "unsupported_type"
    assert send(world["student"], world["session"], encode(webcam_frame(drawn_face()))).status_code == 200


def _png_of(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height), 128).save(out, "PNG")
    return out.getvalue()


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize(("data", "status_code", "code"), [
    (None, 400, "validation_error"),  # no frame at all
    (b"", 400, "validation_error"),
    (b"%PDF-1.4 not a picture", 415, "unsupported_type"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, 415, "unsupported_type"),  # a PNG signature and nothing behind it
    (_gif(), 415, "unsupported_type"),
    (_png_of(1281, 720), 413, "image_too_large"),
    (_png_of(100, 1300), 413, "image_too_large"),
    (b"\xff\xd8\xff\xe0" + bytes(512 * 1024), 413, "file_too_large"),
])
def test_bad_frames_are_refused_with_a_clear_error(world, data, status_code, code):
    response = send(world["student"], world["session"], data)
    assert error_code(response, status_code) == code
    if data is not None:
        assert "frame" in response.json()["error"]["fields"]
    assert not FacePresenceSample.objects.exists()


def test_the_largest_frame_allowed_is_accepted():
    assert face_detect(image=_png_of(1280, 1280)) is False


def test_a_json_body_is_not_a_frame(world):
    response = client_for(world["student"]).post(f"/api/v1/sessions/{world['session'].id}/presence", {},
                                                 format="json")
    assert error_code(response, 415) == "unsupported_media_type"


# Who may send -------------------------------------------------------------------------------------

def test_only_admitted_students_of_a_live_class_that_counts_faces(world, api_client):
    session, frame = world["session"], encode(webcam_frame(drawn_face()))
    url = f"/api/v1/sessions/{session.id}/presence"
    assert error_code(api_client.post(url, {}, format="multipart"), 401) == "not_authenticated"
    assert error_code(send(StudentFactory(), session, frame), 404) == "not_found"
    assert error_code(send(TutorFactory(), session, frame), 404) == "not_found"  # teaches another class
    assert error_code(send(world["tutor"], session, frame), 403) == "permission_denied"
    admin = UserFactory(role="admin", is_staff=True, is_superuser=True)
    assert error_code(send(admin, session, frame), 403) == "permission_denied"  # admins teach every class

    newcomer = StudentFactory()  # enrolled, but has not entered the room
    EnrollmentFactory(student=newcomer, course=world["course"])
    assert error_code(send(newcomer, session, frame), 403) == "not_admitted"
    waiting = StudentFactory()
    EnrollmentFactory(student=waiting, course=world["course"])
    admit(session, waiting, Admission.WAITING)
    assert error_code(send(waiting, session, frame), 403) == "not_admitted"
    removed = world["students"][2]
    Participant.objects.filter(session=session, user=removed).update(admission=Admission.REMOVED)
    assert error_code(send(removed, session, frame), 403) == "not_admitted"
    assert not FacePresenceSample.objects.exists()


def test_refused_when_the_class_does_not_count_faces_or_is_not_live(world):
    frame = encode(webcam_frame(drawn_face()))
    off = make_class(world["course"], face_presence=False)
    admit(off, world["student"])
    assert error_code(send(world["student"], off, frame), 409) == "face_presence_off"
    for status in (SessionStatus.SCHEDULED, SessionStatus.ENDED):
        other = make_class(world["course"], status=status)
        admit(other, world["student"])
        assert error_code(send(world["student"], other, frame), 409) == "session_not_live"


# Attendance and scheduling -------------------------------------------------------------------------

def test_attendance_counts_frames_per_student(world, django_assert_max_num_queries):
    session, (amna, bilal, _) = world["session"], world["students"]
    now = timezone.now()
    for minute, face in enumerate([True, True, False, True]):
        FacePresenceSample.objects.create(session=session, user=amna, at=now + timedelta(minutes=minute), face=face)
    FacePresenceSample.objects.create(session=session, user=bilal, at=now, face=False)
    tutor = client_for(world["tutor"])
    rows = {row["name"].split()[0]: row for row in tutor.get(f"/api/v1/sessions/{session.id}/attendance").json()}
    assert {k: rows["Amna"][k] for k in ("face_checks", "face_seen", "face_ratio")} == {
        "face_checks": 4, "face_seen": 3, "face_ratio": 0.75}
    assert (rows["Bilal"]["face_checks"], rows["Bilal"]["face_ratio"]) == (1, 0.0)
    assert (rows["Chand"]["face_checks"], rows["Chand"]["face_seen"], rows["Chand"]["face_ratio"]) == (0, 0, None)

    sheet = list(csv.reader(io.StringIO(tutor.get(f"/api/v1/sessions/{session.id}/attendance.csv").content.decode())))
    assert sheet[0][-3:] == ["Face checks", "Faces seen", "Face ratio"]
    by_name = {line[0].split()[0]: line for line in sheet[1:]}
    assert by_name["Amna"][-3:] == ["4", "3", "0.75"] and by_name["Chand"][-3:] == ["0", "0", ""]

    for _ in range(15):  # more students and frames: the same number of queries
        student = StudentFactory()
        EnrollmentFactory(student=student, course=world["course"])
        FacePresenceSample.objects.create(session=session, user=student, at=now, face=True)
    with django_assert_max_num_queries(10):
        assert len(tutor.get(f"/api/v1/sessions/{session.id}/attendance").json()) == 18


def test_face_presence_is_chosen_when_scheduling_and_may_change(world):
    tutor = client_for(world["tutor"])
    starts = timezone.now() + timedelta(days=2)
    body = {"title": "Probability", "course": world["course"].slug, "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat()}
    [plain] = tutor.post("/api/v1/sessions", body, format="json").json()
    assert plain["face_presence"] is False
    [counted] = tutor.post("/api/v1/sessions", {**body, "face_presence": True}, format="json").json()
    assert counted["face_presence"] is True and LiveSession.objects.get(id=counted["id"]).face_presence
    changed = tutor.patch(f"/api/v1/sessions/{plain['id']}", {"face_presence": True}, format="json")
    assert changed.status_code == 200 and changed.json()["face_presence"] is True
    bad = tutor.patch(f"/api/v1/sessions/{plain['id']}", {"face_presence": "maybe"}, format="json")
    assert error_code(bad, 400) == "validation_error" and "face_presence" in bad.json()["error"]["fields"]
