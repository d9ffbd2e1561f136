"""The live room's writes: entering and leaving, chat, hands, the waiting room and the tutor's controls.

Every change appends a numbered `RoomEvent` in the same transaction and reaches the room's sockets only
after commit, so a client never hears of a change that rolled back and a reconnecting client can ask for
everything after the last number it saw.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ustad.classroom.models import (
    Admission,
    AttendanceInterval,
    Audience,
    BreakoutRoom,
    ChatMessage,
    LiveSession,
    Participant,
    ParticipantRole,
    RoomEvent,
    SessionStatus,
)
from ustad.core.errors import ApplicationError

CHAT_MAX = 2000
LINK = re.compile(r"https?://[^\s<>\"']{1,500}", re.IGNORECASE)


def room_group(session_id: Any) -> str:
    return f"classroom.{session_id}"


def event_dict(event: RoomEvent) -> dict[str, Any]:
    return {"type": event.type, "seq": event.seq, "actor_id": str(event.actor_id) if event.actor_id else None,
            "at": event.created_at.isoformat(), **event.payload,
            "_audience": event.audience, "_audience_user": str(event.audience_user_id or "")}


def _broadcast(session_id: Any, message: dict[str, Any]) -> None:
    layer = get_channel_layer()
    assert layer is not None
    async_to_sync(layer.group_send)(room_group(session_id), {"type": "room.event", "event": message})


def event_append(*, session: LiveSession, type: str, payload: dict[str, Any], actor: Any = None,
                 audience: str = Audience.ALL, audience_user: Any = None) -> RoomEvent:
    """Number the event in the room's sequence and send it once the transaction commits."""
    LiveSession.objects.filter(id=session.id).update(last_seq=F("last_seq") + 1)
    seq = LiveSession.objects.values_list("last_seq", flat=True).get(id=session.id)
    event = RoomEvent.objects.create(session=session, seq=seq, type=type, payload=payload, actor=actor,
                                     audience=audience, audience_user=audience_user)
    message = event_dict(event)
    transaction.on_commit(lambda: _broadcast(session.id, message))
    return event


def visible_to(event: dict[str, Any], *, user_id: str, tutor: bool, room_id: str | None = None) -> bool:
    """Whether this participant hears the event: by audience, and for breakout chat, by room (tutors hear all)."""
    if event.get("_room") and not tutor and event["_room"] != room_id:
        return False
    audience = event.get("_audience", Audience.ALL)
    if audience == Audience.ALL:
        return True
    if audience == Audience.STUDENTS:
        return not tutor
    if tutor:
        return True
    return audience == Audience.USER and event.get("_audience_user") == user_id


def public(event: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in event.items() if not key.startswith("_")}


def events_after(*, session: LiveSession, user: Any, tutor: bool, after: int, room_id: str | None = None,
                 limit: int = 500) -> list[dict[str, Any]]:
    events = (RoomEvent.objects.filter(session=session, seq__gt=after).order_by("seq")[:limit])
    dicts = [event_dict(event) for event in events]
    return [public(event) for event in dicts
            if visible_to(event, user_id=str(user.id), tutor=tutor, room_id=room_id)]


def _person(participant: Participant) -> dict[str, Any]:
    user = participant.user
    return {"user_id": str(user.id), "name": user.full_name, "role": participant.role,
            "avatar_url": user.avatar.url if user.avatar else None, "muted": participant.muted,
            "hand_raised_at": participant.hand_raised_at.isoformat() if participant.hand_raised_at else None}


def room_snapshot(*, session: LiveSession, user: Any, tutor: bool) -> dict[str, Any]:
    """What a client needs to draw the room now; events after `last_seq` follow."""
    # These build on this module, so they are imported here.
    from ustad.classroom.services.board import board_snapshot, viewer_for
    from ustad.classroom.services.breakout import open_round, round_dict, round_visits
    from ustad.classroom.services.engagement import engagement_snapshot
    from ustad.classroom.services.media import media_snapshot

    breakout = open_round(session)
    my_room = Participant.objects.filter(session=session, user=user).values_list("breakout_room_id", flat=True) \
        .first() if breakout else None
    session.refresh_from_db()
    people = list(Participant.objects.filter(session=session).select_related("user"))
    online = [p for p in people if p.connections > 0 and p.admission == Admission.ADMITTED]
    hands = sorted((p for p in online if p.hand_raised_at), key=lambda p: p.hand_raised_at or timezone.now())
    snapshot: dict[str, Any] = {
        "session": {"id": str(session.id), "title": session.title, "status": session.status,
                    "starts_at": session.starts_at.isoformat(), "ends_at": session.ends_at.isoformat(),
                    "locked": session.locked, "waiting_room": session.waiting_room,
                    "spotlight_user_id": str(session.spotlight_id) if session.spotlight_id else None},
        "last_seq": session.last_seq,
        "participants": [_person(p) for p in online],
        "hands": [str(p.user_id) for p in hands],
        "chat": chat_history(session=session, user=user, tutor=tutor, room_id=my_room),
        **engagement_snapshot(session=session, user=user, tutor=tutor),
        "breakout": {"round": round_dict(breakout), "my_room_id": str(my_room) if my_room else None,
                     "visits": round_visits(breakout)} if breakout else None,
        "board": board_snapshot(session=session, viewer=viewer_for(session=session, user=user, tutor=tutor)),
        "media": media_snapshot(session=session),
    }
    if tutor:
        snapshot["waiting"] = [_person(p) for p in people if p.admission == Admission.WAITING and p.connections > 0]
    return snapshot


@dataclass(frozen=True)
class Entry:
    participant: Participant
    admitted: bool


@transaction.atomic
def room_enter(*, session: LiveSession, user: Any, tutor: bool) -> Entry:
    """A socket opens: students wait when the room has a waiting room or is locked; tutors go straight in."""
    from ustad.classroom.services.board import main_page_ensure  # builds on this module

    session = LiveSession.objects.select_for_update().get(id=session.id)
    role = ParticipantRole.TUTOR if tutor else ParticipantRole.STUDENT
    participant, created = Participant.objects.select_for_update().get_or_create(
        session=session, user=user, defaults={"role": role})
    if participant.admission == Admission.REMOVED:
        raise ApplicationError(code="removed", status_code=403, message="The tutor removed you from this class.")
    if created and not tutor and (session.waiting_room or session.locked):
        participant.admission = Admission.WAITING
    participant.role = role
    participant.connections += 1
    participant.save()
    main_page_ensure(session)
    if tutor and session.status == SessionStatus.SCHEDULED:
        session.status, session.started_at = SessionStatus.LIVE, timezone.now()
        session.save(update_fields=["status", "started_at", "updated_at"])
        event_append(session=session, type="class.started", payload={}, actor=user)
    admitted = participant.admission == Admission.ADMITTED
    if participant.connections == 1:
        if admitted:
            AttendanceInterval.objects.create(session=session, user=user, joined_at=timezone.now())
            event_append(session=session, type="presence.joined", payload={"participant": _person(participant)},
                         actor=user)
        else:
            event_append(session=session, type="waiting.joined", payload={"participant": _person(participant)},
                         actor=user, audience=Audience.TUTORS)
    return Entry(participant=participant, admitted=admitted)


@transaction.atomic
def room_leave(*, session: LiveSession, user: Any) -> None:
    participant = Participant.objects.select_for_update().filter(session=session, user=user).first()
    if participant is None or participant.connections == 0:
        return
    participant.connections -= 1
    if participant.connections == 0:
        participant.hand_raised_at = None
    participant.save(update_fields=["connections", "hand_raised_at", "updated_at"])
    if participant.connections > 0:
        return
    if participant.admission == Admission.ADMITTED:
        AttendanceInterval.objects.filter(session=session, user=user, left_at__isnull=True).update(
            left_at=timezone.now())
        event_append(session=session, type="presence.left", payload={"user_id": str(user.id)}, actor=user)
    elif participant.admission == Admission.WAITING:
        event_append(session=session, type="waiting.left", payload={"user_id": str(user.id)}, actor=user,
                     audience=Audience.TUTORS)


def clean_chat(body: str) -> str:
    """Plain text only: control characters out (newlines and tabs stay), trimmed, within the limit."""
    text = "".join(ch for ch in body if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()
    if not text:
        raise ApplicationError(code="validation_error", message="Write a message first.",
                               fields={"body": ["Write a message first."]})
    if len(text) > CHAT_MAX:
        raise ApplicationError(code="validation_error", message=f"Keep messages under {CHAT_MAX} characters.",
                               fields={"body": [f"At most {CHAT_MAX} characters."]})
    return text


def message_dict(message: ChatMessage) -> dict[str, Any]:
    return {"id": str(message.id), "room_id": str(message.breakout_room_id) if message.breakout_room_id else None,
            "author_id": str(message.author_id), "author_name": message.author.full_name,
            "body": "" if message.deleted_at else message.body,
            "links": [] if message.deleted_at else LINK.findall(message.body),
            "to_tutors": message.to_tutors, "deleted": message.deleted_at is not None,
            "at": message.created_at.isoformat()}


def chat_history(*, session: LiveSession, user: Any, tutor: bool, room_id: Any = None,
                 limit: int = 200) -> list[dict[str, Any]]:
    messages = ChatMessage.objects.filter(session=session).select_related("author").order_by("-created_at")
    if not tutor:  # students: the main chat and their breakout room's, and their own private messages
        messages = messages.filter(Q(to_tutors=False) | Q(author=user)).filter(
            Q(breakout_room__isnull=True) | Q(breakout_room_id=room_id))
    return [message_dict(message) for message in reversed(list(messages[:limit]))]


@transaction.atomic
def chat_send(*, session: LiveSession, author: Any, body: str, to_tutors: bool, room_id: Any = None,
              tutor: bool = False) -> ChatMessage:
    """Said in the main room, or in the breakout room the author is in (heard there and by the tutors).
    Tutors, who belong to no room, may speak into any open room by naming it."""
    if room_id is not None:
        if not tutor:
            raise ApplicationError(code="permission_denied", status_code=403,
                                   message="You speak in the room you are in.")
        if not BreakoutRoom.objects.filter(id=room_id, round__session=session, round__closed_at__isnull=True) \
                .exists():
            raise ApplicationError(code="not_found", status_code=404, message="No such breakout room is open.")
    else:
        room_id = Participant.objects.filter(session=session, user=author) \
            .values_list("breakout_room_id", flat=True).first()
    message = ChatMessage.objects.create(session=session, author=author, body=clean_chat(body), to_tutors=to_tutors,
                                         breakout_room_id=room_id)
    message.author = author
    payload: dict[str, Any] = {"message": message_dict(message)}
    if room_id:
        payload["_room"] = str(room_id)
    event_append(session=session, type="chat.message", payload=payload, actor=author,
                 audience=Audience.USER if to_tutors else Audience.ALL, audience_user=author if to_tutors else None)
    return message


@transaction.atomic
def chat_delete(*, session: LiveSession, tutor: Any, message_id: Any) -> None:
    message = ChatMessage.objects.filter(session=session, id=message_id, deleted_at__isnull=True).first()
    if message is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such message.")
    message.deleted_at = timezone.now()
    message.save(update_fields=["deleted_at", "updated_at"])
    event_append(session=session, type="chat.deleted", payload={"message_id": str(message.id)}, actor=tutor,
                 audience=Audience.USER if message.to_tutors else Audience.ALL,
                 audience_user=message.author if message.to_tutors else None)


def _participant(session: LiveSession, user_id: Any) -> Participant:
    participant = Participant.objects.select_for_update().select_related("user").filter(
        session=session, user_id=user_id).first()
    if participant is None:
        raise ApplicationError(code="not_found", status_code=404, message="That person is not in this class.")
    return participant


@transaction.atomic
def hand_set(*, session: LiveSession, user: Any, raised: bool, by: Any = None) -> None:
    """Raise or lower a hand; hands are called on in the order they went up. Tutors may lower anyone's."""
    participant = _participant(session, user.id if hasattr(user, "id") else user)
    if raised == (participant.hand_raised_at is not None):
        return
    participant.hand_raised_at = timezone.now() if raised else None
    participant.save(update_fields=["hand_raised_at", "updated_at"])
    event_append(session=session, type="hand.raised" if raised else "hand.lowered",
                 payload={"user_id": str(participant.user_id),
                          "at": participant.hand_raised_at.isoformat() if participant.hand_raised_at else None},
                 actor=by or participant.user)


@transaction.atomic
def admit(*, session: LiveSession, tutor: Any, user_id: Any, admitted: bool) -> None:
    """Let someone in from the waiting room, or turn them away (they may not come back)."""
    participant = _participant(session, user_id)
    if participant.admission != Admission.WAITING:
        raise ApplicationError(code="not_waiting", status_code=409, message="That person is not waiting.")
    participant.admission = Admission.ADMITTED if admitted else Admission.REMOVED
    participant.save(update_fields=["admission", "updated_at"])
    if admitted and participant.connections > 0:
        AttendanceInterval.objects.create(session=session, user=participant.user, joined_at=timezone.now())
    event_append(session=session, type="waiting.admitted" if admitted else "waiting.denied",
                 payload={"user_id": str(participant.user_id)}, actor=tutor, audience=Audience.USER,
                 audience_user=participant.user)
    if admitted and participant.connections > 0:
        event_append(session=session, type="presence.joined", payload={"participant": _person(participant)},
                     actor=participant.user)


@transaction.atomic
def remove(*, session: LiveSession, tutor: Any, user_id: Any) -> None:
    participant = _participant(session, user_id)
    if participant.role == ParticipantRole.TUTOR:
        raise ApplicationError(code="permission_denied", status_code=403, message="Tutors cannot be removed.")
    participant.admission, participant.hand_raised_at = Admission.REMOVED, None
    participant.save(update_fields=["admission", "hand_raised_at", "updated_at"])
    AttendanceInterval.objects.filter(session=session, user_id=user_id, left_at__isnull=True).update(
        left_at=timezone.now())
    event_append(session=session, type="participant.removed", payload={"user_id": str(user_id)}, actor=tutor)


@transaction.atomic
def mute(*, session: LiveSession, tutor: Any, user_id: Any | None) -> None:
    """Mute one student, or every student when `user_id` is None; the media layer acts on these events."""
    students = Participant.objects.filter(session=session, role=ParticipantRole.STUDENT)
    if user_id is not None:
        students = students.filter(user_id=user_id)
        if not students.exists():
            raise ApplicationError(code="not_found", status_code=404, message="That person is not in this class.")
    students.update(muted=True)
    event_append(session=session, type="participant.muted",
                 payload={"user_id": str(user_id) if user_id is not None else None}, actor=tutor)


@transaction.atomic
def set_room(*, session: LiveSession, tutor: Any, locked: bool | None = None,
             spotlight_user_id: Any = "unset") -> None:
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if locked is not None and locked != session.locked:
        session.locked = locked
        session.save(update_fields=["locked", "updated_at"])
        event_append(session=session, type="room.locked" if locked else "room.unlocked", payload={}, actor=tutor)
    if spotlight_user_id != "unset":
        if spotlight_user_id is not None:
            _participant(session, spotlight_user_id)
        session.spotlight_id = spotlight_user_id
        session.save(update_fields=["spotlight", "updated_at"])
        event_append(session=session, type="room.spotlight",
                     payload={"user_id": str(spotlight_user_id) if spotlight_user_id else None}, actor=tutor)


@transaction.atomic
def end_class(*, session: LiveSession, tutor: Any) -> None:
    """End the class for everyone: sockets close and open attendance intervals end now."""
    session = LiveSession.objects.select_for_update().get(id=session.id)
    if session.status == SessionStatus.ENDED:
        return
    now = timezone.now()
    session.status, session.ended_at = SessionStatus.ENDED, now
    session.save(update_fields=["status", "ended_at", "updated_at"])
    AttendanceInterval.objects.filter(session=session, left_at__isnull=True).update(left_at=now)
    Participant.objects.filter(session=session).update(connections=0, hand_raised_at=None)
    from ustad.classroom.services.recording import recordings_stop_running

    recordings_stop_running(session=session, by=tutor)
    event_append(session=session, type="class.ended", payload={}, actor=tutor)
