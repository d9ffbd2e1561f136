"""Account e-mails (verification, password reset), written in the recipient's language."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ustad.users.models import User

VERIFY_SALT = "ustad.users.verify-email"
AccountEmail = Literal["verify_email", "password_reset"]


def email_verification_token_make(*, user: User) -> str:
    return signing.dumps({"u": str(user.id), "e": user.email}, salt=VERIFY_SALT, compress=True)


def password_reset_token_make(*, user: User) -> str:
    """`<uid>.<token>`: Django's token generator, which stops working once the password changes."""
    return f"{urlsafe_base64_encode(force_bytes(user.pk))}.{default_token_generator.make_token(user)}"


def _link_and_hours(kind: AccountEmail, user: User) -> tuple[str, int]:
    if kind == "verify_email":
        return (f"{settings.SITE_URL}/verify-email?token={email_verification_token_make(user=user)}",
                settings.EMAIL_VERIFICATION_MAX_AGE // 3600)
    return (f"{settings.SITE_URL}/reset-password?token={password_reset_token_make(user=user)}",
            settings.PASSWORD_RESET_TIMEOUT // 3600)


def account_email_build(*, kind: AccountEmail, user: User) -> EmailMessage:
    link, hours = _link_and_hours(kind, user)
    language = user.language if user.language in ("en", "ur") else "en"
    text = render_to_string(f"users/emails/{kind}.{language}.txt", {"user": user, "link": link, "hours": hours})
    subject, _, body = text.partition("\n")
    return EmailMessage(subject=subject.strip(), body=body.lstrip(), to=[user.email])
