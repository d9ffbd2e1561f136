"""The notifications websocket: ticket authentication, delivery after commit, and bad frames."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from ustad.core.consumers import CLOSE_UNAUTHENTICATED
from ustad.core.realtime import send_event
from ustad.core.ws_tickets import ws_ticket_consume, ws_ticket_issue
from ustad.users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db(transaction=True)
HEADERS = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


async def connect(ticket: str, headers=HEADERS) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, f"/ws/notifications/?ticket={ticket}", headers=headers)
    return communicator


async def test_a_ticket_opens_the_socket_once_and_events_arrive():
    user = await sync_to_async(StudentFactory)()
    ticket = await sync_to_async(ws_ticket_issue)(user_id=user.id)
    socket = await connect(ticket)
    connected, _ = await socket.connect()
    try:
        assert connected
        assert (await socket.receive_json_from())["type"] == "hello"
        await sync_to_async(send_event)(user_ids=[user.id], event={"type": "profile", "op": "update"})
        assert await socket.receive_json_from(timeout=5) == {"type": "profile", "op": "update"}
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from() == {"type": "pong"}
    finally:
        await socket.disconnect()

    reused = await connect(ticket)
    connected, code = await reused.connect()
    assert (connected, code) == (False, CLOSE_UNAUTHENTICATED)
    await reused.disconnect()


@pytest.mark.parametrize("ticket", ["", "made-up", "x" * 500])
async def test_sockets_without_a_valid_ticket_are_closed(ticket):
    socket = await connect(ticket)
    connected, code = await socket.connect()
    assert (connected, code) == (False, CLOSE_UNAUTHENTICATED)
    await socket.disconnect()


async def test_foreign_origins_are_refused():
    user = await sync_to_async(StudentFactory)()
    ticket = await sync_to_async(ws_ticket_issue)(user_id=user.id)
    socket = await connect(ticket, headers=[(b"origin", b"https://evil.example"), (b"host", b"127.0.0.1:8000")])
    connected, _ = await socket.connect()
    assert not connected
    await socket.disconnect()


async def test_events_for_one_user_do_not_reach_another():
    alice, bob = await sync_to_async(StudentFactory)(), await sync_to_async(StudentFactory)()
    socket = await connect(await sync_to_async(ws_ticket_issue)(user_id=bob.id))
    await socket.connect()
    try:
        await socket.receive_json_from()
        await sync_to_async(send_event)(user_ids=[alice.id], event={"type": "account", "op": "email_verified"})
        assert await socket.receive_nothing(timeout=0.5)
    finally:
        await socket.disconnect()


async def test_malformed_unknown_and_oversized_frames_get_error_frames_not_a_crash():
    user = await sync_to_async(StudentFactory)()
    socket = await connect(await sync_to_async(ws_ticket_issue)(user_id=user.id))
    await socket.connect()
    try:
        await socket.receive_json_from()
        for frame in ("{not json", json.dumps({"type": "drop_tables"}), "x" * 5000, "[1, 2]"):
            await socket.send_to(text_data=frame)
            reply = await socket.receive_json_from()
            assert reply["type"] == "error", frame
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from() == {"type": "pong"}  # still alive
    finally:
        await socket.disconnect()


def test_tickets_expire_and_are_single_use(db, settings):
    user = StudentFactory()
    ticket = ws_ticket_issue(user_id=user.id)
    assert ws_ticket_consume(ticket=ticket) == str(user.id)
    assert ws_ticket_consume(ticket=ticket) is None
    settings.WS_TICKET_SECONDS = 1
    short = ws_ticket_issue(user_id=user.id)
    import time

    time.sleep(1.2)
    assert ws_ticket_consume(ticket=short) is None


def test_ws_ticket_endpoint(student_client, api_client):
    response = student_client.post("/api/v1/ws-ticket")
    assert response.status_code == 200 and response.json()["expires_in"] == 30
    assert api_client.post("/api/v1/ws-ticket").status_code == 401


async def test_an_idle_socket_still_receives_events_after_the_layers_blocking_timeout():
    """The channel layer blocks 5 s per read; a client read timeout as short as that broke idle sockets."""
    import asyncio

    user = await sync_to_async(StudentFactory)()
    socket = await connect(await sync_to_async(ws_ticket_issue)(user_id=user.id))
    await socket.connect()
    try:
        await socket.receive_json_from()
        await asyncio.sleep(6.5)
        await sync_to_async(send_event)(user_ids=[user.id], event={"type": "profile", "op": "update"})
        assert await socket.receive_json_from(timeout=5) == {"type": "profile", "op": "update"}
    finally:
        await socket.disconnect()
