"""Tutors build courses: create, edit, publish, duplicate, archive, delete, syllabus; and nobody else can."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conftest import client_for
from ustad.courses.models import Course, CourseStatus, Lesson, Section
from ustad.courses.tests.factories import (
    CategoryFactory,
    CourseFactory,
    EnrollmentFactory,
    LessonFactory,
    SectionFactory,
    course_with_lessons,
)
from ustad.users.tests.factories import TutorFactory

COURSES = "/api/v1/courses"
NEW = {"title": "Python from zero", "subtitle": "Programming for everyone", "price_amount": 250000,
       "currency": "PKR", "level": "beginner", "tags": ["Python", "python", " Django "]}


def cover_file() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (10, 90, 60)).save(out, format="JPEG")
    return SimpleUploadedFile("cover.jpg", out.getvalue(), content_type="image/jpeg")


def test_a_tutor_creates_a_draft_with_a_unique_slug(tutor_client, db):
    CategoryFactory(slug="programming")
    first = tutor_client.post(COURSES, {**NEW, "category": "programming"}, format="json")
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["status"] == "draft" and body["slug"] == "python-from-zero"
    assert body["tags"] == ["python", "django"]
    assert body["viewer"]["can_edit"] is True and body["description"] == ""
    second = tutor_client.post(COURSES, NEW, format="json")
    assert second.json()["slug"] == "python-from-zero-2"


def test_students_cannot_create_courses(student_client):
    response = student_client.post(COURSES, NEW, format="json")
    assert response.status_code == 403
    assert not Course.objects.exists()


@pytest.mark.parametrize(("payload", "field"), [
    ({"price_amount": -100}, "price_amount"),
    ({"price_amount": 10**12}, "price_amount"),
    ({"currency": "EUR"}, "currency"),
    ({"title": ""}, "title"),
    ({"category": "astrology"}, "category"),
    ({"level": "wizard"}, "level"),
    ({"tags": ["x" * 40]}, "tags.0"),
])
def test_bad_course_input_is_refused(tutor_client, payload, field):
    response = tutor_client.post(COURSES, {**NEW, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Course.objects.exists()


def test_slug_collisions_on_edit_are_refused(tutor, tutor_client):
    CourseFactory(slug="taken")
    mine = CourseFactory(owner=tutor, slug="mine", status=CourseStatus.DRAFT)
    response = tutor_client.patch(f"{COURSES}/mine", {"slug": "taken"}, format="json")
    assert response.status_code == 400 and "slug" in response.json()["error"]["fields"]
    assert tutor_client.patch(f"{COURSES}/mine", {"slug": "new-home"}, format="json").json()["slug"] == "new-home"
    mine.refresh_from_db()
    assert mine.slug == "new-home"


def test_other_tutors_and_students_cannot_edit_or_see_drafts(tutor, db):
    course = CourseFactory(owner=tutor, status=CourseStatus.DRAFT, published_at=None)
    url = f"{COURSES}/{course.slug}"
    other_tutor = client_for(TutorFactory())
    assert other_tutor.get(url).status_code == 404  # a draft does not exist for them
    assert other_tutor.patch(url, {"title": "Hijacked"}, format="json").status_code == 404
    published = CourseFactory(owner=tutor)
    assert other_tutor.patch(f"{COURSES}/{published.slug}", {"title": "Hijacked"}, format="json").status_code == 403
    assert other_tutor.delete(f"{COURSES}/{published.slug}").status_code == 403
    published.refresh_from_db()
    assert published.title != "Hijacked"


def test_co_tutors_edit_but_only_the_owner_names_them_or_deletes(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    helper = TutorFactory()
    response = tutor_client.patch(f"{COURSES}/{course.slug}", {"co_tutor_ids": [str(helper.id)]}, format="json")
    assert [t["id"] for t in response.json()["co_tutors"]] == [str(helper.id)]
    helper_client = client_for(helper)
    assert helper_client.patch(f"{COURSES}/{course.slug}", {"subtitle": "Better"}, format="json").status_code == 200
    assert helper_client.patch(f"{COURSES}/{course.slug}", {"co_tutor_ids": []}, format="json").status_code == 403
    assert helper_client.delete(f"{COURSES}/{course.slug}").status_code == 403


def test_publishing_lists_what_is_missing_then_succeeds(tutor, tutor_client):
    slug = tutor_client.post(COURSES, {"title": "Tiny"}, format="json").json()["slug"]
    check = tutor_client.get(f"{COURSES}/{slug}/publish-check").json()
    assert check["ready"] is False
    assert {item["field"] for item in check["missing"]} == {"title", "description", "cover", "lessons"}
    refused = tutor_client.post(f"{COURSES}/{slug}/publish")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "course_incomplete"
    assert set(refused.json()["error"]["fields"]) == {"title", "description", "cover", "lessons"}

    tutor_client.patch(f"{COURSES}/{slug}", {"title": "Tiny but complete",
                                             "description": "A" * 60}, format="json")
    assert tutor_client.post(f"{COURSES}/{slug}/cover", {"cover": cover_file()}, format="multipart").status_code == 200
    section = tutor_client.post(f"{COURSES}/{slug}/sections", {"title": "Start"}, format="json").json()
    tutor_client.post(f"/api/v1/sections/{section['id']}/lessons", {"title": "Welcome", "kind": "article",
                                                                     "body": "Hello"}, format="json")
    published = tutor_client.post(f"{COURSES}/{slug}/publish")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert published.json()["cover_url"].endswith(".webp")


def test_a_published_course_cannot_lose_what_made_it_complete(tutor, tutor_client):
    course = course_with_lessons(owner=tutor, lessons=1)
    assert tutor_client.patch(f"{COURSES}/{course.slug}", {"description": ""}, format="json").status_code == 400
    lesson = Lesson.objects.get(course=course)
    assert tutor_client.delete(f"/api/v1/lessons/{lesson.id}").status_code == 409
    assert Lesson.objects.filter(id=lesson.id).exists()


def test_duplicate_copies_the_syllabus_without_students(tutor, tutor_client):
    course = course_with_lessons(owner=tutor, lessons=2)
    EnrollmentFactory(course=course)
    response = tutor_client.post(f"{COURSES}/{course.slug}/duplicate")
    assert response.status_code == 201
    copy = Course.objects.get(slug=response.json()["slug"])
    assert copy.status == CourseStatus.DRAFT and copy.lesson_count == 2 and copy.enrollments.count() == 0
    assert Lesson.objects.filter(course=course).count() == 2  # the original is untouched


def test_archive_hides_and_restore_brings_back(tutor, tutor_client, api_client):
    course = course_with_lessons(owner=tutor)
    assert tutor_client.post(f"{COURSES}/{course.slug}/archive").json()["status"] == "archived"
    assert api_client.get(COURSES).json()["count"] == 0
    assert tutor_client.post(f"{COURSES}/{course.slug}/restore").json()["status"] == "published"


def test_delete_refuses_when_students_are_enrolled(tutor, tutor_client):
    course = course_with_lessons(owner=tutor)
    EnrollmentFactory(course=course)
    response = tutor_client.delete(f"{COURSES}/{course.slug}")
    assert response.status_code == 409 and response.json()["error"]["code"] == "course_has_students"
    empty = CourseFactory(owner=tutor)
    assert tutor_client.delete(f"{COURSES}/{empty.slug}").status_code == 204
    assert not Course.objects.filter(id=empty.id).exists()


def test_cover_rejects_files_that_are_not_images(tutor, tutor_client):
    course = CourseFactory(owner=tutor)
    fake = SimpleUploadedFile("cover.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = tutor_client.post(f"{COURSES}/{course.slug}/cover", {"cover": fake}, format="multipart")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_image"


def test_syllabus_crud_and_drag_and_drop_reorder(tutor, tutor_client):
    course = CourseFactory(owner=tutor, status=CourseStatus.DRAFT)
    first = SectionFactory(course=course, position=0)
    second = SectionFactory(course=course, position=1)
    a = LessonFactory(section=first, position=0)
    b = LessonFactory(section=first, position=1)
    c = LessonFactory(section=second, position=0)
    order = {"sections": [{"id": str(second.id), "lessons": [str(b.id), str(c.id)]},
                          {"id": str(first.id), "lessons": [str(a.id)]}]}
    response = tutor_client.put(f"{COURSES}/{course.slug}/syllabus", order, format="json")
    assert response.status_code == 200, response.content
    sections = response.json()["sections"]
    assert [s["id"] for s in sections] == [str(second.id), str(first.id)]
    assert [lesson["id"] for lesson in sections[0]["lessons"]] == [str(b.id), str(c.id)]
    b.refresh_from_db()
    assert b.section_id == second.id

    incomplete = {"sections": [{"id": str(first.id), "lessons": [str(a.id)]}]}
    assert tutor_client.put(f"{COURSES}/{course.slug}/syllabus", incomplete, format="json").status_code == 409
    stranger = client_for(TutorFactory())
    assert stranger.put(f"{COURSES}/{course.slug}/syllabus", order, format="json").status_code == 404

    renamed = tutor_client.patch(f"/api/v1/sections/{first.id}", {"title": "Renamed"}, format="json")
    assert renamed.json()["title"] == "Renamed"
    lesson = tutor_client.post(f"/api/v1/sections/{first.id}/lessons",
                               {"title": "Live Q&A", "kind": "live"}, format="json")
    assert lesson.status_code == 400 and "live_url" in lesson.json()["error"]["fields"]
    assert tutor_client.delete(f"/api/v1/sections/{second.id}").status_code == 204
    assert not Section.objects.filter(id=second.id).exists()
    course.refresh_from_db()
    assert course.lesson_count == 1


def test_tutor_sees_students_and_their_progress(tutor, tutor_client):
    course = course_with_lessons(owner=tutor, lessons=2)
    enrollment = EnrollmentFactory(course=course, completed_lessons=1)
    [row] = tutor_client.get(f"{COURSES}/{course.slug}/students").json()["results"]
    assert row["student"]["email"] == enrollment.student.email and row["progress_percent"] == 50
    assert client_for(enrollment.student).get(f"{COURSES}/{course.slug}/students").status_code == 403


def test_teaching_lists_own_and_co_taught_courses(tutor, tutor_client):
    CourseFactory(owner=tutor, title="Mine", status=CourseStatus.DRAFT)
    shared = CourseFactory(title="Shared")
    shared.co_tutors.add(tutor)
    CourseFactory(title="Someone else's")
    titles = sorted(c["title"] for c in tutor_client.get("/api/v1/teaching/courses").json()["results"])
    assert titles == ["Mine", "Shared"]
