"""Periodic work of the payments app (scheduled by CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from ustad.payments.services.referrals import commissions_credit_due


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def credit_due_commissions() -> int:
    """Credit referral commissions whose refund window has passed. Safe to run twice (and concurrently)."""
    return commissions_credit_due()
