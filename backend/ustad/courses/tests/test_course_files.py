"""Course files: resources and lesson videos come from checked uploads and leave only by signed links."""

from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

from conftest import client_for
from ustad.courses.models import Lesson, Resource
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.courses.tests.test_assignments import PDF, upload
from ustad.users.tests.factories import StudentFactory


@pytest.fixture(scope="session")
def tiny_mp4(tmp_path_factory) -> bytes:
    """A real one-second H.264 video made with the ffmpeg that ships in the imageio-ffmpeg wheel."""
    path = Path(tmp_path_factory.mktemp("video")) / "lesson.mp4"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i",
                    "testsrc=size=160x120:rate=10", "-t", "1", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                    str(path)], check=True, timeout=60)
    return path.read_bytes()


def test_resources_are_private_to_students_and_tutors(tutor, tutor_client, student, student_client, api_client):
    course = course_with_lessons(owner=tutor, price_amount=100000)
    preview, locked = list(Lesson.objects.filter(course=course).order_by("position"))[:2]
    slides = tutor_client.post(f"/api/v1/courses/{course.slug}/resources", {
        "upload_id": upload(tutor_client, "week1.pdf", PDF, "slides"), "title": "Week 1 slides", "kind": "slides",
        "lesson_id": str(locked.id)}, format="json")
    assert slides.status_code == 201, slides.content
    handout = tutor_client.post(f"/api/v1/courses/{course.slug}/resources", {
        "upload_id": upload(tutor_client, "intro.pdf", PDF, "document"), "kind": "document",
        "lesson_id": str(preview.id)}, format="json").json()
    assert handout["title"] == "intro.pdf"

    slides_url = f"/api/v1/resources/{slides.json()['id']}/download"
    assert api_client.get(slides_url).status_code == 403
    assert student_client.get(slides_url).status_code == 403  # paid lesson, not enrolled
    assert api_client.get(f"/api/v1/resources/{handout['id']}/download").status_code == 200  # free preview
    EnrollmentFactory(student=student, course=course)
    link = student_client.get(slides_url).json()["url"]
    downloaded = student_client.get(link)
    assert downloaded.status_code == 200 and b"".join(downloaded) == PDF
    assert student_client.get(link[:-4] + "AAAA").status_code == 403  # a tampered link


def test_a_pdf_that_is_really_something_else_never_becomes_a_resource(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    created = tutor_client.post("/api/v1/uploads", {"filename": "slides.pdf", "size": 64, "kind": "slides"},
                                format="json").json()
    body = b"MZ\x90\x00" + b"\x00" * 60  # a Windows executable
    tutor_client.generic("PUT", f"/api/v1/uploads/{created['id']}", body,
                         content_type="application/offset+octet-stream", HTTP_CONTENT_RANGE="bytes 0-63/64")
    assert tutor_client.post(f"/api/v1/uploads/{created['id']}/complete").status_code == 415
    response = tutor_client.post(f"/api/v1/courses/{course.slug}/resources",
                                 {"upload_id": created["id"], "kind": "slides"}, format="json")
    assert response.status_code == 409  # the upload never completed
    assert not Resource.objects.exists()


def test_a_resource_kind_must_match_the_content(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    pdf = upload(tutor_client, "notes.pdf", PDF, "document")
    response = tutor_client.post(f"/api/v1/courses/{course.slug}/resources",
                                 {"upload_id": pdf, "kind": "video"}, format="json")
    assert response.status_code == 415
    assert not Resource.objects.exists()


def test_others_cannot_use_my_upload_or_edit_my_files(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    pdf = upload(tutor_client, "notes.pdf", PDF, "document")
    outsider = client_for(StudentFactory())
    assert outsider.post(f"/api/v1/courses/{course.slug}/resources", {"upload_id": pdf, "kind": "document"},
                         format="json").status_code == 403
    resource = tutor_client.post(f"/api/v1/courses/{course.slug}/resources",
                                 {"upload_id": pdf, "kind": "document"}, format="json").json()
    assert outsider.delete(f"/api/v1/resources/{resource['id']}").status_code == 404
    assert tutor_client.delete(f"/api/v1/resources/{resource['id']}").status_code == 204


def test_lesson_video_streams_with_range_requests(tutor, tutor_client, student, student_client, tiny_mp4):
    course = course_with_lessons(owner=tutor, lessons=2)
    lesson = Lesson.objects.filter(course=course).order_by("position").last()
    video_id = upload(tutor_client, "lecture.mp4", tiny_mp4, "video")
    response = tutor_client.post(f"/api/v1/lessons/{lesson.id}/video", {"upload_id": video_id,
                                                                        "duration_seconds": 1}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "video"

    assert student_client.get(f"/api/v1/lessons/{lesson.id}").status_code == 403
    EnrollmentFactory(student=student, course=course)
    video_url = student_client.get(f"/api/v1/lessons/{lesson.id}").json()["video_url"]
    partial = student_client.get(video_url, HTTP_RANGE="bytes=0-99")
    assert partial.status_code == 206
    assert partial["Content-Range"] == f"bytes 0-99/{len(tiny_mp4)}"
    assert b"".join(partial) == tiny_mp4[:100]
    assert partial["Content-Type"] == "video/mp4"
