"""pytest plugin: run the suite against real PostgreSQL and Redis.

With DATABASE_URL / REDIS_URL set, tests use those servers. Otherwise this plugin starts the
embedded servers under var/test/ before Django's settings load, and stops them at the end.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ustad.core import embedded

PROJECT_DIR = Path(__file__).resolve().parents[4]
_children: list[tuple[subprocess.Popen[bytes], bool]] = []


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any, parser: Any, args: Any) -> None:
    var_dir = Path(os.environ.setdefault("USTAD_VAR_DIR", str(PROJECT_DIR / "var" / "test")))
    (var_dir / "static").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("REDIS_KEY_PREFIX", "ustad-test")
    os.environ.setdefault("SECRET_KEY", "test-only-" + "k" * 50)
    if not os.environ.get("DATABASE_URL"):
        pg = embedded.start_postgres(var_dir)
        _children.append((pg, True))
        embedded.wait_for_postgres(var_dir, pg)
    if not os.environ.get("REDIS_URL"):
        redis = embedded.start_redis(var_dir)
        _children.append((redis, False))
        embedded.wait_for_redis(var_dir, redis)


def pytest_unconfigure(config: Any) -> None:
    while _children:
        process, is_postgres = _children.pop()
        if is_postgres:
            embedded.stop_postgres(process)
        else:
            embedded.stop_process(process)
