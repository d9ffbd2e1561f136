"""The live room under load: N participants in one class, spread over two server processes sharing Redis.

Starts embedded PostgreSQL and Redis in var/bench-room, migrates, creates a tutor, N-1 students enrolled in
one course, and for each size a class with no waiting room and no capacity; then two uvicorn processes
(the real Redis channel layer between them) and client processes that hold the sockets. For each size:

1. connect: the tutor, then the students in batches (a fresh single-use ticket each), until every `welcome`;
2. fan-out: a few senders (tutor and students on both servers) chat at a light rate; every client records
   each `chat.message`: latency send -> arrival over all deliveries, and whether every client got every line;
3. rate steps: the total chat rate rises step by step (each sender well under the socket allowance of
   10 frames/s); per step p50/p99 and loss; the highest sustained rate is the last step with p99 < 250 ms
   and nothing lost;
4. board: the tutor bends one freedraw stroke (50 points, version + 1 each time) at a steady rate; latency
   to every other viewer (skipped when the server has no `board.update`);
5. the tutor ends the class, which closes every socket (close codes are counted).

CPU of each server, Redis, PostgreSQL (with its reaped backends) and the client processes is read from
/proc per phase. Clients run on the same machine as the servers.

Usage: .venv/bin/python bench/room.py [--sizes 50,200,500] [--duration 20] [--step-seconds 12]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import math
import multiprocessing
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"
PY = sys.executable
VAR = ROOT / "var" / "bench-room"
TARGET_P99 = 0.250
SENDER_MAX_RATE = 5.0  # messages a second per socket: half the server's sustained allowance of 10
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def raise_fd_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def own_session() -> None:
    """Become a session of one's own. A process group leader (run from an interactive shell) cannot: it forks,
    the child goes on in a new session, and the parent waits for it and passes Ctrl-C and SIGTERM on."""
    try:
        os.setsid()
        return
    except OSError:
        pass
    child = os.fork()
    if child == 0:
        os.setsid()
        return
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda sig, _frame: os.kill(child, sig))
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except InterruptedError:
            continue
    sys.exit(os.waitstatus_to_exitcode(status))


def set_priority(nice: int | None) -> str:
    """Give the whole benchmark (every process it starts inherits this) a higher scheduling priority, so other
    programs on a shared machine disturb it less. Linux's autogroups share the CPU between sessions first, so
    the benchmark becomes a session of its own and that session's autogroup gets the niceness too."""
    if nice is None:
        return f"niceness {os.nice(0)}"
    own_session()
    try:
        os.nice(nice - os.nice(0))
    except PermissionError:
        return f"niceness {os.nice(0)} (not allowed to change it)"
    autogroup = Path("/proc/self/autogroup")
    try:
        if autogroup.exists():
            autogroup.write_text(str(nice))
    except OSError:
        return f"niceness {os.nice(0)}"
    return f"niceness {os.nice(0)} ({autogroup.read_text().strip() if autogroup.exists() else 'no autogroups'})"


def quantile(ordered: list[float], q: float) -> float:
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


# --- CPU from /proc ------------------------------------------------------------------------------------

def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int, *, tree: bool = False) -> float:
    """CPU time of a process; with `tree`, also of its live children and of the children it has reaped
    (PostgreSQL forks a backend per connection, and with CONN_MAX_AGE=0 they live for one request)."""
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if tree:
        ticks += int(fields[13]) + int(fields[14])
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    child = _stat(int(entry))
                except OSError:
                    continue
                if child[1] == str(pid):
                    ticks += int(child[11]) + int(child[12])
    return ticks / CLK_TCK


def machine_busy() -> tuple[float, float]:
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / CLK_TCK, sum(values) / CLK_TCK


def wait_for_quiet_machine(threshold: float, limit: float) -> str:
    """Wait (at most `limit` s) until the machine is under `threshold` percent busy over 3 s: other programs
    on a shared machine would otherwise take the cores the servers and clients are measured on."""
    started = time.monotonic()
    while True:
        before = machine_busy()
        time.sleep(3)
        after = machine_busy()
        busy = 100 * (after[0] - before[0]) / max(after[1] - before[1], 1e-6)
        waited = time.monotonic() - started
        if busy < threshold or waited >= limit:
            return f"machine {busy:.0f} % busy before starting" + (f" (waited {waited:.0f} s)" if waited > 4 else "")


@dataclass
class CpuMeter:
    targets: dict[str, tuple[list[int], bool]]
    started: float = 0.0
    before: dict[str, float] = field(default_factory=dict)
    machine: tuple[float, float] = (0.0, 0.0)

    def _sample(self) -> dict[str, float]:
        return {name: sum(cpu_seconds(pid, tree=tree) for pid in pids) for name, (pids, tree) in self.targets.items()}

    def start(self) -> None:
        self.started, self.before, self.machine = time.monotonic(), self._sample(), machine_busy()

    def stop(self) -> dict[str, float]:
        """Percent of one core per target since start(); `machine`: percent of all cores busy."""
        wall = max(time.monotonic() - self.started, 1e-6)
        after, machine = self._sample(), machine_busy()
        usage = {name: 100 * (after[name] - self.before[name]) / wall for name in self.targets}
        usage["machine"] = 100 * (machine[0] - self.machine[0]) / max(machine[1] - self.machine[1], 1e-6)
        # Everything else on the machine, in percent of one core: this script itself, the kernel, other programs.
        ours = sum(usage[name] for name in self.targets)
        usage["others"] = max(0.0, usage["machine"] * (os.cpu_count() or 1) - ours)
        return usage


def cpu_text(usage: dict[str, float]) -> str:
    return (f"server A {usage['server A']:.0f} %, server B {usage['server B']:.0f} %, Redis {usage['redis']:.0f} %, "
            f"PostgreSQL {usage['postgres']:.0f} %, clients {usage['clients']:.0f} %, everything else "
            f"{usage['others']:.0f} % (of one core); machine {usage['machine']:.0f} % busy")


# --- the platform --------------------------------------------------------------------------------------

class Platform:
    """Embedded PostgreSQL and Redis, migrations, and two uvicorn processes on the same database and Redis."""

    def __init__(self, server_env: dict[str, str]) -> None:
        self.server_env = server_env
        self.processes: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.ports: list[int] = []
        self.board = False  # whether the servers, as started, relay board.update

    def start(self) -> None:
        from ustad.core import embedded

        VAR.mkdir(parents=True, exist_ok=True)
        (VAR / "log").mkdir(exist_ok=True)
        pg = embedded.start_postgres(VAR)
        self.processes.append(("postgres", pg))
        embedded.wait_for_postgres(VAR, pg)
        redis = embedded.start_redis(VAR)
        self.processes.append(("redis", redis))
        embedded.wait_for_redis(VAR, redis)
        subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=BACKEND, env=self.env(), check=True)

    def env(self) -> dict[str, str]:
        return {**os.environ, "USTAD_VAR_DIR": str(VAR), "PYTHONPATH": str(BACKEND),
                "DJANGO_SETTINGS_MODULE": "config.settings", **self.server_env}

    def start_servers(self) -> None:
        from ustad.core import embedded

        self.board = board_ready()
        for name in ("A", "B"):
            port = free_port()
            log = open(VAR / "log" / f"server-{name}.log", "wb")  # noqa: SIM115 - the child's for its lifetime
            process = subprocess.Popen(
                [PY, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1", "--port", str(port),
                 "--lifespan", "off", "--no-access-log"],
                cwd=BACKEND, env=self.env(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                **embedded.child_process_kwargs())
            self.processes.append((f"server {name}", process))
            self.ports.append(port)
        for port, (_, process) in zip(self.ports, self.processes[-2:], strict=True):
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"a server exited with {process.returncode}; see {VAR / 'log'}")
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError("a server did not answer /healthz within 60 s")
                time.sleep(0.2)

    def pid(self, name: str) -> int:
        return next(process.pid for label, process in self.processes if label == name)

    def stop(self) -> None:
        from ustad.core import embedded

        for label, process in reversed(self.processes):
            if label == "postgres":
                embedded.stop_postgres(process)
            else:
                embedded.stop_process(process, timeout=15)
        self.processes.clear()

    def log_findings(self) -> list[str]:
        """What the servers' logs say of trouble: each kind of exception counted, with its first traceback."""
        findings: Counter[str] = Counter()
        first: dict[str, list[str]] = {}
        for name in ("A", "B"):
            path = VAR / "log" / f"server-{name}.log"
            lines = path.read_text(errors="replace").splitlines() if path.exists() else []
            trace: list[str] = []
            for line in lines:
                if line.startswith("Traceback"):
                    trace = [line]
                elif trace and line.startswith((" ", "\t")):
                    trace.append(line)
                elif trace:
                    kind = f"server {name}: {line.strip()[:160]}"
                    findings[kind] += 1
                    first.setdefault(kind, trace[-12:])
                    trace = []
                elif any(word in line for word in ("ERROR", "WARNING", "CRITICAL")):
                    findings[f"server {name}: {line.strip()[:160]}"] += 1
        report = []
        for kind, count in findings.most_common(10):
            report.append(f"{count} x {kind}")
            report.extend(f"      {line.rstrip()}" for line in first.get(kind, []))
        return report


# --- data ----------------------------------------------------------------------------------------------

def setup_django() -> None:
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
    os.environ["USTAD_VAR_DIR"] = str(VAR)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BACKEND))
    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)


def create_people(students: int) -> tuple[Any, list[Any], Any]:
    """A tutor, `students` students, and a published course they are all enrolled in."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from ustad.courses.models import Course, CourseStatus, Enrollment
    from ustad.users.models import Role, User

    password, now = make_password(None), timezone.now()
    tutor = User.objects.create(email="bench-room-tutor@example.com", first_name="Bench", last_name="Tutor",
                                role=Role.TUTOR, password=password, email_verified_at=now)
    people = User.objects.bulk_create([
        User(email=f"bench-room-student-{i}@example.com", first_name="Student", last_name=str(i),
             role=Role.STUDENT, password=password, email_verified_at=now) for i in range(students)])
    course = Course.objects.create(owner=tutor, slug="bench-room", title="Bench room", status=CourseStatus.PUBLISHED,
                                   published_at=now)
    Enrollment.objects.bulk_create([Enrollment(student=s, course=course, source="free") for s in people])
    return tutor, people, course


def new_class(tutor: Any, course: Any, size: int) -> Any:
    from django.utils import timezone

    from ustad.classroom.models import LiveSession

    now = timezone.now()
    return LiveSession.objects.create(owner=tutor, course=course, title=f"Bench room of {size}", timezone="UTC",
                                      starts_at=now, ends_at=now + timedelta(hours=3), waiting_room=False,
                                      capacity=None)


def tickets(users: list[Any]) -> list[str]:
    from ustad.core.ws_tickets import ws_ticket_issue

    return [ws_ticket_issue(user_id=user.id) for user in users]


def board_ready() -> bool:
    return '"board.update"' in (BACKEND / "ustad" / "classroom" / "consumers.py").read_text()


# --- the client processes ------------------------------------------------------------------------------

class Clients:
    def __init__(self, count: int, compression: str | None) -> None:
        import room_clients

        context = multiprocessing.get_context("spawn")
        self.workers: list[tuple[Any, Any]] = []
        for _ in range(count):
            parent, child = context.Pipe()
            process = context.Process(target=room_clients.worker_main, args=(child, compression), daemon=True)
            process.start()
            self.workers.append((process, parent))
        for _, conn in self.workers:
            assert self._answer(conn, 60) == "ready"

    @property
    def pids(self) -> list[int]:
        return [process.pid for process, _ in self.workers]

    def worker_of(self, idx: int) -> int:
        return (idx // 2) % len(self.workers)  # each client process holds sockets on both servers

    @staticmethod
    def _answer(conn: Any, timeout: float = 600) -> Any:
        if not conn.poll(timeout):
            raise TimeoutError("a client process did not answer")
        return conn.recv()

    def ask(self, command: str, payloads: list[Any]) -> list[Any]:
        """Send one command to every client process (its own payload each) and gather the answers."""
        for (_, conn), payload in zip(self.workers, payloads, strict=True):
            conn.send((command, payload))
        return [self._answer(conn) for _, conn in self.workers]

    def ask_all(self, command: str, payload: Any = None) -> list[Any]:
        return self.ask(command, [payload] * len(self.workers))

    def ask_one(self, idx: int, command: str, payload: Any) -> Any:
        conn = self.workers[self.worker_of(idx)][1]
        conn.send((command, payload))
        return self._answer(conn)

    def stop(self) -> None:
        for process, conn in self.workers:
            with contextlib.suppress(OSError):
                conn.send(("stop", None))
            process.join(10)
            if process.is_alive():
                process.kill()


# --- one room of N -------------------------------------------------------------------------------------

@dataclass
class Outcome:
    size: int
    connect_s: float = math.nan
    welcome_p50: float = math.nan
    welcome_p99: float = math.nan
    connect_failures: int = 0
    fanout: dict[str, Any] = field(default_factory=dict)
    steps: list[dict[str, Any]] = field(default_factory=list)
    board: dict[str, Any] = field(default_factory=dict)
    close_codes: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def sustained(self) -> float | None:
        passed = [s["rate"] for s in self.steps if s["ok"]]
        return max(passed) if passed else None


class Room:
    def __init__(self, args: argparse.Namespace, platform: Platform, clients: Clients, meter: CpuMeter,
                 tutor: Any, students: list[Any], course: Any, size: int) -> None:
        self.args, self.platform, self.clients, self.meter = args, platform, clients, meter
        self.size = size
        self.users = [tutor, *students[:size - 1]]
        self.session = new_class(tutor, course, size)
        self.outcome = Outcome(size)
        self.board = platform.board

    def url(self, idx: int, ticket: str) -> dict[str, Any]:
        port = self.platform.ports[idx % 2]
        return {"idx": idx, "url": f"ws://127.0.0.1:{port}/ws/classroom/{self.session.id}/?ticket={ticket}",
                "origin": f"http://127.0.0.1:{port}", "board_sync": self.board}

    def connect(self) -> None:
        results: list[dict[str, Any]] = []
        self.meter.start()
        started = time.monotonic()
        order = list(range(self.size))
        batches = [order[:1]] + [order[i:i + self.args.batch] for i in range(1, self.size, self.args.batch)]
        for batch in batches:  # the tutor alone first: it makes the class live
            specs = [self.url(idx, ticket) for idx, ticket in zip(batch, tickets([self.users[i] for i in batch]),
                                                                  strict=True)]
            shares: list[list[dict[str, Any]]] = [[] for _ in self.clients.workers]
            for spec in specs:
                shares[self.clients.worker_of(spec["idx"])].append(spec)
            for answer in self.clients.ask("connect", shares):
                results.extend(answer)
        connected = time.monotonic() - started
        settle = self.wait_quiet()
        usage = self.meter.stop()
        failed = [r for r in results if not r["ok"]]
        welcome = sorted(r["welcome_s"] for r in results if r["ok"])
        o = self.outcome
        o.connect_s, o.connect_failures = connected, len(failed)
        o.welcome_p50, o.welcome_p99 = quantile(welcome, 0.5), quantile(welcome, 0.99)
        largest = max((r.get("welcome_bytes", 0) for r in results), default=0)
        print(f"  connect: {len(welcome)} of {self.size} welcomed in {connected:.1f} s (batches of "
              f"{self.args.batch}); connect -> welcome per socket p50 {ms(o.welcome_p50)} ms, "
              f"p99 {ms(o.welcome_p99)} ms, max {ms(welcome[-1] if welcome else math.nan)} ms; "
              f"largest welcome {largest / 1024:.0f} KB; presence events settled {settle:.1f} s later", flush=True)
        print(f"    cpu during connect: {cpu_text(usage)}", flush=True)
        for r in failed[:5]:
            print(f"    failed: client {r['idx']}: {r.get('error')} (close {r.get('close_code')})")
        if self.board and not any(r.get("can_draw") for r in results if r["idx"] == 0):
            print("    note: the tutor's welcome says it cannot draw; the board phase will show it")

    def wait_quiet(self, still: float = 1.0, limit: float = 180) -> float:
        """Seconds until no client has received a frame for `still` seconds (the join storm is over)."""
        started = time.monotonic()
        last, last_change = -1, started
        while time.monotonic() - started < limit:
            frames = sum(p["frames"] for p in self.clients.ask_all("progress", "-"))
            now = time.monotonic()
            if frames != last:
                last, last_change = frames, now
            elif now - last_change >= still:
                return last_change - started
            time.sleep(0.2)
        return limit

    def chat_step(self, tag: str, rate: float, seconds: float, senders: int) -> dict[str, Any]:
        interval = senders / rate
        count = max(1, int(seconds * rate / senders))
        t0 = time.monotonic() + 0.5
        plans: list[list[tuple[int, float, float, int]]] = [[] for _ in self.clients.workers]
        for j in range(senders):  # the tutor and students 1, 2, 3…: alternately on server A and B
            plans[self.clients.worker_of(j)].append((j, j / rate, interval, count))
        self.meter.start()
        self.clients.ask("chat", [{"step": tag, "t0": t0, "senders": plan} for plan in plans])
        time.sleep(max(0.0, t0 + count * interval - time.monotonic()))
        deadline = time.monotonic() + self.args.drain
        while time.monotonic() < deadline:
            progress = self.clients.ask_all("progress", tag)
            sent = sum(p["sent"] for p in progress)
            if sent == senders * count and sum(p["chat"] for p in progress) >= sent * self.size:
                break
            time.sleep(0.25)
        usage = self.meter.stop()
        reports = self.clients.ask_all("report", tag)
        sent = sum(r["sent"] for r in reports)
        latencies = sorted(x for r in reports for x in r["latencies"])
        per_client: dict[int, int] = {}
        for r in reports:
            per_client.update(r["per_client"])
        expected = sent * self.size
        lost = expected - len(latencies)
        incomplete = sum(1 for idx in range(self.size) if per_client.get(idx, 0) < sent)
        result = {"rate": rate, "senders": senders, "sent": sent, "deliveries": len(latencies),
                  "expected": expected, "lost": lost, "incomplete_clients": incomplete,
                  "p50": quantile(latencies, 0.5), "p99": quantile(latencies, 0.99),
                  "max": latencies[-1] if latencies else math.nan,
                  "duplicates": sum(r["duplicates"] for r in reports),
                  "send_lag_max": max(r["send_lag_max"] for r in reports), "cpu": usage,
                  "errors": self._merge(r["errors"] for r in reports)}
        result["ok"] = lost == 0 and sent == senders * count and result["p99"] < TARGET_P99
        return result

    def fanout(self) -> None:
        rate, seconds = self.args.fanout_rate, self.args.duration
        result = self.measured(lambda tag: self.chat_step(tag, rate, seconds, self.args.fanout_senders), "fanout")
        self.outcome.fanout = result
        print(f"  fan-out: {result['sent']} messages from {result['senders']} senders at {rate:g} msg/s over "
              f"{seconds:g} s -> {result['deliveries']} of {result['expected']} deliveries "
              f"({result['incomplete_clients']} clients missing some); p50 {ms(result['p50'])} ms, "
              f"p99 {ms(result['p99'])} ms, max {ms(result['max'])} ms", flush=True)
        print(f"    cpu: {cpu_text(result['cpu'])}", flush=True)

    def _chat_step_at(self, tag: str, *, rate: float, senders: int) -> dict[str, Any]:
        return self.chat_step(tag, rate, self.args.step_seconds, senders)

    def ramp(self) -> None:
        print(f"  {'msg/s':>6} {'senders':>7} {'sent':>5} {'deliveries':>10} {'lost':>6} {'p50 ms':>7} "
              f"{'p99 ms':>7} {'max ms':>7} {'lag ms':>6} {'srv A%':>6} {'srv B%':>6} {'redis%':>6} "
              f"{'pg%':>4} {'cli%':>5} {'else%':>5} {'busy%':>5}  result", flush=True)
        for index, rate in enumerate(self.args.rates):
            senders = max(self.args.fanout_senders, math.ceil(rate / SENDER_MAX_RATE))
            r = self.measured(functools.partial(self._chat_step_at, rate=rate, senders=senders), f"s{index}")
            self.outcome.steps.append(r)
            cpu = r["cpu"]
            verdict = ("ok" if r["ok"] else "FAIL") + (" (disturbed)" if r["disturbed"] else "")
            if r["errors"]:
                verdict += " " + ", ".join(f"{k} x{v}" for k, v in r["errors"].items())
            print(f"  {rate:>6g} {senders:>7} {r['sent']:>5} {r['deliveries']:>10} {r['lost']:>6} {ms(r['p50']):>7} "
                  f"{ms(r['p99']):>7} {ms(r['max']):>7} {ms(r['send_lag_max']):>6} {cpu['server A']:>6.0f} "
                  f"{cpu['server B']:>6.0f} {cpu['redis']:>6.0f} {cpu['postgres']:>4.0f} {cpu['clients']:>5.0f} "
                  f"{cpu['others']:>5.0f} {cpu['machine']:>5.0f}  {verdict}", flush=True)
            if not r["ok"] and not self.args.full_ramp:
                break
            self.wait_quiet()

    def board_step(self, tag: str, rate: float, seconds: float) -> dict[str, Any]:
        count = max(1, int(rate * seconds))
        t0 = time.monotonic() + 0.5
        self.meter.start()
        self.clients.ask_one(0, "board", {"step": tag, "t0": t0, "idx": 0, "interval": 1 / rate, "count": count})
        time.sleep(max(0.0, t0 + count / rate - time.monotonic()))
        expected = count * (self.size - 1)
        deadline = time.monotonic() + self.args.drain
        while time.monotonic() < deadline:
            if sum(p["board"] for p in self.clients.ask_all("progress", tag)) >= expected:
                break
            time.sleep(0.25)
        usage = self.meter.stop()
        reports = self.clients.ask_all("report", tag)
        sent_at: dict[int, float] = {}
        for r in reports:
            sent_at.update(r["sent_at"])
        arrivals = {(idx, version): at for r in reports for idx, version, at in r["board"]}
        latencies = sorted(at - sent_at[v] for (_, v), at in arrivals.items() if v in sent_at)
        result = {"rate": rate, "sent": len(sent_at), "expected": len(sent_at) * (self.size - 1),
                  "deliveries": len(latencies), "p50": quantile(latencies, 0.5), "p99": quantile(latencies, 0.99),
                  "max": latencies[-1] if latencies else math.nan, "viewers": len({idx for idx, _ in arrivals}),
                  "cpu": usage, "send_lag_max": max(r["send_lag_max"] for r in reports),
                  "errors": self._merge(r["errors"] for r in reports)}
        result["lost"] = result["expected"] - result["deliveries"]
        return result

    def whiteboard(self) -> None:
        if not self.board or self.args.skip_board:
            print("  board: skipped" + ("" if self.board else " (the server has no board.update yet)"), flush=True)
            return
        rate = self.args.board_rate
        result = self.measured(lambda tag: self.board_step(tag, rate, self.args.duration), f"b{self.size}")
        self.outcome.board = result
        print(f"  board: {result['sent']} updates of one 50-point stroke at {rate:g}/s -> {result['deliveries']} of "
              f"{result['expected']} deliveries to {result['viewers']} viewers; p50 {ms(result['p50'])} ms, "
              f"p99 {ms(result['p99'])} ms, max {ms(result['max'])} ms"
              + (f"; errors {result['errors']}" if result["errors"] else ""), flush=True)
        print(f"    cpu: {cpu_text(result['cpu'])}", flush=True)

    def measured(self, step: Callable[[str], dict[str, Any]], tag: str) -> dict[str, Any]:
        """Run a phase; when other programs took a share of the cores meanwhile, run it again (up to --retries)."""
        for attempt in range(self.args.retries + 1):
            wait_for_quiet_machine(self.args.idle_below, self.args.phase_idle_wait)
            result = step(f"{tag}r{attempt}")
            others = result["cpu"]["others"]
            result["disturbed"] = others > self.args.disturbed
            if not result["disturbed"] or attempt == self.args.retries:
                return result
            print(f"    (other programs took {others:.0f} % of a core meanwhile: measuring again)", flush=True)
            self.wait_quiet()
        raise AssertionError("unreachable")

    def end(self) -> None:
        self.clients.ask_one(0, "send", {"idx": 0, "frame": {"type": "class.end"}})
        answers = self.clients.ask_all("closed", 60.0)
        self.outcome.close_codes = self._merge(a["close_codes"] for a in answers)
        self.outcome.errors = self._merge(a["errors"] for a in answers)
        still_open = sum(a["still_open"] for a in answers)
        print(f"  end: class.end closed the sockets with codes {self.outcome.close_codes}"
              + (f" ({still_open} still open after 60 s)" if still_open else "")
              + f"; error frames seen during the run: {self.outcome.errors or 'none'}", flush=True)

    @staticmethod
    def _merge(dicts: Any) -> dict[str, int]:
        total: Counter[str] = Counter()
        for d in dicts:
            total.update(d)
        return dict(total)

    def run(self) -> Outcome:
        quiet = wait_for_quiet_machine(self.args.idle_below, self.args.idle_wait)
        print(f"\nN = {self.size}: 1 tutor + {self.size - 1} students, {math.ceil(self.size / 2)} sockets on "
              f"server A and {self.size // 2} on server B, {len(self.clients.workers)} client processes; {quiet}",
              flush=True)
        self.connect()
        try:
            self.fanout()
            self.wait_quiet()
            self.ramp()
            self.wait_quiet()
            self.whiteboard()
        finally:
            self.end()
        return self.outcome


def summary(outcomes: list[Outcome]) -> None:
    print("\nSummary")
    print(f"{'N':>4} {'connect s':>9} {'welcome p50/p99 ms':>19} {'fan-out p50/p99/max ms':>23} {'complete':>8} "
          f"{'sustained msg/s':>15} {'board p50/p99 ms':>17}")
    for o in outcomes:
        f, b = o.fanout, o.board
        complete = "yes" if f and f["lost"] == 0 else (f"-{f['lost']}" if f else "-")
        sustained = o.sustained
        board = f"{ms(b['p50'])}/{ms(b['p99'])}" + (f" (-{b['lost']})" if b.get("lost") else "") if b else "-"
        print(f"{o.size:>4} {o.connect_s:>9.1f} {ms(o.welcome_p50) + '/' + ms(o.welcome_p99):>19} "
              f"{(ms(f['p50']) + '/' + ms(f['p99']) + '/' + ms(f['max'])) if f else '-':>23} {complete:>8} "
              f"{'< ' + str(o.steps[0]['rate']) if sustained is None and o.steps else sustained or '-':>15} "
              f"{board:>17}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,200,500", help="participants per room, comma-separated")
    parser.add_argument("--duration", type=float, default=20, help="seconds of the fan-out and board phases")
    parser.add_argument("--step-seconds", type=float, default=12, help="seconds of each rate step")
    parser.add_argument("--rates", default="5,10,20,40,80", help="total chat messages a second, per step")
    parser.add_argument("--full-ramp", action="store_true", help="run every step even after one fails")
    parser.add_argument("--fanout-rate", type=float, default=2)
    parser.add_argument("--fanout-senders", type=int, default=6)
    parser.add_argument("--board-rate", type=float, default=5)
    parser.add_argument("--skip-board", action="store_true")
    parser.add_argument("--batch", type=int, default=25, help="sockets opened at once while connecting")
    parser.add_argument("--drain", type=float, default=10, help="seconds to wait for late deliveries")
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--no-compression", action="store_true", help="clients do not offer permessage-deflate")
    parser.add_argument("--server-env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for the two servers, e.g. DATABASE_CONN_MAX_AGE=60")
    parser.add_argument("--idle-below", type=float, default=20,
                        help="before each size, wait until the machine is less busy than this (percent)")
    parser.add_argument("--idle-wait", type=float, default=300, help="seconds to wait for that at most")
    parser.add_argument("--phase-idle-wait", type=float, default=60,
                        help="the same before each measured phase, seconds at most")
    parser.add_argument("--disturbed", type=float, default=30,
                        help="percent of one core taken by other programs that makes a phase count as disturbed")
    parser.add_argument("--retries", type=int, default=2, help="measure a disturbed phase again this many times")
    parser.add_argument("--nice", type=int, default=-10 if os.geteuid() == 0 else None,
                        help="scheduling priority of the whole benchmark (default -10 as root, so that other programs "
                             "on a shared machine disturb it less)")
    parser.add_argument("--keep-data", action="store_true", help="leave var/bench-room behind")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    args.rates = [float(r) for r in args.rates.split(",")]
    server_env = dict(item.split("=", 1) for item in args.server_env)

    priority = set_priority(args.nice)
    limit = raise_fd_limit()
    if limit < 4 * max(args.sizes) + 256:
        sys.exit(f"the open-files limit ({limit}) is too low for {max(args.sizes)} sockets on each side")
    shutil.rmtree(VAR, ignore_errors=True)
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    setup_django()
    platform = Platform(server_env)
    clients: Clients | None = None
    outcomes: list[Outcome] = []
    try:
        started = time.monotonic()
        platform.start()
        tutor, students, course = create_people(max(args.sizes) - 1)
        platform.start_servers()
        clients = Clients(args.client_procs, None if args.no_compression else "deflate")
        meter = CpuMeter({"server A": ([platform.pid("server A")], False),
                          "server B": ([platform.pid("server B")], False),
                          "redis": ([platform.pid("redis")], False), "postgres": ([platform.pid("postgres")], True),
                          "clients": (clients.pids, False), "bench": ([os.getpid()], False)})
        print(f"platform ready in {time.monotonic() - started:.0f} s: embedded PostgreSQL and Redis, two uvicorn "
              f"processes (ports {platform.ports[0]}, {platform.ports[1]}); {os.cpu_count()} cores; {priority}; "
              f"open-files limit {limit}; permessage-deflate {'off' if args.no_compression else 'offered'}"
              + (f"; server env {server_env}" if server_env else ""), flush=True)
        print(f"board: {'on' if platform.board else 'not in this server yet (board phase skipped)'}", flush=True)
        from django.db import connection

        for size in args.sizes:
            outcomes.append(Room(args, platform, clients, meter, tutor, students, course, size).run())
            connection.close()
        summary(outcomes)
        findings = platform.log_findings()
        print("\nserver logs: " + ("nothing alarming" if not findings else "\n  " + "\n  ".join(findings)))
    finally:
        if clients is not None:
            clients.stop()
        platform.stop()
        if not args.keep_data:
            shutil.rmtree(VAR, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    main()
