"""Assignments, students' submissions and their grading (Google Classroom's core)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from ustad.core.models import BaseModel
from ustad.courses.models.course import Course, Lesson


class LatePolicy(models.TextChoices):
    ACCEPT = "accept", "Accept late work"
    PENALTY = "penalty", "Accept with a penalty"
    REJECT = "reject", "Refuse late work"


SUBMISSION_FILE_KINDS = ("pdf", "document", "slides", "image", "code", "archive", "text", "video", "audio")


class Assignment(BaseModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="assignments")
    lesson = models.OneToOneField(Lesson, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="assignment")
    title = models.CharField(max_length=160)
    instructions = models.TextField(max_length=20_000, blank=True, help_text="Markdown.")
    due_at = models.DateTimeField(null=True, blank=True)
    points = models.PositiveIntegerField(default=100, validators=[MinValueValidator(1), MaxValueValidator(1000)])
    late_policy = models.CharField(max_length=16, choices=LatePolicy.choices, default=LatePolicy.ACCEPT)
    late_penalty_percent = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    allowed_file_kinds = ArrayField(models.CharField(max_length=16), default=list, blank=True, size=10)
    max_files = models.PositiveSmallIntegerField(default=5, validators=[MaxValueValidator(20)])
    rubric = models.JSONField(default=list, blank=True, help_text='[{"id", "title", "points"}]')
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ["due_at", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(points__gte=1) & Q(points__lte=1000), name="courses_assignment_points"),
            models.CheckConstraint(condition=Q(late_penalty_percent__lte=100), name="courses_assignment_penalty"),
            models.CheckConstraint(condition=Q(late_policy__in=LatePolicy.values), name="courses_assignment_policy"),
        ]

    def __str__(self) -> str:
        return self.title


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", "Handed in"
    GRADED = "graded", "Graded"
    RETURNED = "returned", "Returned"


class Submission(BaseModel):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    text = models.TextField(max_length=50_000, blank=True)
    status = models.CharField(max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED)
    submitted_at = models.DateTimeField()
    attempt = models.PositiveIntegerField(default=1)
    is_late = models.BooleanField(default=False)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    rubric_scores = models.JSONField(default=dict, blank=True)
    feedback = models.TextField(max_length=20_000, blank=True)
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    graded_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "student"], name="courses_one_submission_each"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__gte=0), name="courses_score_positive"),
            models.CheckConstraint(condition=Q(status__in=SubmissionStatus.values), name="courses_submission_status"),
        ]


class SubmissionFile(BaseModel):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    stored_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["created_at"]
