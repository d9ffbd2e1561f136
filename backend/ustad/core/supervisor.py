"""`make run`: one foreground process that starts the whole platform and stops all of it on Ctrl-C.

Order: embedded PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL point elsewhere), then
migrations, static files and the demo school, then the ASGI server, a Celery worker and Celery
beat. If any child dies, or the supervisor gets SIGINT/SIGTERM, every child is stopped in reverse
order. Children also ask Linux to stop them if the supervisor itself is killed, so nothing is orphaned.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from ustad.core import embedded

BACKEND_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BACKEND_DIR.parent
MANAGE = str(BACKEND_DIR / "manage.py")


class StopRequestedError(Exception):
    pass


@dataclass
class Child:
    name: str
    process: subprocess.Popen[Any]
    stop_signal: int = signal.SIGTERM


@dataclass
class Supervisor:
    host: str
    port: int
    var_dir: Path
    seed: bool = True
    worker: bool = True
    beat: bool = True
    children: list[Child] = field(default_factory=list)
    stopping: bool = False

    def log(self, message: str) -> None:
        print(f"[ustad] {message}", flush=True)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if not self.stopping:
            self.stopping = True
            self.log(f"received {signal.Signals(signum).name}, stopping…")

    def _env(self) -> dict[str, str]:
        env = dict(os.environ, USTAD_VAR_DIR=str(self.var_dir), PYTHONUNBUFFERED="1")
        env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BACKEND_DIR), env.get("PYTHONPATH")]))
        return env

    def _spawn(self, name: str, argv: list[str], stop_signal: int = signal.SIGTERM) -> Child:
        process = subprocess.Popen(argv, env=self._env(), cwd=BACKEND_DIR, stdin=subprocess.DEVNULL,
                                   **embedded.child_process_kwargs())
        child = Child(name, process, stop_signal)
        self.children.append(child)
        return child

    def _run_step(self, name: str, argv: list[str]) -> None:
        self.log(name)
        child = self._spawn(name, argv)
        while child.process.poll() is None:
            if self.stopping:
                raise StopRequestedError
            time.sleep(0.1)
        self.children.remove(child)
        if child.process.returncode != 0:
            raise RuntimeError(f"{name} failed with exit code {child.process.returncode}")

    def _start_services(self) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        if not os.environ.get("DATABASE_URL"):
            self.log(f"starting embedded PostgreSQL (data in {self.var_dir / 'postgres'})")
            pg = embedded.start_postgres(self.var_dir)
            self.children.append(Child("postgres", pg, signal.SIGINT))
            embedded.wait_for_postgres(self.var_dir, pg)
        else:
            self.log("using DATABASE_URL")
        if not os.environ.get("REDIS_URL"):
            self.log("starting embedded Redis")
            redis = embedded.start_redis(self.var_dir)
            self.children.append(Child("redis", redis))
            embedded.wait_for_redis(self.var_dir, redis)
        else:
            self.log("using REDIS_URL")

    def run(self) -> int:
        signal.signal(signal.SIGINT, self._on_signal)
        signal.signal(signal.SIGTERM, self._on_signal)
        python = sys.executable
        try:
            self._start_services()
            self._run_step("applying migrations", [python, MANAGE, "migrate", "--noinput"])
            self._run_step("collecting static files", [python, MANAGE, "collectstatic", "--noinput", "-v0"])
            if self.seed:
                self._run_step("loading the demo school", [python, MANAGE, "seed_demo"])
            self._spawn("web", [python, "-m", "uvicorn", "config.asgi:application", "--host", self.host,
                                "--port", str(self.port), "--lifespan", "off", "--no-access-log"])
            if self.worker:
                self._spawn("worker", [python, "-m", "celery", "-A", "config", "worker", "--loglevel", "INFO",
                                       "-Q", "default,notifications,media,ai", "--concurrency", "2",
                                       "--hostname", f"ustad@{os.uname().nodename}"])
            if self.beat:
                self._spawn("beat", [python, "-m", "celery", "-A", "config", "beat", "--loglevel", "INFO",
                                     "--pidfile", ""])
            self.log(f"Ustad is running at http://{self.host}:{self.port}  (Ctrl-C stops everything)")
            return self._watch()
        except StopRequestedError:
            return 0
        except Exception as exc:
            self.log(f"error: {exc}")
            return 1
        finally:
            self.shutdown()

    def _watch(self) -> int:
        while not self.stopping:
            for child in self.children:
                if child.process.poll() is not None:
                    self.log(f"{child.name} exited with code {child.process.returncode}; stopping everything")
                    return 1
            time.sleep(0.2)
        return 0

    def shutdown(self) -> None:
        for child in reversed(self.children):
            if child.process.poll() is None:
                self.log(f"stopping {child.name}")
                embedded.stop_process(child.process, sig=child.stop_signal, timeout=20)
        self.children.clear()
        self.log("stopped")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the whole Ustad platform in the foreground.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--var-dir", default=os.environ.get("USTAD_VAR_DIR", str(PROJECT_DIR / "var")))
    parser.add_argument("--no-seed", action="store_true", help="skip loading the demo school")
    parser.add_argument("--no-worker", action="store_true")
    parser.add_argument("--no-beat", action="store_true")
    args = parser.parse_args(argv)
    supervisor = Supervisor(host=args.host, port=args.port, var_dir=Path(args.var_dir).resolve(),
                            seed=not args.no_seed, worker=not args.no_worker, beat=not args.no_beat)
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main())
