"""Periodic housekeeping of the core app (scheduled by CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task

from ustad.core.files.purge import upload_sessions_purge_expired


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def uploads_purge_expired() -> int:
    """Remove expired upload sessions and their data. Safe to run twice (and concurrently)."""
    return upload_sessions_purge_expired()
