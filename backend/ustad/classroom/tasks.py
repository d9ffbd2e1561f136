"""Periodic work of the live room (scheduled by CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task

from ustad.classroom.services.breakout import breakouts_close_due


@shared_task(acks_late=True, ignore_result=True)
def breakouts_close() -> int:
    """Call everyone back from breakout rounds whose time is up."""
    return breakouts_close_due()
