"""Course models, one module per area; import them from here."""

from ustad.courses.models.course import (
    MAX_PRICE_MINOR,
    Category,
    Course,
    CourseStatus,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Lesson,
    LessonKind,
    LessonProgress,
    Level,
    Note,
    Resource,
    ResourceKind,
    Review,
    Section,
)

__all__ = [
    "MAX_PRICE_MINOR", "Category", "Course", "CourseStatus", "Enrollment", "EnrollmentSource", "EnrollmentStatus",
    "Lesson", "LessonKind", "LessonProgress", "Level", "Note", "Resource", "ResourceKind", "Review", "Section",
]
