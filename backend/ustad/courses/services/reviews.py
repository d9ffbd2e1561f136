from __future__ import annotations

from django.db import transaction

from ustad.core.errors import ApplicationError
from ustad.courses.models import Course, Enrollment, EnrollmentStatus, Review
from ustad.courses.services.course_stats import course_rating_refresh
from ustad.users.models import User


def review_check_allowed(*, student: User, course: Course) -> None:
    if not Enrollment.objects.filter(student=student, course=course, status=EnrollmentStatus.ACTIVE).exists():
        raise ApplicationError(code="not_enrolled", message="Only students of this course can review it.",
                               status_code=403)


@transaction.atomic
def review_upsert(*, student: User, course: Course, rating: int, body: str) -> Review:
    """One review per enrolled student; writing again replaces it."""
    review_check_allowed(student=student, course=course)
    review, _ = Review.objects.update_or_create(course=course, student=student,
                                                defaults={"rating": rating, "body": body.strip()})
    review.full_clean()
    course_rating_refresh(course=course)
    return review


@transaction.atomic
def review_delete(*, student: User, course: Course) -> None:
    deleted, _ = Review.objects.filter(course=course, student=student).delete()
    if not deleted:
        raise ApplicationError(code="not_found", message="You have not reviewed this course.", status_code=404)
    course_rating_refresh(course=course)
