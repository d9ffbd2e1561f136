"""The whiteboard over the room's socket: who draws, merging by version, relaying, healing and breakout boards."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from ustad.classroom.models import BoardElement, BoardPage
from ustad.classroom.tests.test_room import joined, make_class, next_of

pytestmark = pytest.mark.django_db(transaction=True)


def stroke(element_id: str, version: int = 1, nonce: int = 100, points: int = 3, **extra: Any) -> dict[str, Any]:
    return {"id": element_id, "type": "freedraw", "version": version, "versionNonce": nonce, "isDeleted": False,
            "x": 10, "y": 20, "points": [[i, i * 2] for i in range(points)], "index": f"a{element_id}", **extra}


async def nothing_more_of(socket: WebsocketCommunicator, kind: str) -> None:
    while not await socket.receive_nothing(timeout=0.3):
        assert (await socket.receive_json_from())["type"] != kind


async def test_the_tutor_draws_students_see_it_and_only_newer_versions_travel():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        welcome = await next_of(alice, "welcome")
        board = welcome["board"]
        assert [page["title"] for page in board["pages"]] == ["Page 1"] and board["can_draw"] is False
        page_id = board["pages"][0]["id"]
        await tutor.send_json_to({"type": "board.update", "page_id": page_id, "elements": [stroke("s1")]})
        relayed = await next_of(alice, "board.update")
        assert (relayed["page_id"], relayed["elements"][0]["id"]) == (page_id, "s1")
        assert relayed["user_id"] == str(world["tutor"].id) and relayed["elements"][0]["points"][2] == [2, 4]
        # The same copy again, or an older one, is not news: nobody hears of it.
        await tutor.send_json_to({"type": "board.update", "page_id": page_id, "elements": [stroke("s1")]})
        await tutor.send_json_to({"type": "board.update", "page_id": page_id,
                                  "elements": [stroke("s1", version=2, nonce=50), stroke("s1", version=2, nonce=9)]})
        assert (await next_of(alice, "board.update"))["elements"] == [stroke("s1", version=2, nonce=9)]
        await nothing_more_of(tutor, "board.update")  # the drawer is not echoed
        await alice.send_json_to({"type": "board.update", "page_id": page_id, "elements": [stroke("x")]})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"

        await tutor.send_json_to({"type": "board.permit", "user_id": str(world["alice"].id), "allowed": True})
        access = await next_of(alice, "board.access")
        assert access["allowed"] == [str(world["alice"].id)] and access["everyone"] is False and access["seq"]
        await alice.send_json_to({"type": "board.update", "page_id": page_id,
                                  "elements": [stroke("s1", version=3, nonce=1, isDeleted=True)]})
        assert (await next_of(tutor, "board.update"))["elements"][0]["isDeleted"] is True

    stored = await sync_to_async(lambda: list(BoardElement.objects.values_list("element_id", "version",
                                                                                "version_nonce", "is_deleted")))()
    assert stored == [("s1", 3, 1, True)]


async def test_sync_answers_in_sync_or_with_the_whole_page_and_late_joiners_catch_up():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor:
        page_id = (await next_of(tutor, "welcome"))["board"]["pages"][0]["id"]
        await tutor.send_json_to({"type": "board.update", "page_id": page_id,
                                  "elements": [stroke("a", version=2), stroke("b", version=5)]})
        await tutor.send_json_to({"type": "board.sync", "page_id": page_id, "scene_version": 7})
        assert await next_of(tutor, "board.in_sync") == {"type": "board.in_sync", "page_id": page_id,
                                                         "scene_version": 7}
        async with joined(world["bob"], session) as bob:
            await next_of(bob, "welcome")
            await bob.send_json_to({"type": "board.sync", "page_id": page_id, "scene_version": 0})
            scene = await next_of(bob, "board.scene")
            assert scene["scene_version"] == 7 and [e["id"] for e in scene["elements"]] == ["a", "b"]
            await bob.send_json_to({"type": "board.sync", "page_id": "not-a-page"})
            assert (await next_of(bob, "error"))["code"] == "not_found"


async def test_opening_the_board_to_everyone_and_showing_pages():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice:
        first = (await next_of(alice, "welcome"))["board"]["pages"][0]["id"]
        await alice.send_json_to({"type": "board.page.add"})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await alice.send_json_to({"type": "board.access", "everyone": True})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "board.page.add", "title": "  Worked   example "})
        added = (await next_of(alice, "board.page_added"))["page"]
        assert (added["title"], added["position"], added["room_id"]) == ("Worked example", 2, None)
        await tutor.send_json_to({"type": "board.page.show", "page_id": added["id"]})
        assert (await next_of(alice, "board.page_shown"))["page_id"] == added["id"]
        await tutor.send_json_to({"type": "board.page.rename", "page_id": first, "title": "Warm-up"})
        assert (await next_of(alice, "board.page_renamed"))["title"] == "Warm-up"
        await tutor.send_json_to({"type": "board.access", "everyone": True})
        assert (await next_of(alice, "board.access"))["everyone"] is True
        await alice.send_json_to({"type": "board.update", "page_id": added["id"], "elements": [stroke("mine")]})
        assert (await next_of(tutor, "board.update"))["elements"][0]["id"] == "mine"
    async with joined(world["alice"], session) as alice:
        board = (await next_of(alice, "welcome"))["board"]
        assert board["shown_page_id"] == added["id"] and board["everyone"] is True and board["can_draw"] is True


async def test_bad_board_frames_get_clear_errors_and_change_nothing():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor:
        page_id = (await next_of(tutor, "welcome"))["board"]["pages"][0]["id"]
        bad = [
            ({"elements": [stroke("a")]}, "bad_message"),  # no page
            ({"page_id": page_id, "elements": []}, "validation_error"),
            ({"page_id": page_id, "elements": "nope"}, "validation_error"),
            ({"page_id": page_id, "elements": [stroke("a", version=0)]}, "validation_error"),
            ({"page_id": page_id, "elements": [stroke("a", version=True)]}, "validation_error"),
            ({"page_id": page_id, "elements": [stroke("a", type="script")]}, "validation_error"),
            ({"page_id": page_id, "elements": [stroke("")]}, "validation_error"),
            ({"page_id": page_id, "elements": [stroke("a", points=8000)]}, "validation_error"),  # over 64 KB
            ({"page_id": page_id, "elements": [stroke(str(n)) for n in range(501)]}, "validation_error"),
        ]
        for fields, code in bad:
            await tutor.send_json_to({"type": "board.update", **fields})
            error = await next_of(tutor, "error")
            assert error["code"] == code, (fields.keys(), error)
        # A board frame may be far bigger than a chat frame, but not without limit.
        await tutor.send_json_to({"type": "board.update", "page_id": page_id,
                                  "elements": [stroke(f"big{n}", points=300) for n in range(20)]})
        await tutor.send_json_to({"type": "board.sync", "page_id": page_id, "scene_version": 20})
        assert (await next_of(tutor, "board.in_sync"))["scene_version"] == 20
        await tutor.send_to(text_data='{"type": "board.update", "pad": "' + "x" * (600 * 1024) + '"}')
        assert (await next_of(tutor, "error"))["code"] == "bad_frame"
        await tutor.send_to(text_data='{"type": "chat.send", "body": "' + "x" * (20 * 1024) + '"}')
        assert (await next_of(tutor, "error"))["code"] == "bad_frame"
    assert await sync_to_async(BoardElement.objects.count)() == 20


async def test_each_breakout_room_draws_on_its_own_page_which_stays_after_the_round():
    world = await sync_to_async(make_class)()
    session = world["session"]
    alice_id, bob_id = str(world["alice"].id), str(world["bob"].id)
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await tutor.send_json_to({"type": "breakout.start", "rooms": 2, "mode": "manual", "minutes": 10,
                                  "assignments": {alice_id: 1, bob_id: 2}})
        room_1, room_2 = (await next_of(alice, "breakout.started"))["round"]["rooms"]
        await next_of(bob, "breakout.started")
        assert room_1["board_page_id"] and room_2["board_page_id"]
        await alice.send_json_to({"type": "board.update", "page_id": room_1["board_page_id"],
                                  "elements": [stroke("r1")]})
        assert (await next_of(tutor, "board.update"))["page_id"] == room_1["board_page_id"]
        await alice.send_json_to({"type": "board.update", "page_id": room_2["board_page_id"],
                                  "elements": [stroke("intruder")]})
        assert (await next_of(alice, "error"))["code"] in ("not_found", "permission_denied")
        await bob.send_json_to({"type": "board.sync", "page_id": room_1["board_page_id"]})
        assert (await next_of(bob, "error"))["code"] == "not_found"  # another room's board is not bob's to see
        await bob.send_json_to({"type": "board.page.add", "room_id": room_2["id"], "title": "Our sums"})
        added = await next_of(bob, "board.page_added")
        assert added["page"]["room_id"] == room_2["id"]
        await nothing_more_of(alice, "board.update")  # alice heard neither room 2's page nor room 1's echo
        await tutor.send_json_to({"type": "breakout.end"})
        await next_of(alice, "breakout.ended")
        await alice.send_json_to({"type": "board.update", "page_id": room_1["board_page_id"],
                                  "elements": [stroke("after")]})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"  # the round is over: read only
    pages = await sync_to_async(lambda: sorted(BoardPage.objects.filter(breakout_room__isnull=False)
                                               .values_list("title", flat=True)))()
    assert pages == ["Our sums", "Room 1", "Room 2"]
