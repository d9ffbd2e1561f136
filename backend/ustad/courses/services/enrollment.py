"""Enrolment, the only door into a course's content, and progress through it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.core.realtime import send_event_on_commit
from ustad.courses.models import (
    Course,
    CourseStatus,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Lesson,
    LessonProgress,
)
from ustad.courses.services.certificates import certificate_issue_if_earned
from ustad.courses.services.course_stats import course_enrollment_count_refresh
from ustad.users.models import User


@transaction.atomic
def grant_enrollment(*, student: User, course: Course, source: str) -> Enrollment:
    """Give a student access to a course. Payments call this after a verified payment; safe to repeat."""
    if source not in EnrollmentSource.values:
        raise ValueError(f"unknown enrolment source {source!r}")
    enrollment, created = Enrollment.objects.select_for_update().get_or_create(
        student=student, course=course, defaults={"source": source})
    if not created and enrollment.status != EnrollmentStatus.ACTIVE:
        enrollment.status, enrollment.source = EnrollmentStatus.ACTIVE, source
        enrollment.save(update_fields=["status", "source", "updated_at"])
        created = True
    if created:
        course_enrollment_count_refresh(course=course)
        send_event_on_commit(user_ids=[student.id], event={
            "type": "enrollment", "op": "add", "course_slug": course.slug})
    return enrollment


@transaction.atomic
def revoke_enrollment(*, student: User, course: Course) -> None:
    """Take access away (a refund, the end of a subscription). Progress is kept for a later return."""
    updated = Enrollment.objects.filter(student=student, course=course, status=EnrollmentStatus.ACTIVE).update(
        status=EnrollmentStatus.REVOKED, updated_at=timezone.now())
    if updated:
        course_enrollment_count_refresh(course=course)
        send_event_on_commit(user_ids=[student.id], event={
            "type": "enrollment", "op": "remove", "course_slug": course.slug})


def enroll_free(*, student: User, course: Course) -> tuple[Enrollment, bool]:
    """Enrol at once in a free, published course. Returns the enrolment and whether it is new."""
    if course.status != CourseStatus.PUBLISHED:
        raise ApplicationError(code="not_found", message="No course here.", status_code=404)
    if course.owner_id == student.id:
        raise ApplicationError(code="own_course", message="You teach this course.", status_code=400)
    existing = Enrollment.objects.filter(student=student, course=course, status=EnrollmentStatus.ACTIVE).first()
    if existing:
        return existing, False
    if not course.is_free:
        raise ApplicationError(code="payment_required", status_code=402,
                               message="This course is paid: buy it to enrol.")
    return grant_enrollment(student=student, course=course, source=EnrollmentSource.FREE), True


@transaction.atomic
def lesson_progress_record(*, enrollment: Enrollment, lesson: Lesson, position_seconds: int | None,
                           completed: bool | None) -> LessonProgress:
    progress, _ = LessonProgress.objects.select_for_update().get_or_create(enrollment=enrollment, lesson=lesson)
    if position_seconds is not None:
        progress.position_seconds = min(position_seconds, max(lesson.duration_seconds, position_seconds))
    if completed is not None:
        progress.completed_at = (progress.completed_at or timezone.now()) if completed else None
    progress.save()
    enrollment = Enrollment.objects.select_for_update().get(id=enrollment.id)
    enrollment.completed_lessons = LessonProgress.objects.filter(
        enrollment=enrollment, completed_at__isnull=False, lesson__course_id=enrollment.course_id).count()
    enrollment.last_lesson = lesson
    total = Lesson.objects.filter(course_id=enrollment.course_id).count()
    enrollment.completed_at = (enrollment.completed_at or timezone.now()) \
        if total and enrollment.completed_lessons >= total else None
    enrollment.save(update_fields=["completed_lessons", "last_lesson", "completed_at", "updated_at"])
    if enrollment.completed_at:
        certificate_issue_if_earned(enrollment=enrollment)
    return progress
