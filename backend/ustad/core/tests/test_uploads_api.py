"""Resumable chunked uploads over the API: the happy path across a reload, and every way it can go wrong."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import client_for
from ustad.core.files.storage import private_storage
from ustad.core.files.uploads import part_path
from ustad.core.models import UploadSession, UploadStatus
from ustad.core.tests import samples
from ustad.core.tests.factories import UploadSessionFactory
from ustad.users.tests.factories import StudentFactory

UPLOADS = "/api/v1/uploads"
CHUNK = 4096


@pytest.fixture(autouse=True)
def _small_chunks(settings: Any) -> None:
    settings.UPLOAD_CHUNK_BYTES = CHUNK


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    data = samples.media(tmp_path_factory.mktemp("video"))["video-moov-at-end.mp4"]
    assert len(data) > 3 * CHUNK  # several chunks
    return data


def create(client: APIClient, *, filename: str = "Lesson 1.mp4", size: int, kind: str = "video") -> Any:
    return client.post(UPLOADS, {"filename": filename, "size": size, "kind": kind}, format="json")


def put_chunk(client: APIClient, upload_id: str, data: bytes, *, start: int, total: int,
              content_type: str = "application/offset+octet-stream", content_range: str | None = None) -> Any:
    header = content_range or f"bytes {start}-{start + len(data) - 1}/{total}"
    return client.put(f"{UPLOADS}/{upload_id}", data=data, content_type=content_type, HTTP_CONTENT_RANGE=header)


def send_all(client: APIClient, upload_id: str, data: bytes, *, offset: int = 0) -> None:
    for start in range(offset, len(data), CHUNK):
        response = put_chunk(client, upload_id, data[start:start + CHUNK], start=start, total=len(data))
        assert response.status_code == 200, response.content


def private_files(settings: Any) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "private"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_given_a_video_when_uploaded_in_chunks_across_a_reload_then_it_is_stored_privately(student_client, video,
                                                                                         settings):
    created = create(student_client, size=len(video))
    assert created.status_code == 201, created.content
    body = created.json()
    upload_id = body["id"]
    assert (body["received_bytes"], body["chunk_size"], body["status"]) == (0, CHUNK, "open")
    assert body["expires_at"]

    first = put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    assert first.status_code == 200 and first.json()["received_bytes"] == CHUNK
    assert first["Upload-Offset"] == str(CHUNK)

    # The page reloads: the browser lists its unfinished uploads and asks where this one stands.
    assert [item["id"] for item in student_client.get(UPLOADS).json()] == [upload_id]
    status = student_client.get(f"{UPLOADS}/{upload_id}")
    assert status.status_code == 200 and status.json()["received_bytes"] == CHUNK
    send_all(student_client, upload_id, video, offset=status.json()["received_bytes"])

    done = student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert done.status_code == 200, done.content
    result = done.json()
    assert (result["id"], result["status"], result["content_type"], result["size"]) == \
        (upload_id, "complete", "video/mp4", len(video))
    assert result["stored_name"].startswith("uploads/") and result["stored_name"].endswith(".mp4")
    with private_storage().open(result["stored_name"]) as stored:
        assert stored.read() == video
    assert not part_path(UploadSession.objects.get(id=upload_id)).exists()
    assert student_client.get(UPLOADS).json() == []


def test_given_octet_stream_chunks_when_sent_then_they_are_accepted_too(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    response = put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video),
                         content_type="application/octet-stream")
    assert response.status_code == 200 and response.json()["received_bytes"] == CHUNK


def test_given_a_chunk_ahead_of_the_offset_when_sent_then_409_with_the_offset_and_nothing_written(student_client,
                                                                                                 video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    ahead = put_chunk(student_client, upload_id, video[2 * CHUNK:3 * CHUNK], start=2 * CHUNK, total=len(video))
    assert ahead.status_code == 409
    assert ahead.json()["error"]["code"] == "offset_mismatch"
    assert ahead["Upload-Offset"] == str(CHUNK)
    assert student_client.get(f"{UPLOADS}/{upload_id}").json()["received_bytes"] == CHUNK


def test_given_a_chunk_received_already_when_sent_again_then_it_is_acknowledged_and_not_appended(student_client,
                                                                                                video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    again = put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    assert again.status_code == 200 and again.json()["received_bytes"] == CHUNK
    send_all(student_client, upload_id, video, offset=CHUNK)
    assert student_client.post(f"{UPLOADS}/{upload_id}/complete").json()["size"] == len(video)


def test_given_a_chunk_overlapping_the_offset_when_sent_then_409(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    overlap = put_chunk(student_client, upload_id, video[CHUNK - 10:2 * CHUNK - 10], start=CHUNK - 10,
                        total=len(video))
    assert overlap.status_code == 409 and overlap["Upload-Offset"] == str(CHUNK)


def test_given_the_temporary_data_lost_when_the_next_chunk_comes_then_the_offset_resets_to_what_is_there(
        student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    part_path(UploadSession.objects.get(id=upload_id)).unlink()
    response = put_chunk(student_client, upload_id, video[CHUNK:2 * CHUNK], start=CHUNK, total=len(video))
    assert response.status_code == 409 and response["Upload-Offset"] == "0"
    assert student_client.get(f"{UPLOADS}/{upload_id}").json()["received_bytes"] == 0


@pytest.mark.parametrize(("content_range", "code"), [
    (None, "invalid_content_range"),
    ("bytes 0-9", "invalid_content_range"),
    ("bytes 9-0/{total}", "invalid_content_range"),
    ("bytes 0-9/99999", "size_mismatch"),
    ("bytes 0-19/{total}", "length_mismatch"),
])
def test_given_a_bad_content_range_when_a_chunk_is_sent_then_400(student_client, video, content_range, code):
    upload_id = create(student_client, size=len(video)).json()["id"]
    header = content_range.format(total=len(video)) if content_range else ""
    response = student_client.put(f"{UPLOADS}/{upload_id}", data=video[:10],
                                  content_type="application/offset+octet-stream", HTTP_CONTENT_RANGE=header)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_given_a_chunk_larger_than_the_chunk_size_when_sent_then_413(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    response = put_chunk(student_client, upload_id, video[:CHUNK + 1], start=0, total=len(video))
    assert response.status_code == 413 and response.json()["error"]["code"] == "chunk_too_large"


def test_given_a_json_body_or_no_body_when_sent_as_a_chunk_then_415(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    as_json = student_client.put(f"{UPLOADS}/{upload_id}", {"data": "x"}, format="json",
                                 HTTP_CONTENT_RANGE=f"bytes 0-9/{len(video)}")
    empty = student_client.put(f"{UPLOADS}/{upload_id}", HTTP_CONTENT_RANGE=f"bytes 0-9/{len(video)}")
    assert (as_json.status_code, empty.status_code) == (415, 415)


@pytest.mark.parametrize(("payload", "status", "code"), [
    ({"filename": "a.mp4", "size": 0, "kind": "video"}, 400, "empty_file"),
    ({"filename": "a.mp4", "size": 3 * 1024**3, "kind": "video"}, 413, "file_too_large"),
    ({"filename": "setup.exe", "size": 100, "kind": "video"}, 415, "unsupported_type"),
    ({"filename": "notes.pdf", "size": 100, "kind": "video"}, 415, "unsupported_type"),
    ({"filename": "a.mp4", "size": 100, "kind": "executable"}, 400, "validation_error"),
    ({"filename": "a.mp4", "size": -1, "kind": "video"}, 400, "validation_error"),
    ({"filename": "../../", "size": 100, "kind": "video"}, 400, "validation_error"),
    ({"filename": "bad\x00name.mp4", "size": 100, "kind": "video"}, 400, "validation_error"),
    ({"size": 100, "kind": "video"}, 400, "validation_error"),
])
def test_given_a_bad_declaration_when_creating_an_upload_then_it_is_refused_up_front(student_client, payload, status,
                                                                                     code):
    response = student_client.post(UPLOADS, payload, format="json")
    assert response.status_code == status, response.content
    assert response.json()["error"]["code"] == code
    assert not UploadSession.objects.exists()


def test_given_a_path_in_the_filename_when_creating_then_only_the_name_is_kept(student_client):
    response = create(student_client, filename="C:\\Users\\ali\\..\\lesson.mp4", size=10)
    assert response.json()["filename"] == "lesson.mp4"


def test_given_too_many_unfinished_uploads_when_creating_another_then_409(student_client, student, settings):
    settings.UPLOAD_MAX_OPEN_PER_USER = 2
    UploadSessionFactory.create_batch(2, owner=student)
    UploadSessionFactory(owner=student, expires_at=timezone.now() - timedelta(minutes=1))  # expired: not counted
    response = create(student_client, size=10)
    assert response.status_code == 409 and response.json()["error"]["code"] == "too_many_uploads"


def test_given_many_new_uploads_when_created_quickly_then_the_user_is_throttled(student_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "uploads": "2/minute"}
    assert [create(student_client, size=10).status_code for _ in range(3)] == [201, 201, 429]
    assert student_client.get(UPLOADS).status_code == 200  # reading is not throttled


def test_given_missing_bytes_when_completing_then_409_with_the_offset(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    response = student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert response.status_code == 409 and response.json()["error"]["code"] == "upload_incomplete"
    assert response["Upload-Offset"] == str(CHUNK)


def test_given_a_completed_upload_when_completed_again_then_the_same_answer(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    send_all(student_client, upload_id, video)
    first = student_client.post(f"{UPLOADS}/{upload_id}/complete").json()
    again = student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert again.status_code == 200 and again.json() == first
    more = put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    assert more.status_code == 409 and more.json()["error"]["code"] == "upload_complete"


@pytest.mark.parametrize(("filename", "data", "status", "code"), [
    ("lesson.mp4", samples.windows_exe() * 40, 415, "unsupported_type"),  # a program posing as a video
    ("lesson.mp4", bytes(range(256)) * 40, 415, "unsupported_type"),  # nothing we recognise
    ("lesson.mp4", samples.pdf() + b" " * 9000, 400, "type_mismatch"),  # a PDF named .mp4
])
def test_given_content_that_is_not_the_declared_kind_when_completing_then_refused_and_nothing_stored(
        student_client, settings, filename, data, status, code):
    upload_id = create(student_client, filename=filename, size=len(data)).json()["id"]
    send_all(student_client, upload_id, data)
    response = student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert response.status_code == status and response.json()["error"]["code"] == code
    session = UploadSession.objects.get(id=upload_id)
    assert session.status == UploadStatus.ABORTED and session.stored_name == ""
    assert not part_path(session).exists()
    assert private_files(settings) == []


def test_given_a_pdf_declared_as_slides_when_completed_then_stored_as_a_pdf(student_client):
    data = samples.pdf()
    upload_id = create(student_client, filename="Week 1.pdf", size=len(data), kind="slides").json()["id"]
    send_all(student_client, upload_id, data)
    response = student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert response.status_code == 200 and response.json()["content_type"] == "application/pdf"


def test_given_an_open_upload_when_aborted_then_its_data_is_gone_and_it_takes_no_more_chunks(student_client, video):
    upload_id = create(student_client, size=len(video)).json()["id"]
    put_chunk(student_client, upload_id, video[:CHUNK], start=0, total=len(video))
    session = UploadSession.objects.get(id=upload_id)
    assert part_path(session).exists()
    assert student_client.delete(f"{UPLOADS}/{upload_id}").status_code == 204
    assert not part_path(session).exists()
    assert student_client.get(f"{UPLOADS}/{upload_id}").json()["status"] == "aborted"
    late = put_chunk(student_client, upload_id, video[CHUNK:2 * CHUNK], start=CHUNK, total=len(video))
    assert late.status_code == 409 and late.json()["error"]["code"] == "upload_aborted"
    assert student_client.delete(f"{UPLOADS}/{upload_id}").status_code == 204  # idempotent


def test_given_a_completed_unclaimed_upload_when_aborted_then_the_stored_file_is_removed(
        student_client, video, settings, django_capture_on_commit_callbacks):
    upload_id = create(student_client, size=len(video)).json()["id"]
    send_all(student_client, upload_id, video)
    student_client.post(f"{UPLOADS}/{upload_id}/complete")
    assert len(private_files(settings)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert student_client.delete(f"{UPLOADS}/{upload_id}").status_code == 204
    assert private_files(settings) == []


def test_given_an_expired_upload_when_resumed_then_410(student_client, student, video):
    session = UploadSessionFactory(owner=student, size=len(video), expires_at=timezone.now() - timedelta(seconds=1))
    assert student_client.get(f"{UPLOADS}/{session.id}").status_code == 410
    response = put_chunk(student_client, str(session.id), video[:CHUNK], start=0, total=len(video))
    assert response.status_code == 410 and response.json()["error"]["code"] == "upload_expired"
    assert student_client.get(UPLOADS).json() == []


def test_given_someone_elses_upload_when_touched_then_404_as_if_it_did_not_exist(student, video):
    session = UploadSessionFactory(owner=student, size=len(video))
    for intruder in (StudentFactory(), StudentFactory(role="admin", is_staff=True, is_superuser=True)):
        client = client_for(intruder)
        url = f"{UPLOADS}/{session.id}"
        responses = [client.get(url), put_chunk(client, str(session.id), video[:CHUNK], start=0, total=len(video)),
                     client.post(f"{url}/complete"), client.delete(url)]
        assert [r.status_code for r in responses] == [404, 404, 404, 404]
        assert all(r.json()["error"]["code"] == "not_found" for r in responses)
        assert client.get(UPLOADS).json() == []
    session.refresh_from_db()
    assert (session.status, session.received_bytes) == (UploadStatus.OPEN, 0)


def test_given_no_login_when_using_uploads_then_401(api_client, student):
    session = UploadSessionFactory(owner=student)
    url = f"{UPLOADS}/{session.id}"
    responses = [api_client.get(UPLOADS), api_client.post(UPLOADS, {}, format="json"), api_client.get(url),
                 put_chunk(api_client, str(session.id), b"x", start=0, total=session.size),
                 api_client.post(f"{url}/complete"), api_client.delete(url)]
    assert [r.status_code for r in responses] == [401] * 6
