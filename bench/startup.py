"""Time from a fresh clone to a served page (cold `make run`), and of a second `make run` (warm).

Usage: python bench/startup.py [--repo PATH] [--runs-warm N]
Prints seconds for each phase. It clones the repository (committed state) into a temporary
folder, so nothing of the working copy's var/ or .venv is reused; pip and npm caches are.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_served(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status == 200 and b'id="root"' in response.read()
    except OSError:
        return False


def time_make_run(clone: Path, port: int, timeout: float) -> float:
    started = time.monotonic()
    process = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=clone, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.monotonic() - started < timeout:
            if page_served(f"http://127.0.0.1:{port}/tutors"):
                return time.monotonic() - started
            if process.poll() is not None:
                raise RuntimeError(f"make run exited with {process.returncode}")
            time.sleep(0.25)
        raise TimeoutError("no page within the time limit")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(120)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--runs-warm", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ustad-bench-") as tmp:
        clone = Path(tmp) / "ustad"
        subprocess.run(["git", "clone", "--quiet", args.repo, str(clone)], check=True)
        cold = time_make_run(clone, free_port(), timeout=1800)
        print(f"cold: fresh clone -> page served: {cold:.1f} s", flush=True)
        warm = [time_make_run(clone, free_port(), timeout=300) for _ in range(args.runs_warm)]
        print("warm: second make run -> page served: " + ", ".join(f"{w:.1f} s" for w in warm)
              + f" (min {min(warm):.1f} s)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
