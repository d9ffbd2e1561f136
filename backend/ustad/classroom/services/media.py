"""The room's media state that the server keeps: who may share a screen, and a tutor's mute.

Video and audio themselves travel between browsers (or through the SFU); the server relays their signaling
frames without storing them (see consumers.py). Protocol: docs/classroom.md, "Media".
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ustad.classroom.models import LiveSession, Participant, ParticipantRole, Recording, RecordingStatus
from ustad.classroom.services.room import _participant, event_append
from ustad.core.errors import ApplicationError


def media_snapshot(*, session: LiveSession) -> dict[str, Any]:
    """The media part of the welcome: who may share a screen and the recording running now, if any."""
    from ustad.classroom.selectors_recordings import recording_brief

    allowed = Participant.objects.filter(session=session, role=ParticipantRole.STUDENT, can_share_screen=True)
    running = Recording.objects.filter(session=session, status=RecordingStatus.RECORDING).first()
    return {"screen_allowed": [str(user_id) for user_id in allowed.values_list("user_id", flat=True)],
            "recording": recording_brief(running) if running else None}


@transaction.atomic
def screen_permit(*, session: LiveSession, tutor: Any, user_id: Any, allowed: bool) -> None:
    """Let a student share a screen, or take that back (their browser then stops sharing)."""
    if not isinstance(user_id, str) or not isinstance(allowed, bool):
        raise TypeError("user_id, allowed")
    participant = _participant(session, user_id)
    if participant.role != ParticipantRole.STUDENT:
        raise ApplicationError(code="validation_error", message="Tutors may always share their screen.")
    if participant.can_share_screen == allowed:
        return
    participant.can_share_screen = allowed
    participant.save(update_fields=["can_share_screen", "updated_at"])
    event_append(session=session, type="media.screen_permitted",
                 payload={"user_id": str(participant.user_id), "allowed": allowed}, actor=tutor)


def may_share_screen(*, session: LiveSession, user: Any, tutor: bool) -> bool:
    return tutor or Participant.objects.filter(session=session, user=user, can_share_screen=True).exists()


def microphone_on(*, session: LiveSession, user: Any) -> None:
    """A student who turns their microphone back on is no longer shown as muted by the tutor."""
    Participant.objects.filter(session=session, user=user, muted=True).update(muted=False)
