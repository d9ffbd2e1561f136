"""Assignments: set them, hand work in (again until the deadline), grade with a rubric, return."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.core.realtime import send_event_on_commit
from ustad.core.spreadsheets import csv_text
from ustad.courses.models import (
    SUBMISSION_FILE_KINDS,
    Assignment,
    Course,
    Enrollment,
    EnrollmentStatus,
    LatePolicy,
    Lesson,
    LessonKind,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)
from ustad.courses.services.enrollment import lesson_progress_record
from ustad.users.models import User

ASSIGNMENT_FIELDS = ("title", "instructions", "due_at", "points", "late_policy", "late_penalty_percent",
                     "allowed_file_kinds", "max_files", "rubric", "is_published")


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message="Check the highlighted fields.", fields={field: [message]})


def _check_rubric(rubric: list[dict[str, Any]], points: int) -> None:
    if not rubric:
        return
    ids = [criterion["id"] for criterion in rubric]
    if len(set(ids)) != len(ids):
        raise _invalid("rubric", "Each rubric criterion needs its own id.")
    total = sum(criterion["points"] for criterion in rubric)
    if total != points:
        raise _invalid("rubric", f"The rubric's points add up to {total}, but the assignment is worth {points}.")


def _apply(assignment: Assignment, data: dict[str, Any], *, creating: bool) -> None:
    due_at = data.get("due_at")
    changed = creating or due_at != assignment.due_at
    if "due_at" in data and due_at is not None and due_at <= timezone.now() and changed:
        raise _invalid("due_at", "The due date has already passed; choose a later one.")
    for field in ASSIGNMENT_FIELDS:
        if field in data:
            setattr(assignment, field, data[field])
    unknown = set(assignment.allowed_file_kinds) - set(SUBMISSION_FILE_KINDS)
    if unknown:
        raise _invalid("allowed_file_kinds", f"Unknown file kinds: {', '.join(sorted(unknown))}.")
    if assignment.late_policy != LatePolicy.PENALTY:
        assignment.late_penalty_percent = 0
    _check_rubric(assignment.rubric, assignment.points)


@transaction.atomic
def assignment_create(*, course: Course, data: dict[str, Any]) -> Assignment:
    assignment = Assignment(course=course)
    _apply(assignment, data, creating=True)
    _link_lesson(assignment, data)
    assignment.full_clean()
    assignment.save()
    return assignment


def _link_lesson(assignment: Assignment, data: dict[str, Any]) -> None:
    """Open the assignment from a syllabus lesson of kind assignment (one assignment a lesson), or unlink it."""
    if "lesson_id" not in data:
        return
    lesson_id = data["lesson_id"]
    if not lesson_id:
        assignment.lesson = None
        return
    lesson = Lesson.objects.filter(id=lesson_id, course_id=assignment.course_id, kind=LessonKind.ASSIGNMENT).first()
    taken = lesson is not None and Assignment.objects.filter(lesson=lesson).exclude(id=assignment.id).exists()
    if lesson is None or taken:
        raise _invalid("lesson_id", "Choose an assignment lesson of this course that has no assignment yet.")
    assignment.lesson = lesson


@transaction.atomic
def assignment_update(*, assignment: Assignment, data: dict[str, Any]) -> Assignment:
    assignment = Assignment.objects.select_for_update().get(id=assignment.id)
    _apply(assignment, data, creating=False)
    _link_lesson(assignment, data)
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    if assignment.submissions.exists():
        raise ApplicationError(code="assignment_has_submissions", status_code=409,
                               message="Students have handed work in; unpublish the assignment instead.")
    assignment.delete()


def _is_enrolled(student: User, course_id: Any) -> bool:
    return Enrollment.objects.filter(student=student, course_id=course_id, status=EnrollmentStatus.ACTIVE).exists()


@transaction.atomic
def submission_submit(*, assignment: Assignment, student: User, text: str,
                      files: Sequence[dict[str, Any]] | None) -> Submission:
    """Hand work in, or hand it in again before the deadline. `files` come from claimed uploads."""
    if not _is_enrolled(student, assignment.course_id) or not assignment.is_published:
        raise ApplicationError(code="not_enrolled", message="Only students of this course hand work in.",
                               status_code=403)
    now = timezone.now()
    late = assignment.due_at is not None and now > assignment.due_at
    existing = Submission.objects.select_for_update().filter(assignment=assignment, student=student).first()
    if late and assignment.late_policy == LatePolicy.REJECT:
        raise ApplicationError(code="past_due", status_code=409,
                               message="The deadline has passed and this assignment does not take late work.")
    if late and existing is not None:
        raise ApplicationError(code="past_due", status_code=409,
                               message="The deadline has passed: your handed-in work can no longer be replaced.")
    if not text.strip() and not files and not (existing and existing.files.exists() and files is None):
        raise _invalid("text", "Write an answer or attach at least one file.")
    if files is not None and len(files) > assignment.max_files:
        raise _invalid("files", f"Attach at most {assignment.max_files} files.")
    submission = existing or Submission(assignment=assignment, student=student, submitted_at=now)
    if existing:
        submission.attempt += 1
    submission.text, submission.submitted_at, submission.is_late = text.strip(), now, late
    submission.status, submission.score, submission.rubric_scores = SubmissionStatus.SUBMITTED, None, {}
    submission.graded_at = submission.returned_at = None
    submission.full_clean()
    submission.save()
    if files is not None:
        submission.files.all().delete()
        SubmissionFile.objects.bulk_create([SubmissionFile(submission=submission, **file) for file in files])
    _tick_lesson(assignment, student)
    return submission


def _tick_lesson(assignment: Assignment, student: User) -> None:
    """Handing work in completes the syllabus lesson the assignment opens from."""
    if assignment.lesson_id is None:
        return
    enrollment = Enrollment.objects.filter(student=student, course_id=assignment.course_id,
                                           status=EnrollmentStatus.ACTIVE).first()
    lesson = Lesson.objects.filter(id=assignment.lesson_id).first()
    if enrollment is not None and lesson is not None:
        lesson_progress_record(enrollment=enrollment, lesson=lesson, position_seconds=None, completed=True)


def final_score(submission: Submission) -> Decimal | None:
    """The grade after any late penalty."""
    if submission.score is None:
        return None
    assignment = submission.assignment
    if submission.is_late and assignment.late_policy == LatePolicy.PENALTY:
        return (submission.score * (100 - assignment.late_penalty_percent) / 100).quantize(Decimal("0.01"))
    return submission.score


@transaction.atomic
def submission_grade(*, submission: Submission, grader: User, score: Decimal | None,
                     rubric_scores: dict[str, Decimal] | None, feedback: str) -> Submission:
    submission = Submission.objects.select_for_update().select_related("assignment").get(id=submission.id)
    assignment = submission.assignment
    if rubric_scores:
        criteria = {criterion["id"]: criterion["points"] for criterion in assignment.rubric}
        for criterion_id, value in rubric_scores.items():
            if criterion_id not in criteria:
                raise _invalid("rubric_scores", f"“{criterion_id}” is not a criterion of this rubric.")
            if not 0 <= value <= criteria[criterion_id]:
                raise _invalid("rubric_scores", f"“{criterion_id}” takes 0 to {criteria[criterion_id]} points.")
        if score is None:
            score = sum(rubric_scores.values(), Decimal(0))
    if score is None:
        raise _invalid("score", "Give a score or fill in the rubric.")
    if not 0 <= score <= assignment.points:
        raise _invalid("score", f"The score must be between 0 and {assignment.points}.")
    submission.score, submission.rubric_scores = score, {k: str(v) for k, v in (rubric_scores or {}).items()}
    submission.feedback, submission.graded_by, submission.graded_at = feedback.strip(), grader, timezone.now()
    submission.status = SubmissionStatus.GRADED
    submission.save()
    return submission


@transaction.atomic
def submission_return(*, submission: Submission) -> Submission:
    """Give the graded work back: the student now sees the grade and feedback."""
    submission = Submission.objects.select_for_update().select_related("assignment__course").get(id=submission.id)
    if submission.score is None:
        raise ApplicationError(code="not_graded", status_code=409, message="Grade the work before returning it.")
    submission.status, submission.returned_at = SubmissionStatus.RETURNED, timezone.now()
    submission.save(update_fields=["status", "returned_at", "updated_at"])
    send_event_on_commit(user_ids=[submission.student_id], event={
        "type": "submission", "op": "returned", "assignment_id": str(submission.assignment_id),
        "course_slug": submission.assignment.course.slug})
    return submission


def grades_csv(*, course: Course) -> str:
    """One row per student, one column per assignment: the final score, or blank when not graded."""
    assignments = list(Assignment.objects.filter(course=course).order_by("due_at", "created_at"))
    enrollments = (Enrollment.objects.filter(course=course, status=EnrollmentStatus.ACTIVE)
                   .select_related("student").order_by("student__first_name", "student__last_name"))
    submissions = {(s.student_id, s.assignment_id): s for s in
                   Submission.objects.filter(assignment__course=course).select_related("assignment")}
    rows = []
    for enrollment in enrollments:
        student, total, cells = enrollment.student, Decimal(0), []
        for assignment in assignments:
            submission = submissions.get((student.id, assignment.id))
            score = final_score(submission) if submission else None
            total += score or 0
            cells.append("" if score is None else f"{score:.2f}")
        rows.append([student.full_name, student.email, *cells, f"{total:.2f}"])
    return csv_text(header=["Student", "E-mail", *[f"{a.title} (/{a.points})" for a in assignments], "Total"],
                    rows=rows)
