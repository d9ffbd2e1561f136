"""Classes on Zoom, against a local HTTP server that speaks Zoom's documented API: Server-to-Server OAuth
(`account_credentials`, HTTP Basic), then meetings created with the Bearer token. A class gets one meeting,
kept with it; when Zoom fails the caller gets 502 `zoom_unavailable` and nothing is stored."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from django.db import connection
from django.utils import timezone

from conftest import client_for
from ustad.classroom.models import LiveSession
from ustad.classroom.services import zoom
from ustad.core.testing.servers import free_port
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

ACCOUNT, CLIENT, SECRET = "acc-123", "client-abc", "client-secret-xyz"


@dataclass
class FakeZoom:
    """What the server saw, and how it should behave next."""

    token_requests: list[dict[str, Any]] = field(default_factory=list)
    meeting_bodies: list[dict[str, Any]] = field(default_factory=list)
    meeting_reads: list[str] = field(default_factory=list)
    meeting_changes: list[tuple[str, str, dict[str, Any] | None]] = field(default_factory=list)
    changes_fail: int | None = None  # answer PATCH and DELETE with this status
    tokens: set[str] = field(default_factory=set)
    meetings_fail: int | None = None  # answer meeting creation with this status
    meeting_delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def revoke_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()


def _handler(state: FakeZoom) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _bearer_ok(self) -> bool:
            header = self.headers.get("Authorization", "")
            with state.lock:
                ok = header.startswith("Bearer ") and header[len("Bearer "):] in state.tokens
            if not ok:
                self._send(401, {"code": 124, "message": "Invalid access token."})
            return ok

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if url.path == "/oauth/token":
                query = parse_qs(url.query)
                expected = "Basic " + base64.b64encode(f"{CLIENT}:{SECRET}".encode()).decode()
                with state.lock:
                    state.token_requests.append({"query": query, "auth": self.headers.get("Authorization")})
                if self.headers.get("Authorization") != expected:
                    self._send(401, {"reason": "Invalid client_id or client_secret", "error": "invalid_client"})
                    return
                if query != {"grant_type": ["account_credentials"], "account_id": [ACCOUNT]}:
                    self._send(400, {"reason": "Unsupported grant type", "error": "unsupported_grant_type"})
                    return
                with state.lock:
                    token = f"token-{len(state.token_requests)}"
                    state.tokens.add(token)
                self._send(200, {"access_token": token, "token_type": "bearer", "expires_in": 3599,
                                 "scope": "meeting:write:meeting:admin", "api_url": "https://api.zoom.us"})
                return
            if url.path == "/v2/users/me/meetings":
                if not self._bearer_ok():
                    return
                time.sleep(state.meeting_delay)
                if state.meetings_fail is not None:
                    self._send(state.meetings_fail, {"code": 300, "message": "Something went wrong."})
                    return
                body = json.loads(raw)
                with state.lock:
                    state.meeting_bodies.append(body)
                    number = 85000000000 + len(state.meeting_bodies)
                self._send(201, {"id": number, "uuid": "aBcD==", "host_id": "h1", "topic": body["topic"],
                                 "type": 2, "start_time": body["start_time"], "duration": body["duration"],
                                 "timezone": body["timezone"], "agenda": body.get("agenda", ""),
                                 "created_at": "2026-12-07T10:00:00Z", "password": "a1B2c3",
                                 "join_url": f"https://zoom.us/j/{number}?pwd=xyz",
                                 "start_url": f"https://zoom.us/s/{number}?zak=first", "settings": body["settings"]})
                return
            self._send(404, {"code": 404, "message": "Not found."})

        def do_GET(self) -> None:
            match = re.fullmatch(r"/v2/meetings/(\d+)", urlsplit(self.path).path)
            if match is None:
                self._send(404, {"code": 404, "message": "Not found."})
                return
            if not self._bearer_ok():
                return
            with state.lock:
                state.meeting_reads.append(match.group(1))
            number = match.group(1)
            self._send(200, {"id": int(number), "join_url": f"https://zoom.us/j/{number}?pwd=xyz",
                             "start_url": f"https://zoom.us/s/{number}?zak=renewed", "password": "a1B2c3"})

        def _change(self, method: str) -> None:
            match = re.fullmatch(r"/v2/meetings/(\d+)", urlsplit(self.path).path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if match is None:
                self._send(404, {"code": 404, "message": "Not found."})
                return
            if not self._bearer_ok():
                return
            if state.changes_fail is not None:
                self._send(state.changes_fail, {"code": 3001, "message": "Meeting does not exist."})
                return
            with state.lock:
                state.meeting_changes.append((method, match.group(1), json.loads(raw) if raw else None))
            self.send_response(204)  # Zoom answers PATCH and DELETE with an empty 204
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_PATCH(self) -> None:
            self._change("PATCH")

        def do_DELETE(self) -> None:
            self._change("DELETE")

    return Handler


@pytest.fixture
def fake_zoom(settings: Any) -> Iterator[FakeZoom]:
    state = FakeZoom()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.ZOOM_ACCOUNT_ID, settings.ZOOM_CLIENT_ID, settings.ZOOM_CLIENT_SECRET = ACCOUNT, CLIENT, SECRET
    settings.ZOOM_OAUTH_URL, settings.ZOOM_API_BASE = f"{base}/oauth/token", f"{base}/v2"
    settings.LIVEKIT_URL = settings.LIVEKIT_API_KEY = settings.LIVEKIT_API_SECRET = ""
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def make_class(course: Any, **fields: Any) -> LiveSession:
    starts = timezone.now() + timedelta(minutes=5)
    return LiveSession.objects.create(owner=course.owner, course=course, title="Organic chemistry", timezone="UTC",
                                      description="Alkenes and their reactions.", starts_at=starts,
                                      ends_at=starts + timedelta(minutes=90), **fields)


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    student = StudentFactory()
    EnrollmentFactory(student=student, course=course)
    return {"tutor": tutor, "student": student, "course": course, "session": make_class(course, waiting_room=True)}


def media(user: Any, session: LiveSession) -> Any:
    return client_for(user).get(f"/api/v1/sessions/{session.id}/media")


def test_the_first_request_makes_the_classes_meeting_and_later_ones_reuse_it(fake_zoom, world):
    session, tutor, student = world["session"], world["tutor"], world["student"]
    body = media(tutor, session).json()
    assert body["mode"] == "zoom" and body["livekit"] is None
    number = "85000000001"
    assert body["zoom"] == {"meeting_id": number, "join_url": f"https://zoom.us/j/{number}?pwd=xyz",
                            "password": "a1B2c3", "start_url": f"https://zoom.us/s/{number}?zak=first"}
    [sent] = fake_zoom.meeting_bodies
    assert sent == {"topic": "Organic chemistry", "type": 2,
                    "start_time": session.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "duration": 90, "timezone": "UTC", "agenda": "Alkenes and their reactions.",
                    "settings": {"join_before_host": False, "waiting_room": True}}
    session.refresh_from_db()
    assert (session.zoom_meeting_id, session.zoom_password) == (number, "a1B2c3")
    assert session.zoom_start_url.endswith("zak=first")

    again = media(student, session).json()["zoom"]
    assert again == {"meeting_id": number, "join_url": f"https://zoom.us/j/{number}?pwd=xyz", "password": "a1B2c3"}
    assert media(tutor, session).json()["zoom"]["meeting_id"] == number
    assert len(fake_zoom.meeting_bodies) == 1
    assert len(fake_zoom.token_requests) == 1  # the account token is kept in the cache
    assert fake_zoom.meeting_reads == []  # the host link is new: no need to renew it


def test_students_never_get_the_host_link(fake_zoom, world):
    assert "start_url" not in media(world["student"], world["session"]).json()["zoom"]


def test_a_host_link_of_unknown_age_is_renewed_for_tutors(fake_zoom, world):
    session = world["session"]
    LiveSession.objects.filter(id=session.id).update(
        zoom_meeting_id="85099999999", zoom_join_url="https://zoom.us/j/85099999999",
        zoom_start_url="https://zoom.us/s/85099999999?zak=stale", zoom_password="pw")
    assert media(world["tutor"], session).json()["zoom"]["start_url"] == "https://zoom.us/s/85099999999?zak=renewed"
    assert media(world["tutor"], session).json()["zoom"]["start_url"].endswith("zak=renewed")
    assert fake_zoom.meeting_reads == ["85099999999"] and fake_zoom.meeting_bodies == []
    session.refresh_from_db()
    assert session.zoom_start_url.endswith("zak=renewed")


def _zoom_error(response: Any) -> str:
    assert response.status_code == 502, response.content
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"} and "Zoom" in error["message"]
    return str(error["code"])


def test_wrong_app_credentials_answer_502_and_change_nothing(fake_zoom, world, settings):
    settings.ZOOM_CLIENT_SECRET = "not-the-secret"
    assert _zoom_error(media(world["tutor"], world["session"])) == "zoom_unavailable"
    world["session"].refresh_from_db()
    assert world["session"].zoom_meeting_id == "" and fake_zoom.meeting_bodies == []
    assert fake_zoom.token_requests[0]["auth"] != "Basic " + base64.b64encode(f"{CLIENT}:{SECRET}".encode()).decode()


def test_a_zoom_server_error_answers_502_and_the_next_request_tries_again(fake_zoom, world):
    fake_zoom.meetings_fail = 500
    response = media(world["student"], world["session"])
    assert _zoom_error(response) == "zoom_unavailable" and "500" in response.json()["error"]["message"]
    world["session"].refresh_from_db()
    assert world["session"].zoom_meeting_id == ""
    fake_zoom.meetings_fail = None
    assert media(world["student"], world["session"]).json()["zoom"]["meeting_id"] == "85000000001"


def test_a_token_zoom_stopped_accepting_is_renewed_once(fake_zoom, world):
    assert media(world["tutor"], world["session"]).status_code == 200
    fake_zoom.revoke_tokens()  # e.g. the app's secret was rotated: the cached token is refused
    other = make_class(world["course"])
    assert media(world["tutor"], other).json()["zoom"]["meeting_id"] == "85000000002"
    assert len(fake_zoom.token_requests) == 2


def test_a_401_on_every_try_answers_502(fake_zoom, world):
    fake_zoom.meetings_fail = 401  # the token is accepted by the sign-in but the account lacks the scope
    assert _zoom_error(media(world["tutor"], world["session"])) == "zoom_unavailable"


def test_zoom_not_answering_is_a_502_too(fake_zoom, world, settings, monkeypatch):
    settings.ZOOM_API_BASE = f"http://127.0.0.1:{free_port()}/v2"  # nothing listens there
    assert _zoom_error(media(world["tutor"], world["session"])) == "zoom_unavailable"
    settings.ZOOM_API_BASE = settings.ZOOM_OAUTH_URL.replace("/oauth/token", "/v2")
    fake_zoom.meeting_delay = 1.0
    monkeypatch.setattr(zoom, "TIMEOUT", httpx.Timeout(0.2))
    assert _zoom_error(media(world["tutor"], world["session"])) == "zoom_unavailable"
    world["session"].refresh_from_db()
    assert world["session"].zoom_meeting_id == ""


def test_zoom_takes_precedence_over_livekit_when_both_are_set(fake_zoom, world, settings):
    settings.LIVEKIT_URL, settings.LIVEKIT_API_KEY, settings.LIVEKIT_API_SECRET = "wss://lk", "k", "s" * 32
    assert media(world["student"], world["session"]).json()["mode"] == "zoom"


@pytest.mark.django_db(transaction=True)
def test_two_first_requests_at_once_make_one_meeting(fake_zoom):
    tutor = TutorFactory()
    session = make_class(course_with_lessons(owner=tutor))
    fake_zoom.meeting_delay = 0.5  # both requests arrive while Zoom is still making the first meeting
    results: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            results.append(zoom.zoom_meeting_ensure(session=session).zoom_meeting_id)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert results == ["85000000001", "85000000001"] and len(fake_zoom.meeting_bodies) == 1


def test_moving_or_cancelling_a_class_carries_over_to_its_meeting(fake_zoom, world):
    session, tutor = world["session"], client_for(world["tutor"])
    number = media(world["tutor"], session).json()["zoom"]["meeting_id"]
    later = (session.starts_at + timedelta(days=1)).astimezone(UTC)
    moved = tutor.patch(f"/api/v1/sessions/{session.id}", {"title": "Alkenes, part 2",
                                                            "starts_at": later.isoformat(),
                                                            "ends_at": (later + timedelta(hours=1)).isoformat()},
                        format="json")
    assert moved.status_code == 200
    assert zoom.zoom_meeting_sync(session_id=session.id) == "updated"
    method, meeting, body = fake_zoom.meeting_changes[-1]
    assert (method, meeting) == ("PATCH", number)
    assert body is not None and body["topic"] == "Alkenes, part 2" and body["duration"] == 60
    assert body["start_time"] == later.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert tutor.post(f"/api/v1/sessions/{session.id}/cancel").status_code == 200
    assert zoom.zoom_meeting_sync(session_id=session.id) == "deleted"
    assert fake_zoom.meeting_changes[-1] == ("DELETE", number, None)


def test_a_meeting_zoom_lost_counts_as_deleted_and_other_refusals_are_retried(fake_zoom, world):
    session = world["session"]
    media(world["tutor"], session)
    fake_zoom.changes_fail = 500
    with pytest.raises(zoom.ZoomError):
        zoom.zoom_meeting_sync(session_id=session.id)  # the task retries with backoff
    LiveSession.objects.filter(id=session.id).update(status="cancelled")
    fake_zoom.changes_fail = 404
    assert zoom.zoom_meeting_sync(session_id=session.id) == "deleted"
    assert zoom.zoom_meeting_sync(session_id=make_class(world["course"]).id) == "none"  # no meeting yet
