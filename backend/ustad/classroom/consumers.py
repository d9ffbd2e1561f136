"""The live room's websocket: `/ws/classroom/<session id>/?ticket=…&after=<seq>`.

Each frame is a small JSON object with a `type`. Every action is checked with the same permission
functions as the REST API. Bad frames get an `error` frame and never affect anyone else; a client that
keeps flooding is disconnected with close code 4429. Protocol: docs/classroom.md.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import ValidationError as DjangoValidationError

from ustad.classroom import permissions
from ustad.classroom.models import LiveSession
from ustad.classroom.services import breakout, engagement, room
from ustad.core.errors import ApplicationError

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_ENDED = 4410
CLOSE_FLOOD = 4429
MAX_FRAME = 16 * 1024
# A token bucket per socket: bursts of 30 frames, 10 a second sustained.
BUCKET_SIZE, REFILL_PER_SECOND = 30.0, 10.0
STRIKES_BEFORE_CLOSE = 20

Handler = Callable[["ClassroomConsumer", dict[str, Any]], Awaitable[None]]


class ClassroomConsumer(AsyncJsonWebsocketConsumer):
    session: LiveSession | None = None
    tutor = False
    admitted = False
    user_id = ""
    room_id: str | None = None  # the breakout room this user is in, if any

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user_id = str(user.id)
        self.tokens, self.refilled_at, self.strikes = BUCKET_SIZE, time.monotonic(), 0
        session_id = self.scope["url_route"]["kwargs"]["session_id"]
        refusal = await self._check_entry(session_id)
        if refusal is not None:
            await self.accept()
            await self.send_json({"type": "error", "code": refusal[1], "message": refusal[2]})
            await self.close(code=refusal[0])
            return
        assert self.session is not None
        await self.channel_layer.group_add(room.room_group(self.session.id), self.channel_name)
        await self.accept()
        try:
            entry = await database_sync_to_async(room.room_enter)(session=self.session, user=user, tutor=self.tutor)
        except ApplicationError as error:
            await self.send_json({"type": "error", "code": error.code, "message": error.message})
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.admitted = entry.admitted
        if not self.admitted:
            await self.send_json({"type": "waiting", "message": "The tutor will let you in shortly.",
                                  "you": {"user_id": self.user_id, "tutor": False},
                                  "session": {"id": str(self.session.id), "title": self.session.title}})
            return
        await self._welcome()

    @database_sync_to_async
    def _check_entry(self, session_id: Any) -> tuple[int, str, str] | None:
        user = self.scope["user"]
        session = LiveSession.objects.select_related("course").filter(id=session_id).first()
        if session is None or not permissions.can_see_session(user, session):
            return CLOSE_NOT_FOUND, "not_found", "No class here."
        self.session = session
        self.tutor = permissions.can_manage_session(user, session)
        refusal = permissions.entry_refusal(user, session, manager=self.tutor)
        if refusal in ("session_ended", "session_cancelled", "session_over"):
            return CLOSE_ENDED, refusal, "This class is over."
        if refusal is not None:
            return CLOSE_FORBIDDEN, refusal, "You cannot enter this class now."
        return None

    async def _welcome(self) -> None:
        assert self.session is not None
        after = self._after()
        user = self.scope["user"]
        snapshot = await database_sync_to_async(room.room_snapshot)(session=self.session, user=user, tutor=self.tutor)
        self.room_id = (snapshot["breakout"] or {}).get("my_room_id")
        await self.send_json({"type": "welcome", "you": {"user_id": self.user_id, "tutor": self.tutor}, **snapshot})
        if after is not None:
            missed = await database_sync_to_async(room.events_after)(session=self.session, user=user,
                                                                     tutor=self.tutor, after=after,
                                                                     room_id=self.room_id)
            for event in missed:
                await self.send_json(event)

    def _after(self) -> int | None:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        try:
            return max(0, int(query["after"][0])) if "after" in query else None
        except ValueError:
            return None

    async def disconnect(self, code: int) -> None:
        if self.session is None:
            return
        await self.channel_layer.group_discard(room.room_group(self.session.id), self.channel_name)
        user = self.scope.get("user")
        if user is not None and user.is_authenticated:
            await database_sync_to_async(room.room_leave)(session=self.session, user=user)

    # --- Incoming frames -----------------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        if not await self._allow():
            return
        if text_data is None or len(text_data) > MAX_FRAME:
            await self._error("bad_frame", f"Send JSON text frames of at most {MAX_FRAME // 1024} KB.")
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self._error("bad_json", "That frame is not valid JSON.")
            return
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self._error("bad_message", "Each frame is an object with a string `type`.")
            return
        await self.receive_json(content)

    async def _allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(BUCKET_SIZE, self.tokens + (now - self.refilled_at) * REFILL_PER_SECOND)
        self.refilled_at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        self.strikes += 1
        if self.strikes >= STRIKES_BEFORE_CLOSE:
            await self.close(code=CLOSE_FLOOD)
        else:
            await self._error("slow_down", "Too many messages; slow down.")
        return False

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        kind = content["type"]
        if kind == "ping":
            await self.send_json({"type": "pong"})
            return
        if not self.admitted:
            await self._error("waiting", "Wait until the tutor lets you in.")
            return
        handler = STUDENT_ACTIONS.get(kind) or (TUTOR_ACTIONS.get(kind) if self.tutor else None)
        if handler is None:
            code = "permission_denied" if kind in TUTOR_ACTIONS else "unknown_type"
            await self._error(code, "Only the tutor can do that." if code == "permission_denied"
                              else f"Unknown message type “{kind[:40]}”.")
            return
        try:
            await handler(self, content)
        except ApplicationError as error:
            await self._error(error.code, error.message, fields=error.fields)
        except (KeyError, TypeError, ValueError, DjangoValidationError):
            await self._error("bad_message", f"“{kind[:40]}” is missing a field or has one of the wrong type.")

    async def _error(self, code: str, message: str, fields: Any = None) -> None:
        frame: dict[str, Any] = {"type": "error", "code": code, "message": message}
        if fields:
            frame["fields"] = fields
        await self.send_json(frame)

    # --- Outgoing events ------------------------------------------------------------------------------

    def _follow_breakout(self, event: dict[str, Any], mine: bool) -> None:
        """Keep track of which breakout room this socket's user is in, to hear that room's chat only."""
        etype = event.get("type")
        if etype == "breakout.started":
            rooms = event.get("round", {}).get("rooms", [])
            self.room_id = next((r["id"] for r in rooms if self.user_id in r.get("members", [])), None)
        elif etype == "breakout.moved" and mine:
            self.room_id = event.get("room_id")
        elif etype == "breakout.ended":
            self.room_id = None

    async def room_event(self, message: dict[str, Any]) -> None:
        event = message["event"]
        etype = event.get("type")
        mine = event.get("user_id") == self.user_id
        if etype == "waiting.admitted" and mine and not self.admitted:
            self.admitted = True
            await self._welcome()
            return
        if not self.admitted and not self.tutor:
            if etype == "waiting.denied" and mine:
                await self.send_json(room.public(event))
                await self.close(code=CLOSE_FORBIDDEN)
            return
        self._follow_breakout(event, mine)
        if not room.visible_to(event, user_id=self.user_id, tutor=self.tutor, room_id=self.room_id):
            return
        await self.send_json(room.public(event))
        if (etype == "participant.removed" and mine) or etype == "class.ended":
            await self.close(code=CLOSE_ENDED if etype == "class.ended" else CLOSE_FORBIDDEN)


def _text(content: dict[str, Any], key: str) -> str:
    value = content[key]
    if not isinstance(value, str):
        raise TypeError(key)
    return value


async def _chat(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.chat_send)(session=consumer.session, author=consumer.scope["user"],
                                                 body=_text(content, "body"),
                                                 to_tutors=bool(content.get("to_tutors", False)))


async def _hand(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    raised = content["type"] == "hand.raise"
    await database_sync_to_async(room.hand_set)(session=consumer.session, user=consumer.scope["user"], raised=raised)


async def _reaction(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    emoji = _text(content, "emoji")
    if emoji not in REACTIONS:
        raise ApplicationError(code="validation_error", message="Choose one of the offered reactions.")
    assert consumer.session is not None
    # Reactions are fleeting: shown for a moment to whoever is in the room, not kept in the log.
    await consumer.channel_layer.group_send(room.room_group(consumer.session.id), {"type": "room.event", "event": {
        "type": "reaction", "user_id": consumer.user_id, "emoji": emoji, "_audience": "all"}})


async def _lower_hand(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.hand_set)(session=consumer.session, user=_text(content, "user_id"),
                                                raised=False, by=consumer.scope["user"])


async def _admit(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.admit)(session=consumer.session, tutor=consumer.scope["user"],
                                             user_id=_text(content, "user_id"), admitted=content["type"] == "admit")


async def _remove(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.remove)(session=consumer.session, tutor=consumer.scope["user"],
                                              user_id=_text(content, "user_id"))


async def _mute(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    user_id = None if content["type"] == "mute.all" else _text(content, "user_id")
    await database_sync_to_async(room.mute)(session=consumer.session, tutor=consumer.scope["user"], user_id=user_id)


async def _lock(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    locked = content["locked"]
    if not isinstance(locked, bool):
        raise TypeError("locked")
    await database_sync_to_async(room.set_room)(session=consumer.session, tutor=consumer.scope["user"],
                                                locked=locked)


async def _spotlight(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    user_id = content["user_id"]
    if user_id is not None and not isinstance(user_id, str):
        raise TypeError("user_id")
    await database_sync_to_async(room.set_room)(session=consumer.session, tutor=consumer.scope["user"],
                                                spotlight_user_id=user_id)


async def _chat_delete(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.chat_delete)(session=consumer.session, tutor=consumer.scope["user"],
                                                   message_id=_text(content, "message_id"))


async def _end(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(room.end_class)(session=consumer.session, tutor=consumer.scope["user"])


async def _poll_create(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.poll_create)(
        session=consumer.session, tutor=consumer.scope["user"], question=_text(content, "question"),
        options=content["options"], multiple=bool(content.get("multiple", False)))


async def _poll_vote(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.poll_vote)(session=consumer.session, user=consumer.scope["user"],
                                                       poll_id=_text(content, "poll_id"),
                                                       option_ids=content["option_ids"])


async def _poll_close(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.poll_close)(session=consumer.session, tutor=consumer.scope["user"],
                                                        poll_id=_text(content, "poll_id"))


async def _qa_ask(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.question_ask)(session=consumer.session, author=consumer.scope["user"],
                                                          body=_text(content, "body"),
                                                          anonymous=bool(content.get("anonymous", False)))


async def _qa_upvote(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.question_upvote)(session=consumer.session, user=consumer.scope["user"],
                                                             question_id=_text(content, "question_id"))


async def _qa_answered(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(engagement.question_answered)(
        session=consumer.session, tutor=consumer.scope["user"], question_id=_text(content, "question_id"))


def _optional_id(content: dict[str, Any], key: str) -> str | None:
    value = content[key]
    if value is not None and not isinstance(value, str):
        raise TypeError(key)
    return value


async def _breakout_start(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    assignments = content.get("assignments")
    if assignments is not None and not isinstance(assignments, dict):
        raise TypeError("assignments")
    await database_sync_to_async(breakout.breakout_start)(
        session=consumer.session, tutor=consumer.scope["user"], rooms=content["rooms"], mode=_text(content, "mode"),
        minutes=content["minutes"], assignments=assignments)


async def _breakout_move(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_move)(session=consumer.session, tutor=consumer.scope["user"],
                                                         user_id=_text(content, "user_id"),
                                                         room_id=_optional_id(content, "room_id"))


async def _breakout_choose(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_choose)(session=consumer.session, user=consumer.scope["user"],
                                                           room_id=_optional_id(content, "room_id"))


async def _breakout_broadcast(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_broadcast)(session=consumer.session,
                                                              tutor=consumer.scope["user"],
                                                              body=_text(content, "body"))


async def _breakout_help(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_help)(session=consumer.session, user=consumer.scope["user"])


async def _breakout_visit(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_visit)(session=consumer.session, tutor=consumer.scope["user"],
                                                          room_id=_optional_id(content, "room_id"))


async def _breakout_end(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(breakout.breakout_end)(session=consumer.session, tutor=consumer.scope["user"])


REACTIONS = frozenset({"👍", "👏", "❤️", "😂", "😮", "🎉", "❓"})

STUDENT_ACTIONS: dict[str, Handler] = {
    "chat.send": _chat,
    "hand.raise": _hand,
    "hand.lower": _hand,
    "reaction": _reaction,
    "poll.vote": _poll_vote,
    "qa.ask": _qa_ask,
    "qa.upvote": _qa_upvote,
    "breakout.join": _breakout_choose,
    "breakout.help": _breakout_help,
}

TUTOR_ACTIONS: dict[str, Handler] = {
    "hand.lower_for": _lower_hand,
    "admit": _admit,
    "deny": _admit,
    "remove": _remove,
    "mute": _mute,
    "mute.all": _mute,
    "room.lock": _lock,
    "room.spotlight": _spotlight,
    "chat.delete": _chat_delete,
    "class.end": _end,
    "poll.create": _poll_create,
    "poll.close": _poll_close,
    "qa.answered": _qa_answered,
    "breakout.start": _breakout_start,
    "breakout.move": _breakout_move,
    "breakout.broadcast": _breakout_broadcast,
    "breakout.visit": _breakout_visit,
    "breakout.end": _breakout_end,
}
