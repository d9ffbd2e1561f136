"""Catalogue API under load: 10,000 courses, 100,000 enrolments, pages of 20.

Starts the platform (uvicorn, embedded PostgreSQL and Redis) in its own var folder, fills it, then
measures requests per second and p50/p95 latency for catalogue pages (plain, filtered, searched and
sorted; served from the page cache where they repeat, and uncached) and, in the same run, for the bare
JSON endpoint /healthz, so the ratio is meaningful.

Usage: .venv/bin/python bench/catalogue.py [--seconds 20] [--concurrency 16] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
VAR = ROOT / "var" / "bench-catalogue"

SCENARIOS = {
    "bare JSON (/healthz)": lambda r: "/healthz",
    "catalogue page": lambda r: f"/api/v1/courses?page_size=20&page={r.randint(1, 400)}",
    "catalogue filtered": lambda r: f"/api/v1/courses?page_size=20&level=beginner&price=paid&category=bench-physics"
                                    f"&page={r.randint(1, 5)}",
    "catalogue search": lambda r: f"/api/v1/courses?page_size=20&search={r.choice(['python', 'physcs', 'poetry'])}",
    "catalogue by rating": lambda r: f"/api/v1/courses?page_size=20&sort=rating&page={r.randint(1, 50)}",
    # A price ceiling above every price filters nothing but makes each request a cache miss: the database cost.
    "catalogue page, uncached": lambda r: f"/api/v1/courses?page_size=20&page={r.randint(1, 400)}"
                                          f"&price_max={r.randint(10**8, 10**9)}",
    "catalogue search, uncached": lambda r: f"/api/v1/courses?page_size=20"
                                            f"&search={r.choice(['python', 'physcs', 'poetry'])}"
                                            f"&price_max={r.randint(10**8, 10**9)}",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def hammer(base: str, path_for, seconds: float, concurrency: int) -> list[float]:
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < deadline:
                started = time.perf_counter()
                response = await client.get(path_for(rng))
                response.raise_for_status()
                latencies.append(time.perf_counter() - started)
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep-data", action="store_true", help="reuse var/bench-catalogue from a previous run")
    args = parser.parse_args()
    if not args.keep_data:
        shutil.rmtree(VAR, ignore_errors=True)
    env = {**os.environ, "USTAD_VAR_DIR": str(VAR), "RATE_LIMIT_LOGIN": "100000/minute"}
    env.pop("DATABASE_URL", None), env.pop("REDIS_URL", None)
    port = free_port()
    supervisor = subprocess.Popen([PY, "-m", "ustad.core.supervisor", "--port", str(port), "--no-seed",
                                   "--no-worker", "--no-beat", "--var-dir", str(VAR)],
                                  cwd=ROOT / "backend", env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        if not args.keep_data:
            started = time.monotonic()
            subprocess.run([PY, "backend/manage.py", "bench_catalogue_data"], cwd=ROOT, env=env, check=True)
            print(f"data loaded in {time.monotonic() - started:.0f} s", flush=True)
        if args.workers > 1:
            print("note: --workers > 1 needs gunicorn; measuring the single uvicorn process make run starts")
        print(f"{args.concurrency} concurrent clients, {args.seconds:.0f} s per scenario, one uvicorn process\n")
        print(f"{'scenario':<24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'requests':>9}")
        for name, path_for in SCENARIOS.items():
            asyncio.run(hammer(base, path_for, 2, args.concurrency))  # warm-up
            latencies = asyncio.run(hammer(base, path_for, args.seconds, args.concurrency))
            quantiles = statistics.quantiles(latencies, n=100)
            print(f"{name:<24} {len(latencies) / args.seconds:>8.0f} {quantiles[49] * 1000:>8.1f} "
                  f"{quantiles[94] * 1000:>8.1f} {len(latencies):>9}", flush=True)
    finally:
        supervisor.send_signal(signal.SIGINT)
        supervisor.wait(60)


if __name__ == "__main__":
    main()
