"""The live room's websocket: `/ws/classroom/<session id>/?ticket=…&after=<seq>`.

Each frame is a small JSON object with a `type`. Every action is checked with the same permission
functions as the REST API. Bad frames get an `error` frame and never affect anyone else; a client that
keeps flooding is disconnected with close code 4429. Protocol: docs/classroom.md.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import ValidationError as DjangoValidationError

from ustad.classroom import permissions
from ustad.classroom.models import LiveSession
from ustad.classroom.services import board, breakout, engagement, media, room
from ustad.core.errors import ApplicationError

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_ENDED = 4410
CLOSE_FLOOD = 4429
MAX_FRAME = 16 * 1024
MAX_BOARD_FRAME = 512 * 1024  # a batch of pen strokes is bigger than a chat line
MAX_MEDIA_FRAME = 64 * 1024  # a session description with several tracks
# A token bucket per socket: bursts of 30 frames, 10 a second sustained; the board has its own, larger one.
BUCKET_SIZE, REFILL_PER_SECOND = 30.0, 10.0
BOARD_BUCKET_SIZE, BOARD_REFILL_PER_SECOND = 60.0, 20.0
# Connecting to a room of peers sends a burst of ICE candidates: media signaling has its own allowance.
MEDIA_BUCKET_SIZE, MEDIA_REFILL_PER_SECOND = 200.0, 50.0
STRIKES_BEFORE_CLOSE = 20


class TokenBucket:
    """Bursts of `size` frames, then `per_second` sustained."""

    def __init__(self, size: float, per_second: float) -> None:
        self.size, self.per_second = size, per_second
        self.tokens, self.refilled_at = size, time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.size, self.tokens + (now - self.refilled_at) * self.per_second)
        self.refilled_at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


Handler = Callable[["ClassroomConsumer", dict[str, Any]], Awaitable[None]]


class ClassroomConsumer(AsyncJsonWebsocketConsumer):
    session: LiveSession | None = None
    tutor = False
    admitted = False
    user_id = ""
    peer_id = ""  # this socket's name in media signaling: one person's two tabs are two peers
    room_id: str | None = None  # the breakout room this user is in, if any

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.user_id = str(user.id)
        # Board frames have their own allowance, so drawing never starves chat and hands.
        self.bucket = TokenBucket(BUCKET_SIZE, REFILL_PER_SECOND)
        self.board_bucket = TokenBucket(BOARD_BUCKET_SIZE, BOARD_REFILL_PER_SECOND)
        self.media_bucket = TokenBucket(MEDIA_BUCKET_SIZE, MEDIA_REFILL_PER_SECOND)
        self.peer_id = secrets.token_hex(8)
        self.strikes = 0
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
        await self.send_json({"type": "welcome", "you": {"user_id": self.user_id, "tutor": self.tutor,
                                                         "peer_id": self.peer_id}, **snapshot})
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
        try:
            group = room.room_group(self.session.id)
            await self.channel_layer.group_discard(group, self.channel_name)
            if self.admitted:
                await self.channel_layer.group_send(group, {"type": "room.event", "event": {
                    "type": "media.left", "peer_id": self.peer_id, "user_id": self.user_id, "_audience": "all"}})
        finally:  # presence and attendance must close even when the channel layer is struggling
            user = self.scope.get("user")
            if user is not None and user.is_authenticated:
                await database_sync_to_async(room.room_leave)(session=self.session, user=user)

    # --- Incoming frames -----------------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any) -> None:
        if text_data is None or len(text_data) > MAX_BOARD_FRAME:
            if await self._allow(self.bucket):
                await self._error("bad_frame", f"Send JSON text frames of at most {MAX_FRAME // 1024} KB "
                                               f"({MAX_BOARD_FRAME // 1024} KB for the board).")
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            content = None
        kind = content.get("type") if isinstance(content, dict) else None
        is_board = isinstance(kind, str) and kind.startswith("board.")
        is_media = isinstance(kind, str) and kind.startswith(("rtc.", "media."))
        bucket = self.board_bucket if is_board else self.media_bucket if is_media else self.bucket
        if not await self._allow(bucket):
            return
        limit = MAX_BOARD_FRAME if is_board else MAX_MEDIA_FRAME if is_media else MAX_FRAME
        if content is None:
            await self._error("bad_json", "That frame is not valid JSON.")
        elif not isinstance(kind, str):
            await self._error("bad_message", "Each frame is an object with a string `type`.")
        elif len(text_data) > limit:
            await self._error("bad_frame", f"Send JSON text frames of at most {limit // 1024} KB.")
        else:
            await self.receive_json(content)

    async def _allow(self, bucket: TokenBucket) -> bool:
        if bucket.take():
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
        if event.get("_except") == self.channel_name:
            return
        if event.get("_to_peer") and event["_to_peer"] != self.peer_id:
            return
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
                                                 to_tutors=bool(content.get("to_tutors", False)),
                                                 room_id=_optional_id(content, "room_id") if "room_id" in content
                                                 else None, tutor=consumer.tutor)


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


async def _board_viewer(consumer: ClassroomConsumer) -> board.Viewer:
    assert consumer.session is not None
    return await database_sync_to_async(board.viewer_for)(session=consumer.session, user=consumer.scope["user"],
                                                          tutor=consumer.tutor)


async def _board_update(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    assert consumer.session is not None
    viewer = await _board_viewer(consumer)
    update = await database_sync_to_async(board.board_update)(session=consumer.session, viewer=viewer,
                                                              page_id=content["page_id"],
                                                              elements=content["elements"])
    if not update.accepted:
        return
    # Strokes are relayed, not logged: a client that misses one heals with `board.sync`.
    event: dict[str, Any] = {"type": "board.update", "page_id": str(update.page.id), "elements": update.accepted,
                             "user_id": consumer.user_id, "_audience": "all", "_except": consumer.channel_name}
    if update.page.breakout_room_id:
        event["_room"] = str(update.page.breakout_room_id)
    await consumer.channel_layer.group_send(room.room_group(consumer.session.id), {"type": "room.event",
                                                                                   "event": event})


async def _board_sync(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    viewer = await _board_viewer(consumer)
    reply = await database_sync_to_async(board.board_sync)(session=consumer.session, viewer=viewer,
                                                           page_id=content["page_id"],
                                                           scene_version=content.get("scene_version"))
    await consumer.send_json(reply)


async def _board_page_add(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    viewer = await _board_viewer(consumer)
    await database_sync_to_async(board.page_add)(session=consumer.session, viewer=viewer,
                                                 title=content.get("title"), room_id=content.get("room_id"))


async def _board_page_rename(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    viewer = await _board_viewer(consumer)
    await database_sync_to_async(board.page_rename)(session=consumer.session, viewer=viewer,
                                                    page_id=content["page_id"], title=content["title"])


async def _board_page_show(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(board.page_show)(session=consumer.session, tutor=consumer.scope["user"],
                                                  page_id=content["page_id"])


async def _board_access(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(board.board_access)(session=consumer.session, tutor=consumer.scope["user"],
                                                     everyone=content["everyone"])


async def _board_permit(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(board.board_permit)(session=consumer.session, tutor=consumer.scope["user"],
                                                     user_id=content["user_id"], allowed=content["allowed"])


MEDIA_FLAGS = ("audio", "video", "screen", "audio_only")
SDP_TYPES = frozenset({"offer", "answer", "pranswer", "rollback"})


def _media_flags(content: dict[str, Any]) -> dict[str, bool]:
    flags = {flag: content.get(flag, False) for flag in MEDIA_FLAGS}
    if not all(isinstance(value, bool) for value in flags.values()):
        raise TypeError("media flags")
    return flags


def _peer(content: dict[str, Any], key: str) -> str:
    value = _text(content, key)
    if not 1 <= len(value) <= 64:
        raise ValueError(key)
    return value


async def _media_relay(consumer: ClassroomConsumer, event: dict[str, Any]) -> None:
    """Relay a media frame to the room (not stored: the state of the media lives in the browsers)."""
    assert consumer.session is not None
    event.update({"peer_id": consumer.peer_id, "user_id": consumer.user_id, "_audience": "all",
                  "_except": consumer.channel_name})
    await consumer.channel_layer.group_send(room.room_group(consumer.session.id), {"type": "room.event",
                                                                                   "event": event})


async def _media_hello(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    flags = _media_flags(content)
    await _media_state_allowed(consumer, flags)
    await _media_relay(consumer, {"type": "media.hello", **flags, "room_id": consumer.room_id})


async def _media_state_allowed(consumer: ClassroomConsumer, flags: dict[str, bool]) -> None:
    user = consumer.scope["user"]
    if flags["screen"] and not await database_sync_to_async(media.may_share_screen)(
            session=consumer.session, user=user, tutor=consumer.tutor):
        raise ApplicationError(code="permission_denied", message="Ask the tutor to let you share your screen.")
    if flags["audio"] and not consumer.tutor:
        await database_sync_to_async(media.microphone_on)(session=consumer.session, user=user)


async def _media_state(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    flags = _media_flags(content)
    await _media_state_allowed(consumer, flags)
    event: dict[str, Any] = {"type": "media.state", **flags, "room_id": consumer.room_id}
    if content.get("to") is not None:
        event["_to_peer"] = _peer(content, "to")
    await _media_relay(consumer, event)


async def _rtc_signal(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    """Pass an offer, answer or ICE candidate to one peer of this class, and to nobody else."""
    event: dict[str, Any] = {"type": "rtc.signal", "_to_peer": _peer(content, "to")}
    if "description" in content:
        description = content["description"]
        if not (isinstance(description, dict) and description.get("type") in SDP_TYPES
                and isinstance(description.get("sdp", ""), str)):
            raise TypeError("description")
        event["description"] = {"type": description["type"], "sdp": description.get("sdp", "")}
    if "candidate" in content:
        candidate = content["candidate"]
        if candidate is not None and not isinstance(candidate, dict):
            raise TypeError("candidate")
        event["candidate"] = candidate
    if "description" not in event and "candidate" not in event:
        raise KeyError("description")
    event["from"] = consumer.peer_id
    await _media_relay(consumer, event)


async def _screen_permit(consumer: ClassroomConsumer, content: dict[str, Any]) -> None:
    await database_sync_to_async(media.screen_permit)(session=consumer.session, tutor=consumer.scope["user"],
                                                      user_id=content["user_id"], allowed=content["allowed"])


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
    "board.update": _board_update,
    "board.sync": _board_sync,
    "board.page.add": _board_page_add,  # students: in their breakout room only (the service checks)
    "board.page.rename": _board_page_rename,
    "media.hello": _media_hello,
    "media.state": _media_state,
    "rtc.signal": _rtc_signal,
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
    "board.page.show": _board_page_show,
    "board.access": _board_access,
    "board.permit": _board_permit,
    "screen.permit": _screen_permit,
}
