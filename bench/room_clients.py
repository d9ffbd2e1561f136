"""Simulated participants of one live room: a client process started by bench/room.py.

Each process holds a share of the room's sockets (websockets' asyncio client) and obeys commands from the
coordinator over a pipe: connect these participants, send chat or board frames on this schedule, report
what arrived. Chat bodies carry their send time (`time.monotonic()`, the machine-wide CLOCK_MONOTONIC, so
every process of the machine reads the same clock); receivers compute latencies themselves, so only
figures travel back. Board frames are matched by element version instead, since the body is a drawing.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import re
import threading
import time
from array import array
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

# The body of a benchmark chat line: bench#<step>#<message id>#<send time>#
MARK = re.compile(r"bench#(\w+)#([\w-]+)#([0-9.]+)#")
CHAT_HEAD, BOARD_HEAD, ERROR_HEAD = '"type": "chat.message"', '"type": "board.update"', '"type": "error"'
STROKE_POINTS = 50


@dataclass
class Client:
    idx: int
    ws: ClientConnection
    page_id: str | None = None
    closed_code: int | None = None
    reader: asyncio.Task[None] | None = None


@dataclass
class StepRecord:
    latencies: array = field(default_factory=lambda: array("d"))  # chat: seconds from send to arrival
    seen: dict[int, set[str]] = field(default_factory=dict)  # chat: message ids per receiving client
    duplicates: int = 0
    board: list[tuple[int, int, float]] = field(default_factory=list)  # (client, version, arrival time)
    sent: int = 0
    sent_at: dict[int, float] = field(default_factory=dict)  # board: version -> send time
    send_lag_max: float = 0.0


def stroke(tag: str, version: int) -> dict[str, Any]:
    """One Excalidraw freedraw element of STROKE_POINTS points; each update bends it a little."""
    points = [[round(i * 3.0, 2), round(math.sin(i / 6 + version / 10) * 12, 2)] for i in range(STROKE_POINTS)]
    return {"id": f"bench-{tag}", "type": "freedraw", "x": 120.0, "y": 80.0, "width": 150.0, "height": 24.0,
            "angle": 0, "strokeColor": "#1e1e1e", "backgroundColor": "transparent", "fillStyle": "solid",
            "strokeWidth": 2, "strokeStyle": "solid", "roughness": 1, "opacity": 100, "groupIds": [],
            "frameId": None, "index": "a0", "roundness": None, "seed": 1967, "version": version,
            "versionNonce": random.randrange(2**31), "isDeleted": False, "boundElements": None,
            "updated": int(time.time() * 1000), "link": None, "locked": False, "points": points,
            "pressures": [], "simulatePressure": True, "lastCommittedPoint": None}


class Worker:
    def __init__(self, conn: Connection, compression: str | None) -> None:
        self.conn = conn
        self.compression = compression
        self.clients: dict[int, Client] = {}
        self.steps: dict[str, StepRecord] = {}
        self.frames = 0
        self.errors: Counter[str] = Counter()
        self.close_codes: Counter[str] = Counter()
        self.tasks: set[asyncio.Task[Any]] = set()
        self.stopped = asyncio.Event()

    # --- commands -------------------------------------------------------------------------------------

    def listen(self, loop: asyncio.AbstractEventLoop) -> None:
        """Blocking reads of the coordinator's commands, in a thread of their own (the pipe stays blocking)."""
        while True:
            try:
                command, payload = self.conn.recv()
            except (EOFError, OSError):
                loop.call_soon_threadsafe(self.stopped.set)
                return
            loop.call_soon_threadsafe(self._spawn, getattr(self, f"cmd_{command}")(payload))
            if command == "stop":
                return

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def reply(self, value: Any) -> None:
        self.conn.send(value)

    async def cmd_connect(self, specs: list[dict[str, Any]]) -> None:
        self.reply(await asyncio.gather(*(self._connect(spec) for spec in specs)))

    async def _connect(self, spec: dict[str, Any]) -> dict[str, Any]:
        started = time.monotonic()
        try:
            ws = await connect(spec["url"], origin=spec["origin"], compression=self.compression, open_timeout=120,
                               ping_interval=None, max_size=2**24, close_timeout=5)
        except Exception as error:  # reported, not raised: one failed socket is a figure
            return {"idx": spec["idx"], "ok": False, "error": f"{type(error).__name__}: {error}"[:200]}
        opened = time.monotonic()
        try:
            while True:
                frame = json.loads(await asyncio.wait_for(ws.recv(), timeout=120))
                if frame.get("type") == "welcome":
                    break
                if frame.get("type") == "error":
                    raise RuntimeError(f"error frame {frame.get('code')}")
        except Exception as error:
            code = ws.close_code
            await ws.close()
            return {"idx": spec["idx"], "ok": False, "close_code": code,
                    "error": f"{type(error).__name__}: {error}"[:200]}
        welcomed = time.monotonic()
        board = frame.get("board") or {}
        client = Client(spec["idx"], ws, page_id=board.get("shown_page_id") or
                        next((p["id"] for p in board.get("pages", []) if not p.get("room_id")), None))
        self.clients[client.idx] = client
        if spec.get("board_sync") and client.page_id:
            await ws.send(json.dumps({"type": "board.sync", "page_id": client.page_id}))
        client.reader = asyncio.get_running_loop().create_task(self._read(client))
        return {"idx": client.idx, "ok": True, "open_s": opened - started, "welcome_s": welcomed - started,
                "welcome_bytes": len(json.dumps(frame)), "page_id": client.page_id,
                "can_draw": board.get("can_draw")}

    async def _read(self, client: Client) -> None:
        steps = self.steps
        try:
            async for text in client.ws:
                now = time.monotonic()
                self.frames += 1
                if not isinstance(text, str):
                    continue
                head = text[:40]
                if CHAT_HEAD in head:
                    match = MARK.search(text)
                    if match is None:
                        continue
                    record = steps.setdefault(match[1], StepRecord())
                    seen = record.seen.setdefault(client.idx, set())
                    if match[2] in seen:
                        record.duplicates += 1
                        continue
                    seen.add(match[2])
                    record.latencies.append(now - float(match[3]))
                elif BOARD_HEAD in head:
                    for element in json.loads(text).get("elements", []):
                        element_id = str(element.get("id", ""))
                        if element_id.startswith("bench-"):
                            steps.setdefault(element_id[6:], StepRecord()).board.append(
                                (client.idx, int(element["version"]), now))
                elif ERROR_HEAD in head:
                    self.errors[str(json.loads(text).get("code"))] += 1
        except ConnectionClosed:
            pass
        finally:
            client.closed_code = client.ws.close_code
            self.close_codes[str(client.closed_code)] += 1

    async def cmd_chat(self, plan: dict[str, Any]) -> None:
        """plan: {step, t0, senders: [(idx, first offset s, interval s, count)]}"""
        record = self.steps.setdefault(plan["step"], StepRecord())
        for idx, offset, interval, count in plan["senders"]:
            self._spawn(self._chat_sender(record, plan["step"], self.clients[idx], plan["t0"] + offset, interval,
                                          count))
        self.reply("ok")

    async def _chat_sender(self, record: StepRecord, step: str, client: Client, start: float, interval: float,
                           count: int) -> None:
        for k in range(count):
            due = start + k * interval
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            now = time.monotonic()
            record.send_lag_max = max(record.send_lag_max, now - due)
            try:
                await client.ws.send(json.dumps({"type": "chat.send",
                                                 "body": f"bench#{step}#{client.idx}-{k}#{now:.6f}#"}))
            except ConnectionClosed:
                return
            record.sent += 1

    async def cmd_board(self, plan: dict[str, Any]) -> None:
        """plan: {step, t0, idx, interval, count}: one drawer bends one stroke `count` times."""
        record = self.steps.setdefault(plan["step"], StepRecord())
        client = self.clients[plan["idx"]]
        self._spawn(self._drawer(record, plan["step"], client, plan["t0"], plan["interval"], plan["count"]))
        self.reply("ok")

    async def _drawer(self, record: StepRecord, step: str, client: Client, start: float, interval: float,
                      count: int) -> None:
        for version in range(1, count + 1):
            due = start + (version - 1) * interval
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            frame = json.dumps({"type": "board.update", "page_id": client.page_id,
                                "elements": [stroke(step, version)]})
            now = time.monotonic()
            record.send_lag_max = max(record.send_lag_max, now - due)
            try:
                await client.ws.send(frame)
            except ConnectionClosed:
                return
            record.sent_at[version] = now
            record.sent += 1

    async def cmd_progress(self, step: str) -> None:
        record = self.steps.get(step) or StepRecord()
        self.reply({"frames": self.frames, "sent": record.sent,
                    "chat": sum(len(ids) for ids in record.seen.values()), "board": len(record.board)})

    async def cmd_report(self, step: str) -> None:
        record = self.steps.pop(step, None) or StepRecord()
        self.reply({"latencies": record.latencies, "per_client": {idx: len(ids) for idx, ids in record.seen.items()},
                    "duplicates": record.duplicates, "board": record.board, "sent": record.sent,
                    "sent_at": record.sent_at, "send_lag_max": record.send_lag_max,
                    "errors": dict(self.errors), "close_codes": dict(self.close_codes)})

    async def cmd_send(self, payload: dict[str, Any]) -> None:
        """A single frame from one participant (the tutor ending the class)."""
        await self.clients[payload["idx"]].ws.send(json.dumps(payload["frame"]))
        self.reply("ok")

    async def cmd_closed(self, timeout: float) -> None:
        """Wait until every socket is closed (by the server), then forget them."""
        readers = [c.reader for c in self.clients.values() if c.reader is not None]
        _, pending = await asyncio.wait(readers, timeout=timeout) if readers else (set(), set())
        still_open = len(pending)
        for client in self.clients.values():
            await client.ws.close()
        if pending:
            await asyncio.wait(pending, timeout=10)
        self.clients.clear()
        codes, errors = dict(self.close_codes), dict(self.errors)
        self.close_codes.clear()
        self.errors.clear()
        self.reply({"still_open": still_open, "close_codes": codes, "errors": errors})

    async def cmd_stop(self, _: Any) -> None:
        for client in self.clients.values():
            await client.ws.close()
        self.reply("stopped")
        self.stopped.set()

    async def run(self) -> None:
        threading.Thread(target=self.listen, args=(asyncio.get_running_loop(),), daemon=True).start()
        self.reply("ready")
        await self.stopped.wait()


def worker_main(conn: Connection, compression: str | None) -> None:
    try:
        import uvloop  # installed with uvicorn[standard]; the clients need the CPU as much as the servers

        runner: Any = uvloop.run
    except ImportError:
        runner = asyncio.run
    runner(Worker(conn, compression).run())
