"""A class after the fact: each reader sees what was theirs to see, in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from conftest import client_for
from ustad.classroom.models import (
    BoardPage,
    BreakoutRound,
    ChatMessage,
    LiveSession,
    Poll,
    PollVote,
    RoomQuestion,
    RoomQuestionVote,
)
from ustad.classroom.tests.test_room import make_class

pytestmark = pytest.mark.django_db


def past_class() -> dict[str, Any]:
    world = make_class()
    session, alice, bob, tutor = world["session"], world["alice"], world["bob"], world["tutor"]
    LiveSession.objects.filter(id=session.id).update(status="ended", ended_at=timezone.now())
    round_ = BreakoutRound.objects.create(session=session, mode="manual", ends_at=timezone.now(),
                                          closed_at=timezone.now())
    alices_room = round_.rooms.create(number=1, name="Room 1", members_ever=[alice.id])
    bobs_room = round_.rooms.create(number=2, name="Room 2", members_ever=[bob.id])
    for author, body, extra in ((tutor, "Welcome all", {}), (alice, "For the tutor only", {"to_tutors": True}),
                                (alice, "Room 1 talk", {"breakout_room": alices_room}),
                                (bob, "Room 2 talk", {"breakout_room": bobs_room}),
                                (bob, "Deleted", {"deleted_at": timezone.now()})):
        ChatMessage.objects.create(session=session, author=author, body=body, **extra)
    poll = Poll.objects.create(session=session, question="Ready?", status="closed",
                               options=[{"id": "a", "text": "Yes"}, {"id": "b", "text": "No"}])
    PollVote.objects.create(poll=poll, user=alice, option_ids=["a"])
    PollVote.objects.create(poll=poll, user=bob, option_ids=["b"])
    question = RoomQuestion.objects.create(session=session, author=alice, body="Why?", anonymous=True, upvotes=1)
    RoomQuestionVote.objects.create(question=question, user=bob)
    BoardPage.objects.create(session=session, position=1, title="Page 1")
    BoardPage.objects.create(session=session, breakout_room=bobs_room, position=1, title="Room 2")
    return world


def test_students_read_the_main_room_and_their_own_breakout_room_tutors_read_everything():
    world = past_class()
    url = f"/api/v1/sessions/{world['session'].id}/recap"
    alice = client_for(world["alice"]).get(url).json()
    assert [m["body"] for m in alice["chat"]] == ["Welcome all", "For the tutor only", "Room 1 talk"]
    assert [room["name"] for room in alice["rooms"]] == ["Room 1"]
    assert [page["title"] for page in alice["board"]["pages"]] == ["Page 1"]
    [poll] = alice["polls"]
    assert (poll["results"], poll["votes"], poll["mine"]) == ({"a": 1, "b": 1}, 2, ["a"])
    [question] = alice["questions"]
    assert question["mine"] is True and question["author_id"] is None  # anonymous to classmates, even herself

    bob = client_for(world["bob"]).get(url).json()
    assert [m["body"] for m in bob["chat"]] == ["Welcome all", "Room 2 talk"]
    assert [page["title"] for page in bob["board"]["pages"]] == ["Page 1", "Room 2"]
    assert bob["questions"][0]["upvoted"] is True

    tutor = client_for(world["tutor"]).get(url).json()
    assert len(tutor["chat"]) == 4 and len(tutor["rooms"]) == 2
    assert tutor["questions"][0]["author_name"].startswith("Alice")
    assert client_for(world["outsider"]).get(url).status_code == 404


def test_the_recap_costs_the_same_few_queries_however_big_the_class(django_assert_max_num_queries):
    world = past_class()
    for number in range(8):
        Poll.objects.create(session=world["session"], question=f"Q{number}", options=[{"id": "a", "text": "A"}])
    client = client_for(world["tutor"])
    with django_assert_max_num_queries(14):
        assert client.get(f"/api/v1/sessions/{world['session'].id}/recap").status_code == 200
