"""Signup and e-mail verification through the API, with the inputs people get wrong."""

from __future__ import annotations

import pytest
from django.core import signing

from ustad.users.emails import VERIFY_SALT, email_verification_token_make
from ustad.users.models import Role, User
from ustad.users.tasks import send_account_email
from ustad.users.tests.factories import StudentFactory

SIGNUP = "/api/v1/auth/signup"
VERIFY = "/api/v1/auth/verify-email"
GOOD = {"email": "Ayesha.Khan@Example.PK", "password": "learning-is-light-42", "first_name": "Ayesha",
        "last_name": "Khan", "role": "student"}


@pytest.mark.django_db
def test_signup_creates_an_unverified_account_and_queues_the_verification_email(
        api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = api_client.post(SIGNUP, GOOD, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["email"] == "ayesha.khan@example.pk"
    user = User.objects.get(email="ayesha.khan@example.pk")
    assert user.role == Role.STUDENT and not user.email_verified
    assert user.password.startswith("argon2")
    assert len(callbacks) == 1  # the e-mail task is enqueued only after the commit


@pytest.mark.django_db
def test_tutor_signup_gets_a_tutor_profile(api_client):
    response = api_client.post(SIGNUP, {**GOOD, "role": "tutor"}, format="json")
    assert response.status_code == 201
    assert User.objects.get(email="ayesha.khan@example.pk").tutor_profile.currency == "PKR"


@pytest.mark.django_db
def test_duplicate_email_in_another_case_is_refused(api_client):
    StudentFactory(email="ayesha.khan@example.pk")
    response = api_client.post(SIGNUP, {**GOOD, "email": "AYESHA.KHAN@example.pk"}, format="json")
    assert response.status_code == 400
    assert "email" in response.json()["error"]["fields"]
    assert User.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["short1", "password123", "12345678901", "ayesha.khan"])
def test_weak_passwords_are_refused(api_client, password):
    response = api_client.post(SIGNUP, {**GOOD, "password": password}, format="json")
    assert response.status_code == 400
    body = response.json()["error"]
    assert body["code"] == "validation_error" and body["fields"]["password"]
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["admin", "superuser", ""])
def test_nobody_can_sign_up_as_admin(api_client, role):
    response = api_client.post(SIGNUP, {**GOOD, "role": role}, format="json")
    assert response.status_code == 400
    assert "role" in response.json()["error"]["fields"]
    assert not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), [
    ("email", "not-an-email"), ("first_name", ""), ("timezone", "Mars/Olympus"), ("language", "fr"),
])
def test_bad_fields_get_field_errors(api_client, field, value):
    response = api_client.post(SIGNUP, {**GOOD, field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_malformed_json_gets_the_error_envelope(api_client):
    response = api_client.generic("POST", SIGNUP, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


@pytest.mark.django_db
def test_the_email_task_writes_a_link_that_verifies_the_account(api_client, mailoutbox):
    api_client.post(SIGNUP, GOOD, format="json")
    user = User.objects.get()
    assert send_account_email(str(user.id), "verify_email") is True
    [mail] = mailoutbox
    token = mail.body.split("/verify-email?token=")[1].split()[0]
    response = api_client.post(VERIFY, {"token": token}, format="json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email_verified
    # Verifying again is harmless, and a verified account gets no more verification mail.
    assert api_client.post(VERIFY, {"token": token}, format="json").status_code == 200
    assert send_account_email(str(user.id), "verify_email") is False


@pytest.mark.django_db
def test_urdu_speakers_get_urdu_mail(mailoutbox):
    user = StudentFactory(language="ur", email_verified_at=None)
    send_account_email(str(user.id), "verify_email")
    assert "تصدیق" in mailoutbox[0].subject + mailoutbox[0].body


@pytest.mark.django_db
def test_tampered_expired_and_stale_tokens_are_refused(api_client, settings):
    user = StudentFactory(email_verified_at=None)
    token = email_verification_token_make(user=user)
    assert api_client.post(VERIFY, {"token": token[:-2] + "xx"}, format="json").json()["error"]["code"] == \
        "invalid_token"
    settings.EMAIL_VERIFICATION_MAX_AGE = -1
    assert api_client.post(VERIFY, {"token": token}, format="json").status_code == 400
    settings.EMAIL_VERIFICATION_MAX_AGE = 3600
    stale = signing.dumps({"u": str(user.id), "e": "old@example.com"}, salt=VERIFY_SALT)
    assert api_client.post(VERIFY, {"token": stale}, format="json").status_code == 400
    user.refresh_from_db()
    assert not user.email_verified


@pytest.mark.django_db
def test_resend_answers_the_same_for_unknown_addresses(api_client, django_capture_on_commit_callbacks):
    StudentFactory(email="waiting@example.com", email_verified_at=None)
    with django_capture_on_commit_callbacks() as known:
        first = api_client.post("/api/v1/auth/verify-email/resend", {"email": "waiting@example.com"}, format="json")
    with django_capture_on_commit_callbacks() as unknown:
        second = api_client.post("/api/v1/auth/verify-email/resend", {"email": "nobody@example.com"}, format="json")
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    assert (len(known), len(unknown)) == (1, 0)


@pytest.mark.django_db
def test_signup_is_rate_limited_per_address(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "2/hour"}
    for n in range(2):
        api_client.post(SIGNUP, {**GOOD, "email": f"p{n}@example.com"}, format="json")
    response = api_client.post(SIGNUP, {**GOOD, "email": "p3@example.com"}, format="json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
