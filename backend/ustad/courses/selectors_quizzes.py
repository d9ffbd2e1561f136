"""Reads for quizzes and attempts. "Missing" and "not yours" give the same not-found error."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum

from ustad.core.errors import ApplicationError
from ustad.courses import permissions
from ustad.courses.models import Course, Enrollment, Question, Quiz, QuizAttempt


def _missing(what: str) -> ApplicationError:
    return ApplicationError(code="not_found", message=f"No {what} here.", status_code=404)


def _with_totals(quizzes: QuerySet[Quiz]) -> QuerySet[Quiz]:
    return quizzes.select_related("course").annotate(question_count=Count("questions"),
                                                     total_points=Sum("questions__points"))


def quiz_course_get_for_user(*, slug: str, user: Any) -> Course:
    """The course behind a quiz list, without the syllabus a course page loads."""
    course = Course.objects.filter(slug=slug).first()
    if course is None or not permissions.can_see_course(user, course):
        raise _missing("course")
    return course


def quiz_list_for_course(*, course: Course, editor: bool) -> QuerySet[Quiz]:
    quizzes = _with_totals(Quiz.objects.filter(course=course)).order_by("created_at")
    return quizzes if editor else quizzes.filter(is_published=True)


@dataclass(frozen=True)
class QuizAccess:
    quiz: Quiz
    editor: bool
    enrollment: Enrollment | None


def quiz_get_for_user(*, quiz_id: Any, user: Any) -> QuizAccess:
    """A quiz its course's tutors may open, or its enrolled students once published (403 `not_enrolled`
    for other people who can see the course; 404 when the course or an unpublished quiz is hidden)."""
    quiz = _with_totals(Quiz.objects.filter(id=quiz_id)).first() if user.is_authenticated else None
    if quiz is None or not permissions.can_see_course(user, quiz.course):
        raise _missing("quiz")
    editor = permissions.can_edit_course(user, quiz.course)
    if not editor and not quiz.is_published:
        raise _missing("quiz")
    enrollment = permissions.active_enrollment(user, quiz.course)
    if not editor and enrollment is None:
        raise ApplicationError(code="not_enrolled", message="Enrol in this course to take its quizzes.",
                               status_code=403)
    return QuizAccess(quiz=quiz, editor=editor, enrollment=enrollment)


def quiz_get_for_editor(*, quiz_id: Any, user: Any) -> Quiz:
    quiz = _with_totals(Quiz.objects.filter(id=quiz_id)).first() if user.is_authenticated else None
    if quiz is None or not permissions.can_edit_course(user, quiz.course):
        raise _missing("quiz")
    return quiz


def question_get_for_editor(*, question_id: Any, user: Any) -> Question:
    question = Question.objects.select_related("quiz", "quiz__course").filter(id=question_id).first()
    if question is None or not user.is_authenticated or not permissions.can_edit_course(user, question.quiz.course):
        raise _missing("question")
    return question


def quiz_questions(*, quiz: Quiz) -> list[Question]:
    return list(Question.objects.filter(quiz=quiz).order_by("position", "created_at"))


@dataclass(frozen=True)
class AttemptAccess:
    attempt: QuizAttempt
    editor: bool


def quiz_attempt_get_for_user(*, attempt_id: Any, user: Any) -> AttemptAccess:
    """An attempt for the student who made it and for the course's tutors."""
    attempt = (QuizAttempt.objects.select_related("quiz", "quiz__course", "student").filter(id=attempt_id).first()
               if user.is_authenticated else None)
    if attempt is None:
        raise _missing("attempt")
    if attempt.student_id == user.id:
        return AttemptAccess(attempt=attempt, editor=False)
    if permissions.can_edit_course(user, attempt.quiz.course):
        return AttemptAccess(attempt=attempt, editor=True)
    raise _missing("attempt")


def quiz_attempt_list(*, quiz: Quiz, student: Any = None) -> QuerySet[QuizAttempt]:
    """Attempts at a quiz, newest first: one student's, or everyone's (for its tutors)."""
    attempts = QuizAttempt.objects.filter(quiz=quiz).select_related("student").order_by("-started_at")
    return attempts if student is None else attempts.filter(student=student)


@dataclass(frozen=True)
class QuizStanding:
    """How a student stands on one quiz, for the quiz list and page."""

    attempts_used: int
    attempts_left: int
    best_score_percent: Decimal | None
    passed: bool
    open_attempt_id: Any


def quiz_standings(*, student: Any, quizzes: list[Quiz]) -> dict[Any, QuizStanding]:
    """One query for any number of quizzes."""
    rows = QuizAttempt.objects.filter(student=student, quiz__in=quizzes).values_list(
        "quiz_id", "id", "submitted_at", "score_percent", "passed")
    by_quiz: dict[Any, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_quiz.setdefault(row[0], []).append(row)
    standings = {}
    for quiz in quizzes:
        mine = by_quiz.get(quiz.id, [])
        scores = [score for _, _, submitted_at, score, _ in mine if submitted_at is not None]
        standings[quiz.id] = QuizStanding(
            attempts_used=len(mine),
            attempts_left=max(0, quiz.attempts_allowed - len(mine)),
            best_score_percent=max(scores) if scores else None,
            passed=any(passed for *_, passed in mine),
            open_attempt_id=next((attempt_id for _, attempt_id, submitted_at, *_ in mine if submitted_at is None),
                                 None),
        )
    return standings
