"""Profile editing and avatar uploads, including the inputs that should bounce."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ustad.users.models import User
from ustad.users.tests.factories import SubjectFactory

ME = "/api/v1/me"
AVATAR = "/api/v1/me/avatar"


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (900, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, format=fmt)
    return out.getvalue()


def test_profile_needs_login(api_client, db):
    assert api_client.get(ME).status_code == 401
    assert api_client.patch(ME, {"bio": "x"}, format="json").status_code == 401


def test_student_edits_their_profile(student_client, student):
    response = student_client.patch(ME, {"first_name": "Zainab", "headline": "Pre-medical student",
                                         "bio": "Biology and chemistry.", "timezone": "Asia/Dubai",
                                         "language": "ur", "phone": "0300 1234567"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["first_name"] == "Zainab" and body["language"] == "ur" and body["phone"] == "+923001234567"
    assert body["tutor_profile"] is None


@pytest.mark.parametrize(("payload", "field"), [
    ({"timezone": "Nowhere/Land"}, "timezone"),
    ({"phone": "12"}, "phone"),
    ({"phone": "call me maybe"}, "phone"),
    ({"language": "de"}, "language"),
    ({"first_name": ""}, "first_name"),
    ({"bio": "x" * 4001}, "bio"),
    ({"tutor_profile": {"hourly_rate": 1000}}, "tutor_profile"),
])
def test_bad_profile_input_is_refused_and_changes_nothing(student_client, student, payload, field):
    before = User.objects.get(id=student.id)
    response = student_client.patch(ME, payload, format="json")
    assert response.status_code == 400
    assert any(key.startswith(field) for key in response.json()["error"]["fields"])
    after = User.objects.get(id=student.id)
    assert (after.first_name, after.timezone, after.phone, after.bio) == \
        (before.first_name, before.timezone, before.phone, before.bio)


def test_read_only_fields_cannot_be_mass_assigned(student_client, student):
    response = student_client.patch(ME, {"role": "admin", "email": "x@example.com", "is_staff": True,
                                         "email_verified": False, "headline": "ok"}, format="json")
    assert response.status_code == 200
    student.refresh_from_db()
    assert (student.role, student.is_staff, student.email_verified) == ("student", False, True)
    assert student.email != "x@example.com"


def test_tutor_sets_subjects_rate_and_experience(tutor_client, tutor):
    SubjectFactory(slug="mathematics", name="Mathematics")
    SubjectFactory(slug="physics", name="Physics")
    response = tutor_client.patch(ME, {"tutor_profile": {"subject_slugs": ["physics", "mathematics"],
                                                         "hourly_rate": 350000, "currency": "PKR",
                                                         "experience_years": 9}}, format="json")
    assert response.status_code == 200, response.content
    profile = response.json()["tutor_profile"]
    assert [s["slug"] for s in profile["subjects"]] == ["mathematics", "physics"]
    assert (profile["hourly_rate"], profile["experience_years"]) == (350000, 9)


@pytest.mark.parametrize(("tutor_profile", "field"), [
    ({"hourly_rate": -1}, "tutor_profile.hourly_rate"),
    ({"hourly_rate": 10**12}, "tutor_profile.hourly_rate"),
    ({"currency": "EUR"}, "tutor_profile.currency"),
    ({"experience_years": 200}, "tutor_profile.experience_years"),
    ({"subject_slugs": ["astrology"]}, "tutor_profile.subject_slugs"),
])
def test_bad_tutor_fields_are_refused(tutor_client, tutor, tutor_profile, field):
    response = tutor_client.patch(ME, {"tutor_profile": tutor_profile}, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    tutor.tutor_profile.refresh_from_db()
    assert tutor.tutor_profile.hourly_rate == 200000


def test_avatar_upload_is_reencoded_and_served(student_client, student, settings):
    upload = SimpleUploadedFile("me.png", image_bytes("PNG"), content_type="image/png")
    response = student_client.post(AVATAR, {"avatar": upload}, format="multipart")
    assert response.status_code == 200, response.content
    url = response.json()["avatar_url"]
    assert url.startswith("/media/avatars/") and url.endswith(".webp")
    stored = Path(settings.MEDIA_ROOT) / url.removeprefix("/media/")
    with Image.open(stored) as image:
        assert image.format == "WEBP" and max(image.size) == 512
    served = student_client.get(url)
    assert served.status_code == 200

    removed = student_client.delete(AVATAR)
    assert removed.status_code == 200 and removed.json()["avatar_url"] is None


def test_replacing_an_avatar_deletes_the_old_file(student_client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = student_client.post(AVATAR, {"avatar": SimpleUploadedFile("a.jpg", image_bytes("JPEG"))},
                                    format="multipart").json()["avatar_url"]
    with django_capture_on_commit_callbacks(execute=True):
        student_client.post(AVATAR, {"avatar": SimpleUploadedFile("b.webp", image_bytes("WEBP"))},
                            format="multipart")
    assert not (Path(settings.MEDIA_ROOT) / first.removeprefix("/media/")).exists()


@pytest.mark.parametrize(("name", "content", "status", "code"), [
    ("me.png", b"", 400, "invalid_image"),
    ("me.png", b"MZ\x90\x00 this is really an executable", 400, "invalid_image"),
    ("me.jpg", image_bytes("PNG"), 400, "extension_mismatch"),
    ("me.png.exe", image_bytes("PNG"), 400, "extension_mismatch"),
    ("me.gif", image_bytes("GIF"), 400, "invalid_image"),
])
def test_bad_avatars_are_refused(student_client, student, name, content, status, code):
    response = student_client.post(AVATAR, {"avatar": SimpleUploadedFile(name, content)}, format="multipart")
    assert response.status_code == status, response.content
    assert response.json()["error"]["code"] == code
    student.refresh_from_db()
    assert not student.avatar


def test_oversized_avatar_is_refused(student_client, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 10_000
    big = image_bytes("PNG", (2000, 2000)) + b"\0" * 20_000
    response = student_client.post(AVATAR, {"avatar": SimpleUploadedFile("big.png", big)}, format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "file_too_large"


def test_avatar_upload_without_a_file_gets_a_field_error(student_client):
    response = student_client.post(AVATAR, {}, format="multipart")
    assert response.status_code == 400 and "avatar" in response.json()["error"]["fields"]
