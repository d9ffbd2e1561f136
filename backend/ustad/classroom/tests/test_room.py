"""The live room over real Channels + Redis: who gets in, chat, hands, tutor controls, replay and bad frames."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from config.asgi import application
from ustad.classroom import consumers
from ustad.classroom.models import AttendanceInterval, ChatMessage, LiveSession, RoomEvent
from ustad.core.ws_tickets import ws_ticket_issue
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

pytestmark = pytest.mark.django_db(transaction=True)
HEADERS = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


def make_class(**fields: Any) -> dict[str, Any]:
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    alice, bob, outsider = StudentFactory(first_name="Alice"), StudentFactory(first_name="Bob"), StudentFactory()
    for student in (alice, bob):
        EnrollmentFactory(student=student, course=course)
    now = timezone.now()
    session = LiveSession.objects.create(owner=tutor, course=course, title="Algebra live", timezone="Asia/Karachi",
                                         starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(hours=1),
                                         **fields)
    return {"tutor": tutor, "alice": alice, "bob": bob, "outsider": outsider, "session": session}


@asynccontextmanager
async def joined(user: Any, session: LiveSession, after: int | None = None) -> AsyncIterator[WebsocketCommunicator]:
    ticket = await sync_to_async(ws_ticket_issue)(user_id=user.id)
    query = f"?ticket={ticket}" + (f"&after={after}" if after is not None else "")
    socket = WebsocketCommunicator(application, f"/ws/classroom/{session.id}/{query}", headers=HEADERS)
    connected, code = await socket.connect()
    assert connected, code
    try:
        yield socket
    finally:
        await socket.disconnect()


async def next_of(socket: WebsocketCommunicator, kind: str, timeout: float = 5,
                  where: Any = None) -> dict[str, Any]:
    """The next frame of this type (and matching `where`), skipping others (presence and the like)."""
    for _ in range(50):
        frame = await socket.receive_json_from(timeout=timeout)
        if frame["type"] == kind and (where is None or where(frame)):
            return frame
    raise AssertionError(f"no {kind} frame")


def about(user: Any) -> Any:
    return lambda frame: frame.get("participant", {}).get("user_id", frame.get("user_id")) == str(user.id)


async def test_tutor_and_students_meet_chat_and_raise_hands_in_order():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        welcome = await next_of(alice, "welcome")
        assert welcome["session"]["title"] == "Algebra live" and welcome["you"]["tutor"] is False
        assert (await next_of(tutor, "presence.joined", where=about(world["alice"])))["participant"]["name"] \
            .startswith("Alice")
        async with joined(world["bob"], session) as bob:
            await next_of(bob, "welcome")
            await alice.send_json_to({"type": "chat.send", "body": "Hello! See https://example.org/notes"})
            message = (await next_of(bob, "chat.message"))["message"]
            assert message["body"].startswith("Hello!") and message["links"] == ["https://example.org/notes"]
            await bob.send_json_to({"type": "hand.raise"})
            await alice.send_json_to({"type": "hand.raise"})
            first, second = await next_of(tutor, "hand.raised"), await next_of(tutor, "hand.raised")
            assert [first["user_id"], second["user_id"]] == [str(world["bob"].id), str(world["alice"].id)]
            assert first["seq"] < second["seq"]
    session_events = await sync_to_async(lambda: list(RoomEvent.objects.filter(session=session)
                                                      .values_list("seq", flat=True).order_by("seq")))()
    assert session_events == list(range(1, len(session_events) + 1))  # one gapless sequence per room
    intervals = await sync_to_async(lambda: list(AttendanceInterval.objects.filter(session=session)))()
    assert len(intervals) == 3 and all(interval.left_at for interval in intervals)


async def test_private_messages_reach_the_tutors_and_their_author_only():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await alice.send_json_to({"type": "chat.send", "body": "I am stuck on question 3", "to_tutors": True})
        assert (await next_of(tutor, "chat.message"))["message"]["to_tutors"] is True
        assert (await next_of(alice, "chat.message"))["message"]["body"] == "I am stuck on question 3"
        await bob.send_json_to({"type": "ping"})
        assert await next_of(bob, "pong")  # bob's socket saw no private chat before the pong
        frames: list[dict[str, Any]] = []
        while not await bob.receive_nothing(timeout=0.3):
            frames.append(await bob.receive_json_from())
        assert not any(frame["type"] == "chat.message" for frame in frames)


async def test_the_waiting_room_holds_students_until_the_tutor_admits_them():
    world = await sync_to_async(make_class)(waiting_room=True)
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        assert (await alice.receive_json_from())["type"] == "waiting"
        waiting = await next_of(tutor, "waiting.joined")
        await alice.send_json_to({"type": "chat.send", "body": "let me in"})
        assert (await next_of(alice, "error"))["code"] == "waiting"
        await tutor.send_json_to({"type": "admit", "user_id": waiting["participant"]["user_id"]})
        assert (await next_of(alice, "welcome"))["session"]["waiting_room"] is True
        assert await next_of(tutor, "presence.joined", where=about(world["alice"]))


async def test_students_cannot_use_tutor_controls_and_bad_frames_harm_no_one():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(alice, "welcome")
        for frame in ({"type": "class.end"}, {"type": "mute.all"}, {"type": "admit", "user_id": str(world["bob"].id)},
                      {"type": "room.lock", "locked": True}):
            await alice.send_json_to(frame)
            assert (await next_of(alice, "error"))["code"] == "permission_denied"
        for raw, code in (("{not json", "bad_json"), ("[1, 2]", "bad_message"),
                          ('{"type": "teleport"}', "unknown_type"),
                          (json.dumps({"type": "chat.send", "body": "x" * 20_000}), "bad_frame"),
                          ('{"type": "chat.send"}', "bad_message"), ('{"type": "chat.send", "body": 5}', "bad_message"),
                          ('{"type": "chat.send", "body": "   "}', "validation_error")):
            await alice.send_to(text_data=raw)
            assert (await next_of(alice, "error"))["code"] == code
        await tutor.send_json_to({"type": "mute", "user_id": "not-a-uuid"})
        assert (await next_of(tutor, "error"))["code"] == "bad_message"
        await alice.send_json_to({"type": "chat.send", "body": "still here"})
        assert (await next_of(tutor, "chat.message"))["message"]["body"] == "still here"
    assert (await sync_to_async(LiveSession.objects.get)(id=session.id)).status == "live"


async def test_a_reconnecting_client_gets_exactly_the_events_it_missed():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor:
        welcome = await next_of(tutor, "welcome")
        async with joined(world["alice"], session) as alice:
            await next_of(alice, "welcome")
            await alice.send_json_to({"type": "chat.send", "body": "one"})
            await next_of(tutor, "chat.message")
        seen = (await next_of(tutor, "presence.left", where=about(world["alice"])))["seq"]
        async with joined(world["bob"], session) as bob:
            await next_of(bob, "welcome")
            await bob.send_json_to({"type": "chat.send", "body": "two"})
            missed_chat = (await next_of(tutor, "chat.message"))["seq"]
        last = (await next_of(tutor, "presence.left", where=about(world["bob"])))["seq"]
    async with joined(world["tutor"], session, after=seen) as again:
        assert (await again.receive_json_from())["type"] == "welcome"
        replay = []
        while not await again.receive_nothing(timeout=0.3):
            replay.append(await again.receive_json_from())
        seqs = [frame["seq"] for frame in replay if "seq" in frame]
        assert seqs[: last - seen] == list(range(seen + 1, last + 1)) and missed_chat in seqs
    assert welcome["last_seq"] < seen


async def test_strangers_early_birds_and_removed_students_stay_out():
    world = await sync_to_async(make_class)()
    session = world["session"]
    ticket = await sync_to_async(ws_ticket_issue)(user_id=world["outsider"].id)
    stranger = WebsocketCommunicator(application, f"/ws/classroom/{session.id}/?ticket={ticket}", headers=HEADERS)
    await stranger.connect()
    assert (await stranger.receive_json_from())["code"] == "not_found"
    assert (await stranger.receive_output())["code"] == consumers.CLOSE_NOT_FOUND
    await stranger.disconnect()

    later = await sync_to_async(make_class)()
    await sync_to_async(LiveSession.objects.filter(id=later["session"].id).update)(
        starts_at=timezone.now() + timedelta(hours=2), ends_at=timezone.now() + timedelta(hours=3))
    ticket = await sync_to_async(ws_ticket_issue)(user_id=later["alice"].id)
    early = WebsocketCommunicator(application, f"/ws/classroom/{later['session'].id}/?ticket={ticket}",
                                  headers=HEADERS)
    await early.connect()
    assert (await early.receive_json_from())["code"] == "too_early"
    await early.disconnect()

    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(alice, "welcome")
        await tutor.send_json_to({"type": "remove", "user_id": str(world["alice"].id)})
        assert (await next_of(alice, "participant.removed"))["user_id"] == str(world["alice"].id)
        assert (await alice.receive_output(timeout=5))["code"] == consumers.CLOSE_FORBIDDEN
    ticket = await sync_to_async(ws_ticket_issue)(user_id=world["alice"].id)
    back = WebsocketCommunicator(application, f"/ws/classroom/{session.id}/?ticket={ticket}", headers=HEADERS)
    await back.connect()
    assert (await back.receive_json_from())["code"] == "removed"
    await back.disconnect()


async def test_ending_the_class_closes_every_socket_and_keeps_the_chat():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(alice, "welcome")
        await alice.send_json_to({"type": "chat.send", "body": "thank you!"})
        await next_of(tutor, "chat.message")
        await tutor.send_json_to({"type": "class.end"})
        assert (await next_of(alice, "class.ended"))["type"] == "class.ended"
        assert (await alice.receive_output(timeout=5))["code"] == consumers.CLOSE_ENDED
    assert await sync_to_async(ChatMessage.objects.filter(session=session).count)() == 1
    ticket = await sync_to_async(ws_ticket_issue)(user_id=world["alice"].id)
    late = WebsocketCommunicator(application, f"/ws/classroom/{session.id}/?ticket={ticket}", headers=HEADERS)
    await late.connect()
    assert (await late.receive_json_from())["code"] == "session_ended"
    await late.disconnect()


async def test_a_flood_gets_slowed_then_cut_off_without_touching_others(monkeypatch):
    monkeypatch.setattr(consumers, "REFILL_PER_SECOND", 0.0)
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(alice, "welcome")
        for _ in range(int(consumers.BUCKET_SIZE) + consumers.STRIKES_BEFORE_CLOSE):
            await alice.send_json_to({"type": "ping"})
        codes = set()
        while True:
            output = await alice.receive_output(timeout=5)
            if output["type"] == "websocket.close":
                assert output["code"] == consumers.CLOSE_FLOOD
                break
            codes.add(json.loads(output["text"]).get("code"))
        assert "slow_down" in codes
        await tutor.send_json_to({"type": "ping"})
        assert await next_of(tutor, "pong")


async def test_a_big_class_leaving_at_once_closes_everyones_attendance():
    """Hundreds of sockets of one process leave their group together when a class ends; none may be lost."""
    import asyncio

    world = await sync_to_async(make_class)()
    session = world["session"]

    def enrol(count: int) -> list[Any]:
        students = StudentFactory.create_batch(count)
        for student in students:
            EnrollmentFactory(student=student, course=session.course)
        return students

    students = await sync_to_async(enrol)(130)
    sockets = []
    for student in students:
        ticket = await sync_to_async(ws_ticket_issue)(user_id=student.id)
        socket = WebsocketCommunicator(application, f"/ws/classroom/{session.id}/?ticket={ticket}", headers=HEADERS)
        assert (await socket.connect())[0]
        sockets.append(socket)
    # Without room in the channel layer's Redis pool, leaving stalls: fail rather than wait for ever.
    await asyncio.wait_for(asyncio.gather(*(socket.disconnect(timeout=60) for socket in sockets)), timeout=90)
    still_open = await sync_to_async(AttendanceInterval.objects.filter(session=session, left_at__isnull=True).count)()
    assert still_open == 0
