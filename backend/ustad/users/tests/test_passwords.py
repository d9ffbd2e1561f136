"""Forgotten and changed passwords: the links, the rules, and signing out other devices."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ustad.users.emails import password_reset_token_make
from ustad.users.models import User
from ustad.users.tasks import send_account_email
from ustad.users.tests.factories import PASSWORD, StudentFactory

RESET = "/api/v1/auth/password/reset"
CONFIRM = "/api/v1/auth/password/reset/confirm"
CHANGE = "/api/v1/auth/password/change"
NEW = "a-brand-new-password-7"


def _logged_in(email: str) -> APIClient:
    client = APIClient()
    response = client.post("/api/v1/auth/login", {"email": email, "password": PASSWORD}, format="json")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    return client


@pytest.mark.django_db
def test_reset_link_sets_a_new_password_once(api_client, mailoutbox, django_capture_on_commit_callbacks):
    user = StudentFactory(email="fatima@example.com")
    other_device = _logged_in("fatima@example.com")
    with django_capture_on_commit_callbacks() as callbacks:
        assert api_client.post(RESET, {"email": "Fatima@example.com"}, format="json").status_code == 202
    assert len(callbacks) == 1
    send_account_email(str(user.id), "password_reset")
    token = mailoutbox[0].body.split("/reset-password?token=")[1].split()[0]

    assert api_client.post(CONFIRM, {"token": token, "new_password": NEW}, format="json").status_code == 200
    user.refresh_from_db()
    assert user.check_password(NEW)
    reused = api_client.post(CONFIRM, {"token": token, "new_password": "yet-another-pass-99"}, format="json")
    assert reused.status_code == 400 and reused.json()["error"]["code"] == "invalid_token"
    assert other_device.post("/api/v1/auth/refresh").status_code == 401  # every device is signed out


@pytest.mark.django_db
def test_reset_request_answers_the_same_for_unknown_addresses(api_client):
    StudentFactory(email="fatima@example.com")
    known = api_client.post(RESET, {"email": "fatima@example.com"}, format="json")
    unknown = api_client.post(RESET, {"email": "nobody@example.com"}, format="json")
    assert known.status_code == unknown.status_code == 202 and known.json() == unknown.json()


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "garbage", "Zm9v.bar", "!!!.???"])
def test_bad_reset_tokens_are_refused(api_client, token):
    StudentFactory()
    response = api_client.post(CONFIRM, {"token": token, "new_password": NEW}, format="json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_reset_refuses_a_weak_password_and_keeps_the_old_one(api_client):
    user = StudentFactory()
    token = password_reset_token_make(user=user)
    response = api_client.post(CONFIRM, {"token": token, "new_password": "12345"}, format="json")
    assert response.status_code == 400 and "new_password" in response.json()["error"]["fields"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_change_password_needs_the_current_one_and_signs_out_other_devices():
    StudentFactory(email="usman@example.com")
    this_device = _logged_in("usman@example.com")
    other_device = _logged_in("usman@example.com")
    wrong = this_device.post(CHANGE, {"current_password": "nope-nope-nope", "new_password": NEW}, format="json")
    assert wrong.status_code == 400 and "current_password" in wrong.json()["error"]["fields"]
    weak = this_device.post(CHANGE, {"current_password": PASSWORD, "new_password": "usman"}, format="json")
    assert weak.status_code == 400 and "new_password" in weak.json()["error"]["fields"]

    response = this_device.post(CHANGE, {"current_password": PASSWORD, "new_password": NEW}, format="json")
    assert response.status_code == 200 and response.json()["access"]
    assert User.objects.get(email="usman@example.com").check_password(NEW)
    assert other_device.post("/api/v1/auth/refresh").status_code == 401
    assert this_device.post("/api/v1/auth/refresh").status_code == 200  # this device got a new cookie


@pytest.mark.django_db
def test_change_password_requires_login(api_client):
    response = api_client.post(CHANGE, {"current_password": PASSWORD, "new_password": NEW}, format="json")
    assert response.status_code == 401
