"""Reads for assignments and submissions, with the same not-found answer for "missing" and "not yours"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from ustad.core.errors import ApplicationError
from ustad.courses import permissions
from ustad.courses.models import Assignment, Course, Submission


@dataclass(frozen=True)
class AssignmentAccess:
    assignment: Assignment
    editor: bool


def _missing(what: str) -> ApplicationError:
    return ApplicationError(code="not_found", message=f"No {what} here.", status_code=404)


def assignment_get_for_user(*, user: Any, assignment_id: Any) -> AssignmentAccess:
    assignment = Assignment.objects.select_related("course").filter(id=assignment_id).first()
    if assignment is None or not user.is_authenticated:
        raise _missing("assignment")
    editor = permissions.can_edit_course(user, assignment.course)
    enrolled = permissions.active_enrollment(user, assignment.course) is not None
    if not (editor or (enrolled and assignment.is_published)):
        raise _missing("assignment")
    return AssignmentAccess(assignment=assignment, editor=editor)


def assignment_list_for_user(*, user: Any, course: Course, editor: bool) -> QuerySet[Assignment]:
    """The course's assignments; tutors get every one, with how many were handed in and how many graded."""
    assignments = Assignment.objects.filter(course=course).select_related("course").order_by("due_at", "created_at")
    if not editor:
        return assignments.filter(is_published=True)
    return assignments.annotate(
        submission_count=Count("submissions"),
        graded_count=Count("submissions", filter=Q(submissions__score__isnull=False)),
    )


def submission_get_for_user(*, user: Any, submission_id: Any) -> tuple[Submission, bool]:
    """A submission for its student or the course's tutors; (submission, caller_is_editor)."""
    submission = (Submission.objects.select_related("assignment", "assignment__course", "student")
                  .prefetch_related("files").filter(id=submission_id).first())
    if submission is None or not user.is_authenticated:
        raise _missing("submission")
    editor = permissions.can_edit_course(user, submission.assignment.course)
    if not editor and submission.student_id != user.id:
        raise _missing("submission")
    return submission, editor


def submission_list_for_assignment(*, assignment: Assignment, status: str = "") -> QuerySet[Submission]:
    submissions = (Submission.objects.filter(assignment=assignment).select_related("student", "assignment")
                   .prefetch_related("files").order_by("student__first_name", "student__last_name", "id"))
    return submissions.filter(status=status) if status else submissions
