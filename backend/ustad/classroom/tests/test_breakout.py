"""Breakout rooms: split, talk per room, help calls, broadcast, visits and the call back; chats are kept."""

from __future__ import annotations

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
