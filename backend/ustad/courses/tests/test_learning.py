"""Students: enrolment, which lessons open, progress that resumes, private notes and reviews."""

from __future__ import annotations

import pytest

from conftest import client_for
from ustad.courses.models import CourseStatus, Enrollment, Lesson
from ustad.courses.services.enrollment import grant_enrollment, revoke_enrollment
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory

COURSES = "/api/v1/courses"


def lessons_of(course) -> list[Lesson]:
    return list(Lesson.objects.filter(course=course).order_by("position"))


def test_free_course_enrolment_is_immediate_and_idempotent(student, student_client):
    course = course_with_lessons()
    first = student_client.post(f"{COURSES}/{course.slug}/enroll")
    assert first.status_code == 201 and first.json()["course"]["slug"] == course.slug
    assert student_client.post(f"{COURSES}/{course.slug}/enroll").status_code == 200
    assert Enrollment.objects.filter(student=student, course=course).count() == 1
    course.refresh_from_db()
    assert course.enrollment_count == 1
    page = student_client.get(f"{COURSES}/{course.slug}").json()
    assert page["viewer"]["is_enrolled"] is True
    assert all(not lesson["is_locked"] for lesson in page["sections"][0]["lessons"])


def test_paid_courses_need_payment_and_drafts_do_not_exist(student_client, api_client):
    paid = course_with_lessons(price_amount=250000)
    response = student_client.post(f"{COURSES}/{paid.slug}/enroll")
    assert response.status_code == 402 and response.json()["error"]["code"] == "payment_required"
    assert not Enrollment.objects.exists()
    draft = course_with_lessons(status=CourseStatus.DRAFT)
    assert student_client.post(f"{COURSES}/{draft.slug}/enroll").status_code == 404
    assert api_client.post(f"{COURSES}/{paid.slug}/enroll").status_code == 401


def test_grant_enrollment_is_the_door_payments_use(student):
    course = course_with_lessons(price_amount=250000)
    grant_enrollment(student=student, course=course, source="purchase")
    grant_enrollment(student=student, course=course, source="purchase")
    assert Enrollment.objects.get(student=student, course=course).source == "purchase"
    revoke_enrollment(student=student, course=course)
    assert client_for(student).get(f"/api/v1/lessons/{lessons_of(course)[1].id}").status_code == 403
    grant_enrollment(student=student, course=course, source="purchase")
    assert client_for(student).get(f"/api/v1/lessons/{lessons_of(course)[1].id}").status_code == 200


def test_previews_open_for_everyone_other_lessons_only_for_students(api_client, student_client):
    course = course_with_lessons(lessons=3, price_amount=100000)
    preview, locked, _ = lessons_of(course)
    assert api_client.get(f"/api/v1/lessons/{preview.id}").status_code == 200
    for client in (api_client, student_client):  # guessing the id of a paid lesson does not help
        response = client.get(f"/api/v1/lessons/{locked.id}")
        assert response.status_code == 403 and response.json()["error"]["code"] == "not_enrolled"
    page = api_client.get(f"{COURSES}/{course.slug}").json()
    assert [lesson["is_locked"] for lesson in page["sections"][0]["lessons"]] == [False, True, True]


def test_lessons_of_drafts_are_hidden_even_previews(api_client, db):
    course = course_with_lessons(status=CourseStatus.DRAFT)
    assert api_client.get(f"/api/v1/lessons/{lessons_of(course)[0].id}").status_code == 404


def test_progress_resumes_and_completes_the_course(student, student_client):
    course = course_with_lessons(lessons=2)
    EnrollmentFactory(student=student, course=course)
    first, second = lessons_of(course)
    saved = student_client.post(f"/api/v1/lessons/{first.id}/progress", {"position_seconds": 125}, format="json")
    assert saved.json() == {"position_seconds": 125, "completed": False, "course_progress_percent": 0}
    lesson = student_client.get(f"/api/v1/lessons/{first.id}").json()
    assert lesson["progress"] == {"position_seconds": 125, "completed": False}
    assert lesson["next_lesson_id"] == str(second.id) and lesson["previous_lesson_id"] is None

    student_client.post(f"/api/v1/lessons/{first.id}/progress", {"completed": True}, format="json")
    done = student_client.post(f"/api/v1/lessons/{second.id}/progress", {"completed": True}, format="json")
    assert done.json()["course_progress_percent"] == 100
    enrollment = Enrollment.objects.get(student=student, course=course)
    assert enrollment.completed_at is not None and enrollment.last_lesson_id == second.id
    mine = student_client.get("/api/v1/me/enrollments").json()["results"]
    assert mine[0]["progress_percent"] == 100

    undone = student_client.post(f"/api/v1/lessons/{second.id}/progress", {"completed": False}, format="json")
    assert undone.json()["course_progress_percent"] == 50
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None


@pytest.mark.parametrize("payload", [{"position_seconds": -1}, {"position_seconds": 10**9}, {"completed": "maybe"}])
def test_bad_progress_is_refused(student, student_client, payload):
    course = course_with_lessons()
    EnrollmentFactory(student=student, course=course)
    response = student_client.post(f"/api/v1/lessons/{lessons_of(course)[0].id}/progress", payload, format="json")
    assert response.status_code == 400


def test_progress_needs_an_enrolment_even_on_previews(student_client):
    course = course_with_lessons()
    response = student_client.post(f"/api/v1/lessons/{lessons_of(course)[0].id}/progress", {"completed": True},
                                   format="json")
    assert response.status_code == 403


def test_notes_are_private_and_anchored_to_the_video(student, student_client):
    course = course_with_lessons()
    EnrollmentFactory(student=student, course=course)
    lesson = lessons_of(course)[1]
    url = f"/api/v1/lessons/{lesson.id}/notes"
    student_client.post(url, {"body": "Later point", "timestamp_seconds": 300}, format="json")
    created = student_client.post(url, {"body": "Key formula", "timestamp_seconds": 42}, format="json")
    assert created.status_code == 201
    assert [n["timestamp_seconds"] for n in student_client.get(url).json()] == [42, 300]

    classmate = StudentFactory()
    EnrollmentFactory(student=classmate, course=course)
    other = client_for(classmate)
    assert other.get(url).json() == []
    note_url = f"/api/v1/notes/{created.json()['id']}"
    assert other.patch(note_url, {"body": "mine now"}, format="json").status_code == 404
    assert other.delete(note_url).status_code == 404
    assert student_client.patch(note_url, {"body": "Key formula: F = ma"}, format="json").json()["body"] == \
        "Key formula: F = ma"
    assert student_client.post(url, {"body": ""}, format="json").status_code == 400
    assert student_client.delete(note_url).status_code == 204
    outsider = client_for(StudentFactory())
    assert outsider.post(url, {"body": "sneaky"}, format="json").status_code == 403


def test_reviews_by_enrolled_students_once_each(student, student_client, api_client):
    course = course_with_lessons()
    url = f"{COURSES}/{course.slug}/reviews"
    assert student_client.post(url, {"rating": 5}, format="json").status_code == 403  # not enrolled
    EnrollmentFactory(student=student, course=course)
    assert student_client.post(url, {"rating": 6}, format="json").status_code == 400
    assert student_client.post(url, {"rating": 4, "body": "Clear"}, format="json").status_code == 200
    assert student_client.post(url, {"rating": 2, "body": "Changed my mind"}, format="json").status_code == 200
    other = StudentFactory()
    EnrollmentFactory(student=other, course=course)
    client_for(other).post(url, {"rating": 5}, format="json")
    course.refresh_from_db()
    assert (course.rating_count, float(course.rating_average)) == (2, 3.5)
    listed = api_client.get(url).json()
    assert listed["count"] == 2
    page = student_client.get(f"{COURSES}/{course.slug}").json()
    assert page["viewer"]["my_review"]["rating"] == 2
    assert student_client.delete(f"{url}/mine").status_code == 204
    course.refresh_from_db()
    assert course.rating_count == 1


def test_descriptions_are_sanitised(api_client, db):
    course = course_with_lessons(description="Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**")
    html = api_client.get(f"{COURSES}/{course.slug}").json()["description_html"]
    assert "<script" not in html and "javascript:" not in html and "<strong>bold</strong>" in html


def test_course_and_lesson_pages_have_bounded_queries(student, student_client, django_assert_max_num_queries):
    course = course_with_lessons(lessons=15)
    EnrollmentFactory(student=student, course=course)
    with django_assert_max_num_queries(9):
        assert student_client.get(f"{COURSES}/{course.slug}").status_code == 200
    with django_assert_max_num_queries(9):
        assert student_client.get(f"/api/v1/lessons/{lessons_of(course)[7].id}").status_code == 200
    with django_assert_max_num_queries(6):
        assert student_client.get("/api/v1/me/enrollments").status_code == 200


def test_syllabus_ticks_the_lessons_the_viewer_finished(student, student_client, api_client):
    course = course_with_lessons(lessons=3)
    EnrollmentFactory(student=student, course=course)
    _, second, _ = lessons_of(course)
    assert student_client.post(f"/api/v1/lessons/{second.id}/progress", {"completed": True},
                               format="json").status_code == 200
    page = student_client.get(f"{COURSES}/{course.slug}").json()
    assert [lesson["completed"] for lesson in page["sections"][0]["lessons"]] == [False, True, False]
    anonymous = api_client.get(f"{COURSES}/{course.slug}").json()
    assert not any(lesson["completed"] for lesson in anonymous["sections"][0]["lessons"])


def test_quiz_and_assignment_lessons_name_what_they_open(student, student_client, tutor):
    from ustad.courses.models import Assignment, LessonKind
    from ustad.courses.tests.factories import QuizFactory

    course = course_with_lessons(lessons=3, owner=tutor)
    EnrollmentFactory(student=student, course=course)
    _, quiz_lesson, task_lesson = lessons_of(course)
    Lesson.objects.filter(id=quiz_lesson.id).update(kind=LessonKind.QUIZ)
    Lesson.objects.filter(id=task_lesson.id).update(kind=LessonKind.ASSIGNMENT)
    quiz = QuizFactory(course=course, lesson=quiz_lesson, is_published=False)
    task = Assignment.objects.create(course=course, lesson=task_lesson, title="Essay")
    assert student_client.get(f"/api/v1/lessons/{quiz_lesson.id}").json()["quiz_id"] is None  # not published yet
    assert client_for(tutor).get(f"/api/v1/lessons/{quiz_lesson.id}").json()["quiz_id"] == str(quiz.id)
    quiz.is_published = True
    quiz.save()
    opened = student_client.get(f"/api/v1/lessons/{quiz_lesson.id}").json()
    assert opened["quiz_id"] == str(quiz.id) and opened["assignment_id"] is None
    assert student_client.get(f"/api/v1/lessons/{task_lesson.id}").json()["assignment_id"] == str(task.id)
