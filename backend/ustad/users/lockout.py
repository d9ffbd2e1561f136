"""Lock out an e-mail address after repeated failed logins.

Counted per address whether or not an account exists, so the lockout reveals nothing about
which addresses are registered. Keys hold a hash of the address, not the address.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from ustad.core.redis_client import get_redis, key


def _failures_key(email: str) -> str:
    return key("login-failures", hashlib.sha256(email.encode()).hexdigest())


def lockout_seconds_left(*, email: str) -> int:
    redis = get_redis()
    failures_key = _failures_key(email)
    count = int(redis.get(failures_key) or 0)
    if count < settings.LOGIN_LOCKOUT_ATTEMPTS:
        return 0
    return max(int(redis.ttl(failures_key)), 1)


def login_failure_record(*, email: str) -> None:
    redis = get_redis()
    failures_key = _failures_key(email)
    with redis.pipeline() as pipe:
        # The window starts at the first failure (SET NX), not at the latest one.
        pipe.set(failures_key, 0, ex=settings.LOGIN_LOCKOUT_SECONDS, nx=True)
        pipe.incr(failures_key)
        pipe.execute()


def login_failures_clear(*, email: str) -> None:
    get_redis().delete(_failures_key(email))
