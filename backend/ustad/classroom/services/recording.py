"""Class recordings: started and stopped by tutors, uploaded in chunks by the tutor's browser while the
class runs, then made into an MP4 by the `media` queue (services/recording_media.py).

A chunk is stored before it is acknowledged, and storing the same chunk again changes nothing, so the
browser may retry freely; a reloaded tab continues with a new `part`. Protocol: docs/classroom.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import status

from ustad.classroom.models import (
    LiveSession,
    Recording,
    RecordingChunk,
    RecordingStatus,
    SessionStatus,
)
from ustad.classroom.services.room import event_append
from ustad.core.errors import ApplicationError
from ustad.core.files.sniff import sniff_bytes
from ustad.core.files.storage import private_file_delete, private_files_delete, private_storage

MAX_PART = 999
MAX_INDEX = 99_999


def _title_for(session: LiveSession) -> str:
    earlier = Recording.objects.filter(session=session).count()
    return session.title if earlier == 0 else f"{session.title} ({earlier + 1})"


@transaction.atomic
def recording_start(*, session: LiveSession, tutor: Any, title: str | None = None) -> Recording:
    """Start recording a live class; everyone in the room sees `recording.started`."""
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if session.status != SessionStatus.LIVE:
        raise ApplicationError(code="session_not_live", status_code=status.HTTP_409_CONFLICT,
                               message="Recording starts once the class is live.")
    running = Recording.objects.filter(session=session, status=RecordingStatus.RECORDING).first()
    if running is not None:
        raise ApplicationError(code="already_recording", status_code=status.HTTP_409_CONFLICT,
                               message="This class is already being recorded.",
                               fields={"recording_id": [str(running.id)]})
    clean_title = (title or "").strip()[:200] or _title_for(session)
    recording = Recording.objects.create(session=session, course=session.course, started_by=tutor,
                                         title=clean_title, started_at=timezone.now())
    from ustad.classroom.selectors_recordings import recording_brief

    event_append(session=session, type="recording.started", payload={"recording": recording_brief(recording)},
                 actor=tutor)
    return recording


def _check_chunk(*, part: int, index: int, data: bytes) -> None:
    if not 0 <= part <= MAX_PART or not 0 <= index <= MAX_INDEX:
        raise ApplicationError(code="validation_error", message="Check the chunk's part and index.",
                               fields={"part": [f"0–{MAX_PART}."], "index": [f"0–{MAX_INDEX}."]})
    if not data:
        raise ApplicationError(code="empty_chunk", message="That chunk has no bytes.")
    if len(data) > settings.RECORDING_CHUNK_MAX_BYTES:
        raise ApplicationError(code="chunk_too_large", status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                               message=f"A chunk may hold at most {settings.RECORDING_CHUNK_MAX_BYTES // 2**20} MB.")
    if index == 0:
        found = sniff_bytes(data)
        if found is None or found.kind not in ("video/webm", "audio/webm"):
            raise ApplicationError(code="unsupported_type", status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                                   message="A recording part must start with a WebM header.")


def recording_chunk_store(*, recording: Recording, part: int, index: int, data: bytes) -> tuple[RecordingChunk, bool]:
    """Keep one chunk; `(chunk, False)` when it was stored already (a retry), so nothing changes."""
    _check_chunk(part=part, index=index, data=data)
    existing = RecordingChunk.objects.filter(recording=recording, part=part, index=index).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        # The row lock orders chunks against `stop`: once stopped, no chunk gets in.
        current = Recording.objects.select_for_update().get(id=recording.id)
        if current.status != RecordingStatus.RECORDING:
            raise ApplicationError(code="recording_stopped", status_code=status.HTTP_409_CONFLICT,
                                   message="This recording has stopped; start a new one.")
        name = private_storage().save(f"recordings/{recording.id}/chunks/{part:03d}-{index:05d}.webm",
                                      ContentFile(data))
        try:
            with transaction.atomic():
                chunk = RecordingChunk.objects.create(recording=recording, part=part, index=index, size=len(data),
                                                      name=name)
        except IntegrityError:
            private_file_delete(name=name)
            return RecordingChunk.objects.get(recording=recording, part=part, index=index), False
    return chunk, True


@transaction.atomic
def recording_stop(*, recording: Recording, by: Any = None) -> Recording:
    """Stop recording and queue the MP4; safe to repeat. Everyone hears `recording.stopped`."""
    recording = Recording.objects.select_for_update().select_related("session").get(id=recording.id)
    if recording.status != RecordingStatus.RECORDING:
        return recording
    recording.status, recording.stopped_at, recording.progress = RecordingStatus.PROCESSING, timezone.now(), 0
    recording.save(update_fields=["status", "stopped_at", "progress", "updated_at"])
    event_append(session=recording.session, type="recording.stopped", payload={"recording_id": str(recording.id)},
                 actor=by)
    from ustad.classroom.tasks import recording_process

    recording_id = str(recording.id)
    transaction.on_commit(lambda: recording_process.delay(recording_id))
    return recording


def recordings_stop_running(*, session: LiveSession, by: Any = None) -> None:
    """Ending the class ends its recording too."""
    for recording in Recording.objects.filter(session=session, status=RecordingStatus.RECORDING):
        recording_stop(recording=recording, by=by)


@transaction.atomic
def recording_delete(*, recording: Recording) -> None:
    """Remove a recording and its files (a lesson made from it keeps its video)."""
    from ustad.courses.models import Lesson

    recording = Recording.objects.select_for_update().get(id=recording.id)
    if recording.status == RecordingStatus.RECORDING:
        raise ApplicationError(code="still_recording", status_code=status.HTTP_409_CONFLICT,
                               message="Stop the recording before deleting it.")
    names = [recording.audio_name, recording.thumbnail_name, *recording.chunks.values_list("name", flat=True)]
    if not Lesson.objects.filter(video_name=recording.video_name).exists():
        names.append(recording.video_name)
    recording.delete()
    transaction.on_commit(lambda: private_files_delete(*names))


@transaction.atomic
def recording_lesson_create(*, recording: Recording, section_id: Any, title: str | None) -> Any:
    """Make a video lesson of a ready recording in one of its course's sections (once)."""
    from ustad.courses.models import Section
    from ustad.courses.services.syllabus import lesson_create

    recording = Recording.objects.select_for_update().get(id=recording.id)
    if recording.status != RecordingStatus.READY:
        raise ApplicationError(code="recording_not_ready", status_code=status.HTTP_409_CONFLICT,
                               message="The recording is not ready yet.")
    if recording.lesson_id is not None:
        raise ApplicationError(code="already_published", status_code=status.HTTP_409_CONFLICT,
                               message="A lesson was already made from this recording.")
    section = Section.objects.filter(id=section_id, course_id=recording.course_id).first() \
        if recording.course_id else None
    if section is None:
        raise ApplicationError(code="validation_error", message="Choose a section of the class's course.",
                               fields={"section_id": ["Not a section of this course."]})
    lesson = lesson_create(section=section, data={
        "title": (title or "").strip()[:120] or recording.title[:120], "kind": "video",
        "duration_seconds": min(int(recording.duration_seconds or 0), 24 * 3600)})
    lesson.video_name, lesson.video_content_type = recording.video_name, "video/mp4"
    lesson.save(update_fields=["video_name", "video_content_type", "updated_at"])
    recording.lesson = lesson
    recording.save(update_fields=["lesson", "updated_at"])
    return lesson
