"""Login, refresh-token rotation in an HttpOnly cookie, logout, lockout and tampered tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from ustad.users.tests.factories import PASSWORD, StudentFactory

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
COOKIE = "ustad_refresh"


def login(client: APIClient, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"email": email, "password": password}, format="json")


@pytest.mark.django_db
def test_login_returns_an_access_token_and_sets_a_strict_httponly_refresh_cookie(api_client):
    user = StudentFactory(email="hamza@example.com")
    response = login(api_client, "HAMZA@example.com")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["user"]["email"] == "hamza@example.com"
    assert 0 < body["access_expires_in"] <= 15 * 60
    assert "refresh" not in body
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/api/v1/auth/"
    hint = response.cookies["ustad_session"]
    assert hint.value == "1" and not hint["httponly"]  # tells the app a refresh is worth trying; no secret
    me = api_client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.status_code == 200 and me.json()["id"] == str(user.id)


@pytest.mark.django_db
def test_wrong_password_and_unknown_email_look_the_same(api_client):
    StudentFactory(email="hamza@example.com")
    wrong = login(api_client, "hamza@example.com", "not-the-password")
    unknown = login(api_client, "nobody@example.com", "not-the-password")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "invalid_credentials"


@pytest.mark.django_db
def test_unverified_accounts_cannot_log_in_yet(api_client):
    StudentFactory(email="new@example.com", email_verified_at=None)
    response = login(api_client, "new@example.com")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert COOKIE not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["hamza@example.com", "nobody@example.com"])
def test_lockout_after_repeated_failures_reveals_nothing(api_client, settings, email):
    StudentFactory(email="hamza@example.com")
    settings.LOGIN_LOCKOUT_ATTEMPTS = 3
    for _ in range(3):
        assert login(api_client, email, "wrong-password").status_code == 401
    locked = login(api_client, email, PASSWORD)  # even the right password waits out the lockout
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "login_locked"
    assert 0 < int(locked["Retry-After"]) <= settings.LOGIN_LOCKOUT_SECONDS


@pytest.mark.django_db
def test_login_is_rate_limited(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": "2/minute"}
    StudentFactory(email="hamza@example.com")
    login(api_client, "hamza@example.com")
    login(api_client, "hamza@example.com")
    response = login(api_client, "hamza@example.com")
    assert response.status_code == 429 and "Retry-After" in response


@pytest.mark.django_db
def test_refresh_rotates_and_a_reused_refresh_token_is_refused(api_client):
    StudentFactory(email="hamza@example.com")
    first_cookie = login(api_client, "hamza@example.com").cookies[COOKIE].value
    rotated = api_client.post(REFRESH)
    assert rotated.status_code == 200
    assert rotated.json()["user"]["email"] == "hamza@example.com"
    assert rotated.cookies[COOKIE].value != first_cookie

    thief = APIClient()
    thief.cookies[COOKIE] = first_cookie
    reused = thief.post(REFRESH)
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "not_authenticated"
    assert reused.cookies["ustad_session"].value == ""  # the app stops trying


@pytest.mark.django_db
def test_expired_missing_and_forged_refresh_tokens_are_refused(api_client):
    user = StudentFactory()
    expired = RefreshToken.for_user(user)
    expired.set_exp(lifetime=-timedelta(seconds=1))
    assert api_client.post(REFRESH).status_code == 401
    for value in (str(expired), "not-a-jwt", str(RefreshToken.for_user(user))[:-3] + "abc"):
        api_client.cookies[COOKIE] = value
        assert api_client.post(REFRESH).status_code == 401


@pytest.mark.django_db
def test_refresh_from_another_site_is_refused(api_client):
    StudentFactory(email="hamza@example.com")
    login(api_client, "hamza@example.com")
    response = api_client.post(REFRESH, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403


@pytest.mark.django_db
def test_logout_blacklists_the_refresh_token_and_clears_the_cookie(api_client):
    StudentFactory(email="hamza@example.com")
    cookie = login(api_client, "hamza@example.com").cookies[COOKIE].value
    response = api_client.post(LOGOUT)
    assert response.status_code == 204
    assert response.cookies[COOKIE].value == ""
    assert response.cookies["ustad_session"].value == ""
    again = APIClient()
    again.cookies[COOKIE] = cookie
    assert again.post(REFRESH).status_code == 401
    assert APIClient().post(LOGOUT).status_code == 204  # logging out twice is fine


@pytest.mark.django_db
def test_tampered_and_expired_access_tokens_are_refused(api_client):
    user = StudentFactory()
    access = AccessToken.for_user(user)
    header, payload, signature = str(access).split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    assert api_client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {forged}").status_code == 401
    none_alg = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + payload + "."
    assert api_client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {none_alg}").status_code == 401
    access.set_exp(lifetime=-timedelta(seconds=1))
    response = api_client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {access}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


@pytest.mark.django_db
def test_deactivated_users_lose_access(api_client):
    user = StudentFactory(email="hamza@example.com")
    login(api_client, "hamza@example.com")
    user.is_active = False
    user.save()
    assert api_client.post(REFRESH).status_code == 401
