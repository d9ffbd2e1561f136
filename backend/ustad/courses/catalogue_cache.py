"""Catalogue pages cached in Redis.

A catalogue page is the same for every visitor (cards carry nothing personal), so a page is built once
and served from Redis until the catalogue changes. Every write to a course (save, delete or a queryset
`update()`, see `CourseQuerySet`) bumps one version number that is part of every cache key, so a change
shows on the next request. Tutor names and avatars on cards may lag by at most `PAGE_SECONDS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "courses:catalogue:version"
PAGE_SECONDS = 60


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: the next read starts one
        cache.add(VERSION_KEY, 1, timeout=None)


def catalogue_changed() -> None:
    """Call after any change that can alter a course card.

    Bumped now, so this process never serves its own stale page, and again after commit, so a page cached
    by a concurrent request from the not-yet-committed data does not outlive the transaction.
    """
    _bump()
    transaction.on_commit(_bump)


def page_key(*, origin: str, params: Mapping[str, Any]) -> str:
    """The key of one page: catalogue version, the host (pages hold absolute next/previous links), the query."""
    query = "&".join(f"{name}={params[name]}" for name in sorted(params))
    digest = hashlib.sha256(f"{origin}?{query}".encode()).hexdigest()[:32]
    return f"courses:catalogue:{catalogue_version()}:{digest}"


def cached_page(*, key: str, build: Callable[[], Any]) -> Any:
    data = cache.get(key)
    if data is None:
        data = build()
        cache.set(key, data, timeout=PAGE_SECONDS)
    return data
