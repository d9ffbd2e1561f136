"""Payments under load: checkout-to-access throughput, and webhooks delivered twenty times at once.

Starts the platform (uvicorn, embedded PostgreSQL and Redis) in its own var folder with the local test gateway,
makes buyers and paid courses, then measures:

1. checkout to access: each purchase is four requests as the browser makes them (make the order, start a
   local payment, pay on the gateway's page, which reports through the signed webhook pipeline, then read
   the order back, paid); purchases per second and p50/p95 of a whole purchase, with N buyers at once;
2. duplicate webhooks: for pending payments, the same signed `payment.succeeded` event sent 20 times
   concurrently (as a provider retrying in a storm would); deliveries per second, p50/p95, and a check that
   every order was paid exactly once.

Usage: .venv/bin/python bench/checkout.py [--buyers 200] [--concurrency 8] [--copies 20] [--orders 100]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
VAR = ROOT / "var" / "bench-checkout"
SECRET = "bench-local-gateway-secret"  # noqa: S105 - the benchmark platform's own throwaway key
CARD = {"card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvc": "123", "name": "Bench Buyer"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def signed(event: dict[str, object]) -> tuple[bytes, dict[str, str]]:
    """A delivery signed as the local gateway signs it (docs/payments.md)."""
    body = json.dumps(event).encode()
    stamp = int(time.time())
    digest = hmac.new(SECRET.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Ustad-Signature": f"t={stamp},v1={digest}", "Content-Type": "application/json"}


def quantiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100)
    return cuts[49] * 1000, cuts[94] * 1000


async def start_payment(client: httpx.AsyncClient, token: str, slug: str) -> tuple[str, str, int]:
    auth = {"Authorization": f"Bearer {token}"}
    made = await client.post("/api/v1/orders", json={"items": [{"kind": "course", "course": slug}]},
                             headers={**auth, "Idempotency-Key": uuid.uuid4().hex})
    made.raise_for_status()
    order_id = made.json()["id"]
    started = await client.post(f"/api/v1/orders/{order_id}/pay", json={"provider": "local"}, headers=auth)
    started.raise_for_status()
    return order_id, started.json()["payment"]["id"], made.json()["total"]


async def purchases(base: str, tokens: list[str], courses: list[str], concurrency: int) -> tuple[float, list[float]]:
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for index, token in enumerate(tokens):
        queue.put_nowait((token, courses[index % len(courses)]))
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        async def worker() -> None:
            while not queue.empty():
                token, slug = queue.get_nowait()
                started = time.perf_counter()
                order_id, payment_id, _ = await start_payment(client, token, slug)
                auth = {"Authorization": f"Bearer {token}"}
                paid = await client.post(f"/api/v1/payments/local/{payment_id}/pay", json=CARD, headers=auth)
                paid.raise_for_status()
                order = (await client.get(f"/api/v1/orders/{order_id}", headers=auth)).json()
                assert order["status"] == "paid", order
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - began, latencies


async def webhook_storm(base: str, tokens: list[str], courses: list[str], orders: int,
                        copies: int) -> tuple[float, list[float], int, list[str]]:
    async with httpx.AsyncClient(base_url=base, timeout=60,
                                 limits=httpx.Limits(max_connections=copies * 2)) as client:
        pending = [await start_payment(client, tokens[i], courses[(i + 1) % len(courses)]) for i in range(orders)]
        latencies: list[float] = []
        applied = 0

        async def deliver(body: bytes, headers: dict[str, str]) -> None:
            nonlocal applied
            started = time.perf_counter()
            answer = await client.post("/api/v1/webhooks/local", content=body, headers=headers)
            answer.raise_for_status()
            applied += answer.json()["applied"]
            latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        for _, payment_id, total in pending:
            body, headers = signed({"id": f"evt_{uuid.uuid4().hex}", "type": "payment.succeeded",
                                    "local_ref": payment_id, "captured_ref": f"lch_{uuid.uuid4().hex}",
                                    "amount": total, "currency": "PKR"})
            await asyncio.gather(*(deliver(body, headers) for _ in range(copies)))
        elapsed = time.perf_counter() - began
        statuses = []
        for index, (order_id, _, _) in enumerate(pending):
            order = (await client.get(f"/api/v1/orders/{order_id}",
                                      headers={"Authorization": f"Bearer {tokens[index]}"})).json()
            statuses.append(order["status"])
        return elapsed, latencies, applied, statuses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--buyers", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--orders", type=int, default=100, help="pending payments for the webhook storm")
    parser.add_argument("--copies", type=int, default=20, help="concurrent copies of each webhook")
    args = parser.parse_args()
    shutil.rmtree(VAR, ignore_errors=True)
    env = {**os.environ, "USTAD_VAR_DIR": str(VAR), "PAYMENT_LOCAL_SECRET": SECRET,
           "RATE_LIMIT_CARD_ATTEMPTS": "1000000/minute"}
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
        loaded = subprocess.run([PY, "backend/manage.py", "bench_checkout_data", "--buyers", str(args.buyers)],
                                cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        data = json.loads(loaded.stdout.strip().splitlines()[-1])
        tokens, courses = data["tokens"], data["courses"]
        print(f"{len(tokens)} buyers, {len(courses)} paid courses, one uvicorn process, local test gateway\n")

        elapsed, latencies = asyncio.run(purchases(base, tokens, courses, args.concurrency))
        p50, p95 = quantiles(latencies)
        print(f"checkout to access ({args.concurrency} buyers at once): {len(latencies) / elapsed:.1f} purchases/s, "
              f"whole purchase p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(latencies)} purchases)", flush=True)

        elapsed, latencies, applied, statuses = asyncio.run(
            webhook_storm(base, tokens, courses, min(args.orders, len(tokens)), args.copies))
        p50, p95 = quantiles(latencies)
        paid_once = statuses.count("paid") == len(statuses) and applied == len(statuses)
        print(f"duplicate webhooks ({args.copies} copies at once, {len(statuses)} payments): "
              f"{len(latencies) / elapsed:.0f} deliveries/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms; "
              f"applied {applied} of {len(latencies)} deliveries; every order paid exactly once: {paid_once}")
    finally:
        supervisor.send_signal(signal.SIGINT)
        supervisor.wait(60)


if __name__ == "__main__":
    main()
