"""Who may do what with a course. Shared by the REST views and, later, the websocket consumers."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from ustad.courses.models import Course, CourseStatus, Enrollment, EnrollmentStatus, Lesson
from ustad.users.models import Role


def is_admin(user: Any) -> bool:
    return bool(user.is_authenticated and (user.role == Role.ADMIN or user.is_superuser))


def can_edit_course(user: Any, course: Course) -> bool:
    """Owner, co-tutors and admins edit; the owner alone deletes and names co-tutors."""
    if not user.is_authenticated:
        return False
    if is_admin(user) or course.owner_id == user.id:
        return True
    return course.co_tutors.filter(id=user.id).exists()


def is_course_owner(user: Any, course: Course) -> bool:
    return bool(user.is_authenticated and (course.owner_id == user.id or is_admin(user)))


def active_enrollment(user: Any, course: Course) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(student=user, course=course, status=EnrollmentStatus.ACTIVE).first()


def can_see_course(user: Any, course: Course) -> bool:
    if course.status == CourseStatus.PUBLISHED:
        return True
    if can_edit_course(user, course):
        return True
    # Archived courses stay open to the students who have them.
    return course.status == CourseStatus.ARCHIVED and active_enrollment(user, course) is not None


def can_open_lesson(user: Any, lesson: Lesson, *, editor: bool, enrolled: bool) -> bool:
    return editor or enrolled or (lesson.is_preview and lesson.course.status == CourseStatus.PUBLISHED)


class CanTeach(BasePermission):
    """Tutors and admins: who may create courses and see a teaching dashboard."""

    message = "Only tutors can do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        return bool(user.is_authenticated and (getattr(user, "role", None) == Role.TUTOR or is_admin(user)))
