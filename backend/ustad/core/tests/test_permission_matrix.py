"""Every API endpoint × every kind of caller.

The matrix lists, for each named route and method, the status each actor gets for a minimal
request. A new endpoint without a row fails `test_every_api_route_is_in_the_matrix`, so nobody
can add an endpoint without deciding who may call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from conftest import client_for
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

ACTORS = ("anonymous", "student", "other_student", "tutor", "other_tutor", "admin")
PUBLIC_400 = dict.fromkeys(ACTORS, 400)


def signed_in(code: int) -> dict[str, int]:
    return {"anonymous": 401, **dict.fromkeys(ACTORS[1:], code)}


# (route name, method) -> {actor: expected status}, and how to build the URL from the world.
MATRIX: dict[tuple[str, str], dict[str, int]] = {
    ("auth-signup", "post"): PUBLIC_400,
    ("auth-verify-email", "post"): PUBLIC_400,
    ("auth-verify-email-resend", "post"): PUBLIC_400,
    ("auth-login", "post"): PUBLIC_400,
    ("auth-refresh", "post"): dict.fromkeys(ACTORS, 401),
    ("auth-logout", "post"): dict.fromkeys(ACTORS, 204),
    ("auth-password-reset", "post"): PUBLIC_400,
    ("auth-password-reset-confirm", "post"): PUBLIC_400,
    ("auth-password-change", "post"): signed_in(400),
    ("me", "get"): signed_in(200),
    ("me", "patch"): signed_in(200),
    ("me-avatar", "post"): signed_in(400),
    ("me-avatar", "delete"): signed_in(200),
    ("subject-list", "get"): dict.fromkeys(ACTORS, 200),
    ("tutor-list", "get"): dict.fromkeys(ACTORS, 200),
    ("tutor-detail", "get"): dict.fromkeys(ACTORS, 200),
    ("ws-ticket", "post"): signed_in(200),
}

URL_KWARGS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "tutor-detail": lambda world: {"pk": world["other_tutor"].id},
}


def _api_routes(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif namespace.startswith("v1:") and pattern.name:
            yield pattern.name, pattern


def _methods(pattern: URLPattern) -> set[str]:
    view_class = getattr(pattern.callback, "view_class", None)
    assert view_class is not None, f"{pattern.name} is not a class-based view"
    return {m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m)}


def test_every_api_route_is_in_the_matrix() -> None:
    declared = {(name, method) for name, pattern in _api_routes(get_resolver()) for method in _methods(pattern)}
    assert declared == set(MATRIX), (
        f"missing from the matrix: {sorted(declared - set(MATRIX))}; stale rows: {sorted(set(MATRIX) - declared)}")


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    return {
        "student": StudentFactory(), "other_student": StudentFactory(),
        "tutor": TutorFactory(), "other_tutor": TutorFactory(),
        "admin": UserFactory(role="admin", is_staff=True, is_superuser=True),
    }


@pytest.mark.parametrize(("route", "method"), sorted(MATRIX))
def test_permission_matrix(world: dict[str, Any], route: str, method: str, settings: Any) -> None:
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "1000/minute")  # six callers in a row
    kwargs = URL_KWARGS.get(route, lambda _: {})(world)
    url = reverse(f"v1:{route}", kwargs=kwargs)
    for actor in ACTORS:
        client = APIClient() if actor == "anonymous" else client_for(world[actor])
        body_format = "multipart" if route == "me-avatar" else "json"
        response = getattr(client, method)(url, {}, format=body_format)
        expected = MATRIX[(route, method)][actor]
        assert response.status_code == expected, (
            f"{actor} {method.upper()} {url}: {response.status_code} {response.content[:200]!r}")
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"code", "message", "fields"}


@pytest.mark.parametrize("actor", ACTORS[1:])
def test_me_is_always_the_caller(world: dict[str, Any], actor: str) -> None:
    response = client_for(world[actor]).get(reverse("v1:me"))
    assert response.json()["id"] == str(world[actor].id)


def test_tutor_detail_never_shows_non_tutors(world: dict[str, Any]) -> None:
    for who in ("student", "admin"):
        url = reverse("v1:tutor-detail", kwargs={"pk": world[who].id})
        assert client_for(world["tutor"]).get(url).status_code == 404
