"""Other apps take a completed upload exactly once; expired sessions and their data are purged by a task."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.core.files.storage import StoredFile, private_storage
from ustad.core.files.uploads import part_path, upload_session_claim, upload_temp_dir
from ustad.core.models import UploadSession, UploadStatus
from ustad.core.tasks import uploads_purge_expired
from ustad.core.tests import samples
from ustad.core.tests.factories import UploadSessionFactory
from ustad.users.tests.factories import StudentFactory, TutorFactory


def completed(owner: Any, *, data: bytes | None = None, name: str = "Week 1.pdf", **fields: Any) -> UploadSession:
    """An upload as `complete` leaves it: its file in private storage."""
    data = data or samples.pdf()
    stored = private_storage().save(f"uploads/2026/11/{os.urandom(8).hex()}.pdf", ContentFile(data))
    return UploadSessionFactory(owner=owner, filename=name, size=len(data), kind="slides", received_bytes=len(data),
                                status=UploadStatus.COMPLETE, stored_name=stored, content_type="application/pdf",
                                content_kind="pdf", **fields)


def claim_error(**kwargs: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        upload_session_claim(**kwargs)
    return caught.value


def test_given_a_completed_upload_when_its_owner_claims_it_then_the_stored_file_is_handed_over_once(db):
    tutor = TutorFactory()
    session = completed(tutor)
    stored = upload_session_claim(user=tutor, upload_id=session.id, allowed={"slides"})
    assert stored == StoredFile(name=session.stored_name, content_type="application/pdf", size=session.size,
                                original_filename="Week 1.pdf", kind="pdf")
    again = claim_error(user=tutor, upload_id=session.id, allowed={"slides"})
    assert (again.code, again.status_code) == ("upload_claimed", 409)


def test_given_someone_elses_upload_when_claimed_then_not_found(db):
    session = completed(TutorFactory())
    error = claim_error(user=TutorFactory(), upload_id=session.id, allowed={"slides"})
    assert (error.code, error.status_code) == ("not_found", 404)
    assert claim_error(user=TutorFactory(), upload_id="not-a-uuid", allowed={"slides"}).status_code == 404


def test_given_an_upload_of_another_kind_when_claimed_then_415_and_it_stays_claimable(db):
    tutor = TutorFactory()
    session = completed(tutor)
    error = claim_error(user=tutor, upload_id=session.id, allowed={"video"})
    assert (error.code, error.status_code) == ("unsupported_type", 415)
    assert "upload_id" in error.fields
    assert upload_session_claim(user=tutor, upload_id=session.id, allowed={"document"}).kind == "pdf"


@pytest.mark.parametrize("status", [UploadStatus.OPEN, UploadStatus.ABORTED])
def test_given_an_upload_that_is_not_complete_when_claimed_then_409(db, status):
    tutor = TutorFactory()
    session = UploadSessionFactory(owner=tutor, status=status)
    assert claim_error(user=tutor, upload_id=session.id, allowed={"video"}).code == "upload_not_complete"


def test_given_a_claimed_upload_when_its_owner_deletes_the_session_then_409_and_the_file_stays(student_client,
                                                                                             student):
    session = completed(student)
    upload_session_claim(user=student, upload_id=session.id, allowed={"document"})
    response = student_client.delete(f"/api/v1/uploads/{session.id}")
    assert response.status_code == 409 and response.json()["error"]["code"] == "upload_claimed"
    assert private_storage().exists(session.stored_name)


def test_given_expired_sessions_when_the_purge_runs_then_their_data_goes_and_claimed_files_stay(
        db, django_capture_on_commit_callbacks):
    owner = StudentFactory()
    past = timezone.now() - timedelta(minutes=1)
    unfinished = UploadSessionFactory(owner=owner, expires_at=past, received_bytes=3)
    part_path(unfinished).parent.mkdir(parents=True, exist_ok=True)
    part_path(unfinished).write_bytes(b"abc")
    unclaimed = completed(owner, expires_at=past)
    claimed = completed(owner, expires_at=past, claimed_at=timezone.now())
    cancelled = UploadSessionFactory(owner=owner, expires_at=past, status=UploadStatus.ABORTED)
    fresh = UploadSessionFactory(owner=owner)
    part_path(fresh).write_bytes(b"fresh")

    with django_capture_on_commit_callbacks(execute=True):
        assert uploads_purge_expired() == 4
    assert list(UploadSession.objects.all()) == [fresh]
    assert not part_path(unfinished).exists() and part_path(fresh).exists()
    assert not private_storage().exists(unclaimed.stored_name)
    assert private_storage().exists(claimed.stored_name)
    assert cancelled.id not in set(UploadSession.objects.values_list("id", flat=True))
    assert uploads_purge_expired() == 0  # safe to run twice


def test_given_temporary_files_without_a_session_when_the_purge_runs_then_only_stale_ones_go(db):
    folder = upload_temp_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stale, recent, stray = folder / f"{'0' * 32}.part", folder / f"{'1' * 32}.part", folder / "junk.part"
    for path in (stale, recent, stray):
        path.write_bytes(b"left over")
    old = time.time() - django_settings.UPLOAD_SESSION_LIFETIME.total_seconds() - 60
    for path in (stale, stray):
        os.utime(path, (old, old))
    uploads_purge_expired()
    assert [path.exists() for path in (stale, recent, stray)] == [False, True, False]


def test_given_the_beat_schedule_when_read_then_the_purge_task_runs_hourly():
    entry = django_settings.CELERY_BEAT_SCHEDULE["uploads-purge-expired"]
    assert entry["task"] == uploads_purge_expired.name == "ustad.core.tasks.uploads_purge_expired"
    assert entry["schedule"] == 3600


def test_given_a_temp_dir_setting_when_set_then_chunks_go_there(db, settings, tmp_path: Path):
    settings.UPLOAD_TEMP_DIR = str(tmp_path / "shared")
    assert part_path(UploadSessionFactory()).parent == tmp_path / "shared"
