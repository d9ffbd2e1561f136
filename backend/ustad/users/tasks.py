"""Account e-mails go out from the worker, so a slow mail server never slows a signup."""

from __future__ import annotations

from uuid import UUID

from celery import shared_task

from ustad.users.emails import AccountEmail, account_email_build
from ustad.users.models import User


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5,
             queue="notifications")
def send_account_email(self: object, user_id: str | UUID, kind: AccountEmail) -> bool:
    """Build the link at send time (so no token sits in the broker) and send it. Missing users are skipped."""
    user = User.objects.filter(id=user_id, is_active=True).first()
    if user is None:
        return False
    if kind == "verify_email" and user.email_verified:
        return False
    account_email_build(kind=kind, user=user).send()
    return True
