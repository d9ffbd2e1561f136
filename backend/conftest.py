"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from channels.layers import channel_layers
from django.conf import LazySettings
from rest_framework.test import APIClient

from ustad.core.redis_client import get_redis
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory
from ustad.users.tokens import token_pair_issue


@pytest.fixture(autouse=True)
def _isolated_redis_and_files(settings: LazySettings, tmp_path: Path) -> None:
    """Each test starts with no rate-limit counters, tickets or lockouts, and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Tests do not run collectstatic, so static URLs come from the finders instead of the manifest.
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    redis = get_redis()
    for key in redis.scan_iter(f"{settings.REDIS_KEY_PREFIX}:*"):
        redis.delete(key)


@pytest.fixture(autouse=True)
def _fresh_channel_layer() -> Iterator[None]:
    """Each test gets its own channel layer: async tests run on their own event loop, and a layer's
    connections and locks belong to the loop that made them."""
    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_pair_issue(user=user).access}")
    return client


@pytest.fixture
def student(db: None) -> Any:
    return StudentFactory()


@pytest.fixture
def tutor(db: None) -> Any:
    return TutorFactory()


@pytest.fixture
def admin_user(db: None) -> Any:
    return UserFactory(role="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def student_client(student: Any) -> APIClient:
    return client_for(student)


@pytest.fixture
def tutor_client(tutor: Any) -> APIClient:
    return client_for(tutor)
