"""Periodic work of the live room (scheduled by CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import get_connection

from ustad.classroom.emails import SessionEmail, session_email_build
from ustad.classroom.models import LiveSession
from ustad.classroom.services.breakout import breakouts_close_due
from ustad.classroom.services.schedule import attendee_ids
from ustad.classroom.services.zoom import ZoomError, zoom_meeting_sync
from ustad.users.models import User


@shared_task(acks_late=True, ignore_result=True)
def breakouts_close() -> int:
    """Call everyone back from breakout rounds whose time is up."""
    return breakouts_close_due()


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5, queue="notifications",
             ignore_result=True)
def send_session_emails(session_ids: list[str], op: SessionEmail, user_ids: list[str] | None = None) -> int:
    """E-mail the attendees (or the given users) about classes just scheduled, changed or cancelled.

    Built at send time from the database, so a change that came later is what people read."""
    sessions = list(LiveSession.objects.filter(id__in=session_ids).select_related("course").order_by("starts_at"))
    if not sessions:
        return 0
    recipients = User.objects.filter(id__in=user_ids if user_ids is not None else attendee_ids(sessions[0]),
                                     is_active=True).exclude(email="")
    messages = [session_email_build(op=op, user=user, sessions=sessions) for user in recipients]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3, queue="media",
             ignore_result=True)
def recording_process(recording_id: str) -> str | None:
    """Make a stopped recording's MP4, audio track and thumbnail (see services/recording_media.py)."""
    from ustad.classroom.services.recording_media import recording_transcode

    recording = recording_transcode(recording_id=recording_id)
    return recording.status if recording else None


@shared_task(acks_late=True, autoretry_for=(ZoomError,), retry_backoff=True, max_retries=6, ignore_result=True)
def zoom_meeting_sync_task(session_id: str) -> str:
    """Keep a class's Zoom meeting in step with the class after it is moved, renamed or cancelled."""
    return zoom_meeting_sync(session_id=session_id)
