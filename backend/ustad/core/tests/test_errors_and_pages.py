"""One error envelope everywhere under /api/, health checks, the SPA fallback and security headers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.test import Client

from ustad.core.errors import flatten_fields

BACKEND = Path(__file__).resolve().parents[3]


def test_flatten_fields_names_nested_errors_with_dots():
    detail = {"email": ["bad"], "tutor_profile": {"hourly_rate": ["too big"]}, "items": [{"x": ["no"]}, {}]}
    assert flatten_fields(detail) == {"email": ["bad"], "tutor_profile.hourly_rate": ["too big"], "items.0.x": ["no"]}


@pytest.mark.django_db
def test_unknown_api_paths_and_methods_answer_in_the_envelope(api_client):
    missing = api_client.get("/api/v1/does-not-exist")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong_method = api_client.delete("/api/v1/tutors")
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["code"] == "method_not_allowed"
    unsupported = api_client.post("/api/v1/auth/login", "a=b", content_type="text/plain")
    assert unsupported.status_code == 415


@pytest.mark.urls("ustad.core.tests.urls_failing")
def test_crashes_under_api_answer_in_the_envelope(db):
    response = Client(raise_request_exception=False).get("/api/v1/crash")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "server_error", "message": response.json()["error"]["message"],
                                         "fields": {}}}


@pytest.mark.django_db
def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "redis": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_readiness_reports_a_missing_redis(client, monkeypatch):
    monkeypatch.setattr("ustad.core.health.get_redis", lambda: redis.Redis(unix_socket_path="/nonexistent.sock"))
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["redis"].startswith("error")


def test_client_routes_get_the_spa_and_survive_reload(client, settings, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    settings.FRONTEND_DIST = tmp_path
    for path in ("/", "/tutors", "/account/profile", "/verify-email?token=abc"):
        response = client.get(path)
        assert response.status_code == 200 and b"id=root" in response.content, path
    assert client.head("/tutors").status_code == 200


def test_unbuilt_front_end_says_how_to_build_it(client, settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "missing"
    response = client.get("/tutors")
    assert response.status_code == 503 and b"make run" in response.content


def test_security_headers(client, settings, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html>")
    settings.FRONTEND_DIST = tmp_path
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG",)}
    env.update(SECRET_KEY="p" * 30 + "-production-secret-" + "Q" * 30, SITE_URL="https://ustad.example.com",
               ALLOWED_HOSTS="ustad.example.com", DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=BACKEND, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_send_hsts(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = False
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
