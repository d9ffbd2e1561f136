"""Quizzes: questions a tutor writes, and the attempts students make at them.

Correct answers live on the question and leave the server only for the course's tutors, or for a
student once their attempt is submitted. An attempt keeps what the student answered and, once
graded, the per-question results, so later edits to a question never rewrite an earlier score.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from ustad.core.models import BaseModel
from ustad.courses.models.course import Course, Lesson

QUIZ_TIME_LIMIT_MIN_SECONDS = 60
QUIZ_TIME_LIMIT_MAX_SECONDS = 6 * 60 * 60
QUIZ_MAX_ATTEMPTS = 20
QUESTION_MAX_POINTS = 100


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple choice"
    TRUE_FALSE = "true_false", "True or false"
    SHORT = "short", "Short answer"


class QuizAttemptStatus(models.TextChoices):
    """Derived for the API (an attempt is open until it has `submitted_at`); not stored."""

    OPEN = "open", "In progress"
    SUBMITTED = "submitted", "Submitted"


class Quiz(BaseModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="quizzes")
    lesson = models.OneToOneField(Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="quiz",
                                  help_text="The syllabus lesson (of kind quiz) that opens this quiz.")
    title = models.CharField(max_length=160)
    instructions = models.TextField(max_length=10_000, blank=True)
    time_limit_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text="Empty for no time limit.",
        validators=[MinValueValidator(QUIZ_TIME_LIMIT_MIN_SECONDS), MaxValueValidator(QUIZ_TIME_LIMIT_MAX_SECONDS)])
    attempts_allowed = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(QUIZ_MAX_ATTEMPTS)])
    passing_score_percent = models.PositiveSmallIntegerField(
        default=60, validators=[MinValueValidator(0), MaxValueValidator(100)])
    required_for_certificate = models.BooleanField(default=False)
    is_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "quizzes"
        constraints = [
            models.CheckConstraint(
                condition=Q(time_limit_seconds__isnull=True)
                | Q(time_limit_seconds__gte=QUIZ_TIME_LIMIT_MIN_SECONDS,
                    time_limit_seconds__lte=QUIZ_TIME_LIMIT_MAX_SECONDS),
                name="courses_quiz_time_limit_range"),
            models.CheckConstraint(condition=Q(attempts_allowed__gte=1, attempts_allowed__lte=QUIZ_MAX_ATTEMPTS),
                                   name="courses_quiz_attempts_range"),
            models.CheckConstraint(condition=Q(passing_score_percent__lte=100), name="courses_quiz_passing_range"),
        ]

    def __str__(self) -> str:
        return self.title


class Question(BaseModel):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=16, choices=QuestionKind.choices)
    prompt = models.TextField(max_length=5000)
    position = models.PositiveIntegerField(default=0)
    points = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(QUESTION_MAX_POINTS)])
    choices = models.JSONField(default=list, blank=True, help_text='[{"id": "a", "text": "…"}] for choice kinds.')
    correct_choice_ids = models.JSONField(default=list, blank=True)
    accepted_answers = models.JSONField(default=list, blank=True, help_text="Short answers that count as right.")

    class Meta:
        ordering = ["position", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=QuestionKind.values), name="courses_question_kind_known"),
            models.CheckConstraint(condition=Q(points__gte=1, points__lte=QUESTION_MAX_POINTS),
                                   name="courses_question_points_range"),
        ]

    def __str__(self) -> str:
        return self.prompt[:60]


class QuizAttempt(BaseModel):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField(help_text="1 for the student's first attempt at this quiz, and so on.")
    started_at = models.DateTimeField()
    deadline_at = models.DateTimeField(null=True, blank=True, help_text="Empty when the quiz has no time limit.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True,
                               help_text='{question_id: {"choice_ids": [...]} or {"text": "..."}}')
    results = models.JSONField(default=list, blank=True, help_text="Per-question results, written when graded.")
    score_points = models.PositiveIntegerField(default=0)
    max_points = models.PositiveIntegerField(default=0)
    score_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    passed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["quiz", "student"], name="courses_attempt_quiz_student")]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "student", "number"], name="courses_attempt_number_once"),
            models.UniqueConstraint(fields=["quiz", "student"], condition=Q(submitted_at__isnull=True),
                                    name="courses_attempt_one_open"),
            models.CheckConstraint(condition=Q(number__gte=1), name="courses_attempt_number_positive"),
            models.CheckConstraint(condition=Q(deadline_at__isnull=True) | Q(deadline_at__gt=F("started_at")),
                                   name="courses_attempt_deadline_after_start"),
            models.CheckConstraint(condition=Q(score_points__lte=F("max_points")),
                                   name="courses_attempt_score_within_max"),
            models.CheckConstraint(condition=Q(score_percent__gte=0, score_percent__lte=100),
                                   name="courses_attempt_percent_range"),
            models.CheckConstraint(condition=Q(passed=False) | Q(submitted_at__isnull=False),
                                   name="courses_attempt_passed_once_submitted"),
        ]

    def __str__(self) -> str:
        return f"{self.student} on {self.quiz} (#{self.number})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None
