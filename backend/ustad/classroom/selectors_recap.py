"""A class after the fact: what was said, asked, voted and drawn, for its tutors and its students.

Students read the main room's chat (and their own private messages to the tutors), the chat of the breakout
rooms they were in, every poll's results and the boards they could see; tutors read everything. The number
of queries does not grow with the size of the class.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ustad.classroom.models import BreakoutRoom, ChatMessage, LiveSession
from ustad.classroom.services import board
from ustad.classroom.services.engagement import engagement_snapshot
from ustad.classroom.services.room import message_dict

CHAT_LIMIT = 2000


def _rooms(session: LiveSession, user: Any, tutor: bool) -> list[BreakoutRoom]:
    rooms = BreakoutRoom.objects.filter(round__session=session).select_related("round")
    if not tutor:
        rooms = rooms.filter(members_ever__contains=[user.id])
    return list(rooms.order_by("round__created_at", "number"))


def _chat(session: LiveSession, user: Any, tutor: bool, room_ids: list[Any]) -> list[dict[str, Any]]:
    messages = ChatMessage.objects.filter(session=session, deleted_at__isnull=True).select_related("author")
    if not tutor:
        messages = messages.filter(Q(to_tutors=False) | Q(author=user)).filter(
            Q(breakout_room__isnull=True) | Q(breakout_room_id__in=room_ids))
    return [message_dict(message) for message in messages.order_by("created_at")[:CHAT_LIMIT]]


def session_recap(*, session: LiveSession, user: Any, tutor: bool) -> dict[str, Any]:
    rooms = _rooms(session, user, tutor)
    viewer = board.viewer_for(session=session, user=user, tutor=tutor)
    return {
        "rooms": [{"id": str(room.id), "round_id": str(room.round_id), "number": room.number, "name": room.name}
                  for room in rooms],
        "chat": _chat(session, user, tutor, [room.id for room in rooms]),
        **engagement_snapshot(session=session, user=user, tutor=tutor),
        "board": {"pages": [board.page_dict(page) for page in board.visible_pages(session=session, viewer=viewer)],
                  "shown_page_id": str(session.board_shown_page_id) if session.board_shown_page_id else None},
    }
