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
from ustad.courses.models.assignments import (
    SUBMISSION_FILE_KINDS,
    Assignment,
    LatePolicy,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)

__all__ = [
    "SUBMISSION_FILE_KINDS", "Assignment", "LatePolicy", "Submission", "SubmissionFile", "SubmissionStatus",
    "MAX_PRICE_MINOR", "Category", "Course", "CourseStatus", "Enrollment", "EnrollmentSource", "EnrollmentStatus",
    "Lesson", "LessonKind", "LessonProgress", "Level", "Note", "Resource", "ResourceKind", "Review", "Section",
]
