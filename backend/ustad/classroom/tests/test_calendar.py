"""The private calendar feed: RFC 5545 text (escaping, folding at 75 octets without splitting Urdu
characters, CRLF), the private address and its rotation, and which classes the feed carries."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import client_for
from ustad.classroom.models import LiveSession, Seat, SessionStatus
from ustad.classroom.services.calendar import calendar_text, ics_escape, ics_fold
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

URDU_TITLE = "ریاضی کی براہِ راست کلاس: الجبرا، مساوات؛ اور سوالات و جوابات — ہفتہ وار نشست برائے او لیول طلبہ"


def unfold(text: str) -> list[str]:
    """Content lines as a calendar app reads them (RFC 5545 §3.1)."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def events(text: str) -> list[dict[str, str]]:
    found, current = [], None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


def assert_valid_ics(body: bytes) -> str:
    """CRLF only, every physical line at most 75 octets and valid UTF-8 on its own, balanced blocks."""
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"\r" not in body.replace(b"\r\n", b"")
    for physical in body.split(b"\r\n")[:-1]:
        assert len(physical) <= 75, physical
        physical.decode("utf-8")  # raises when a character was split between two lines
    text = body.decode("utf-8")
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for header in ("VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"):
        assert header in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert any(line.startswith("X-WR-CALNAME:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
    for event in events(text):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS", "URL"):
            assert required in event, (required, event)
        for stamp in ("DTSTAMP", "DTSTART", "DTEND"):
            assert re.fullmatch(r"\d{8}T\d{6}Z", event[stamp]), event[stamp]
    return text


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# Escaping and folding ---------------------------------------------------------------------------

def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert ics_escape("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ics_escape("tab\tstays; bell\x07 and nul\x00 go") == "tab\tstays\\; bell and nul go"
    assert unescape(ics_escape("الجبرا، مساوات؛ x,y;z\\n")) == "الجبرا، مساوات؛ x,y;z\\n"


def test_ascii_lines_fold_at_exactly_75_octets():
    assert ics_fold("x" * 75) == "x" * 75
    folded = ics_fold("x" * 76)
    assert folded == "x" * 75 + "\r\n x"
    parts = ics_fold("y" * 300).split("\r\n")
    assert [len(part) for part in parts] == [75, 75, 75, 75, 4]
    assert "".join(part[1:] if index else part for index, part in enumerate(parts)) == "y" * 300


@pytest.mark.parametrize("text", [URDU_TITLE, "🎉" * 40, "a" + "ب" * 80, "ab" + "ب" * 80, "x" * 74 + "ہ"])
def test_multibyte_text_folds_without_splitting_a_character(text):
    line = f"SUMMARY:{ics_escape(text)}"
    folded = ics_fold(line).encode("utf-8")
    pieces = folded.split(b"\r\n")
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece) <= 75
        piece.decode("utf-8")
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    assert unfold(folded.decode("utf-8") + "\r\n") == [line]


def test_calendar_text_for_an_urdu_class_is_valid_and_round_trips():
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    created = now - timedelta(days=2)
    session = LiveSession(title=URDU_TITLE, description="سبق ۳، صفحہ ۱۲؛ سوال\nنمبر ۴", timezone="Asia/Karachi",
                          starts_at=datetime(2026, 12, 3, 12, 0, tzinfo=UTC),
                          ends_at=datetime(2026, 12, 3, 13, 30, tzinfo=UTC), status=SessionStatus.CANCELLED)
    session.created_at, session.updated_at = created, created + timedelta(seconds=90)
    text = assert_valid_ics(calendar_text(sessions=[session], now=now).encode("utf-8"))
    (event,) = events(text)
    assert event["UID"] == f"{session.id}@ustad"
    assert unescape(event["SUMMARY"]) == URDU_TITLE
    assert unescape(event["DESCRIPTION"]).startswith("سبق ۳، صفحہ ۱۲؛ سوال\nنمبر ۴\n\n")
    assert event["DTSTART"] == "20261203T120000Z" and event["DTEND"] == "20261203T133000Z"
    assert event["DTSTAMP"] == "20261201T090000Z"
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == "90"
    assert event["URL"].endswith(f"/classroom/{session.id}")


# The feed over HTTP ------------------------------------------------------------------------------

@pytest.fixture
def feed_world(db: None) -> dict[str, Any]:
    tutor, student = TutorFactory(), StudentFactory()
    course = course_with_lessons(owner=tutor, title="Algebra, equations; and more")
    other_course = course_with_lessons()
    EnrollmentFactory(student=student, course=course)
    now = timezone.now()

    def make(title: str, start: timedelta, **fields: Any) -> LiveSession:
        fields.setdefault("course", course)
        return LiveSession.objects.create(owner=fields["course"].owner if fields["course"] else tutor, title=title,
                                          timezone="Asia/Karachi", starts_at=now + start,
                                          ends_at=now + start + timedelta(hours=1), **fields)

    sessions = {
        "soon": make(URDU_TITLE, timedelta(days=2), description="Bring a calculator, paper; a pen"),
        "cancelled": make("Cancelled one", timedelta(days=3), status=SessionStatus.CANCELLED),
        "recent": make("Last week", -timedelta(days=7), status=SessionStatus.ENDED),
        "too_old": make("Long ago", -timedelta(days=40), status=SessionStatus.ENDED),
        "too_far": make("Next year", timedelta(days=400)),
        "not_mine": make("Another course", timedelta(days=2), course=other_course),
        "seat": make("Standalone", timedelta(days=5), course=None, join_policy="seats"),
        "no_seat": make("Someone else's seat", timedelta(days=5), course=None, join_policy="seats"),
    }
    Seat.objects.create(session=sessions["seat"], student=student)
    return {"tutor": tutor, "student": student, "sessions": sessions}


def feed_url(client: Any) -> str:
    response = client.get("/api/v1/me/calendar")
    assert response.status_code == 200, response.content
    return response.json()["url"]


def test_student_feed_has_their_classes_in_the_window_and_nothing_else(feed_world, api_client, settings):
    settings.SITE_URL = "https://ustad.example.com"
    url = feed_url(client_for(feed_world["student"]))
    assert re.fullmatch(r"https://ustad\.example\.com/api/v1/calendar/[A-Za-z0-9_-]{40,}\.ics", url)
    response = api_client.get(url.removeprefix("https://ustad.example.com"))  # no sign-in
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = assert_valid_ics(response.content)
    by_uid = {event["UID"]: event for event in events(text)}
    sessions = feed_world["sessions"]
    assert set(by_uid) == {f"{sessions[name].id}@ustad" for name in ("soon", "cancelled", "recent", "seat")}
    soon = by_uid[f"{sessions['soon'].id}@ustad"]
    assert unescape(soon["SUMMARY"]) == URDU_TITLE
    assert "Bring a calculator\\, paper\\; a pen" in soon["DESCRIPTION"]
    assert "Algebra\\, equations\\; and more" in soon["DESCRIPTION"]
    assert soon["URL"] == f"https://ustad.example.com/classroom/{sessions['soon'].id}"
    assert soon["STATUS"] == "CONFIRMED"
    assert by_uid[f"{sessions['cancelled'].id}@ustad"]["STATUS"] == "CANCELLED"


def test_tutor_feed_has_the_classes_they_teach(feed_world, api_client):
    text = api_client.get(feed_url(client_for(feed_world["tutor"]))).content.decode()
    uids = {event["UID"] for event in events(text)}
    sessions = feed_world["sessions"]
    assert f"{sessions['no_seat'].id}@ustad" in uids and f"{sessions['soon'].id}@ustad" in uids
    assert f"{sessions['not_mine'].id}@ustad" not in uids


def test_the_address_is_stable_until_rotated_and_rotation_revokes_the_old_one(feed_world, api_client):
    client = client_for(feed_world["student"])
    first = feed_url(client)
    assert feed_url(client) == first
    rotated = client.post("/api/v1/me/calendar/rotate")
    assert rotated.status_code == 200
    second = rotated.json()["url"]
    assert second != first and rotated.json()["webcal_url"] == "webcal://" + second.split("://", 1)[1]
    assert feed_url(client) == second
    old = api_client.get(first)
    assert old.status_code == 404 and old.json()["error"]["code"] == "not_found"
    assert api_client.get(second).status_code == 200


@pytest.mark.parametrize("token", ["made-up", "x" * 64, "x" * 300])
def test_unknown_addresses_are_404(db, api_client, token):
    response = api_client.get(f"/api/v1/calendar/{token}.ics")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_calendar_apps_sending_stale_credentials_still_get_the_feed(feed_world, api_client):
    url = feed_url(client_for(feed_world["student"]))
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert api_client.get(url).status_code == 200


def test_a_deactivated_account_has_no_feed(feed_world, api_client):
    url = feed_url(client_for(feed_world["student"]))
    feed_world["student"].is_active = False
    feed_world["student"].save()
    assert api_client.get(url).status_code == 404


def test_the_address_needs_sign_in(db, api_client):
    assert api_client.get("/api/v1/me/calendar").status_code == 401
    assert api_client.post("/api/v1/me/calendar/rotate").status_code == 401


def test_sequence_grows_when_a_class_changes(feed_world, api_client):
    url = feed_url(client_for(feed_world["tutor"]))
    session = feed_world["sessions"]["soon"]
    LiveSession.objects.filter(id=session.id).update(created_at=session.created_at - timedelta(minutes=10),
                                                      updated_at=session.created_at - timedelta(minutes=5))

    def sequence() -> int:
        found = [e for e in events(api_client.get(url).content.decode()) if e["UID"] == f"{session.id}@ustad"]
        return int(found[0]["SEQUENCE"])

    before = sequence()
    response = client_for(feed_world["tutor"]).patch(f"/api/v1/sessions/{session.id}", {"title": "Renamed"},
                                                     format="json")
    assert response.status_code == 200, response.content
    assert sequence() > before
