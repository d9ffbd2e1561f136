"""Polls and Q&A in the live room: live results, one vote each, anonymity towards classmates only."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from ustad.classroom.models import Poll, PollVote, RoomQuestion
from ustad.classroom.tests.test_room import joined, make_class, next_of

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_poll_collects_one_vote_each_with_live_results_kept_after_closing():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await alice.send_json_to({"type": "poll.create", "question": "Hack?", "options": ["a", "b"]})
        assert (await next_of(alice, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "poll.create", "question": "Which is a prime?",
                                  "options": ["4", "7", "9"]})
        poll = (await next_of(alice, "poll.opened"))["poll"]
        assert [option["id"] for option in poll["options"]] == ["a", "b", "c"] and poll["status"] == "open"

        await alice.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["a", "b"]})
        assert (await next_of(alice, "error"))["code"] == "validation_error"  # one answer only
        await alice.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["z"]})
        assert (await next_of(alice, "error"))["code"] == "validation_error"
        await alice.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["a"]})
        await alice.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["b"]})  # changes it
        await bob.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["b"]})
        results = None
        for _ in range(3):
            results = await next_of(tutor, "poll.results")
        assert results == {**results, "results": {"a": 0, "b": 2, "c": 0}, "votes": 2}

        await tutor.send_json_to({"type": "poll.close", "poll_id": poll["id"]})
        closed = (await next_of(bob, "poll.closed"))["poll"]
        assert closed["status"] == "closed" and closed["results"]["b"] == 2
        await bob.send_json_to({"type": "poll.vote", "poll_id": poll["id"], "option_ids": ["c"]})
        assert (await next_of(bob, "error"))["code"] == "poll_closed"
    assert await sync_to_async(PollVote.objects.count)() == 2
    assert (await sync_to_async(Poll.objects.get)()).status == "closed"

    async with joined(world["alice"], session) as again:  # a late joiner sees the poll and their own vote
        welcome = await next_of(again, "welcome")
        assert welcome["polls"][0]["mine"] == ["b"] and welcome["polls"][0]["results"]["b"] == 2


async def test_questions_are_anonymous_to_classmates_but_not_to_the_tutor():
    world = await sync_to_async(make_class)()
    session = world["session"]
    async with joined(world["tutor"], session) as tutor, joined(world["alice"], session) as alice, \
            joined(world["bob"], session) as bob:
        await next_of(bob, "welcome")
        await alice.send_json_to({"type": "qa.ask", "body": "Why is 1 not prime?", "anonymous": True})
        seen_by_bob = (await next_of(bob, "qa.asked"))["question"]
        seen_by_tutor = (await next_of(tutor, "qa.asked"))["question"]
        assert seen_by_bob["author_name"] is None and seen_by_bob["author_id"] is None
        assert seen_by_tutor["author_id"] == str(world["alice"].id)

        await alice.send_json_to({"type": "qa.upvote", "question_id": seen_by_bob["id"]})
        assert (await next_of(alice, "error"))["code"] == "own_question"
        await bob.send_json_to({"type": "qa.upvote", "question_id": seen_by_bob["id"]})
        await bob.send_json_to({"type": "qa.upvote", "question_id": seen_by_bob["id"]})  # counted once
        assert (await next_of(tutor, "qa.upvoted"))["upvotes"] == 1
        await bob.send_json_to({"type": "qa.answered", "question_id": seen_by_bob["id"]})
        assert (await next_of(bob, "error"))["code"] == "permission_denied"
        await tutor.send_json_to({"type": "qa.answered", "question_id": seen_by_bob["id"]})
        assert (await next_of(alice, "qa.answered"))["question_id"] == seen_by_bob["id"]

    async with joined(world["bob"], session) as later:
        [question] = (await next_of(later, "welcome"))["questions"]
        assert question["author_name"] is None and question["answered"] and question["upvotes"] == 1
        assert (question["upvoted"], question["mine"]) == (True, False)  # bob upvoted it; alice asked it
    async with joined(world["alice"], session) as author:
        [question] = (await next_of(author, "welcome"))["questions"]
        assert (question["upvoted"], question["mine"]) == (False, True)
    assert (await sync_to_async(RoomQuestion.objects.get)()).upvotes == 1
