"""Two ASGI server processes sharing one Redis behave as one platform: an event published
by a request on one server reaches a websocket connected to the other."""

from __future__ import annotations

import json

import httpx
import pytest
from websockets.sync.client import connect

from ustad.core.testing.servers import asgi_server, child_env_for_test_database, free_port
from ustad.users.tests.factories import StudentFactory
from ustad.users.tokens import token_pair_issue

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_an_event_from_server_a_reaches_a_socket_on_server_b():
    user = StudentFactory()
    auth = {"Authorization": f"Bearer {token_pair_issue(user=user).access}"}
    env = child_env_for_test_database()
    port_a, port_b = free_port(), free_port()
    with asgi_server(port=port_a, env=env) as server_a, asgi_server(port=port_b, env=env):
        ticket = httpx.post(f"{server_a}/api/v1/ws-ticket", headers=auth).json()["ticket"]
        url = f"ws://127.0.0.1:{port_b}/ws/notifications/?ticket={ticket}"
        with connect(url, origin=f"http://127.0.0.1:{port_b}", open_timeout=10) as socket_on_b:
            assert json.loads(socket_on_b.recv(timeout=10))["type"] == "hello"
            response = httpx.patch(f"{server_a}/api/v1/me", json={"headline": "Hello from A"}, headers=auth)
            assert response.status_code == 200
            event = json.loads(socket_on_b.recv(timeout=10))
            assert event == {"type": "profile", "op": "update", "user_id": str(user.id)}
