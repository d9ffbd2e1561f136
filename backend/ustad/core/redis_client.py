"""One Redis client per process for atomic operations the Django cache API lacks (GETDEL, INCR+TTL)."""

from __future__ import annotations

from functools import lru_cache

import redis
from django.conf import settings


@lru_cache(maxsize=1)
def get_redis() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5)


def key(*parts: str) -> str:
    return ":".join([settings.REDIS_KEY_PREFIX, *parts])
