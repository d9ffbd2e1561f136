"""Courses and their syllabus, enrolments and progress, reviews and notes.

Money is in minor units with its currency. Counters shown on catalogue cards (rating, enrolments,
duration) are stored on the course and kept current by services, so the catalogue never aggregates.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from ustad.core.models import BaseModel
from ustad.courses.catalogue_cache import catalogue_changed
from ustad.users.models import Currency, Language

MAX_PRICE_MINOR = 100_000_000  # one million rupees or dollars


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class CourseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class Category(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class CourseQuerySet(models.QuerySet["Course"]):
    """Bulk writes to courses refresh the cached catalogue too, like `Course.save()` does."""

    def update(self, **kwargs: Any) -> int:
        rows = super().update(**kwargs)
        if rows:
            catalogue_changed()
        return rows

    def delete(self) -> tuple[int, dict[str, int]]:
        result = super().delete()
        if result[0]:
            catalogue_changed()
        return result


class Course(BaseModel):
    objects = CourseQuerySet.as_manager()

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_courses")
    co_tutors = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="co_taught_courses")
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    subtitle = models.CharField(max_length=200, blank=True)
    description = models.TextField(max_length=20_000, blank=True, help_text="Markdown; sanitised on output.")
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="courses")
    tags = ArrayField(models.CharField(max_length=32), default=list, blank=True, size=12)
    level = models.CharField(max_length=16, choices=Level.choices, default=Level.BEGINNER)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    cover = models.ImageField(upload_to="covers/", blank=True)
    price_amount = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(MAX_PRICE_MINOR)],
                                               help_text="Minor units; 0 means free.")
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.PKR)
    included_in_subscription = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=CourseStatus.choices, default=CourseStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(default=0)
    lesson_count = models.PositiveIntegerField(default=0)
    enrollment_count = models.PositiveIntegerField(default=0)
    rating_average = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    rating_count = models.PositiveIntegerField(default=0)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(price_amount__lte=MAX_PRICE_MINOR), name="courses_price_sane"),
            models.CheckConstraint(condition=Q(currency__in=Currency.values), name="courses_currency_known"),
            models.CheckConstraint(condition=Q(status__in=CourseStatus.values), name="courses_status_known"),
            models.CheckConstraint(condition=Q(level__in=Level.values), name="courses_level_known"),
            models.CheckConstraint(condition=Q(rating_average__gte=0) & Q(rating_average__lte=5),
                                   name="courses_rating_range"),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="courses_search_idx"),
            GinIndex(name="courses_title_trgm_idx", fields=["title"], opclasses=["gin_trgm_ops"]),
            # The catalogue's default order, whole, so a page is an index walk rather than a sort.
            models.Index(fields=["status", "-published_at", "-created_at", "id"], name="courses_catalogue_idx"),
            models.Index(fields=["status", "price_amount"], name="courses_price_idx"),
            models.Index(fields=["status", "-rating_average"], name="courses_rating_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        catalogue_changed()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        result = super().delete(*args, **kwargs)
        catalogue_changed()
        return result

    @property
    def is_free(self) -> bool:
        return self.price_amount == 0


class Section(BaseModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=120)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return self.title


class LessonKind(models.TextChoices):
    VIDEO = "video", "Video"
    ARTICLE = "article", "Article"
    RESOURCES = "resources", "Downloadable resources"
    QUIZ = "quiz", "Quiz"
    ASSIGNMENT = "assignment", "Assignment"
    LIVE = "live", "Live class"


class Lesson(BaseModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=LessonKind.choices, default=LessonKind.ARTICLE)
    position = models.PositiveIntegerField(default=0)
    is_preview = models.BooleanField(default=False, help_text="Free preview: visible to everyone.")
    body = models.TextField(max_length=50_000, blank=True, help_text="Markdown, for articles.")
    duration_seconds = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(24 * 3600)])
    video_name = models.CharField(max_length=255, blank=True, help_text="Private storage name of the video.")
    video_content_type = models.CharField(max_length=64, blank=True)
    live_url = models.URLField(blank=True, help_text="Link to the live class.")

    class Meta:
        ordering = ["position", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=LessonKind.values), name="courses_lesson_kind_known"),
        ]

    def __str__(self) -> str:
        return self.title


class ResourceKind(models.TextChoices):
    SLIDES = "slides", "Slides"
    CODE = "code", "Code"
    DOCUMENT = "document", "Document"
    VIDEO = "video", "Video"


class Resource(BaseModel):
    """A downloadable file of a course, optionally attached to one lesson. Always private."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="resources")
    lesson = models.ForeignKey(Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources")
    title = models.CharField(max_length=160)
    kind = models.CharField(max_length=16, choices=ResourceKind.choices, default=ResourceKind.DOCUMENT)
    stored_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class EnrollmentSource(models.TextChoices):
    FREE = "free", "Free course"
    PURCHASE = "purchase", "Purchase"
    SUBSCRIPTION = "subscription", "Subscription"
    ADMIN = "admin", "Added by staff"


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    REVOKED = "revoked", "Revoked"


class Enrollment(BaseModel):
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrollments")
    source = models.CharField(max_length=16, choices=EnrollmentSource.choices)
    status = models.CharField(max_length=16, choices=EnrollmentStatus.choices, default=EnrollmentStatus.ACTIVE)
    completed_lessons = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["student", "course"], name="courses_one_enrollment_each"),
            models.CheckConstraint(condition=Q(source__in=EnrollmentSource.values), name="courses_enrollment_source"),
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.student} in {self.course}"


class LessonProgress(BaseModel):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    position_seconds = models.PositiveIntegerField(default=0, help_text="Where the video stopped, to resume.")
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="courses_progress_once")]


class Review(BaseModel):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="reviews")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    body = models.TextField(max_length=4000, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["course", "student"], name="courses_one_review_each"),
            models.CheckConstraint(condition=Q(rating__gte=1) & Q(rating__lte=5), name="courses_rating_1_to_5"),
        ]


class Note(BaseModel):
    """A student's private note on a lesson, optionally anchored to a moment of its video."""

    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="notes")
    timestamp_seconds = models.PositiveIntegerField(null=True, blank=True)
    body = models.TextField(max_length=10_000)

    class Meta:
        ordering = ["timestamp_seconds", "created_at"]
        indexes = [models.Index(fields=["student", "lesson"])]
