"""GET /sessions/{id}/media: the media mode, ICE servers with coturn REST credentials, LiveKit tokens whose grants
follow the role, and who may ask (the room's own entry rule)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from conftest import client_for
from ustad.classroom.models import Admission, LiveSession, Participant, SessionStatus
from ustad.classroom.services.media_config import turn_credential
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

pytestmark = pytest.mark.django_db

LIVEKIT = {"LIVEKIT_URL": "wss://livekit.example.org", "LIVEKIT_API_KEY": "APIkey123",
           "LIVEKIT_API_SECRET": "a-livekit-secret-long-enough-for-hs256"}
ALL_SOURCES = {"camera", "microphone", "screen_share", "screen_share_audio"}


def make_class(course: Any, *, start: timedelta = timedelta(minutes=5), **fields: Any) -> LiveSession:
    starts = timezone.now() + start
    return LiveSession.objects.create(owner=course.owner, course=course, title="Optics", timezone="UTC",
                                      starts_at=starts, ends_at=starts + timedelta(hours=1), **fields)


@pytest.fixture
def world(settings: Any) -> dict[str, Any]:
    settings.WEBRTC_STUN_URLS, settings.WEBRTC_TURN_URLS, settings.WEBRTC_TURN_SECRET = [], [], ""
    for name in (*LIVEKIT, "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"):
        setattr(settings, name, "")
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor)
    student = StudentFactory(first_name="Hina", last_name="Qureshi")
    EnrollmentFactory(student=student, course=course)
    return {"tutor": tutor, "course": course, "student": student, "session": make_class(course)}


def media(user: Any, session: LiveSession) -> Any:
    return client_for(user).get(f"/api/v1/sessions/{session.id}/media")


def test_without_configuration_browsers_form_a_mesh(world, settings):
    settings.MESH_LIMIT = 5
    response = media(world["tutor"], world["session"])
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"mode": "mesh", "mesh_limit": 5, "ice_servers": [], "ice_expires_at": None,
                               "livekit": None, "zoom": None, "screen_share": True, "face_presence": False}


def test_turn_credentials_follow_coturns_rest_scheme(world, settings):
    settings.WEBRTC_STUN_URLS = ["stun:stun.example.org:3478"]
    settings.WEBRTC_TURN_URLS = ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"]
    settings.WEBRTC_TURN_SECRET, settings.WEBRTC_TURN_TTL = "north-wind", 3600
    student = world["student"]
    before = int(timezone.now().timestamp())
    body = media(student, world["session"]).json()
    stun, turn = body["ice_servers"]
    assert stun == {"urls": ["stun:stun.example.org:3478"]}
    assert turn["urls"] == ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"]
    expiry, user_id = turn["username"].split(":")
    assert user_id == str(student.id) and before + 3600 <= int(expiry) <= before + 3600 + 5
    expected = base64.b64encode(hmac.new(b"north-wind", turn["username"].encode(), hashlib.sha1).digest()).decode()
    assert turn["credential"] == expected
    assert int(parse_datetime(body["ice_expires_at"]).timestamp()) == int(expiry)


def test_turn_credential_matches_a_value_computed_elsewhere():
    # echo -n "1767225600:3f1c9a9e-0000-4000-8000-000000000001" | openssl dgst -sha1 -hmac north-wind -binary | base64
    username, credential = turn_credential(secret="north-wind", user_id="3f1c9a9e-0000-4000-8000-000000000001",
                                           expires_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert (username, credential) == ("1767225600:3f1c9a9e-0000-4000-8000-000000000001",
                                      "diw6+kNly3Mb5CM03dvZsZIZEVo=")


def test_turn_without_a_secret_is_passed_on_without_credentials(world, settings):
    settings.WEBRTC_TURN_URLS = ["turn:turn.example.org:3478"]
    body = media(world["student"], world["session"]).json()
    assert body["ice_servers"] == [{"urls": ["turn:turn.example.org:3478"]}] and body["ice_expires_at"] is None


def _claims(token: str) -> dict[str, Any]:
    return jwt.decode(token, LIVEKIT["LIVEKIT_API_SECRET"], algorithms=["HS256"], issuer=LIVEKIT["LIVEKIT_API_KEY"])


def test_livekit_tutors_administer_the_room_and_publish_everything(world, settings):
    for name, value in LIVEKIT.items():
        setattr(settings, name, value)
    tutor, session = world["tutor"], world["session"]
    body = media(tutor, session).json()
    assert body["mode"] == "livekit" and body["livekit"]["url"] == "wss://livekit.example.org"
    claims = _claims(body["livekit"]["token"])
    assert claims["sub"] == str(tutor.id) and claims["name"] == tutor.full_name
    assert claims["exp"] - claims["nbf"] == 2 * 3600
    video = claims["video"]
    assert video["room"] == str(session.id) and video["roomJoin"] is True and video["roomAdmin"] is True
    assert set(video["canPublishSources"]) == ALL_SOURCES
    assert video["canSubscribe"] and video["canPublishData"]


def test_livekit_students_share_a_screen_only_once_the_tutor_allows_it(world, settings):
    for name, value in LIVEKIT.items():
        setattr(settings, name, value)
    student, session = world["student"], world["session"]
    body = media(student, session).json()
    video = _claims(body["livekit"]["token"])["video"]
    assert video["roomAdmin"] is False and video["room"] == str(session.id)
    assert video["canPublishSources"] == ["camera", "microphone"] and body["screen_share"] is False
    Participant.objects.create(session=session, user=student, role="student", can_share_screen=True)
    body = media(student, session).json()
    assert set(_claims(body["livekit"]["token"])["video"]["canPublishSources"]) == ALL_SOURCES
    assert body["screen_share"] is True


def test_a_token_signed_with_another_secret_is_not_accepted(world, settings):
    for name, value in LIVEKIT.items():
        setattr(settings, name, value)
    token = media(world["student"], world["session"]).json()["livekit"]["token"]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, "another-secret-of-sufficient-length!", algorithms=["HS256"])


def test_face_presence_flag_is_the_classes(world):
    session = make_class(world["course"], face_presence=True)
    assert media(world["student"], session).json()["face_presence"] is True


# Who may ask ---------------------------------------------------------------------------------------

def _error(response: Any, status_code: int) -> str:
    assert response.status_code == status_code, response.content
    assert set(response.json()["error"]) == {"code", "message", "fields"}
    return str(response.json()["error"]["code"])


def test_anonymous_callers_are_asked_to_sign_in(world, api_client):
    assert _error(api_client.get(f"/api/v1/sessions/{world['session'].id}/media"), 401) == "not_authenticated"


def test_outsiders_get_the_same_404_as_for_a_missing_class(world):
    assert _error(media(StudentFactory(), world["session"]), 404) == "not_found"
    assert _error(media(TutorFactory(), world["session"]), 404) == "not_found"  # teaches another class
    missing = LiveSession(id="00000000-0000-4000-8000-000000000000")
    assert _error(media(world["student"], missing), 404) == "not_found"


def test_students_not_yet_allowed_in_get_the_rooms_refusal(world):
    later = make_class(world["course"], start=timedelta(minutes=45))
    assert _error(media(world["student"], later), 403) == "too_early"
    assert media(world["tutor"], later).status_code == 200  # tutors come in an hour early
    assert _error(media(world["tutor"], make_class(world["course"], start=timedelta(hours=3))), 403) == "too_early"


def test_closed_classes_and_removed_students_get_no_media(world):
    session = world["session"]
    Participant.objects.create(session=session, user=world["student"], role="student", admission=Admission.REMOVED)
    assert _error(media(world["student"], session), 403) == "removed"
    assert media(world["tutor"], session).status_code == 200
    LiveSession.objects.filter(id=session.id).update(status=SessionStatus.ENDED)
    assert _error(media(world["tutor"], session), 403) == "session_ended"
    ended = make_class(world["course"], status=SessionStatus.CANCELLED)
    assert _error(media(world["student"], ended), 403) == "session_cancelled"


def test_admins_are_tutors_of_every_class(world, settings):
    for name, value in LIVEKIT.items():
        setattr(settings, name, value)
    body = media(UserFactory(role="admin", is_staff=True, is_superuser=True), world["session"]).json()
    assert body["screen_share"] is True and _claims(body["livekit"]["token"])["video"]["roomAdmin"] is True


def test_only_get_is_offered(world):
    response = client_for(world["tutor"]).post(f"/api/v1/sessions/{world['session'].id}/media", {})
    assert _error(response, 405) == "method_not_allowed"
