"""Keep the numbers shown on course cards current: duration, lesson count, rating, enrolments, search text."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db.models import Avg, Count, Sum, Value
from django.db.models.functions import Coalesce

from ustad.courses.models import Course, Enrollment, EnrollmentStatus, Lesson, Review


def course_syllabus_stats_refresh(*, course: Course) -> None:
    totals = Lesson.objects.filter(course=course).aggregate(
        duration=Coalesce(Sum("duration_seconds"), 0), lessons=Count("id"))
    Course.objects.filter(id=course.id).update(duration_seconds=totals["duration"], lesson_count=totals["lessons"])
    course.duration_seconds, course.lesson_count = totals["duration"], totals["lessons"]


def course_rating_refresh(*, course: Course) -> None:
    totals = Review.objects.filter(course=course).aggregate(average=Avg("rating"), count=Count("id"))
    average = round(float(totals["average"] or 0), 2)
    Course.objects.filter(id=course.id).update(rating_average=average, rating_count=totals["count"])


def course_enrollment_count_refresh(*, course: Course) -> None:
    count = Enrollment.objects.filter(course=course, status=EnrollmentStatus.ACTIVE).count()
    Course.objects.filter(id=course.id).update(enrollment_count=count)


def course_search_refresh(*, course: Course) -> None:
    """Title weighs most, then subtitle and tags, then the description. 'simple' suits English and Urdu alike."""
    tags = " ".join(course.tags or [])
    Course.objects.filter(id=course.id).update(search_vector=(
        SearchVector("title", weight="A", config="simple")
        + SearchVector("subtitle", weight="B", config="simple")
        + SearchVector(Value(tags), weight="B", config="simple")
        + SearchVector("description", weight="C", config="simple")
    ))
