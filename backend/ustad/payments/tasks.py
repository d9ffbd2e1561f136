"""Periodic work of the payments app (scheduled by CELERY_BEAT_SCHEDULE in settings)."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from ustad.payments.services.payments import payments_inquire_stale as inquire_stale
from ustad.payments.services.referrals import commissions_credit_due
from ustad.payments.services.subscriptions import subscriptions_sweep as sweep


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def credit_due_commissions() -> int:
    """Credit referral commissions whose refund window has passed. Safe to run twice (and concurrently)."""
    return commissions_credit_due()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def subscriptions_sweep() -> dict[str, int]:
    """End cancelled and unpaid subscriptions, renew the local gateway's, mark late renewals past due."""
    return sweep()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def payments_inquire_stale() -> int:
    """Ask providers about payments started a while ago that no webhook settled."""
    return inquire_stale()
