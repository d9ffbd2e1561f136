"""`make run`'s supervisor, for real: embedded servers, migrations, demo data, web, worker and beat;
data kept across restarts; Ctrl-C leaves no process behind; DATABASE_URL / REDIS_URL honoured."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
import psycopg
import pytest
import redis

from ustad.core.testing.servers import BACKEND_DIR, free_port, wait_for_http

pytestmark = pytest.mark.integration
SIGNUP = {"password": "learning-is-light-42", "first_name": "Nadia", "role": "student"}


@contextmanager
def supervisor(var_dir: Path, env_overrides: dict[str, str], *extra: str) -> Iterator[tuple[str, psutil.Process]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "REDIS_URL", "USTAD_VAR_DIR", "SECRET_KEY", "REDIS_KEY_PREFIX")}
    env.update(env_overrides)
    process = subprocess.Popen(
        [sys.executable, "-m", "ustad.core.supervisor", "--port", str(port), "--var-dir", str(var_dir), *extra],
        cwd=BACKEND_DIR, env={**env, "PYTHONPATH": str(BACKEND_DIR)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/readyz", timeout=180, process=process)
        yield base, psutil.Process(process.pid)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(60)


def wait_for_mail(folder: Path, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mails = sorted(folder.glob("*.eml")) if folder.exists() else []
        if mails:
            return mails[-1].read_text()
        time.sleep(0.3)
    raise TimeoutError("no e-mail arrived: is the Celery worker running?")


def stop_and_assert_no_orphans(base: str, process: psutil.Process) -> None:
    family = [process, *process.children(recursive=True)]
    assert len(family) >= 4  # supervisor, web, worker (+ its pool), beat, and embedded servers when used
    process.send_signal(signal.SIGINT)
    _gone, alive = psutil.wait_procs(family, timeout=60)
    assert not alive, f"left running: {[p.info for p in alive]}"
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{base}/healthz", timeout=2)


def test_embedded_mode_runs_everything_keeps_data_and_stops_cleanly(tmp_path):
    var_dir = tmp_path / "var"
    with supervisor(var_dir, {}) as (base, process):
        tutors = httpx.get(f"{base}/api/v1/tutors").json()
        assert tutors["count"] == 2  # the demo school is loaded
        response = httpx.post(f"{base}/api/v1/auth/signup", json={**SIGNUP, "email": "nadia@example.com"})
        assert response.status_code == 201
        mail = wait_for_mail(var_dir / "mail")  # sent by the real worker
        assert "/verify-email?token=" in mail
        assert (var_dir / "postgres" / "data" / "PG_VERSION").exists()
        stop_and_assert_no_orphans(base, process)

    with supervisor(var_dir, {}, "--no-beat") as (base, process):
        login = httpx.post(f"{base}/api/v1/auth/login", json={"email": "nadia@example.com",
                                                               "password": SIGNUP["password"]})
        assert login.json()["error"]["code"] == "email_not_verified"  # the account survived the restart
        stop_and_assert_no_orphans(base, process)


def _external_services_reachable() -> bool:
    try:
        psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=2).close()
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=2).ping()
    except (psycopg.Error, redis.RedisError):
        return False
    return True


@pytest.mark.skipif(not _external_services_reachable(), reason="no PostgreSQL and Redis on 127.0.0.1")
def test_database_url_and_redis_url_are_used_instead_of_embedded_servers(tmp_path):
    name = f"ustad_external_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    prefix = f"ustad-ext-{uuid.uuid4().hex[:6]}"
    var_dir = tmp_path / "var"
    try:
        env = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
               "REDIS_URL": "redis://127.0.0.1:6379/0", "REDIS_KEY_PREFIX": prefix}
        with supervisor(var_dir, env, "--no-beat") as (base, process):
            assert httpx.post(f"{base}/api/v1/auth/signup",
                              json={**SIGNUP, "email": "ext@example.com"}).status_code == 201
            assert "/verify-email?token=" in wait_for_mail(var_dir / "mail")
            stop_and_assert_no_orphans(base, process)
        assert not (var_dir / "postgres").exists() and not (var_dir / "redis").exists()
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as conn:
            assert conn.execute("SELECT count(*) FROM users_user WHERE email = 'ext@example.com'").fetchone() == (1,)
    finally:
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
