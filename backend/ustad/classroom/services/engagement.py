"""Polls and Q&A in the live room. Like every room write, each change is a numbered room event sent after
commit; results and questions stay with the session after class."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ustad.classroom.models import LiveSession, Poll, PollStatus, PollVote, RoomQuestion, RoomQuestionVote
from ustad.classroom.services.room import clean_chat, event_append
from ustad.core.errors import ApplicationError

MIN_OPTIONS, MAX_OPTIONS = 2, 10
QUESTION_MAX = 1000


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message=message, fields={field: [message]})


def poll_results(poll: Poll) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for option_ids in PollVote.objects.filter(poll=poll).values_list("option_ids", flat=True):
        counts.update(option_ids)
    return {option["id"]: counts.get(option["id"], 0) for option in poll.options}


def poll_dict(poll: Poll, *, mine: list[str] | None = None) -> dict[str, Any]:
    results = poll_results(poll)
    return {"id": str(poll.id), "question": poll.question, "options": poll.options, "multiple": poll.multiple,
            "status": poll.status, "results": results, "votes": PollVote.objects.filter(poll=poll).count(),
            **({"mine": mine} if mine is not None else {})}


@transaction.atomic
def poll_create(*, session: LiveSession, tutor: Any, question: str, options: list[Any], multiple: bool) -> Poll:
    text = clean_chat(question)[:300]
    if not isinstance(options, list) or not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise _invalid("options", f"Give {MIN_OPTIONS} to {MAX_OPTIONS} options.")
    cleaned = []
    for index, option in enumerate(options):
        if not isinstance(option, str) or not option.strip() or len(option) > 200:
            raise _invalid(f"options.{index}", "Each option needs text of at most 200 characters.")
        cleaned.append({"id": chr(ord("a") + index), "text": option.strip()})
    poll = Poll.objects.create(session=session, question=text, options=cleaned, multiple=multiple)
    event_append(session=session, type="poll.opened", payload={"poll": poll_dict(poll)}, actor=tutor)
    return poll


def _open_poll(session: LiveSession, poll_id: Any) -> Poll:
    poll = Poll.objects.select_for_update().filter(session=session, id=poll_id).first()
    if poll is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such poll.")
    if poll.status != PollStatus.OPEN:
        raise ApplicationError(code="poll_closed", status_code=409, message="This poll is closed.")
    return poll


@transaction.atomic
def poll_vote(*, session: LiveSession, user: Any, poll_id: Any, option_ids: list[Any]) -> None:
    """One vote a person; voting again replaces it while the poll is open. Everyone sees the new totals."""
    poll = _open_poll(session, poll_id)
    valid = {option["id"] for option in poll.options}
    if (not isinstance(option_ids, list) or not option_ids or len(set(option_ids)) != len(option_ids)
            or not set(option_ids) <= valid or (not poll.multiple and len(option_ids) != 1)):
        raise _invalid("option_ids", "Choose one option." if not poll.multiple else "Choose options of this poll.")
    PollVote.objects.update_or_create(poll=poll, user=user, defaults={"option_ids": option_ids})
    event_append(session=session, type="poll.results", payload={"poll_id": str(poll.id),
                                                                "results": poll_results(poll),
                                                                "votes": poll.votes.count()}, actor=user)


@transaction.atomic
def poll_close(*, session: LiveSession, tutor: Any, poll_id: Any) -> None:
    poll = _open_poll(session, poll_id)
    poll.status, poll.closed_at = PollStatus.CLOSED, timezone.now()
    poll.save(update_fields=["status", "closed_at", "updated_at"])
    event_append(session=session, type="poll.closed", payload={"poll": poll_dict(poll)}, actor=tutor)


def question_dict(question: RoomQuestion, *, tutor_view: bool) -> dict[str, Any]:
    """Anonymous questions name their author to the tutors only."""
    named = tutor_view or not question.anonymous
    return {"id": str(question.id), "body": question.body, "anonymous": question.anonymous,
            "author_id": str(question.author_id) if named else None,
            "author_name": question.author.full_name if named else None, "upvotes": question.upvotes,
            "answered": question.answered_at is not None, "at": question.created_at.isoformat()}


@transaction.atomic
def question_ask(*, session: LiveSession, author: Any, body: str, anonymous: bool) -> RoomQuestion:
    text = clean_chat(body)
    if len(text) > QUESTION_MAX:
        raise _invalid("body", f"Keep questions under {QUESTION_MAX} characters.")
    question = RoomQuestion.objects.create(session=session, author=author, body=text, anonymous=anonymous)
    question.author = author
    # Two events: the tutors learn who asked, classmates see the question as its author chose.
    event_append(session=session, type="qa.asked", payload={"question": question_dict(question, tutor_view=False)},
                 actor=None if anonymous else author, audience="students")
    event_append(session=session, type="qa.asked", payload={"question": question_dict(question, tutor_view=True)},
                 actor=author, audience="tutors")
    return question


def _question(session: LiveSession, question_id: Any) -> RoomQuestion:
    question = RoomQuestion.objects.select_for_update().filter(session=session, id=question_id).first()
    if question is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such question.")
    return question


@transaction.atomic
def question_upvote(*, session: LiveSession, user: Any, question_id: Any) -> None:
    question = _question(session, question_id)
    if question.author_id == user.id:
        raise ApplicationError(code="own_question", status_code=409, message="You cannot upvote your own question.")
    try:
        with transaction.atomic():
            RoomQuestionVote.objects.create(question=question, user=user)
    except IntegrityError:
        return  # already upvoted: nothing changes
    RoomQuestion.objects.filter(id=question.id).update(upvotes=F("upvotes") + 1)
    question.refresh_from_db(fields=["upvotes"])
    event_append(session=session, type="qa.upvoted",
                 payload={"question_id": str(question.id), "upvotes": question.upvotes}, actor=None)


@transaction.atomic
def question_answered(*, session: LiveSession, tutor: Any, question_id: Any) -> None:
    question = _question(session, question_id)
    if question.answered_at is None:
        question.answered_at = timezone.now()
        question.save(update_fields=["answered_at", "updated_at"])
        event_append(session=session, type="qa.answered", payload={"question_id": str(question.id)}, actor=tutor)


def polls_with_results(*, session: LiveSession, user: Any) -> list[dict[str, Any]]:
    """Every poll of the class with its results and the caller's own vote, in two queries however many."""
    polls = list(Poll.objects.filter(session=session))
    counts: dict[Any, Counter[str]] = {poll.id: Counter() for poll in polls}
    voters: Counter[Any] = Counter()
    mine: dict[Any, list[str]] = {}
    for poll_id, user_id, option_ids in PollVote.objects.filter(poll__session=session).values_list(
            "poll_id", "user_id", "option_ids"):
        counts[poll_id].update(option_ids)
        voters[poll_id] += 1
        if user_id == user.id:
            mine[poll_id] = list(option_ids)
    return [{"id": str(poll.id), "question": poll.question, "options": poll.options, "multiple": poll.multiple,
             "status": poll.status, "votes": voters[poll.id], "mine": mine.get(poll.id, []),
             "results": {option["id"]: counts[poll.id].get(option["id"], 0) for option in poll.options}}
            for poll in polls]


def engagement_snapshot(*, session: LiveSession, user: Any, tutor: bool) -> dict[str, Any]:
    """Polls (with the caller's own vote) and questions, for the room's welcome."""
    polls = polls_with_results(session=session, user=user)
    upvoted = set(RoomQuestionVote.objects.filter(question__session=session, user=user)
                  .values_list("question_id", flat=True))
    questions = [{**question_dict(question, tutor_view=tutor), "mine": question.author_id == user.id,
                  "upvoted": question.id in upvoted}
                 for question in RoomQuestion.objects.filter(session=session).select_related("author")]
    return {"polls": polls, "questions": questions}
