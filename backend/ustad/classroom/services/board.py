"""The class whiteboard: pages of Excalidraw elements, merged by version and stored one row per element.

Strokes are not in the room's numbered log (they would drown it): a client that reconnects, or that
missed a frame, asks for the page again with `board.sync` and merges what it gets. Page and permission
changes are ordinary room events. Who may draw: tutors; on the main board every student once the tutor
opens it, or the students the tutor allows; on a breakout room's page, that room's members.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Max, Q, Sum

from ustad.classroom.models import (
    Admission,
    BoardElement,
    BoardPage,
    BreakoutRoom,
    LiveSession,
    Participant,
    ParticipantRole,
)
from ustad.classroom.services.board_merge import Stamp, merge_elements
from ustad.classroom.services.room import event_append
from ustad.core.errors import ApplicationError

ELEMENT_TYPES = frozenset({"rectangle", "diamond", "ellipse", "arrow", "line", "freedraw", "text", "image",
                           "frame", "magicframe", "embeddable", "iframe"})
MAX_PER_FRAME = 500
MAX_ELEMENT_BYTES = 64 * 1024
MAX_PER_PAGE = 5000
MAX_PAGES = 50
TITLE_MAX = 80
NONCE_LIMIT = 2**53


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message=message, fields={field: [message]})


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", status_code=404, message="No such board page in this class.")


def page_dict(page: BoardPage) -> dict[str, Any]:
    return {"id": str(page.id), "title": page.title, "position": page.position,
            "room_id": str(page.breakout_room_id) if page.breakout_room_id else None}


def _room_payload(page: BoardPage, payload: dict[str, Any]) -> dict[str, Any]:
    """Breakout pages are heard by their room (and the tutors) only, like the room's chat."""
    if page.breakout_room_id:
        payload["_room"] = str(page.breakout_room_id)
    return payload


# --- Who may see and draw -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Viewer:
    """The caller as the board sees them: whether they teach, and their participant row (None for tutors who
    have not entered yet, and for REST callers who never joined)."""

    user: Any
    tutor: bool
    participant: Participant | None


def viewer_for(*, session: LiveSession, user: Any, tutor: bool) -> Viewer:
    participant = Participant.objects.filter(session=session, user=user).first()
    return Viewer(user=user, tutor=tutor, participant=participant)


def _in_room(viewer: Viewer, room_id: Any) -> bool:
    return viewer.participant is not None and viewer.participant.breakout_room_id == room_id


def can_see_page(viewer: Viewer, page: BoardPage, room: BreakoutRoom | None = None) -> bool:
    if viewer.tutor or page.breakout_room_id is None:
        return True
    if _in_room(viewer, page.breakout_room_id):
        return True
    room = room or page.breakout_room
    return room is not None and viewer.user.id in room.members_ever


def can_draw(viewer: Viewer, session: LiveSession, page: BoardPage) -> bool:
    if viewer.tutor:
        return True
    participant = viewer.participant
    if participant is None or participant.admission != Admission.ADMITTED:
        return False
    if page.breakout_room_id is not None:
        return participant.breakout_room_id == page.breakout_room_id
    return session.board_everyone or participant.can_draw


def can_draw_anywhere(viewer: Viewer, session: LiveSession) -> bool:
    """May place images on some page of this class: the file store's door."""
    if viewer.tutor:
        return True
    participant = viewer.participant
    return participant is not None and participant.admission == Admission.ADMITTED and (
        session.board_everyone or participant.can_draw or participant.breakout_room_id is not None)


def _page(session: LiveSession, page_id: Any) -> BoardPage:
    page = BoardPage.objects.filter(session=session, id=page_id).select_related("breakout_room").first() \
        if _uuid_like(page_id) else None
    if page is None:
        raise _not_found()
    return page


def _uuid_like(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def page_get_for_viewer(*, session: LiveSession, viewer: Viewer, page_id: Any) -> BoardPage:
    """A page the viewer may see; the same 404 for a page that is not there and one that is not theirs."""
    page = _page(session, page_id)
    if not can_see_page(viewer, page):
        raise _not_found()
    return page


def visible_pages(*, session: LiveSession, viewer: Viewer) -> list[BoardPage]:
    pages = BoardPage.objects.filter(session=session).select_related("breakout_room")
    if not viewer.tutor:
        room_id = viewer.participant.breakout_room_id if viewer.participant else None
        pages = pages.filter(Q(breakout_room__isnull=True) | Q(breakout_room_id=room_id)
                             | Q(breakout_room__members_ever__contains=[viewer.user.id]))
    # The main board first, then each round's rooms in order.
    return list(pages.order_by(F("breakout_room__round__created_at").asc(nulls_first=True),
                               F("breakout_room__number").asc(nulls_first=True), "position", "created_at"))


def main_page_ensure(session: LiveSession) -> BoardPage:
    """Every class starts with one page on its main board. Call with the session row locked."""
    page = BoardPage.objects.filter(session=session, breakout_room__isnull=True).order_by("position").first()
    if page is None:
        page = BoardPage.objects.create(session=session, position=1, title="Page 1")
    return page


def board_snapshot(*, session: LiveSession, viewer: Viewer) -> dict[str, Any]:
    allowed = Participant.objects.filter(session=session, can_draw=True).values_list("user_id", flat=True)
    main = BoardPage(session=session)
    return {"pages": [page_dict(page) for page in visible_pages(session=session, viewer=viewer)],
            "shown_page_id": str(session.board_shown_page_id) if session.board_shown_page_id else None,
            "everyone": session.board_everyone, "allowed": sorted(str(user_id) for user_id in allowed),
            "can_draw": can_draw(viewer, session, main)}


# --- Elements ---------------------------------------------------------------------------------------------

def _int(value: Any, low: int = -(2**63), high: int = 2**63) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def clean_elements(raw: Any) -> list[dict[str, Any]]:
    """Excalidraw elements as sent: the fields the merge needs are checked; the rest is the client's drawing."""
    if not isinstance(raw, list) or not raw:
        raise _invalid("elements", "Send a non-empty list of elements.")
    if len(raw) > MAX_PER_FRAME:
        raise _invalid("elements", f"Send at most {MAX_PER_FRAME} elements at a time.")
    for number, element in enumerate(raw):
        field = f"elements.{number}"
        if not isinstance(element, dict):
            raise _invalid(field, "Each element is an object.")
        element_id, kind = element.get("id"), element.get("type")
        if not isinstance(element_id, str) or not 1 <= len(element_id) <= 64:
            raise _invalid(f"{field}.id", "An element id is 1 to 64 characters.")
        if kind not in ELEMENT_TYPES:
            raise _invalid(f"{field}.type", "Unknown element type.")
        version, nonce = element.get("version"), element.get("versionNonce")
        if not _int(version, 1, 2**31 - 1):
            raise _invalid(f"{field}.version", "The version is a positive whole number.")
        if not _int(nonce, -NONCE_LIMIT, NONCE_LIMIT):
            raise _invalid(f"{field}.versionNonce", "The version nonce is a whole number.")
        if not isinstance(element.get("isDeleted", False), bool):
            raise _invalid(f"{field}.isDeleted", "isDeleted is true or false.")
        index = element.get("index")
        if index is not None and (not isinstance(index, str) or len(index) > 200):
            raise _invalid(f"{field}.index", "The index is a short string.")
        if len(json.dumps(element, separators=(",", ":"))) > MAX_ELEMENT_BYTES:
            raise _invalid(field, f"An element may be at most {MAX_ELEMENT_BYTES // 1024} KB.")
    return raw


@dataclass(frozen=True)
class Update:
    page: BoardPage
    accepted: list[dict[str, Any]]


@transaction.atomic
def board_update(*, session: LiveSession, viewer: Viewer, page_id: Any, elements: Any) -> Update:
    """Merge a client's changed elements into the page; returns the ones that won, to relay to the others."""
    page = _page(session, page_id)
    session.refresh_from_db(fields=["board_everyone"])
    if not can_see_page(viewer, page) or not can_draw(viewer, session, page):
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="The tutor has not opened this board to you.")
    incoming = clean_elements(elements)
    BoardPage.objects.select_for_update().filter(id=page.id).first()  # one writer per page at a time
    ids = {element["id"] for element in incoming}
    held = {row.element_id: row for row in BoardElement.objects.filter(page=page, element_id__in=ids)}
    accepted = [dict(element) for element in merge_elements(
        {key: Stamp(row.version, row.version_nonce) for key, row in held.items()}, incoming)]
    new_ids = {element["id"] for element in accepted} - held.keys()
    if new_ids and BoardElement.objects.filter(page=page).count() + len(new_ids) > MAX_PER_PAGE:
        raise ApplicationError(code="board_full", status_code=409,
                               message=f"A page holds at most {MAX_PER_PAGE} shapes; add a new page.")
    rows = [BoardElement(page=page, element_id=element["id"], version=element["version"],
                         version_nonce=element["versionNonce"], is_deleted=element.get("isDeleted", False),
                         order_key=element.get("index") or "", data=element) for element in accepted]
    if rows:
        BoardElement.objects.bulk_create(rows, update_conflicts=True, unique_fields=["page", "element_id"],
                                         update_fields=["version", "version_nonce", "is_deleted", "order_key",
                                                        "data", "updated_at"])
    return Update(page=page, accepted=accepted)


def page_scene_version(page: BoardPage) -> int:
    return int(BoardElement.objects.filter(page=page).aggregate(total=Sum("version"))["total"] or 0)


def page_elements(page: BoardPage, *, include_deleted: bool) -> list[dict[str, Any]]:
    rows = BoardElement.objects.filter(page=page)
    if not include_deleted:
        rows = rows.filter(is_deleted=False)
    return list(rows.order_by("order_key", "element_id").values_list("data", flat=True))


def board_sync(*, session: LiveSession, viewer: Viewer, page_id: Any, scene_version: Any) -> dict[str, Any]:
    """The answer to `board.sync`: `board.in_sync` when the client holds what the server holds, else the page."""
    page = page_get_for_viewer(session=session, viewer=viewer, page_id=page_id)
    if scene_version is not None and not _int(scene_version):
        raise _invalid("scene_version", "The scene version is a whole number.")
    total = page_scene_version(page)
    if scene_version == total:
        return {"type": "board.in_sync", "page_id": str(page.id), "scene_version": total}
    return {"type": "board.scene", "page_id": str(page.id), "scene_version": total,
            "elements": page_elements(page, include_deleted=True)}


# --- Pages and permissions ---------------------------------------------------------------------------------

def _clean_title(title: Any, default: str) -> str:
    if title is None:
        return default
    if not isinstance(title, str):
        raise _invalid("title", "The title is text.")
    title = " ".join(title.split())
    if len(title) > TITLE_MAX:
        raise _invalid("title", f"At most {TITLE_MAX} characters.")
    return title or default


@transaction.atomic
def page_add(*, session: LiveSession, viewer: Viewer, title: Any = None, room_id: Any = None) -> BoardPage:
    session = LiveSession.objects.select_for_update().get(id=session.id)
    room = None
    if room_id is not None:
        room = BreakoutRoom.objects.filter(id=room_id, round__session=session, round__closed_at__isnull=True) \
            .first() if _uuid_like(room_id) else None
        if room is None:
            raise ApplicationError(code="not_found", status_code=404, message="No such breakout room is open.")
        if not viewer.tutor and not _in_room(viewer, room.id):
            raise ApplicationError(code="permission_denied", status_code=403,
                                   message="Only this room's members add pages to its board.")
    elif not viewer.tutor:
        raise ApplicationError(code="permission_denied", status_code=403, message="Only the tutor can do that.")
    pages = BoardPage.objects.filter(session=session, breakout_room=room)
    if pages.count() >= MAX_PAGES:
        raise ApplicationError(code="board_full", status_code=409, message=f"A board has at most {MAX_PAGES} pages.")
    position = (pages.aggregate(last=Max("position"))["last"] or 0) + 1
    page = BoardPage.objects.create(session=session, breakout_room=room, position=position,
                                    title=_clean_title(title, f"Page {position}"))
    event_append(session=session, type="board.page_added", payload=_room_payload(page, {"page": page_dict(page)}),
                 actor=viewer.user)
    return page


@transaction.atomic
def page_rename(*, session: LiveSession, viewer: Viewer, page_id: Any, title: Any) -> BoardPage:
    page = _page(session, page_id)
    if not viewer.tutor and not (page.breakout_room_id and _in_room(viewer, page.breakout_room_id)):
        raise ApplicationError(code="permission_denied", status_code=403, message="Only the tutor can do that.")
    page.title = _clean_title(title, page.title)
    page.save(update_fields=["title", "updated_at"])
    event_append(session=session, type="board.page_renamed",
                 payload=_room_payload(page, {"page_id": str(page.id), "title": page.title}), actor=viewer.user)
    return page


@transaction.atomic
def page_show(*, session: LiveSession, tutor: Any, page_id: Any) -> None:
    """The tutor turns everyone to a page of the main board."""
    page = _page(session, page_id)
    if page.breakout_room_id is not None:
        raise _invalid("page_id", "Show a page of the main board.")
    LiveSession.objects.filter(id=session.id).update(board_shown_page=page)
    event_append(session=session, type="board.page_shown", payload={"page_id": str(page.id)}, actor=tutor)


def _access_event(session: LiveSession, tutor: Any) -> None:
    everyone = LiveSession.objects.values_list("board_everyone", flat=True).get(id=session.id)
    allowed = Participant.objects.filter(session=session, can_draw=True).values_list("user_id", flat=True)
    event_append(session=session, type="board.access",
                 payload={"everyone": everyone, "allowed": sorted(str(user_id) for user_id in allowed)}, actor=tutor)


@transaction.atomic
def board_access(*, session: LiveSession, tutor: Any, everyone: Any) -> None:
    if not isinstance(everyone, bool):
        raise _invalid("everyone", "Say true or false.")
    LiveSession.objects.filter(id=session.id).update(board_everyone=everyone)
    _access_event(session, tutor)


@transaction.atomic
def board_permit(*, session: LiveSession, tutor: Any, user_id: Any, allowed: Any) -> None:
    if not isinstance(allowed, bool):
        raise _invalid("allowed", "Say true or false.")
    students = Participant.objects.filter(session=session, user_id=user_id, role=ParticipantRole.STUDENT) \
        if _uuid_like(user_id) else Participant.objects.none()
    updated = students.update(can_draw=allowed)
    if not updated:
        raise ApplicationError(code="not_found", status_code=404, message="That student is not in this class.")
    _access_event(session, tutor)
