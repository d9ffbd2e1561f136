"""Quizzes: tutors build them, students take them, the server grades them.

Time limits are the server's: an attempt's `deadline_at` is fixed when it starts. Answers are saved only
before the deadline; a submission is accepted up to `SUBMIT_GRACE` after it (for the network), and later
ones are refused with `time_up` while the attempt is graded from what was saved in time. An attempt left
open past its deadline is closed the same way the next time anyone touches it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses.models import (
    Course,
    Enrollment,
    EnrollmentStatus,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
)
from ustad.courses.services import quiz_grading
from ustad.courses.services.certificates import certificate_issue_if_earned
from ustad.courses.services.enrollment import lesson_progress_record
from ustad.users.models import User

SUBMIT_GRACE = timedelta(seconds=30)
QUIZ_FIELDS = ("title", "instructions", "time_limit_seconds", "attempts_allowed", "passing_score_percent",
               "required_for_certificate", "is_published")
MIN_CHOICES, MAX_CHOICES = 2, 10
MAX_ACCEPTED_ANSWERS = 20
CHOICE_TEXT_MAX = 500
ACCEPTED_ANSWER_MAX = 200
CHOICE_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
TRUE_FALSE_CHOICES = ({"id": "true", "text": "True"}, {"id": "false", "text": "False"})


def _invalid(fields: dict[str, list[str]]) -> ApplicationError:
    return ApplicationError(code="validation_error", message="Check the highlighted fields.", fields=fields)


# --- Quizzes ------------------------------------------------------------------------------------

def _quiz_lesson(*, quiz: Quiz, lesson_id: Any) -> Lesson | None:
    if lesson_id is None:
        return None
    lesson = Lesson.objects.filter(id=lesson_id, course_id=quiz.course_id).first()
    if lesson is None:
        raise _invalid({"lesson_id": ["This course has no such lesson."]})
    if lesson.kind != LessonKind.QUIZ:
        raise _invalid({"lesson_id": ["Choose a lesson of kind quiz."]})
    if Quiz.objects.filter(lesson=lesson).exclude(id=quiz.id).exists():
        raise _invalid({"lesson_id": ["Another quiz already opens from this lesson."]})
    return lesson


def _apply_quiz_fields(quiz: Quiz, data: dict[str, Any]) -> None:
    for field in QUIZ_FIELDS:
        if field in data:
            setattr(quiz, field, data[field])
    quiz.title = quiz.title.strip()
    quiz.instructions = quiz.instructions.strip()
    if "lesson_id" in data:
        quiz.lesson = _quiz_lesson(quiz=quiz, lesson_id=data["lesson_id"])


def _guard_publishable(quiz: Quiz) -> None:
    if quiz.is_published and not quiz.questions.exists():
        raise _invalid({"is_published": ["Add at least one question before publishing the quiz."]})


@transaction.atomic
def quiz_create(*, course: Course, data: dict[str, Any]) -> Quiz:
    quiz = Quiz(course=course)
    _apply_quiz_fields(quiz, data)
    if quiz.is_published:
        raise _invalid({"is_published": ["Add at least one question before publishing the quiz."]})
    quiz.full_clean()
    quiz.save()
    return quiz


@transaction.atomic
def quiz_update(*, quiz: Quiz, data: dict[str, Any]) -> Quiz:
    """Change settings; `question_ids` (optional) is the whole new order of the questions."""
    quiz = Quiz.objects.select_for_update(of=("self",)).select_related("course").get(id=quiz.id)
    _apply_quiz_fields(quiz, data)
    if "question_ids" in data:
        question_reorder(quiz=quiz, question_ids=data["question_ids"])
    _guard_publishable(quiz)
    quiz.full_clean()
    quiz.save()
    return quiz


@transaction.atomic
def quiz_delete(*, quiz: Quiz) -> None:
    if QuizAttempt.objects.filter(quiz=quiz).exists():
        raise ApplicationError(code="quiz_has_attempts", status_code=409,
                               message="Students have taken this quiz; unpublish it instead of deleting it.")
    quiz.delete()


# --- Questions ----------------------------------------------------------------------------------

def _next_question_position(quiz: Quiz) -> int:
    top = quiz.questions.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def _clean_choices(raw: list[dict[str, Any]], errors: dict[str, list[str]]) -> list[dict[str, str]]:
    """Trimmed choices with an id each: the tutor's own, or the first free letter."""
    if not MIN_CHOICES <= len(raw) <= MAX_CHOICES:
        errors["choices"] = [f"Give between {MIN_CHOICES} and {MAX_CHOICES} choices."]
    given_ids = [str(choice.get("id") or "") for choice in raw]
    free_letters = iter(letter for letter in "abcdefghijklmnopqrstuvwxyz" if letter not in given_ids)
    seen: set[str] = set()
    choices = []
    for index, (choice, choice_id) in enumerate(zip(raw, given_ids, strict=True)):
        text = str(choice.get("text") or "").strip()
        if not text:
            errors[f"choices.{index}.text"] = ["Write the text of this choice."]
        elif len(text) > CHOICE_TEXT_MAX:
            errors[f"choices.{index}.text"] = [f"Keep a choice under {CHOICE_TEXT_MAX} characters."]
        if not choice_id:
            choice_id = next(free_letters)
        elif not CHOICE_ID.match(choice_id):
            errors[f"choices.{index}.id"] = ["Use letters, digits, - or _ (up to 32) for a choice id."]
        elif choice_id in seen:
            errors[f"choices.{index}.id"] = ["Two choices have this id; each needs its own."]
        seen.add(choice_id)
        choices.append({"id": choice_id, "text": text})
    return choices


def _check_correct_choices(question: Question, errors: dict[str, list[str]]) -> None:
    correct = [str(choice_id) for choice_id in question.correct_choice_ids]
    question.correct_choice_ids = correct
    known = {choice["id"] for choice in question.choices}
    unknown = [choice_id for choice_id in correct if choice_id not in known]
    if question.kind == QuestionKind.TRUE_FALSE:
        if len(correct) != 1 or unknown:
            errors["correct_choice_ids"] = ['Say whether the statement is true or false: ["true"] or ["false"].']
    elif unknown:
        errors["correct_choice_ids"] = [f"“{unknown[0]}” is not one of the choices."]
    elif len(set(correct)) != len(correct):
        errors["correct_choice_ids"] = ["A choice is marked correct twice."]
    elif question.kind == QuestionKind.SINGLE and len(correct) != 1:
        errors["correct_choice_ids"] = ["A single-choice question has exactly one correct choice."]
    elif question.kind == QuestionKind.MULTIPLE and not correct:
        errors["correct_choice_ids"] = ["Mark at least one choice as correct."]


def _clean_accepted_answers(raw: list[Any], errors: dict[str, list[str]]) -> list[str]:
    answers: list[str] = []
    seen: set[str] = set()
    for index, answer in enumerate(raw):
        text = " ".join(str(answer).split())
        normalised = quiz_grading.normalise_short_answer(text)
        if not normalised:
            errors[f"accepted_answers.{index}"] = ["An accepted answer cannot be empty."]
        elif len(text) > ACCEPTED_ANSWER_MAX:
            errors[f"accepted_answers.{index}"] = [f"Keep an accepted answer under {ACCEPTED_ANSWER_MAX} characters."]
        elif normalised not in seen:  # "Lahore" and "lahore " are the same answer
            seen.add(normalised)
            answers.append(text)
    if not raw:
        errors["accepted_answers"] = ["Give at least one accepted answer."]
    elif len(raw) > MAX_ACCEPTED_ANSWERS:
        errors["accepted_answers"] = [f"Give at most {MAX_ACCEPTED_ANSWERS} accepted answers."]
    return answers


def _apply_question_fields(question: Question, data: dict[str, Any]) -> None:
    """Merge the given fields into the question, then check the whole question for its kind."""
    for field in ("kind", "prompt", "points", "correct_choice_ids"):
        if field in data:
            setattr(question, field, data[field])
    question.prompt = question.prompt.strip()
    errors: dict[str, list[str]] = {}
    if question.kind not in QuestionKind.values:
        raise _invalid({"kind": [f"Choose one of {', '.join(QuestionKind.values)}."]})
    if question.kind == QuestionKind.SHORT:
        question.choices, question.correct_choice_ids = [], []
        raw_answers = data.get("accepted_answers", question.accepted_answers)
        question.accepted_answers = _clean_accepted_answers(list(raw_answers), errors)
    else:
        question.accepted_answers = []
        if question.kind == QuestionKind.TRUE_FALSE:
            question.choices = [dict(choice) for choice in TRUE_FALSE_CHOICES]
        else:
            raw_choices = data.get("choices", question.choices)
            question.choices = _clean_choices(list(raw_choices), errors)
        _check_correct_choices(question, errors)
    if not question.prompt:
        errors["prompt"] = ["Write the question."]
    if errors:
        raise _invalid(errors)


@transaction.atomic
def question_create(*, quiz: Quiz, data: dict[str, Any]) -> Question:
    question = Question(quiz=quiz, position=_next_question_position(quiz))
    _apply_question_fields(question, data)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_update(*, question: Question, data: dict[str, Any]) -> Question:
    question = Question.objects.select_for_update(of=("self",)).select_related("quiz").get(id=question.id)
    _apply_question_fields(question, data)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    quiz = Quiz.objects.select_for_update().get(id=question.quiz_id)
    question.delete()
    if quiz.is_published and not quiz.questions.exists():
        raise ApplicationError(code="quiz_incomplete", status_code=409,
                               message="A published quiz needs a question; unpublish it first.")


@transaction.atomic
def question_reorder(*, quiz: Quiz, question_ids: list[Any]) -> None:
    """Apply a whole new order: every question of the quiz exactly once."""
    questions = {str(question.id): question for question in Question.objects.select_for_update().filter(quiz=quiz)}
    given = [str(question_id) for question_id in question_ids]
    if sorted(given) != sorted(questions):
        raise ApplicationError(code="questions_mismatch", status_code=409,
                               message="The questions changed meanwhile; reload the quiz and try again.")
    for position, question_id in enumerate(given):
        questions[question_id].position = position
    Question.objects.bulk_update(questions.values(), ["position"])


# --- Attempts -----------------------------------------------------------------------------------

def _questions(quiz: Quiz) -> list[Question]:
    return list(Question.objects.filter(quiz_id=quiz.id).order_by("position", "created_at"))


def _past_grace(attempt: QuizAttempt, now: Any) -> bool:
    return attempt.deadline_at is not None and now > attempt.deadline_at + SUBMIT_GRACE


def _grade_and_close(attempt: QuizAttempt, *, submitted_at: Any) -> None:
    result = quiz_grading.grade(questions=_questions(attempt.quiz), answers=attempt.answers)
    attempt.results = result.results
    attempt.score_points, attempt.max_points = result.score_points, result.max_points
    attempt.score_percent = result.score_percent
    attempt.passed = result.passed(attempt.quiz.passing_score_percent)
    attempt.submitted_at = submitted_at
    attempt.save()
    if attempt.passed and (attempt.quiz.required_for_certificate or attempt.quiz.lesson_id):
        # After commit, in its own transaction: completing locks the enrolment, which attempt starts lock first.
        student_id, course_id, lesson_id = attempt.student_id, attempt.quiz.course_id, attempt.quiz.lesson_id
        transaction.on_commit(lambda: _after_pass(student_id=student_id, course_id=course_id, lesson_id=lesson_id))


@transaction.atomic
def _after_pass(*, student_id: Any, course_id: Any, lesson_id: Any) -> None:
    """A passed quiz ticks the lesson it opens from, and may complete the course's certificate."""
    enrollment = Enrollment.objects.filter(student_id=student_id, course_id=course_id,
                                           status=EnrollmentStatus.ACTIVE).first()
    if enrollment is None:
        return
    lesson = Lesson.objects.filter(id=lesson_id, course_id=course_id).first() if lesson_id else None
    if lesson is not None:
        lesson_progress_record(enrollment=enrollment, lesson=lesson, position_seconds=None, completed=True)
    certificate_issue_if_earned(enrollment=enrollment)


def _close_if_past_grace(attempt: QuizAttempt, now: Any) -> bool:
    """Grade an abandoned attempt from the answers saved before its deadline. The caller holds its lock."""
    if attempt.submitted_at is None and _past_grace(attempt, now):
        _grade_and_close(attempt, submitted_at=attempt.deadline_at)
        return True
    return False


@transaction.atomic
def quiz_attempt_close_if_expired(*, attempt: QuizAttempt) -> QuizAttempt:
    if attempt.submitted_at is not None or not _past_grace(attempt, timezone.now()):
        return attempt
    attempt = QuizAttempt.objects.select_for_update(of=("self",)).select_related("quiz").get(id=attempt.id)
    _close_if_past_grace(attempt, timezone.now())
    return attempt


@transaction.atomic
def quiz_attempts_close_expired(*, quiz: Quiz, student: User | None = None) -> int:
    """Close every attempt at this quiz (of one student, or of all) whose time ran out unsubmitted."""
    now = timezone.now()
    expired = QuizAttempt.objects.select_for_update(of=("self",)).select_related("quiz").filter(
        quiz=quiz, submitted_at__isnull=True, deadline_at__lt=now - SUBMIT_GRACE)
    if student is not None:
        expired = expired.filter(student=student)
    return sum(_close_if_past_grace(attempt, now) for attempt in expired)


@transaction.atomic
def quiz_attempt_start(*, student: User, quiz: Quiz) -> tuple[QuizAttempt, bool]:
    """Start an attempt, or give back the one still open. Returns (attempt, started_now)."""
    # The enrolment row serialises one student's starts, so two clicks cannot open two attempts.
    enrollment = Enrollment.objects.select_for_update().filter(
        student=student, course_id=quiz.course_id, status=EnrollmentStatus.ACTIVE).first()
    if enrollment is None:
        raise ApplicationError(code="not_enrolled", message="Enrol in this course to take its quizzes.",
                               status_code=403)
    if not quiz.is_published:
        raise ApplicationError(code="not_found", message="No quiz here.", status_code=404)
    now = timezone.now()
    attempts = QuizAttempt.objects.filter(quiz=quiz, student=student)
    open_attempt = (attempts.select_for_update(of=("self",)).select_related("quiz")
                    .filter(submitted_at__isnull=True).first())
    if open_attempt is not None and not _close_if_past_grace(open_attempt, now):
        return open_attempt, False
    used = attempts.aggregate(top=Max("number"))["top"] or 0
    if used >= quiz.attempts_allowed:
        raise ApplicationError(code="attempts_exhausted", status_code=409,
                               message=f"You have used all {quiz.attempts_allowed} attempts at this quiz.")
    limit = quiz.time_limit_seconds
    attempt = QuizAttempt(quiz=quiz, student=student, number=used + 1, started_at=now,
                          deadline_at=now + timedelta(seconds=limit) if limit else None)
    attempt.full_clean()
    attempt.save()
    return attempt, True


def _lock_for_answering(attempt: QuizAttempt, student: User) -> QuizAttempt:
    attempt = QuizAttempt.objects.select_for_update(of=("self",)).select_related("quiz").get(id=attempt.id)
    if attempt.student_id != student.id:
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="Only the student taking this attempt can answer it.")
    if attempt.submitted_at is not None:
        raise ApplicationError(code="attempt_submitted", status_code=409,
                               message="This attempt has been submitted; its answers can no longer change.")
    return attempt


def _time_up(message: str) -> ApplicationError:
    return ApplicationError(code="time_up", status_code=409, message=message)


@transaction.atomic
def quiz_attempt_save_answers(*, attempt: QuizAttempt, student: User, answers: list[dict[str, Any]]) -> QuizAttempt:
    """Save progress: the given answers replace those to the same questions (empty ones clear them)."""
    attempt = _lock_for_answering(attempt, student)
    if attempt.deadline_at is not None and timezone.now() > attempt.deadline_at:
        raise _time_up("Time is up: answers can no longer be saved. Submit to be graded on those saved.")
    cleaned = quiz_grading.answers_clean(questions=_questions(attempt.quiz), items=answers)
    attempt.answers = quiz_grading.answers_merge(attempt.answers, cleaned)
    attempt.save(update_fields=["answers", "updated_at"])
    return attempt


def quiz_attempt_submit(*, attempt: QuizAttempt, student: User, answers: list[dict[str, Any]] | None) -> QuizAttempt:
    """Grade and close the attempt, with `answers` (if any) merged into the saved ones first.

    Past the deadline and its grace the given answers are refused (`time_up`), but the attempt is still
    graded from the answers saved in time, and that is committed before the error is raised.
    """
    with transaction.atomic():
        attempt = _lock_for_answering(attempt, student)
        now = timezone.now()
        late = _past_grace(attempt, now)
        if late:
            _grade_and_close(attempt, submitted_at=attempt.deadline_at)
        else:
            if answers:
                cleaned = quiz_grading.answers_clean(questions=_questions(attempt.quiz), items=answers)
                attempt.answers = quiz_grading.answers_merge(attempt.answers, cleaned)
            _grade_and_close(attempt, submitted_at=now)
    if late and answers:
        raise _time_up("Time is up: these answers came too late; the answers saved in time were graded.")
    return attempt


@transaction.atomic
def quiz_passed(*, student: User, quiz: Quiz) -> bool:
    """Whether any attempt of this student at this quiz reached the passing score."""
    quiz_attempts_close_expired(quiz=quiz, student=student)
    return QuizAttempt.objects.filter(quiz=quiz, student=student, passed=True).exists()
