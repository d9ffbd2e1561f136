"""Assignments: setting them, handing work in (late rules), grading with a rubric, returning, CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from ustad.courses.models import Assignment, Submission
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.users.tests.factories import StudentFactory, TutorFactory

RUBRIC = [{"id": "method", "title": "Method", "points": 6}, {"id": "answer", "title": "Answer", "points": 4}]


@pytest.fixture
def course(tutor):
    return course_with_lessons(owner=tutor)


@pytest.fixture
def enrolled(student, course):
    EnrollmentFactory(student=student, course=course)
    return student


def make_assignment(course, **fields) -> Assignment:
    defaults = {"title": "Problem set 1", "points": 10, "due_at": timezone.now() + timedelta(days=3)}
    return Assignment.objects.create(course=course, **{**defaults, **fields})


def test_tutor_sets_an_assignment_in_their_time_zone(tutor, tutor_client, course):
    tutor.timezone = "Asia/Karachi"
    tutor.save()
    due = (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT17:00:00")
    response = tutor_client.post(f"/api/v1/courses/{course.slug}/assignments", {
        "title": "Newton's laws", "instructions": "Solve **all** problems.", "due_at": due, "points": 10,
        "late_policy": "penalty", "late_penalty_percent": 20, "allowed_file_kinds": ["pdf", "image"],
        "rubric": RUBRIC}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["due_at"].endswith("12:00:00Z")  # 17:00 in Karachi is 12:00 UTC
    assert "<strong>all</strong>" in body["instructions_html"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"due_at": "2020-01-01T10:00:00Z"}, "due_at"),
    ({"due_at": "0001-01-01T00:00:00"}, "due_at"),  # read in Karachi's zone, year 1 would overflow
    ({"due_at": "9999-12-31T23:59:59"}, "due_at"),
    ({"points": 0}, "points"),
    ({"rubric": [{"id": "a", "title": "A", "points": 3}]}, "rubric"),  # 3 ≠ 10
    ({"rubric": [{"id": "a", "title": "A", "points": 5}, {"id": "a", "title": "B", "points": 5}]}, "rubric"),
    ({"allowed_file_kinds": ["exe"]}, "allowed_file_kinds.0"),
    ({"late_penalty_percent": 150}, "late_penalty_percent"),
])
def test_bad_assignments_are_refused(tutor, tutor_client, course, payload, field):
    tutor.timezone = "Asia/Karachi"
    tutor.save()
    response = tutor_client.post(f"/api/v1/courses/{course.slug}/assignments",
                                 {"title": "X", "points": 10, **payload}, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert not Assignment.objects.exists()


def test_students_submit_and_resubmit_until_the_deadline(enrolled, student_client, course):
    assignment = make_assignment(course)
    url = f"/api/v1/assignments/{assignment.id}/submission"
    assert student_client.post(url, {"text": ""}, format="json").status_code == 400  # nothing handed in
    first = student_client.post(url, {"text": "F = ma, so a = 2 m/s²"}, format="json")
    assert first.status_code == 200 and first.json()["attempt"] == 1 and first.json()["is_late"] is False
    second = student_client.post(url, {"text": "Corrected: a = 3 m/s²"}, format="json")
    assert second.json()["attempt"] == 2
    assert Submission.objects.get().text == "Corrected: a = 3 m/s²"


def test_late_work_follows_the_policy(enrolled, student_client, course):
    rejecting = make_assignment(course, late_policy="reject")
    Assignment.objects.filter(id=rejecting.id).update(due_at=timezone.now() - timedelta(hours=1))
    refused = student_client.post(f"/api/v1/assignments/{rejecting.id}/submission", {"text": "sorry"}, format="json")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "past_due"
    assert not Submission.objects.exists()

    accepting = make_assignment(course, late_policy="penalty", late_penalty_percent=20)
    Assignment.objects.filter(id=accepting.id).update(due_at=timezone.now() - timedelta(hours=1))
    late = student_client.post(f"/api/v1/assignments/{accepting.id}/submission", {"text": "late"}, format="json")
    assert late.status_code == 200 and late.json()["is_late"] is True
    again = student_client.post(f"/api/v1/assignments/{accepting.id}/submission", {"text": "x"}, format="json")
    assert again.status_code == 409  # after the deadline, handed-in work stays as it is


def test_grading_with_a_rubric_and_returning(tutor, tutor_client, enrolled, student_client, course):
    assignment = make_assignment(course, rubric=RUBRIC, late_policy="penalty", late_penalty_percent=50)
    submission_id = student_client.post(f"/api/v1/assignments/{assignment.id}/submission", {"text": "work"},
                                        format="json").json()["id"]
    Submission.objects.filter(id=submission_id).update(is_late=True)
    bad = tutor_client.post(f"/api/v1/submissions/{submission_id}/grade",
                            {"rubric_scores": {"method": 7}}, format="json")
    assert bad.status_code == 400 and "rubric_scores" in bad.json()["error"]["fields"]
    assert tutor_client.post(f"/api/v1/submissions/{submission_id}/grade", {"score": 11}, format="json") \
        .status_code == 400
    graded = tutor_client.post(f"/api/v1/submissions/{submission_id}/grade",
                               {"rubric_scores": {"method": 5, "answer": 3}, "feedback": "Good method"},
                               format="json").json()
    assert graded["score"] == "8.00" and graded["final_score"] == "4.00"  # late: half off

    mine = student_client.get(f"/api/v1/assignments/{assignment.id}/submission").json()
    assert mine["score"] is None and mine["feedback"] == ""  # not returned yet
    assert tutor_client.post(f"/api/v1/submissions/{submission_id}/return").status_code == 200
    mine = student_client.get(f"/api/v1/assignments/{assignment.id}/submission").json()
    assert (mine["status"], mine["final_score"], mine["feedback"]) == ("returned", "4.00", "Good method")


def test_nobody_else_sees_or_grades_a_submission(enrolled, student_client, course):
    assignment = make_assignment(course)
    submission_id = student_client.post(f"/api/v1/assignments/{assignment.id}/submission", {"text": "mine"},
                                        format="json").json()["id"]
    classmate = StudentFactory()
    EnrollmentFactory(student=classmate, course=course)
    other_student, other_tutor = client_for(classmate), client_for(TutorFactory())
    for client in (other_student, other_tutor):
        assert client.get(f"/api/v1/submissions/{submission_id}").status_code == 404
        assert client.post(f"/api/v1/submissions/{submission_id}/grade", {"score": 10}, format="json") \
            .status_code == 404
    assert other_student.get(f"/api/v1/assignments/{assignment.id}/submissions").status_code == 403
    assert other_tutor.get(f"/api/v1/assignments/{assignment.id}").status_code == 404
    assert client_for(StudentFactory()).post(f"/api/v1/assignments/{assignment.id}/submission",
                                             {"text": "not enrolled"}, format="json").status_code == 404
    assert Submission.objects.get().score is None


def test_grades_export_as_csv(tutor_client, enrolled, student_client, course):
    first = make_assignment(course, title="Set 1")
    make_assignment(course, title="Set 2", due_at=timezone.now() + timedelta(days=9))
    submission_id = student_client.post(f"/api/v1/assignments/{first.id}/submission", {"text": "x"},
                                        format="json").json()["id"]
    tutor_client.post(f"/api/v1/submissions/{submission_id}/grade", {"score": 9}, format="json")
    response = tutor_client.get(f"/api/v1/courses/{course.slug}/grades.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Student", "E-mail", "Set 1 (/10)", "Set 2 (/10)", "Total"]
    assert rows[1][1:] == [enrolled.email, "9.00", "", "9.00"]
    assert student_client.get(f"/api/v1/courses/{course.slug}/grades.csv").status_code == 403


def test_csv_neutralises_formulas_in_names(tutor_client, course):
    EnrollmentFactory(student=StudentFactory(first_name="=HYPERLINK(\"x\")", last_name=""), course=course)
    rows = list(csv.reader(io.StringIO(tutor_client.get(f"/api/v1/courses/{course.slug}/grades.csv")
                                       .content.decode())))
    assert rows[1][0].startswith("'=")


def test_submission_list_query_count_is_bounded(tutor_client, course, django_assert_max_num_queries):
    assignment = make_assignment(course)
    for _ in range(8):
        student = StudentFactory()
        EnrollmentFactory(student=student, course=course)
        Submission.objects.create(assignment=assignment, student=student, text="x", submitted_at=timezone.now())
    with django_assert_max_num_queries(8):
        response = tutor_client.get(f"/api/v1/assignments/{assignment.id}/submissions")
    assert response.json()["count"] == 8


def upload(client, name: str, data: bytes, kind: str) -> str:
    """Send a file through the resumable upload API in one chunk and return the completed upload's id."""
    created = client.post("/api/v1/uploads", {"filename": name, "size": len(data), "kind": kind}, format="json")
    assert created.status_code == 201, created.content
    upload_id = created.json()["id"]
    sent = client.generic("PUT", f"/api/v1/uploads/{upload_id}", data, content_type="application/offset+octet-stream",
                          HTTP_CONTENT_RANGE=f"bytes 0-{len(data) - 1}/{len(data)}")
    assert sent.status_code in (200, 204), sent.content
    done = client.post(f"/api/v1/uploads/{upload_id}/complete")
    assert done.status_code == 200, done.content
    return upload_id


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_files_are_attached_by_content_and_downloaded_through_signed_links(enrolled, student_client, tutor_client,
                                                                            course):
    assignment = make_assignment(course, allowed_file_kinds=["pdf"])
    pdf_id = upload(student_client, "answers.pdf", PDF, "pdf")
    response = student_client.post(f"/api/v1/assignments/{assignment.id}/submission",
                                   {"text": "", "upload_ids": [pdf_id]}, format="json")
    assert response.status_code == 200, response.content
    [file] = response.json()["files"]
    assert file["original_name"] == "answers.pdf"
    link = tutor_client.get(f"/api/v1/submission-files/{file['id']}/download").json()["url"]
    assert client_for(StudentFactory()).get(f"/api/v1/submission-files/{file['id']}/download").status_code == 404
    downloaded = tutor_client.get(link)
    assert downloaded.status_code == 200
    assert b"".join(downloaded) == PDF

    text_id = upload(student_client, "notes.txt", b"plain text", "text")
    refused = student_client.post(f"/api/v1/assignments/{assignment.id}/submission",
                                  {"upload_ids": [text_id]}, format="json")
    assert refused.status_code == 415  # the assignment takes PDFs only
    assert Submission.objects.get().files.count() == 1  # nothing changed


def test_a_refused_hand_in_leaves_its_uploads_free_to_send_again(enrolled, student_client, course):
    assignment = make_assignment(course, allowed_file_kinds=["pdf"], max_files=1)
    first, second = upload(student_client, "a.pdf", PDF, "pdf"), upload(student_client, "b.pdf", PDF, "pdf")
    refused = student_client.post(f"/api/v1/assignments/{assignment.id}/submission",
                                  {"upload_ids": [first, second]}, format="json")
    assert refused.status_code == 400 and "files" in refused.json()["error"]["fields"]  # one file at most
    accepted = student_client.post(f"/api/v1/assignments/{assignment.id}/submission",
                                   {"upload_ids": [first]}, format="json")
    assert accepted.status_code == 200, accepted.content  # not "upload_claimed"
    assert [file["original_name"] for file in accepted.json()["files"]] == ["a.pdf"]


def test_tutor_links_a_lesson_later_and_sees_counts_and_filters(tutor_client, course, enrolled, student_client):
    from ustad.courses.models import Lesson, LessonKind

    lesson = Lesson.objects.filter(course=course).order_by("position").last()
    Lesson.objects.filter(id=lesson.id).update(kind=LessonKind.ASSIGNMENT)
    assignment, other = make_assignment(course), make_assignment(course, title="Problem set 2")
    url = f"/api/v1/assignments/{assignment.id}"
    assert tutor_client.patch(url, {"lesson_id": str(lesson.id)}, format="json").json()["lesson_id"] == str(lesson.id)
    taken = tutor_client.patch(f"/api/v1/assignments/{other.id}", {"lesson_id": str(lesson.id)}, format="json")
    assert taken.status_code == 400 and "lesson_id" in taken.json()["error"]["fields"]
    assert tutor_client.patch(url, {"lesson_id": None}, format="json").json()["lesson_id"] is None

    student_client.post(f"{url}/submission", {"text": "My answer"}, format="json")
    listed = {row["title"]: row for row in tutor_client.get(f"/api/v1/courses/{course.slug}/assignments").json()}
    assert (listed["Problem set 1"]["submission_count"], listed["Problem set 1"]["graded_count"]) == (1, 0)
    assert student_client.get(f"/api/v1/courses/{course.slug}/assignments").json()[0]["submission_count"] is None
    assert tutor_client.get(f"{url}/submissions", {"status": "graded"}).json()["count"] == 0
    assert tutor_client.get(f"{url}/submissions", {"status": "submitted"}).json()["count"] == 1
    bad = tutor_client.get(f"{url}/submissions", {"status": "lost"})
    assert bad.status_code == 400 and "status" in bad.json()["error"]["fields"]


def test_handing_in_ticks_the_assignment_lesson(enrolled, student_client, course):
    from ustad.courses.models import Lesson, LessonKind

    lesson = Lesson.objects.filter(course=course).order_by("position").last()
    Lesson.objects.filter(id=lesson.id).update(kind=LessonKind.ASSIGNMENT)
    assignment = make_assignment(course, lesson=lesson)
    assert not student_client.get(f"/api/v1/lessons/{lesson.id}").json()["progress"]["completed"]
    assert student_client.post(f"/api/v1/assignments/{assignment.id}/submission", {"text": "Done"},
                               format="json").status_code == 200
    assert student_client.get(f"/api/v1/lessons/{lesson.id}").json()["progress"]["completed"]
