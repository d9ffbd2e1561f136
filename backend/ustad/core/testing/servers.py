"""Start real server processes from tests: ASGI servers and the whole supervisor."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from django.conf import settings
from django.db import connection

BACKEND_DIR = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, *, timeout: float, process: subprocess.Popen[bytes] | None = None,
                  status: int = 200) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code == status:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer {status} within {timeout} s")


def child_env_for_test_database() -> dict[str, str]:
    """Environment that points a child process at the database and Redis this test run uses."""
    db = connection.settings_dict
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    port = db.get("PORT") or db.get("OPTIONS", {}).get("port", 5432)
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    if str(host).startswith("/"):
        url = f"postgres://{db['USER']}{password}@/{db['NAME']}?host={host}&port={port}"
    else:
        url = f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"
    return {
        "DATABASE_URL": url,
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_KEY_PREFIX": settings.REDIS_KEY_PREFIX,
        "SECRET_KEY": settings.SECRET_KEY,
        "USTAD_VAR_DIR": str(settings.VAR_DIR),
    }


@contextmanager
def asgi_server(*, port: int, env: dict[str, str]) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
         "--lifespan", "off", "--no-access-log"],
        cwd=BACKEND_DIR, env={**os.environ, **env, "PYTHONPATH": str(BACKEND_DIR)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/healthz", timeout=60, process=process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
