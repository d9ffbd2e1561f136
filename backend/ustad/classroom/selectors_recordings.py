"""Reading recordings: who may see which, and their short-lived links."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import status

from ustad.classroom import permissions
from ustad.classroom.models import LiveSession, Recording, RecordingStatus
from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url

# Long enough to watch a two-hour class without the player losing its link half-way.
LINK_SECONDS = 3 * 60 * 60


def recording_brief(recording: Recording) -> dict[str, Any]:
    """What the room says about a recording while it runs."""
    return {"id": str(recording.id), "title": recording.title, "status": recording.status,
            "started_at": recording.started_at.isoformat(),
            "started_by": str(recording.started_by_id) if recording.started_by_id else None}


def _download_name(recording: Recording, extension: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in recording.title).strip() or "recording"
    return f"{' '.join(safe.split())[:80]}.{extension}"


def recording_dict(recording: Recording) -> dict[str, Any]:
    ready = recording.status == RecordingStatus.READY
    course = recording.course

    def link(name: str, extension: str, *, attachment: bool = False) -> str | None:
        if not (ready and name):
            return None
        return private_file_url(name=name, download_name=_download_name(recording, extension), ttl=LINK_SECONDS,
                                attachment=attachment)

    return {
        **recording_brief(recording),
        "session_id": str(recording.session_id),
        "course": {"slug": course.slug, "title": course.title} if course else None,
        "stopped_at": recording.stopped_at.isoformat() if recording.stopped_at else None,
        "duration_seconds": recording.duration_seconds, "progress": recording.progress,
        "error": recording.error, "size": recording.video_size,
        "lesson_id": str(recording.lesson_id) if recording.lesson_id else None,
        "video_url": link(recording.video_name, "mp4"),
        "audio_url": link(recording.audio_name, "m4a"),
        "thumbnail_url": link(recording.thumbnail_name, "jpg"),
        "download_url": link(recording.video_name, "mp4", attachment=True),
    }


def recordings_of_session(*, session: LiveSession, tutor: bool) -> QuerySet[Recording]:
    """Tutors see every recording of their class; students only the finished ones."""
    recordings = Recording.objects.filter(session=session).select_related("course")
    return recordings if tutor else recordings.filter(status=RecordingStatus.READY)


def recording_get_for_user(*, user: Any, recording_id: Any) -> tuple[Recording, bool]:
    """The recording and whether the user manages its class; 404 for anyone who may not see it."""
    recording = Recording.objects.select_related("session", "session__course", "course").filter(
        id=recording_id).first()
    missing = ApplicationError(code="not_found", status_code=status.HTTP_404_NOT_FOUND, message="No recording here.")
    if recording is None or not permissions.can_see_session(user, recording.session):
        raise missing
    tutor = permissions.can_manage_session(user, recording.session)
    if not tutor and recording.status != RecordingStatus.READY:
        raise missing
    return recording, tutor
