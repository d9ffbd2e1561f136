"""Media signaling over the real room socket: hello and state reach the room, offers and candidates reach
one peer only, leaving is announced, and screen sharing follows the tutor's permission."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async

from ustad.classroom.models import Participant
from ustad.classroom.tests.test_room import joined, make_class, next_of

pytestmark = pytest.mark.django_db(transaction=True)

OFF = {"audio": False, "video": False, "screen": False, "audio_only": False}


async def test_peers_find_each_other_and_signals_reach_one_peer_only():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        peers = {}
        for name, socket in (("tutor", tutor), ("alice", alice), ("bob", bob)):
            welcome = await next_of(socket, "welcome")
            peers[name] = welcome["you"]["peer_id"]
            assert welcome["media"] == {"screen_allowed": [], "recording": None}
        assert len(set(peers.values())) == 3
        await alice.send_json_to({"type": "media.hello", "audio": True, "video": True})
        hello = await next_of(tutor, "media.hello")
        assert hello == {"type": "media.hello", "peer_id": peers["alice"], "user_id": str(world["alice"].id),
                         "audio": True, "video": True, "screen": False, "audio_only": False, "room_id": None}
        await next_of(bob, "media.hello")
        # The tutor answers the newcomer only.
        await tutor.send_json_to({"type": "media.state", **OFF, "video": True, "to": peers["alice"]})
        state = await next_of(alice, "media.state")
        assert state["peer_id"] == peers["tutor"] and state["video"] is True
        offer = {"type": "offer", "sdp": "v=0\r\n" + "a=x\r\n" * 2000}  # about 12 KB, as a real offer can be
        await tutor.send_json_to({"type": "rtc.signal", "to": peers["alice"], "description": offer})
        signal = await next_of(alice, "rtc.signal")
        assert signal["from"] == peers["tutor"] and signal["description"] == offer
        assert "to" not in signal and "_to_peer" not in signal
        await alice.send_json_to({"type": "rtc.signal", "to": peers["tutor"],
                                  "candidate": {"candidate": "candidate:1 1 udp 1 10.0.0.1 5000 typ host",
                                                "sdpMid": "0", "sdpMLineIndex": 0}})
        assert (await next_of(tutor, "rtc.signal"))["candidate"]["sdpMid"] == "0"
    # Leaving is announced with the peer id, so others close that connection.
    async with joined(world["tutor"], session) as tutor4:
        await next_of(tutor4, "welcome")
        async with joined(world["bob"], session) as bob4:
            bob_peer = (await next_of(bob4, "welcome"))["you"]["peer_id"]
        left = await next_of(tutor4, "media.left")
        assert left == {"type": "media.left", "peer_id": bob_peer, "user_id": str(world["bob"].id)}


async def test_private_signals_never_reach_a_third_peer():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        alice_peer = (await next_of(alice, "welcome"))["you"]["peer_id"]
        await next_of(tutor, "welcome")
        await next_of(bob, "welcome")
        await tutor.send_json_to({"type": "rtc.signal", "to": alice_peer, "candidate": None})
        assert (await next_of(alice, "rtc.signal"))["candidate"] is None
        await tutor.send_json_to({"type": "chat.send", "body": "after the signal"})
        # Bob's next frames: presence and the chat line, never the signal.
        while True:
            frame = await bob.receive_json_from(timeout=5)
            assert frame["type"] != "rtc.signal"
            if frame["type"] == "chat.message":
                break


async def test_bad_media_frames_get_errors_and_harm_no_one():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(tutor, "welcome")
        await next_of(alice, "welcome")
        for frame in ({"type": "rtc.signal", "to": "x"},  # neither description nor candidate
                      {"type": "rtc.signal", "to": "x", "description": {"type": "bogus", "sdp": ""}},
                      {"type": "rtc.signal", "to": "", "candidate": None},
                      {"type": "rtc.signal", "to": "x", "candidate": "text"},
                      {"type": "media.state", "audio": "yes"}):
            await alice.send_json_to(frame)
            assert (await next_of(alice, "error"))["code"] == "bad_message"
        await alice.send_to(text_data=json.dumps({"type": "rtc.signal", "to": "x",
                                                  "description": {"type": "offer", "sdp": "a" * 70_000}}))
        assert (await next_of(alice, "error"))["code"] == "bad_frame"
        await alice.send_json_to({"type": "screen.permit", "user_id": str(world["alice"].id), "allowed": True})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await alice.send_json_to({"type": "rtc.signal", "to": "nobody-here", "candidate": None})  # dropped quietly
        await alice.send_json_to({"type": "chat.send", "body": "still fine"})
        assert (await next_of(tutor, "chat.message"))["message"]["body"] == "still fine"


async def test_screen_sharing_follows_the_tutors_permission_and_unmuting_clears_a_mute():
    world = await sync_to_async(make_class)()
    session = world["session"]
    alice_id = str(world["alice"].id)
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        await next_of(tutor, "welcome")
        await next_of(alice, "welcome")
        await alice.send_json_to({"type": "media.state", **OFF, "screen": True})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "screen.permit", "user_id": alice_id, "allowed": True})
        permitted = await next_of(alice, "media.screen_permitted")
        assert permitted["user_id"] == alice_id and permitted["allowed"] is True and permitted["seq"] > 0
        await alice.send_json_to({"type": "media.state", **OFF, "screen": True})
        assert (await next_of(tutor, "media.state"))["screen"] is True
        await tutor.send_json_to({"type": "screen.permit", "user_id": str(world["tutor"].id), "allowed": True})
        assert (await next_of(tutor, "error"))["code"] == "validation_error"
        await tutor.send_json_to({"type": "mute", "user_id": alice_id})
        await next_of(alice, "participant.muted")
        assert await sync_to_async(lambda: Participant.objects.get(session=session, user=world["alice"]).muted)()
        await alice.send_json_to({"type": "media.state", **OFF, "audio": True})
        await next_of(tutor, "media.state")
        assert not await sync_to_async(lambda: Participant.objects.get(session=session, user=world["alice"]).muted)()
    async with joined(world["alice"], session) as again:
        assert (await next_of(again, "welcome"))["media"]["screen_allowed"] == [alice_id]
