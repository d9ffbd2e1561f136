"""The whiteboard over REST: reading pages after class, board images, and export to PDF or the course."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conftest import client_for
from ustad.classroom.models import BoardElement, BoardPage, BreakoutRound, LiveSession, Participant
from ustad.classroom.tests.test_room import make_class
from ustad.core.files.storage import private_storage
from ustad.core.tests.samples import image
from ustad.courses.models import Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    world = make_class()
    session = world["session"]
    world["main"] = BoardPage.objects.create(session=session, position=1, title="Page 1")
    for element_id, deleted in (("kept", False), ("gone", True)):
        BoardElement.objects.create(page=world["main"], element_id=element_id, version=2, version_nonce=5,
                                    is_deleted=deleted, order_key=f"a{element_id}",
                                    data={"id": element_id, "type": "rectangle", "version": 2, "versionNonce": 5,
                                          "isDeleted": deleted})
    return world


def url(session: LiveSession, tail: str = "") -> str:
    return f"/api/v1/sessions/{session.id}/board{tail}"


def png(size: tuple[int, int] = (40, 30), mode: str = "RGBA") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 0, 0)).save(out, format="PNG")
    return SimpleUploadedFile("page.png", out.getvalue(), content_type="image/png")


def breakout_page(world: dict[str, Any], members: list[Any]) -> BoardPage:
    round_ = BreakoutRound.objects.create(session=world["session"], mode="manual",
                                          ends_at=world["session"].ends_at, closed_at=world["session"].ends_at)
    room = round_.rooms.create(number=1, name="Room 1", members_ever=[user.id for user in members])
    return BoardPage.objects.create(session=world["session"], breakout_room=room, position=1, title="Room 1")


def test_pages_and_their_live_elements_can_be_read_after_class(world):
    room_page = breakout_page(world, [world["alice"]])
    tutor, alice, bob = (client_for(world[name]) for name in ("tutor", "alice", "bob"))
    assert [p["title"] for p in tutor.get(url(world["session"])).json()["pages"]] == ["Page 1", "Room 1"]
    assert [p["title"] for p in alice.get(url(world["session"])).json()["pages"]] == ["Page 1", "Room 1"]
    assert [p["title"] for p in bob.get(url(world["session"])).json()["pages"]] == ["Page 1"]
    scene = alice.get(url(world["session"], f"/pages/{world['main'].id}")).json()
    assert scene["scene_version"] == 4 and [e["id"] for e in scene["elements"]] == ["kept"]
    assert alice.get(url(world["session"], f"/pages/{room_page.id}")).status_code == 200
    assert bob.get(url(world["session"], f"/pages/{room_page.id}")).status_code == 404
    assert client_for(world["outsider"]).get(url(world["session"])).status_code == 404


def test_images_are_kept_once_by_id_checked_on_their_bytes_and_served_with_the_type_found(world):
    tutor, alice = client_for(world["tutor"]), client_for(world["alice"])
    photo = SimpleUploadedFile("photo.png", image("JPEG"), content_type="image/png")  # the name lies
    response = tutor.post(url(world["session"], "/files"), {"file_id": "abc_1", "file": photo}, format="multipart")
    assert response.status_code == 201 and response.json()["mime_type"] == "image/jpeg"
    again = tutor.post(url(world["session"], "/files"), {"file_id": "abc_1", "file": png()}, format="multipart")
    assert again.status_code == 200 and again.json()["mime_type"] == "image/jpeg"
    served = alice.get(url(world["session"], "/files/abc_1"))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served.content == image("JPEG") and "immutable" in served["Cache-Control"]
    assert alice.get(url(world["session"], "/files/missing")).status_code == 404
    assert client_for(world["outsider"]).get(url(world["session"], "/files/abc_1")).status_code == 404


@pytest.mark.parametrize(("fields", "status", "field"), [
    ({"file_id": "../etc", "file": "png"}, 400, "file_id"),
    ({"file_id": "x" * 65, "file": "png"}, 400, "file_id"),
    ({"file_id": "ok"}, 400, "file"),
    ({"file_id": "ok", "file": "svg"}, 400, "file"),
    ({"file_id": "ok", "file": "empty"}, 400, "file"),
    ({"file_id": "ok", "file": "huge"}, 413, "file"),
])
def test_bad_images_are_refused_with_the_field_named(world, fields, status, field):
    files = {"png": lambda: png(), "svg": lambda: SimpleUploadedFile("a.svg", b"<svg onload=alert(1)></svg>"),
             "empty": lambda: SimpleUploadedFile("a.png", b""),
             "huge": lambda: SimpleUploadedFile("a.png", image("PNG") + bytes(5 * 1024 * 1024))}
    body = {key: files[value]() if key == "file" else value for key, value in fields.items()}
    response = client_for(world["tutor"]).post(url(world["session"], "/files"), body, format="multipart")
    assert response.status_code == status, response.content
    assert field in response.json()["error"]["fields"]


def test_students_place_images_only_once_they_may_draw(world):
    alice = client_for(world["alice"])
    response = alice.post(url(world["session"], "/files"), {"file_id": "a1", "file": png()}, format="multipart")
    assert response.status_code == 403
    Participant.objects.create(session=world["session"], user=world["alice"], role="student", can_draw=True)
    response = alice.post(url(world["session"], "/files"), {"file_id": "a1", "file": png()}, format="multipart")
    assert response.status_code == 201


def test_export_binds_the_pages_into_one_pdf_or_keeps_it_with_the_course(world):
    tutor = client_for(world["tutor"])
    response = tutor.post(url(world["session"], "/export"), {"pages": [png(), png((80, 60), "RGB")]},
                          format="multipart")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.content.count(b"/Type /Page\n") == 2
    saved = tutor.post(url(world["session"], "/export"), {"pages": [png()], "save": "true", "title": "Board"},
                       format="multipart")
    assert saved.status_code == 201, saved.content
    resource = Resource.objects.get(id=saved.json()["resource"]["id"])
    assert (resource.course, resource.kind, resource.title) == (world["session"].course, "slides", "Board")
    with private_storage().open(resource.stored_name) as stored:
        assert stored.read(4) == b"%PDF"
    assert client_for(world["alice"]).post(url(world["session"], "/export"), {"pages": [png()]},
                                           format="multipart").status_code == 403


def test_export_refuses_bad_pages_and_a_class_without_a_course(world):
    tutor = client_for(world["tutor"])
    jpeg = SimpleUploadedFile("p.png", image("JPEG"))
    cases = [({"pages": [jpeg]}, 400), ({}, 400), ({"pages": [png() for _ in range(51)]}, 400)]
    for body, status in cases:
        response = tutor.post(url(world["session"], "/export"), body, format="multipart")
        assert response.status_code == status and "pages" in str(response.json()["error"]["fields"])
    LiveSession.objects.filter(id=world["session"].id).update(course=None, join_policy="seats")
    response = tutor.post(url(world["session"], "/export"), {"pages": [png()], "save": "true"}, format="multipart")
    assert response.status_code == 409 and response.json()["error"]["code"] == "no_course"
    assert not Resource.objects.filter(title__startswith="Whiteboard").exists()
