"""Reads shared by the courses API: the catalogue, course pages, lessons and enrolments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet

from ustad.core.errors import ApplicationError
from ustad.courses import permissions
from ustad.courses.models import (
    Course,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    Lesson,
    LessonProgress,
    Note,
    Resource,
    Section,
)

# How close a title word must be to the query to count as a typo of it (pg_trgm word similarity).
# 0.27 keeps "pyhton" → "Python" (0.29) while "pyhton" → "physics" (0.14) stays out.
TYPO_SIMILARITY = 0.27

SORTS = {
    "newest": ["-published_at", "-created_at"],
    "rating": ["-rating_average", "-rating_count", "-published_at"],
    "popular": ["-enrollment_count", "-published_at"],
    "price_asc": ["price_amount", "-published_at"],
    "price_desc": ["-price_amount", "-published_at"],
}


@dataclass(frozen=True)
class CatalogueFilters:
    search: str = ""
    category: str = ""
    level: str = ""
    language: str = ""
    price: str = ""  # "free" or "paid"
    price_min: int | None = None
    price_max: int | None = None
    rating_min: float | None = None
    sort: str = ""


def _use_typo_threshold() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(TYPO_SIMILARITY)])


def _card_queryset() -> QuerySet[Course]:
    return Course.objects.select_related("owner", "category").defer("description", "search_vector")


def course_list_for_catalogue(*, filters: CatalogueFilters) -> QuerySet[Course]:
    courses = _card_queryset().filter(status=CourseStatus.PUBLISHED)
    if filters.category:
        courses = courses.filter(category__slug=filters.category)
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.language:
        courses = courses.filter(language=filters.language)
    if filters.price == "free":
        courses = courses.filter(price_amount=0)
    elif filters.price == "paid":
        courses = courses.filter(price_amount__gt=0)
    if filters.price_min is not None:
        courses = courses.filter(price_amount__gte=filters.price_min)
    if filters.price_max is not None:
        courses = courses.filter(price_amount__lte=filters.price_max)
    if filters.rating_min is not None:
        courses = courses.filter(rating_average__gte=filters.rating_min)
    search = filters.search.strip()
    if search:
        # Full-text match on title, subtitle, tags and description, or a close spelling of a title word.
        # `title %> search` is the indexed form of word_similarity(search, title) >= threshold; the threshold
        # is a per-connection setting of pg_trgm, so it is set right before the query runs.
        _use_typo_threshold()
        query = SearchQuery(search, config="simple", search_type="websearch")
        courses = courses.annotate(
            rank=SearchRank(F("search_vector"), query),
            similarity=TrigramWordSimilarity(search, "title"),
        ).filter(Q(search_vector=query) | Q(title__trigram_word_similar=search))
        if filters.sort in ("", "relevance"):
            return courses.order_by("-rank", "-similarity", "-published_at", "id")
    return courses.order_by(*SORTS.get(filters.sort, SORTS["newest"]), "id")


def course_list_for_teaching(*, user: Any) -> QuerySet[Course]:
    mine = Q(owner=user) | Q(co_tutors=user)
    return _card_queryset().filter(mine).distinct().order_by("-updated_at")


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", message="No course here.", status_code=404)


def course_get_for_user(*, slug: str, user: Any) -> Course:
    """The course if this user may see it; the same not-found error otherwise, so drafts can't be probed."""
    course = (
        Course.objects.select_related("owner", "category")
        .prefetch_related(
            "co_tutors",
            Prefetch("sections", queryset=Section.objects.order_by("position", "created_at")),
            Prefetch("sections__lessons", queryset=Lesson.objects.order_by("position", "created_at")),
        )
        .filter(slug=slug)
        .first()
    )
    if course is None or not permissions.can_see_course(user, course):
        raise _not_found()
    return course


def course_get_for_editor(*, slug: str, user: Any) -> Course:
    course = Course.objects.select_related("owner", "category").filter(slug=slug).first()
    if course is None or not permissions.can_see_course(user, course):
        raise _not_found()
    if not permissions.can_edit_course(user, course):
        raise ApplicationError(code="permission_denied", message="Only this course's tutors can change it.",
                               status_code=403)
    return course


def lesson_get(*, lesson_id: Any) -> Lesson:
    lesson = (
        Lesson.objects.select_related("course", "course__owner", "section", "quiz", "assignment")
        .filter(id=lesson_id)
        .first()
    )
    if lesson is None:
        raise ApplicationError(code="not_found", message="No lesson here.", status_code=404)
    return lesson


@dataclass(frozen=True)
class LessonAccess:
    lesson: Lesson
    editor: bool
    enrollment: Enrollment | None


def lesson_get_for_user(*, lesson_id: Any, user: Any) -> LessonAccess:
    """The lesson with what the user may do with it; 404 when the course is hidden, 403 when locked."""
    lesson = lesson_get(lesson_id=lesson_id)
    course = lesson.course
    if not permissions.can_see_course(user, course):
        raise _not_found()
    editor = permissions.can_edit_course(user, course)
    enrollment = permissions.active_enrollment(user, course)
    if not permissions.can_open_lesson(user, lesson, editor=editor, enrolled=enrollment is not None):
        raise ApplicationError(code="not_enrolled", message="Enrol in this course to open this lesson.",
                               status_code=403)
    return LessonAccess(lesson=lesson, editor=editor, enrollment=enrollment)


def lesson_resources(*, lesson: Lesson) -> QuerySet[Resource]:
    return Resource.objects.filter(lesson=lesson).order_by("created_at")


def lesson_neighbours(*, lesson: Lesson) -> tuple[Any, Any]:
    """Ids of the previous and next lessons in syllabus order."""
    ordered = list(
        Lesson.objects.filter(course_id=lesson.course_id)
        .order_by("section__position", "section__created_at", "position", "created_at")
        .values_list("id", flat=True)
    )
    index = ordered.index(lesson.id)
    return (ordered[index - 1] if index > 0 else None, ordered[index + 1] if index + 1 < len(ordered) else None)


def progress_for(*, enrollment: Enrollment | None, lesson_ids: list[Any]) -> dict[Any, LessonProgress]:
    if enrollment is None:
        return {}
    rows = LessonProgress.objects.filter(enrollment=enrollment, lesson_id__in=lesson_ids)
    return {row.lesson_id: row for row in rows}


def completed_lesson_ids(*, enrollment: Enrollment | None) -> set[Any]:
    """Lessons this enrolment has finished, for the ticks in the syllabus."""
    if enrollment is None:
        return set()
    return set(
        LessonProgress.objects.filter(enrollment=enrollment, completed_at__isnull=False)
        .values_list("lesson_id", flat=True)
    )


def enrollment_list_for_student(*, user: Any) -> QuerySet[Enrollment]:
    return (
        Enrollment.objects.filter(student=user, status=EnrollmentStatus.ACTIVE)
        .exclude(course__status=CourseStatus.DRAFT)
        .select_related("course", "course__owner", "course__category")
        .order_by("-updated_at")
    )


def enrollment_list_for_course(*, course: Course) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(course=course, status=EnrollmentStatus.ACTIVE).select_related("student")


def note_list_for_user(*, user: Any, lesson: Lesson) -> QuerySet[Note]:
    return Note.objects.filter(student=user, lesson=lesson)


def note_get_for_user(*, user: Any, note_id: Any) -> Note:
    note = Note.objects.filter(id=note_id, student=user).first() if user.is_authenticated else None
    if note is None:
        raise ApplicationError(code="not_found", message="No note here.", status_code=404)
    return note


def progress_percent(enrollment: Enrollment | None, lesson_count: int) -> int:
    if enrollment is None or lesson_count == 0:
        return 0
    return min(100, round(100 * enrollment.completed_lessons / lesson_count))
