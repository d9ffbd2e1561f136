"""Classes on Zoom: a meeting per class, made through a Server-to-Server OAuth app the first time it is needed.

Zoom is on when `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and `ZOOM_CLIENT_SECRET` are set. The account token
(valid an hour) is kept in the shared cache so every web process reuses it instead of asking Zoom per class.
When Zoom fails, nothing is stored and the caller answers 502 `zoom_unavailable`; the next request tries again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import httpx
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from rest_framework import status

from ustad.classroom.models import LiveSession, SessionStatus
from ustad.core.errors import ApplicationError

logger = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(10.0)
# Renew the token this long before Zoom says it expires, so a request never carries one that lapses in flight.
TOKEN_MARGIN_SECONDS = 120
AGENDA_MAX = 2000  # Zoom's limit on a meeting's agenda
TOPIC_MAX = 200
# A host link carries a Zoom access key that lapses two hours after Zoom made it; renew ours before that.
START_URL_FRESH_SECONDS = 100 * 60
START_URL_MAX = LiveSession._meta.get_field("zoom_start_url").max_length or 2000


@dataclass(frozen=True)
class ZoomMeeting:
    meeting_id: str
    join_url: str
    start_url: str
    password: str


class ZoomError(Exception):
    """Zoom refused or did not answer; the message says which, for the logs and the 502's message."""


def zoom_configured() -> bool:
    return bool(settings.ZOOM_ACCOUNT_ID and settings.ZOOM_CLIENT_ID and settings.ZOOM_CLIENT_SECRET)


def _token_cache_key() -> str:
    # Keyed by the app's identity so changing credentials never reuses the old app's token.
    digest = hashlib.sha256(f"{settings.ZOOM_ACCOUNT_ID}:{settings.ZOOM_CLIENT_ID}".encode()).hexdigest()[:16]
    return f"zoom:token:{digest}"


def _json(response: httpx.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        raise ZoomError(f"Zoom answered {what} with something that is not JSON.") from exc
    if not isinstance(body, dict):
        raise ZoomError(f"Zoom answered {what} with an unexpected shape.")
    return body


def _refusal(response: httpx.Response, what: str) -> ZoomError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    detail = body.get("message") or body.get("reason") if isinstance(body, dict) else None
    return ZoomError(f"Zoom refused {what} ({response.status_code}{': ' + str(detail) if detail else ''}).")


def zoom_access_token(*, fresh: bool = False) -> str:
    """The account's access token, from the cache while it is still good (`fresh` asks Zoom for a new one)."""
    key = _token_cache_key()
    if not fresh:
        cached = cache.get(key)
        if isinstance(cached, str) and cached:
            return cached
    try:
        response = httpx.post(settings.ZOOM_OAUTH_URL,
                              params={"grant_type": "account_credentials", "account_id": settings.ZOOM_ACCOUNT_ID},
                              auth=(settings.ZOOM_CLIENT_ID, settings.ZOOM_CLIENT_SECRET), timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        raise ZoomError(f"Zoom's sign-in did not answer ({type(exc).__name__}).") from exc
    if response.status_code != status.HTTP_200_OK:
        raise _refusal(response, "the app's credentials")
    body = _json(response, "the token request")
    token, expires_in = body.get("access_token"), body.get("expires_in")
    if not isinstance(token, str) or not token:
        raise ZoomError("Zoom's token answer carried no access token.")
    lifetime = int(expires_in) if isinstance(expires_in, (int, float)) else 3600
    if lifetime > TOKEN_MARGIN_SECONDS:
        cache.set(key, token, timeout=lifetime - TOKEN_MARGIN_SECONDS)
    return token


def _meeting_body(session: LiveSession) -> dict[str, Any]:
    minutes = max(1, round((session.ends_at - session.starts_at).total_seconds() / 60))
    return {
        "topic": session.title[:TOPIC_MAX],
        "type": 2,  # a scheduled meeting
        "start_time": session.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration": minutes,
        "timezone": "UTC",
        "agenda": session.description[:AGENDA_MAX],
        # Students wait for their tutor, as in Ustad's own room; the class's waiting room carries over.
        "settings": {"join_before_host": False, "waiting_room": session.waiting_room},
    }


def _call(method: str, path: str, *, body: dict[str, Any] | None = None) -> httpx.Response:
    """One API request with the account token; a token Zoom no longer accepts is renewed once."""
    url = f"{settings.ZOOM_API_BASE.rstrip('/')}{path}"
    for fresh in (False, True):
        token = zoom_access_token(fresh=fresh)
        try:
            response = httpx.request(method, url, json=body, headers={"Authorization": f"Bearer {token}"},
                                     timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            raise ZoomError(f"Zoom did not answer ({type(exc).__name__}).") from exc
        if response.status_code != status.HTTP_401_UNAUTHORIZED or fresh:
            break
        cache.delete(_token_cache_key())  # revoked or expired early: one more try with a new token
    return response


def _start_url_key(session_id: Any) -> str:
    return f"zoom:start-url-fresh:{session_id}"


def _unavailable(session: LiveSession, exc: ZoomError) -> ApplicationError:
    logger.warning("Zoom meeting of class %s: %s", session.id, exc)
    return ApplicationError(code="zoom_unavailable", status_code=status.HTTP_502_BAD_GATEWAY,
                            message=f"The class's Zoom meeting is not available: {exc} Try again in a minute.")


def _save(session: LiveSession, fields: list[str]) -> None:
    try:
        session.full_clean()
    except ValidationError as exc:  # Zoom's answer does not fit (a link too long, say): nothing is kept
        raise _unavailable(session, ZoomError(f"Zoom's meeting details were not usable ({exc.messages[0]}).")) from exc
    session.save(update_fields=[*fields, "updated_at"])


def zoom_meeting_create(*, session: LiveSession) -> ZoomMeeting:
    """Ask Zoom for a scheduled meeting for the class."""
    response = _call("POST", "/users/me/meetings", body=_meeting_body(session))
    if response.status_code != status.HTTP_201_CREATED:
        raise _refusal(response, "to create the meeting")
    meeting = _json(response, "the new meeting")
    meeting_id, join_url = meeting.get("id"), meeting.get("join_url")
    if meeting_id in (None, "") or not isinstance(join_url, str) or not join_url:
        raise ZoomError("Zoom's new meeting carried no id or join link.")
    return ZoomMeeting(meeting_id=str(meeting_id), join_url=join_url, start_url=str(meeting.get("start_url") or ""),
                       password=str(meeting.get("password") or ""))


@transaction.atomic
def zoom_meeting_ensure(*, session: LiveSession) -> LiveSession:
    """The class with its Zoom meeting, made on first use and kept with the class.

    The row is locked while Zoom is asked, so two first requests at once make one meeting, not two.
    """
    locked = LiveSession.objects.select_for_update().get(id=session.id)
    if locked.zoom_meeting_id:
        return locked
    try:
        meeting = zoom_meeting_create(session=locked)
    except ZoomError as exc:
        raise _unavailable(locked, exc) from exc
    locked.zoom_meeting_id, locked.zoom_join_url = meeting.meeting_id, meeting.join_url
    locked.zoom_start_url, locked.zoom_password = meeting.start_url, meeting.password
    _save(locked, ["zoom_meeting_id", "zoom_join_url", "zoom_start_url", "zoom_password"])
    cache.set(_start_url_key(locked.id), True, timeout=START_URL_FRESH_SECONDS)
    return locked


def zoom_start_url_fresh(*, session: LiveSession) -> str:
    """The host link of the class's meeting, renewed from Zoom when ours may have lapsed.

    When Zoom cannot be reached the link we have is returned: it may still work, and the join link does anyway.
    """
    if not session.zoom_meeting_id or cache.get(_start_url_key(session.id)):
        return session.zoom_start_url
    try:
        response = _call("GET", f"/meetings/{session.zoom_meeting_id}")
        if response.status_code != status.HTTP_200_OK:
            raise _refusal(response, "to read the meeting")
        start_url = _json(response, "the meeting").get("start_url")
        if not isinstance(start_url, str) or not start_url or len(start_url) > START_URL_MAX:
            raise ZoomError("Zoom's meeting carried no usable host link.")
    except ZoomError as exc:
        logger.warning("Host link of class %s not renewed: %s", session.id, exc)
        return session.zoom_start_url
    with transaction.atomic():
        locked = LiveSession.objects.select_for_update().get(id=session.id)
        locked.zoom_start_url = start_url
        _save(locked, ["zoom_start_url"])
    cache.set(_start_url_key(session.id), True, timeout=START_URL_FRESH_SECONDS)
    session.zoom_start_url = start_url
    return start_url


def zoom_meeting_sync(*, session_id: Any) -> str:
    """Carry a class's change to its Zoom meeting: a new time or title, or its cancellation.

    Returns what was done (`updated`, `deleted`, `none`); ZoomError when Zoom refused or did not answer, so
    the task retries. A meeting already gone from Zoom counts as deleted.
    """
    session = LiveSession.objects.filter(id=session_id).first()
    if session is None or not session.zoom_meeting_id or not zoom_configured():
        return "none"
    path = f"/meetings/{session.zoom_meeting_id}"
    if session.status == SessionStatus.CANCELLED:
        response = _call("DELETE", path)
        if response.status_code not in (status.HTTP_204_NO_CONTENT, status.HTTP_404_NOT_FOUND):
            raise _refusal(response, "to delete the meeting")
        return "deleted"
    if session.status != SessionStatus.SCHEDULED:
        return "none"  # a class under way or over keeps its meeting as it is
    response = _call("PATCH", path, body=_meeting_body(session))
    if response.status_code != status.HTTP_204_NO_CONTENT:
        raise _refusal(response, "to update the meeting")
    return "updated"
