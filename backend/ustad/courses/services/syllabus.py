"""Sections and lessons: add, edit, remove, and reorder after a drag and drop."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from ustad.core.errors import ApplicationError
from ustad.courses.models import Course, Lesson, LessonKind, Section
from ustad.courses.services.course_stats import course_syllabus_stats_refresh

LESSON_FIELDS = ("title", "kind", "is_preview", "body", "duration_seconds", "live_url")


def _next_position(queryset: Any) -> int:
    current = queryset.aggregate(top=Max("position"))["top"]
    return 0 if current is None else current + 1


@transaction.atomic
def section_create(*, course: Course, title: str) -> Section:
    section = Section(course=course, title=title.strip(), position=_next_position(course.sections.all()))
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def section_update(*, section: Section, title: str) -> Section:
    section.title = title.strip()
    section.full_clean()
    section.save(update_fields=["title", "updated_at"])
    return section


@transaction.atomic
def section_delete(*, section: Section) -> None:
    course = section.course
    section.delete()
    course_syllabus_stats_refresh(course=course)
    _guard_published_has_lessons(course)


def _guard_published_has_lessons(course: Course) -> None:
    if course.status == "published" and not Lesson.objects.filter(course=course).exists():
        raise ApplicationError(code="course_incomplete", status_code=409,
                               message="A published course needs at least one lesson; archive it instead.")


def _apply_lesson_fields(lesson: Lesson, data: dict[str, Any]) -> None:
    for field in LESSON_FIELDS:
        if field in data:
            setattr(lesson, field, data[field])
    if lesson.kind == LessonKind.LIVE and not lesson.live_url:
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"live_url": ["A live-class lesson needs the link to the class."]})


@transaction.atomic
def lesson_create(*, section: Section, data: dict[str, Any]) -> Lesson:
    lesson = Lesson(course=section.course, section=section, position=_next_position(section.lessons.all()))
    _apply_lesson_fields(lesson, data)
    lesson.full_clean()
    lesson.save()
    course_syllabus_stats_refresh(course=section.course)
    return lesson


@transaction.atomic
def lesson_update(*, lesson: Lesson, data: dict[str, Any]) -> Lesson:
    lesson = Lesson.objects.select_for_update().select_related("course").get(id=lesson.id)
    _apply_lesson_fields(lesson, data)
    lesson.full_clean()
    lesson.save()
    course_syllabus_stats_refresh(course=lesson.course)
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson) -> None:
    course = lesson.course
    lesson.delete()
    course_syllabus_stats_refresh(course=course)
    _guard_published_has_lessons(course)


@transaction.atomic
def syllabus_reorder(*, course: Course, order: list[dict[str, Any]]) -> None:
    """Apply a whole new order: every section and lesson of the course exactly once, lessons may change section."""
    sections = {section.id: section for section in Section.objects.select_for_update().filter(course=course)}
    lessons = {lesson.id: lesson for lesson in Lesson.objects.select_for_update().filter(course=course)}
    given_sections = [item["id"] for item in order]
    given_lessons = [lesson_id for item in order for lesson_id in item.get("lessons", [])]
    if sorted(map(str, given_sections)) != sorted(map(str, sections)) or \
            sorted(map(str, given_lessons)) != sorted(map(str, lessons)):
        raise ApplicationError(code="syllabus_mismatch", status_code=409,
                               message="The syllabus changed meanwhile; reload it and try again.")
    for section_position, item in enumerate(order):
        section = sections[item["id"]]
        section.position = section_position
        for lesson_position, lesson_id in enumerate(item.get("lessons", [])):
            lesson = lessons[lesson_id]
            lesson.section, lesson.position = section, lesson_position
    Section.objects.bulk_update(sections.values(), ["position"])
    Lesson.objects.bulk_update(lessons.values(), ["section", "position"])
