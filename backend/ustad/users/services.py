"""Every write to accounts: signup, verification, login, passwords, profile and avatar."""

from __future__ import annotations

from typing import Any

import phonenumbers
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.core.images import AVATAR_SIZE, image_upload_process
from ustad.core.realtime import send_event_on_commit
from ustad.users import lockout
from ustad.users.emails import VERIFY_SALT, AccountEmail
from ustad.users.models import Currency, Role, Subject, TutorProfile, User, normalize_email
from ustad.users.tasks import send_account_email

SIGNUP_ROLES = (Role.STUDENT, Role.TUTOR)


def _invalid_token() -> ApplicationError:
    return ApplicationError(code="invalid_token", message="This link is invalid or has expired. Ask for a new one.")


def _check_password(password: str, user: User, field: str) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ApplicationError(code="validation_error", message="Choose a stronger password.",
                               fields={field: list(exc.messages)}) from exc


def _queue_email(user: User, kind: AccountEmail) -> None:
    transaction.on_commit(lambda: send_account_email.delay(str(user.id), kind))


@transaction.atomic
def user_signup(*, email: str, password: str, first_name: str, last_name: str = "", role: str = Role.STUDENT,
                language: str = "en", timezone_name: str = "Asia/Karachi") -> User:
    if role not in SIGNUP_ROLES:
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"role": ["Sign up as a student or a tutor."]})
    email = normalize_email(email)
    if User.objects.filter(email=email).exists():
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"email": ["An account with this e-mail already exists. Log in instead."]})
    user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip(), role=role,
                language=language, timezone=timezone_name)
    _check_password(password, user, "password")
    user.set_password(password)
    user.full_clean()
    user.save()
    if role == Role.TUTOR:
        TutorProfile.objects.create(user=user)
    _queue_email(user, "verify_email")
    return user


@transaction.atomic
def email_verify(*, token: str) -> User:
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature as exc:
        raise _invalid_token() from exc
    user = User.objects.select_for_update().filter(id=data.get("u"), is_active=True).first()
    if user is None or user.email != data.get("e"):
        raise _invalid_token()
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        send_event_on_commit(user_ids=[user.id], event={"type": "account", "op": "email_verified"})
    return user


def email_verification_resend(*, email: str) -> None:
    """Send a fresh link when the account exists and is unverified; say nothing either way."""
    user = User.objects.filter(email=normalize_email(email), is_active=True, email_verified_at__isnull=True).first()
    if user is not None:
        _queue_email(user, "verify_email")


def user_login(*, email: str, password: str) -> User:
    """Check credentials with a lockout that treats unknown and known addresses alike."""
    email = normalize_email(email)
    seconds_left = lockout.lockout_seconds_left(email=email)
    if seconds_left:
        raise ApplicationError(
            code="login_locked", status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            message=f"Too many failed attempts. Try again in {(seconds_left + 59) // 60} minutes, "
                    "or reset your password.",
            headers={"Retry-After": str(seconds_left)},
        )
    user = authenticate(username=email, password=password)
    if user is None:
        lockout.login_failure_record(email=email)
        raise ApplicationError(code="invalid_credentials", message="The e-mail or password is not right.",
                               status_code=status.HTTP_401_UNAUTHORIZED)
    assert isinstance(user, User)
    lockout.login_failures_clear(email=email)
    if not user.email_verified:
        raise ApplicationError(code="email_not_verified", status_code=status.HTTP_403_FORBIDDEN,
                               message="Confirm your e-mail first: we sent you a link.")
    return user


def password_reset_request(*, email: str) -> None:
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is not None and user.has_usable_password():
        _queue_email(user, "password_reset")


@transaction.atomic
def password_reset_confirm(*, token: str, new_password: str) -> User:
    from ustad.users.tokens import refresh_tokens_revoke_all

    uid, _, reset_token = token.partition(".")
    try:
        user_id = force_str(urlsafe_base64_decode(uid))
        user = User.objects.select_for_update().filter(id=user_id, is_active=True).first()
    except (ValueError, ValidationError):
        user = None
    if user is None or not default_token_generator.check_token(user, reset_token):
        raise _invalid_token()
    _check_password(new_password, user, "new_password")
    user.set_password(new_password)
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()  # the reset link proved the mailbox is theirs
    user.save(update_fields=["password", "email_verified_at"])
    refresh_tokens_revoke_all(user=user)
    lockout.login_failures_clear(email=user.email)
    send_event_on_commit(user_ids=[user.id], event={"type": "account", "op": "password_changed"})
    return user


@transaction.atomic
def password_change(*, user: User, current_password: str, new_password: str) -> User:
    from ustad.users.tokens import refresh_tokens_revoke_all

    if not user.check_password(current_password):
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"current_password": ["This is not your current password."]})
    _check_password(new_password, user, "new_password")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    refresh_tokens_revoke_all(user=user)
    send_event_on_commit(user_ids=[user.id], event={"type": "account", "op": "password_changed"})
    return user


def _normalize_phone(phone: str) -> str:
    if not phone:
        return ""
    try:
        parsed = phonenumbers.parse(phone, "PK")
    except phonenumbers.NumberParseException as exc:
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"phone": ["Enter a phone number such as +92 300 1234567."]}) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"phone": ["This phone number is not valid."]})
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


PROFILE_FIELDS = ("first_name", "last_name", "headline", "bio", "timezone", "language", "phone")


def _tutor_profile_update(user: User, data: dict[str, Any]) -> None:
    if user.role != Role.TUTOR:
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"tutor_profile": ["Only tutors have a tutor profile."]})
    profile, _ = TutorProfile.objects.select_for_update().get_or_create(user=user)
    for field in ("hourly_rate", "currency", "experience_years"):
        if field in data:
            setattr(profile, field, data[field])
    if profile.currency not in Currency.values:
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"tutor_profile.currency": ["Choose PKR or USD."]})
    profile.full_clean()
    profile.save()
    if "subject_slugs" in data:
        slugs = set(data["subject_slugs"])
        subjects = list(Subject.objects.filter(slug__in=slugs))
        unknown = slugs - {subject.slug for subject in subjects}
        if unknown:
            message = f"Unknown subjects: {', '.join(sorted(unknown))}."
            raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                                   fields={"tutor_profile.subject_slugs": [message]})
        profile.subjects.set(subjects)


def _profile_changed(user: User) -> None:
    send_event_on_commit(user_ids=[user.id], event={"type": "profile", "op": "update", "user_id": str(user.id)})


@transaction.atomic
def user_profile_update(*, user: User, data: dict[str, Any]) -> User:
    user = User.objects.select_for_update().get(id=user.id)
    for field in PROFILE_FIELDS:
        if field in data:
            value = data[field]
            setattr(user, field, _normalize_phone(value) if field == "phone" else value)
    user.full_clean()
    user.save()
    if "tutor_profile" in data and data["tutor_profile"] is not None:
        _tutor_profile_update(user, data["tutor_profile"])
    _profile_changed(user)
    return user


def _delete_file_on_commit(name: str | None) -> None:
    if name:
        from django.core.files.storage import default_storage

        transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def user_avatar_set(*, user: User, upload: UploadedFile) -> User:
    processed = image_upload_process(upload=upload, field="avatar", max_size=AVATAR_SIZE)
    user = User.objects.select_for_update().get(id=user.id)
    old_name = user.avatar.name
    user.avatar.save(f"{user.id}/{processed.name}", processed, save=False)
    user.save(update_fields=["avatar"])
    _delete_file_on_commit(old_name)
    _profile_changed(user)
    return user


@transaction.atomic
def user_avatar_remove(*, user: User) -> User:
    user = User.objects.select_for_update().get(id=user.id)
    _delete_file_on_commit(user.avatar.name)
    user.avatar = ""
    user.save(update_fields=["avatar"])
    _profile_changed(user)
    return user
