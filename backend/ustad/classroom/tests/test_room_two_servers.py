"""One room across two ASGI server processes sharing Redis: participants on different servers meet, chat,
raise hands, answer polls, signal WebRTC offers, move between breakout rooms, draw on the board and obey
the tutor's controls as if on one server."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.utils import timezone
from websockets.sync.client import ClientConnection, connect

from ustad.classroom.models import LiveSession
from ustad.core.testing.servers import asgi_server, child_env_for_test_database, free_port
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory
from ustad.users.tokens import token_pair_issue

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def enter(base: str, port: int, user: Any, session: LiveSession) -> ClientConnection:
    auth = {"Authorization": f"Bearer {token_pair_issue(user=user).access}"}
    ticket = httpx.post(f"{base}/api/v1/ws-ticket", headers=auth).json()["ticket"]
    return connect(f"ws://127.0.0.1:{port}/ws/classroom/{session.id}/?ticket={ticket}",
                   origin=f"http://127.0.0.1:{port}", open_timeout=10)


def next_of(socket: ClientConnection, kind: str) -> dict[str, Any]:
    for _ in range(50):
        frame = json.loads(socket.recv(timeout=10))
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"no {kind} frame")


def board_page_of(socket: ClientConnection) -> str:
    """A new page on the main board, added by this (tutor's) socket."""
    socket.send(json.dumps({"type": "board.page.add", "title": "Shared"}))
    return str(next_of(socket, "board.page_added")["page"]["id"])


def test_a_room_spans_two_server_processes():
    tutor, student, other = TutorFactory(), StudentFactory(), StudentFactory()
    course = course_with_lessons(owner=tutor)
    EnrollmentFactory(student=student, course=course)
    EnrollmentFactory(student=other, course=course)
    now = timezone.now()
    session = LiveSession.objects.create(owner=tutor, course=course, title="Two servers", timezone="UTC",
                                         starts_at=now, ends_at=now + timedelta(hours=1), waiting_room=True)
    env = child_env_for_test_database()
    port_a, port_b = free_port(), free_port()
    with asgi_server(port=port_a, env=env) as server_a, asgi_server(port=port_b, env=env) as server_b, \
            enter(server_a, port_a, tutor, session) as tutor_on_a:
        assert next_of(tutor_on_a, "welcome")["you"]["tutor"] is True
        with enter(server_b, port_b, student, session) as student_on_b, \
                enter(server_a, port_a, other, session) as other_on_a:
            assert json.loads(student_on_b.recv(timeout=10))["type"] == "waiting"
            assert json.loads(other_on_a.recv(timeout=10))["type"] == "waiting"
            for waiting in (student, other):
                tutor_on_a.send(json.dumps({"type": "admit", "user_id": str(waiting.id)}))
            student_peer = next_of(student_on_b, "welcome")["you"]["peer_id"]
            assert next_of(other_on_a, "welcome")["you"]["tutor"] is False

            # Media signaling crosses servers too: an offer from A reaches exactly the peer on B.
            tutor_on_a.send(json.dumps({"type": "media.hello", "audio": True, "video": True}))
            hello = next_of(student_on_b, "media.hello")
            offer = {"type": "offer", "sdp": "v=0\r\n"}
            tutor_on_a.send(json.dumps({"type": "rtc.signal", "to": student_peer, "description": offer}))
            signal = next_of(student_on_b, "rtc.signal")
            assert signal["from"] == hello["peer_id"] and signal["description"] == offer

            student_on_b.send(json.dumps({"type": "chat.send", "body": "Hello from server B"}))
            assert next_of(tutor_on_a, "chat.message")["message"]["body"] == "Hello from server B"
            assert next_of(other_on_a, "chat.message")["message"]["body"] == "Hello from server B"
            student_on_b.send(json.dumps({"type": "hand.raise"}))
            assert next_of(tutor_on_a, "hand.raised")["user_id"] == str(student.id)

            tutor_on_a.send(json.dumps({"type": "poll.create", "question": "Ready?", "options": ["Yes", "No"]}))
            poll = next_of(student_on_b, "poll.opened")["poll"]
            student_on_b.send(json.dumps({"type": "poll.vote", "poll_id": poll["id"],
                                          "option_ids": [poll["options"][0]["id"]]}))
            assert next_of(other_on_a, "poll.results")["results"][poll["options"][0]["id"]] == 1

            tutor_on_a.send(json.dumps({"type": "board.access", "everyone": True}))
            assert next_of(student_on_b, "board.access")["everyone"] is True
            page_id = board_page_of(tutor_on_a)
            stroke = {"id": "s1", "type": "freedraw", "version": 2, "versionNonce": 7, "points": [[0, 0], [5, 9]]}
            student_on_b.send(json.dumps({"type": "board.update", "page_id": page_id, "elements": [stroke]}))
            assert next_of(tutor_on_a, "board.update")["elements"] == [stroke]
            assert next_of(other_on_a, "board.update")["user_id"] == str(student.id)

            tutor_on_a.send(json.dumps({"type": "breakout.start", "rooms": 2, "mode": "manual", "minutes": 5,
                                        "assignments": {str(student.id): 1, str(other.id): 1}}))
            room_2 = next_of(student_on_b, "breakout.started")["round"]["rooms"][1]
            tutor_on_a.send(json.dumps({"type": "breakout.move", "user_id": str(student.id), "room_id": room_2["id"]}))
            assert next_of(other_on_a, "breakout.moved")["room_id"] == room_2["id"]
            assert next_of(student_on_b, "breakout.moved")["user_id"] == str(student.id)
            student_on_b.send(json.dumps({"type": "chat.send", "body": "Room 2 from server B"}))
            assert next_of(tutor_on_a, "chat.message")["message"]["room_id"] == room_2["id"]
            tutor_on_a.send(json.dumps({"type": "breakout.end"}))
            next_of(other_on_a, "breakout.ended")

            tutor_on_a.send(json.dumps({"type": "mute.all"}))
            assert next_of(student_on_b, "participant.muted")["user_id"] is None
            tutor_on_a.send(json.dumps({"type": "class.end"}))
            assert next_of(student_on_b, "class.ended")["seq"] > 0
        session.refresh_from_db()
        assert session.status == "ended"
