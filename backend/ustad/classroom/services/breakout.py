"""Breakout rooms: the tutor splits the class into rooms for a while (at random, by hand, or students
choose), talks to every room at once, visits any room, answers calls for help, and calls everyone back.
Each room's chat stays with the session after the round (`ChatMessage.breakout_room`)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Func, UUIDField, Value
from django.utils import timezone

from ustad.classroom.models import (
    Admission,
    Audience,
    BoardPage,
    BreakoutMode,
    BreakoutRoom,
    BreakoutRound,
    LiveSession,
    Participant,
    ParticipantRole,
    RoomEvent,
)
from ustad.classroom.services.room import clean_chat, event_append
from ustad.core.errors import ApplicationError

MAX_ROOMS = 50
MAX_MINUTES = 180


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message=message, fields={field: [message]})


def open_round(session: LiveSession) -> BreakoutRound | None:
    return BreakoutRound.objects.filter(session=session, closed_at__isnull=True).prefetch_related("rooms").first()


def round_dict(breakout: BreakoutRound) -> dict[str, Any]:
    members: dict[Any, list[str]] = {}
    for user_id, room_id in Participant.objects.filter(breakout_room__round=breakout).values_list(
            "user_id", "breakout_room_id"):
        members.setdefault(room_id, []).append(str(user_id))
    first_pages: dict[Any, str] = {}
    for room_id, page_id in BoardPage.objects.filter(breakout_room__round=breakout).order_by(
            "-position").values_list("breakout_room_id", "id"):
        first_pages[room_id] = str(page_id)
    return {"id": str(breakout.id), "mode": breakout.mode, "ends_at": breakout.ends_at.isoformat(),
            "rooms": [{"id": str(room.id), "number": room.number, "name": room.name,
                       "members": sorted(members.get(room.id, [])), "board_page_id": first_pages.get(room.id)}
                      for room in breakout.rooms.all()]}


def round_visits(breakout: BreakoutRound) -> dict[str, str]:
    """Which room each visiting tutor is in now (tutors back in the main room are left out)."""
    visits: dict[str, str] = {}
    for payload in RoomEvent.objects.filter(session_id=breakout.session_id, type="breakout.visit",
                                            created_at__gte=breakout.created_at).order_by("seq") \
            .values_list("payload", flat=True):
        if payload.get("room_id"):
            visits[payload["user_id"]] = payload["room_id"]
        else:
            visits.pop(payload["user_id"], None)
    return visits


def _students_in_room(session: LiveSession) -> list[Participant]:
    return list(Participant.objects.select_for_update().filter(
        session=session, role=ParticipantRole.STUDENT, admission=Admission.ADMITTED, connections__gt=0)
        .order_by("created_at"))


@transaction.atomic
def breakout_start(*, session: LiveSession, tutor: Any, rooms: int, mode: str, minutes: int,
                   assignments: dict[str, int] | None = None) -> BreakoutRound:
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if open_round(session) is not None:
        raise ApplicationError(code="breakout_running", status_code=409,
                               message="Breakout rooms are already open; call everyone back first.")
    if not isinstance(rooms, int) or not 1 <= rooms <= MAX_ROOMS:
        raise _invalid("rooms", f"Choose 1 to {MAX_ROOMS} rooms.")
    if not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise _invalid("minutes", f"Choose 1 to {MAX_MINUTES} minutes.")
    if mode not in BreakoutMode.values:
        raise _invalid("mode", "Choose random, manual or choose.")
    breakout = BreakoutRound.objects.create(session=session, mode=mode,
                                            ends_at=timezone.now() + timedelta(minutes=minutes))
    created = BreakoutRoom.objects.bulk_create([BreakoutRoom(round=breakout, number=number, name=f"Room {number}")
                                                for number in range(1, rooms + 1)])
    students = _students_in_room(session)
    if mode == BreakoutMode.RANDOM:
        random.shuffle(students)
        for index, participant in enumerate(students):
            participant.breakout_room = created[index % rooms]
    elif mode == BreakoutMode.MANUAL:
        for participant in students:
            number = (assignments or {}).get(str(participant.user_id))
            if number is not None and (not isinstance(number, int) or not 1 <= number <= rooms):
                raise _invalid("assignments", f"Room numbers go from 1 to {rooms}.")
            participant.breakout_room = created[number - 1] if number else None
    Participant.objects.bulk_update(students, ["breakout_room"])
    for room in created:
        room.members_ever = [p.user_id for p in students if p.breakout_room is room]
    BreakoutRoom.objects.bulk_update(created, ["members_ever"])
    BoardPage.objects.bulk_create([BoardPage(session=session, breakout_room=room, position=1, title=room.name)
                                   for room in created])
    event_append(session=session, type="breakout.started", payload={"round": round_dict(breakout)}, actor=tutor)
    return breakout


def _room_of_open_round(session: LiveSession, room_id: Any) -> BreakoutRoom | None:
    if room_id is None:
        return None
    room = BreakoutRoom.objects.filter(id=room_id, round__session=session, round__closed_at__isnull=True).first()
    if room is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such breakout room is open.")
    return room


def _move(session: LiveSession, participant: Participant, room: BreakoutRoom | None, actor: Any) -> None:
    participant.breakout_room = room
    participant.save(update_fields=["breakout_room", "updated_at"])
    if room is not None:  # appended in SQL so two moves at once both count
        BreakoutRoom.objects.filter(id=room.id).exclude(members_ever__contains=[participant.user_id]).update(
            members_ever=Func(F("members_ever"), Value(participant.user_id, output_field=UUIDField()),
                              function="array_append"))
    event_append(session=session, type="breakout.moved",
                 payload={"user_id": str(participant.user_id), "room_id": str(room.id) if room else None},
                 actor=actor)


@transaction.atomic
def breakout_move(*, session: LiveSession, tutor: Any, user_id: Any, room_id: Any) -> None:
    """The tutor places a student in a room (or back in the main room with `room_id` null)."""
    if open_round(session) is None:
        raise ApplicationError(code="no_breakout", status_code=409, message="No breakout rooms are open.")
    participant = Participant.objects.select_for_update().filter(session=session, user_id=user_id,
                                                                 role=ParticipantRole.STUDENT).first()
    if participant is None:
        raise ApplicationError(code="not_found", status_code=404, message="That student is not in this class.")
    _move(session, participant, _room_of_open_round(session, room_id), tutor)


@transaction.atomic
def breakout_choose(*, session: LiveSession, user: Any, room_id: Any) -> None:
    """A student picks a room, when the tutor lets students choose."""
    breakout = open_round(session)
    if breakout is None or breakout.mode != BreakoutMode.CHOOSE:
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="The tutor places students in rooms this time.")
    participant = Participant.objects.select_for_update().get(session=session, user=user)
    _move(session, participant, _room_of_open_round(session, room_id), user)


@transaction.atomic
def breakout_broadcast(*, session: LiveSession, tutor: Any, body: str) -> None:
    if open_round(session) is None:
        raise ApplicationError(code="no_breakout", status_code=409, message="No breakout rooms are open.")
    event_append(session=session, type="breakout.broadcast", payload={"body": clean_chat(body)}, actor=tutor)


@transaction.atomic
def breakout_help(*, session: LiveSession, user: Any) -> None:
    """A student in a breakout room calls the tutor; the tutors hear at once."""
    participant = Participant.objects.filter(session=session, user=user).select_related("breakout_room").first()
    if participant is None or participant.breakout_room is None:
        raise ApplicationError(code="no_breakout", status_code=409, message="You are not in a breakout room.")
    room = participant.breakout_room
    event_append(session=session, type="breakout.help",
                 payload={"user_id": str(user.id), "room_id": str(room.id), "room_name": room.name}, actor=user,
                 audience=Audience.TUTORS)


@transaction.atomic
def breakout_visit(*, session: LiveSession, tutor: Any, room_id: Any) -> None:
    """A tutor drops into a room (or back to the main room); the room's members see them arrive."""
    room = _room_of_open_round(session, room_id)
    event_append(session=session, type="breakout.visit",
                 payload={"user_id": str(tutor.id), "room_id": str(room.id) if room else None}, actor=tutor)


def _close(session: LiveSession, breakout: BreakoutRound, actor: Any) -> None:
    breakout.closed_at = timezone.now()
    breakout.save(update_fields=["closed_at", "updated_at"])
    Participant.objects.filter(session=session, breakout_room__round=breakout).update(breakout_room=None)
    event_append(session=session, type="breakout.ended", payload={"round_id": str(breakout.id)}, actor=actor)


@transaction.atomic
def breakout_end(*, session: LiveSession, tutor: Any) -> None:
    """Call everyone back to the main room; the rooms' chats and boards are kept."""
    breakout = open_round(session)
    if breakout is None:
        raise ApplicationError(code="no_breakout", status_code=409, message="No breakout rooms are open.")
    _close(session, breakout, tutor)


def breakouts_close_due(*, now: Any = None) -> int:
    """Bring everyone back when a round's time is up (run every few seconds by beat). Safe to run twice."""
    closed = 0
    for round_id in BreakoutRound.objects.filter(closed_at__isnull=True, ends_at__lte=now or timezone.now()) \
            .values_list("id", flat=True):
        with transaction.atomic():
            breakout = BreakoutRound.objects.select_for_update(skip_locked=True).select_related("session") \
                .filter(id=round_id, closed_at__isnull=True).first()
            if breakout is not None:
                _close(breakout.session, breakout, None)
                closed += 1
    return closed
