"""Breakout rooms: split, talk per room, help calls, broadcast, visits and the call back; chats are kept."""

from __future__ import annotations

import uuid

import pytest
from asgiref.sync import sync_to_async

from ustad.classroom.models import BreakoutRound, ChatMessage
from ustad.classroom.tests.test_room import joined, make_class, next_of

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_breakout_round_keeps_each_rooms_chat_to_itself_and_the_tutor():
    world = await sync_to_async(make_class)()
    session = world["session"]
    alice_id, bob_id = str(world["alice"].id), str(world["bob"].id)
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await alice.send_json_to({"type": "breakout.start", "rooms": 2, "mode": "random", "minutes": 5})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "breakout.start", "rooms": 0, "mode": "random", "minutes": 5})
        assert (await next_of(tutor, "error"))["code"] == "validation_error"
        await tutor.send_json_to({"type": "breakout.start", "rooms": 2, "mode": "manual", "minutes": 10,
                                  "assignments": {alice_id: 1, bob_id: 2}})
        started = (await next_of(alice, "breakout.started"))["round"]
        room_1, room_2 = started["rooms"]
        assert (room_1["members"], room_2["members"]) == ([alice_id], [bob_id])
        await next_of(bob, "breakout.started")

        await alice.send_json_to({"type": "chat.send", "body": "Room 1 only"})
        assert (await next_of(tutor, "chat.message"))["message"]["room_id"] == room_1["id"]
        assert (await next_of(alice, "chat.message"))["message"]["body"] == "Room 1 only"
        await bob.send_json_to({"type": "breakout.help"})
        help_call = await next_of(tutor, "breakout.help")
        assert (help_call["user_id"], help_call["room_id"]) == (bob_id, room_2["id"])
        await bob.send_json_to({"type": "chat.send", "body": "Room 2 here"})
        assert (await next_of(bob, "chat.message"))["message"]["body"] == "Room 2 here"  # not alice's message

        await tutor.send_json_to({"type": "breakout.broadcast", "body": "Two minutes left"})
        assert (await next_of(alice, "breakout.broadcast"))["body"] == "Two minutes left"
        await tutor.send_json_to({"type": "breakout.visit", "room_id": room_2["id"]})
        assert (await next_of(bob, "breakout.visit"))["room_id"] == room_2["id"]
        await tutor.send_json_to({"type": "breakout.move", "user_id": alice_id, "room_id": room_2["id"]})
        assert (await next_of(alice, "breakout.moved"))["room_id"] == room_2["id"]
        await bob.send_json_to({"type": "chat.send", "body": "Welcome Alice"})
        assert (await next_of(alice, "chat.message"))["message"]["body"] == "Welcome Alice"  # now in room 2

        await alice.send_json_to({"type": "breakout.join", "room_id": room_1["id"]})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"  # the tutor places students
        await tutor.send_json_to({"type": "breakout.end"})
        await next_of(alice, "breakout.ended")
        await alice.send_json_to({"type": "chat.send", "body": "Back in the main room"})
        back = await next_of(bob, "chat.message", where=lambda f: f["message"]["body"] == "Back in the main room")
        assert back["message"]["room_id"] is None

    rooms = await sync_to_async(lambda: dict(ChatMessage.objects.filter(session=session)
                                             .values_list("body", "breakout_room__number")))()
    assert rooms == {"Room 1 only": 1, "Room 2 here": 2, "Welcome Alice": 2, "Back in the main room": None}
    assert await sync_to_async(BreakoutRound.objects.filter(closed_at__isnull=False).count)() == 1


async def test_students_choose_their_room_when_allowed_and_late_joiners_see_where_they_are():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(alice, "welcome")
        await tutor.send_json_to({"type": "breakout.start", "rooms": 3, "mode": "choose", "minutes": 15})
        started = (await next_of(alice, "breakout.started"))["round"]
        assert all(room["members"] == [] for room in started["rooms"])
        await alice.send_json_to({"type": "breakout.join", "room_id": started["rooms"][2]["id"]})
        assert (await next_of(tutor, "breakout.moved"))["user_id"] == str(world["alice"].id)
        await tutor.send_json_to({"type": "breakout.start", "rooms": 2, "mode": "random", "minutes": 5})
        assert (await next_of(tutor, "error"))["code"] == "breakout_running"
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        welcome = await next_of(alice, "welcome")
        assert welcome["breakout"]["my_room_id"] == started["rooms"][2]["id"]


async def test_tutors_speak_into_a_room_late_tutors_see_visits_and_time_up_brings_everyone_back():
    from datetime import timedelta

    from django.utils import timezone

    from ustad.classroom.services.breakout import breakouts_close_due

    world = await sync_to_async(make_class)()
    session = world["session"]
    alice_id, bob_id = str(world["alice"].id), str(world["bob"].id)
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await tutor.send_json_to({"type": "breakout.start", "rooms": 2, "mode": "manual", "minutes": 1,
                                  "assignments": {alice_id: 1, bob_id: 2}})
        room_1, room_2 = (await next_of(alice, "breakout.started"))["round"]["rooms"]
        await tutor.send_json_to({"type": "chat.send", "body": "Room 1, how is it going?", "room_id": room_1["id"]})
        said = (await next_of(alice, "chat.message"))["message"]
        assert (said["room_id"], said["author_id"]) == (room_1["id"], str(world["tutor"].id))
        await alice.send_json_to({"type": "chat.send", "body": "Sneaky", "room_id": room_2["id"]})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "chat.send", "body": "Lost", "room_id": str(uuid.uuid4())})
        assert (await next_of(tutor, "error"))["code"] == "not_found"
        await bob.send_json_to({"type": "ping"})
        await next_of(bob, "pong")
        await tutor.send_json_to({"type": "breakout.visit", "room_id": room_2["id"]})
        await next_of(bob, "breakout.visit")
        async with joined(world["tutor"], session) as second_tab:
            welcome = await next_of(second_tab, "welcome")
            assert welcome["breakout"]["visits"] == {str(world["tutor"].id): room_2["id"]}
        room_2_chat = await sync_to_async(lambda: list(ChatMessage.objects.filter(breakout_room_id=room_2["id"])))()
        assert room_2_chat == []  # the tutor's words went to room 1 only

        assert await sync_to_async(breakouts_close_due)(now=timezone.now()) == 0  # not yet
        assert await sync_to_async(breakouts_close_due)(now=timezone.now() + timedelta(minutes=2)) == 1
        assert (await next_of(alice, "breakout.ended"))["actor_id"] is None
        await next_of(bob, "breakout.ended")
        assert await sync_to_async(breakouts_close_due)(now=timezone.now() + timedelta(minutes=2)) == 0
