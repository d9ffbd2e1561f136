"""What a browser needs to send and receive a class's video: the media mode, ICE servers with short-lived TURN
credentials, a LiveKit token, or the class's Zoom meeting (docs/classroom.md, "Media").

Everything here is for people who may enter the room now, by the room's own rule: TURN relays and SFU
tokens cost the operator money and bandwidth, so nobody else gets them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from django.conf import settings
from django.utils import timezone
from livekit import api as livekit_api
from rest_framework import status

from ustad.classroom import permissions
from ustad.classroom.models import Admission, LiveSession, Participant
from ustad.classroom.services import zoom
from ustad.core.errors import ApplicationError

MediaMode = Literal["mesh", "livekit", "zoom"]

# A LiveKit token is checked when a browser joins (LiveKit renews it for connected participants), so it only
# has to outlast joining and rejoining; a client asks for a new one after that.
LIVEKIT_TOKEN_TTL = timedelta(hours=2)
STUDENT_SOURCES = ["camera", "microphone"]
SCREEN_SOURCES = ["screen_share", "screen_share_audio"]


@dataclass(frozen=True)
class MediaCaller:
    """Someone allowed into the room now, and what the room knows about them."""

    session: LiveSession
    user: Any
    tutor: bool
    participant: Participant | None

    @property
    def may_share_screen(self) -> bool:
        return self.tutor or (self.participant is not None and self.participant.can_share_screen)


def media_caller_get(*, user: Any, session_id: Any, now: datetime | None = None) -> MediaCaller:
    """The caller if they may enter the class's room now: 404 when they cannot see it (as for a missing class),
    403 with the room's refusal code (`too_early`, `not_invited`, `removed`, `session_ended`…) otherwise."""
    session = (LiveSession.objects.select_related("course").filter(id=session_id).first()
               if user.is_authenticated else None)
    if session is None or not permissions.can_see_session(user, session):
        raise ApplicationError(code="not_found", message="No class here.", status_code=status.HTTP_404_NOT_FOUND)
    tutor = permissions.can_manage_session(user, session)
    refusal = permissions.entry_refusal(user, session, manager=tutor, now=now)
    participant = Participant.objects.filter(session=session, user=user).first()
    if refusal is None and not tutor and participant is not None and participant.admission == Admission.REMOVED:
        refusal = "removed"
    if refusal is not None:
        raise ApplicationError(code=refusal, status_code=status.HTTP_403_FORBIDDEN,
                               message="You cannot join this class's video now.")
    return MediaCaller(session=session, user=user, tutor=tutor, participant=participant)


def media_mode() -> MediaMode:
    """Zoom when its app is configured (the operator chose to run classes there), else LiveKit, else a mesh."""
    if zoom.zoom_configured():
        return "zoom"
    if settings.LIVEKIT_URL and settings.LIVEKIT_API_KEY and settings.LIVEKIT_API_SECRET:
        return "livekit"
    return "mesh"


def turn_credential(*, secret: str, user_id: Any, expires_at: datetime) -> tuple[str, str]:
    """coturn's REST scheme (`use-auth-secret`): the relay checks the HMAC itself, so no user list is shared."""
    username = f"{int(expires_at.timestamp())}:{user_id}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode()


def ice_servers_for(*, user_id: Any, now: datetime) -> tuple[list[dict[str, Any]], datetime | None]:
    """STUN and TURN entries for RTCPeerConnection, and when the TURN credential lapses (None: nothing lapses)."""
    servers: list[dict[str, Any]] = []
    if settings.WEBRTC_STUN_URLS:
        servers.append({"urls": list(settings.WEBRTC_STUN_URLS)})
    expires_at = None
    if settings.WEBRTC_TURN_URLS:
        turn: dict[str, Any] = {"urls": list(settings.WEBRTC_TURN_URLS)}
        if settings.WEBRTC_TURN_SECRET:
            expires_at = (now + timedelta(seconds=settings.WEBRTC_TURN_TTL)).replace(microsecond=0)
            turn["username"], turn["credential"] = turn_credential(
                secret=settings.WEBRTC_TURN_SECRET, user_id=user_id, expires_at=expires_at)
        servers.append(turn)
    return servers, expires_at


def livekit_token(*, caller: MediaCaller) -> str:
    """A join token for the class's LiveKit room (named by the session id) whose grants follow the role:
    tutors administer the room and publish every source; students publish camera and microphone, and a
    screen only while the tutor allows it (asking again after a permit gets a token that includes it)."""
    sources = [*STUDENT_SOURCES, *(SCREEN_SOURCES if caller.may_share_screen else [])]
    grants = livekit_api.VideoGrants(room_join=True, room=str(caller.session.id), can_publish=True,
                                     can_subscribe=True, can_publish_data=True, room_admin=caller.tutor,
                                     can_publish_sources=sources)
    name = getattr(caller.user, "full_name", "") or caller.user.email
    return (livekit_api.AccessToken(settings.LIVEKIT_API_KEY, settings.LIVEKIT_API_SECRET)
            .with_identity(str(caller.user.id)).with_name(name).with_grants(grants).with_ttl(LIVEKIT_TOKEN_TTL)
            .to_jwt())


def _zoom_block(caller: MediaCaller) -> dict[str, Any]:
    session = zoom.zoom_meeting_ensure(session=caller.session)
    block = {"meeting_id": session.zoom_meeting_id, "join_url": session.zoom_join_url,
             "password": session.zoom_password}
    if caller.tutor:  # the host link starts the meeting as the account's owner: never for students
        block["start_url"] = zoom.zoom_start_url_fresh(session=session)
    return block


def media_config(*, caller: MediaCaller, now: datetime | None = None) -> dict[str, Any]:
    """The `GET /sessions/{id}/media` answer for a caller already let in by `media_caller_get`."""
    now = now or timezone.now()
    mode = media_mode()
    ice_servers, ice_expires_at = ice_servers_for(user_id=caller.user.id, now=now)
    return {
        "mode": mode,
        "mesh_limit": settings.MESH_LIMIT,
        "ice_servers": ice_servers,
        "ice_expires_at": ice_expires_at,
        "livekit": {"url": settings.LIVEKIT_URL, "token": livekit_token(caller=caller)} if mode == "livekit" else None,
        "zoom": _zoom_block(caller) if mode == "zoom" else None,
        "screen_share": caller.may_share_screen,
        "face_presence": caller.session.face_presence,
    }
