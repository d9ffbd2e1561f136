"""A course's life: create, edit, duplicate, publish, archive, delete, cover."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from ustad.core.errors import ApplicationError
from ustad.core.images import COVER_SIZE, image_upload_process
from ustad.courses.models import Category, Course, CourseStatus, Lesson, Resource, Section
from ustad.courses.services.course_stats import course_search_refresh, course_syllabus_stats_refresh
from ustad.users.models import Role, User

EDITABLE_FIELDS = ("title", "subtitle", "description", "level", "language", "price_amount", "currency",
                   "included_in_subscription", "tags")


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message="Check the highlighted fields.",
                            fields={field: [message]})


def _unique_slug(base: str, *, exclude_id: Any = None) -> str:
    root = (slugify(base) or "course")[:120]
    candidate, n = root, 2
    taken = Course.objects.exclude(id=exclude_id) if exclude_id else Course.objects.all()
    while taken.filter(slug=candidate).exists():
        candidate, n = f"{root}-{n}", n + 1
    return candidate


def _category(slug: str | None) -> Category | None:
    if not slug:
        return None
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise _field_error("category", f"Unknown category “{slug}”.")
    return category


def _clean_tags(tags: list[str]) -> list[str]:
    cleaned: list[str] = []
    for tag in tags:
        tag = tag.strip().lower()[:32]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return cleaned[:12]


def _save(course: Course) -> Course:
    course.full_clean(exclude=["search_vector"])
    try:
        with transaction.atomic():
            course.save()
    except IntegrityError as exc:  # a concurrent request took the slug
        raise _field_error("slug", "This address is taken; choose another.") from exc
    course_search_refresh(course=course)
    return course


@transaction.atomic
def course_create(*, owner: User, data: dict[str, Any]) -> Course:
    if owner.role not in (Role.TUTOR, Role.ADMIN):
        raise ApplicationError(code="permission_denied", message="Only tutors create courses.", status_code=403)
    course = Course(owner=owner, slug=_unique_slug(data["title"]), category=_category(data.get("category")))
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(course, field, _clean_tags(data[field]) if field == "tags" else data[field])
    return _save(course)


@transaction.atomic
def course_update(*, course: Course, actor: User, data: dict[str, Any]) -> Course:
    course = Course.objects.select_for_update().get(id=course.id)
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(course, field, _clean_tags(data[field]) if field == "tags" else data[field])
    if "category" in data:
        course.category = _category(data["category"])
    if "slug" in data and data["slug"] != course.slug:
        slug = slugify(data["slug"])
        if not slug or Course.objects.filter(slug=slug).exclude(id=course.id).exists():
            raise _field_error("slug", "This address is taken or empty; choose another.")
        course.slug = slug
    if "co_tutor_ids" in data:
        _co_tutors_set(course, actor, data["co_tutor_ids"])
    if course.status == CourseStatus.PUBLISHED:
        missing = publish_missing(course=course)
        if missing:
            raise ApplicationError(code="course_incomplete", message="A published course must stay complete.",
                                   fields={item["field"]: [item["message"]] for item in missing})
    return _save(course)


def _co_tutors_set(course: Course, actor: User, ids: list[Any]) -> None:
    if actor.id != course.owner_id and actor.role != Role.ADMIN:
        raise ApplicationError(code="permission_denied", message="Only the course owner names co-tutors.",
                               status_code=403)
    tutors = list(User.objects.filter(id__in=ids, role=Role.TUTOR, is_active=True).exclude(id=course.owner_id))
    if len(tutors) != len(set(ids) - {course.owner_id}):
        raise _field_error("co_tutor_ids", "Every co-tutor must be an active tutor other than the owner.")
    course.co_tutors.set(tutors)


def publish_missing(*, course: Course) -> list[dict[str, str]]:
    """What stops this course from being published, in words a tutor can act on."""
    missing = []
    if len(course.title.strip()) < 5:
        missing.append({"field": "title", "message": "Give the course a title of at least 5 characters."})
    if len(course.description.strip()) < 50:
        missing.append({"field": "description", "message": "Describe the course in at least 50 characters."})
    if not course.cover:
        missing.append({"field": "cover", "message": "Add a cover image."})
    if not Lesson.objects.filter(course=course).exists():
        missing.append({"field": "lessons", "message": "Add at least one lesson."})
    return missing


@transaction.atomic
def course_publish(*, course: Course) -> Course:
    course = Course.objects.select_for_update().get(id=course.id)
    missing = publish_missing(course=course)
    if missing:
        raise ApplicationError(code="course_incomplete", message="The course is not ready to publish yet.",
                               fields={item["field"]: [item["message"]] for item in missing})
    course.status = CourseStatus.PUBLISHED
    course.published_at = course.published_at or timezone.now()
    course.save(update_fields=["status", "published_at", "updated_at"])
    return course


@transaction.atomic
def course_archive(*, course: Course) -> Course:
    Course.objects.filter(id=course.id).update(status=CourseStatus.ARCHIVED, updated_at=timezone.now())
    course.refresh_from_db()
    return course


@transaction.atomic
def course_restore(*, course: Course) -> Course:
    """Back from the archive: published again if it ever was, otherwise a draft."""
    status = CourseStatus.PUBLISHED if course.published_at else CourseStatus.DRAFT
    Course.objects.filter(id=course.id).update(status=status, updated_at=timezone.now())
    course.refresh_from_db()
    return course


@transaction.atomic
def course_delete(*, course: Course, actor: User) -> None:
    if actor.id != course.owner_id and actor.role != Role.ADMIN:
        raise ApplicationError(code="permission_denied", message="Only the course owner deletes it.",
                               status_code=403)
    if course.enrollments.exists():
        raise ApplicationError(code="course_has_students", status_code=409,
                               message="Students are enrolled in this course: archive it instead.")
    course.delete()


@transaction.atomic
def course_duplicate(*, course: Course, actor: User) -> Course:
    """A draft copy with the same details, syllabus and resources, and no students or reviews."""
    copy = Course(owner=actor if actor.role == Role.TUTOR else course.owner, slug=_unique_slug(f"{course.title} copy"),
                  category=course.category, title=f"{course.title} (copy)"[:120])
    for field in ("subtitle", "description", "level", "language", "price_amount", "currency",
                  "included_in_subscription", "tags"):
        setattr(copy, field, getattr(course, field))
    copy.cover = course.cover.name if course.cover else ""
    _save(copy)
    lesson_map: dict[Any, Lesson] = {}
    for section in course.sections.order_by("position", "created_at"):
        new_section = Section.objects.create(course=copy, title=section.title, position=section.position)
        for lesson in section.lessons.order_by("position", "created_at"):
            old_id = lesson.id
            lesson.pk = None
            lesson.id = None
            lesson._state.adding = True
            lesson.course, lesson.section = copy, new_section
            lesson.save()
            lesson_map[old_id] = lesson
    for resource in Resource.objects.filter(course=course):
        resource.pk = None
        resource.id = None
        resource._state.adding = True
        resource.course = copy
        resource.lesson = lesson_map.get(resource.lesson_id) if resource.lesson_id else None
        resource.save()
    course_syllabus_stats_refresh(course=copy)
    return copy


@transaction.atomic
def course_cover_set(*, course: Course, upload: UploadedFile) -> Course:
    processed = image_upload_process(upload=upload, field="cover", max_size=COVER_SIZE)
    course = Course.objects.select_for_update().get(id=course.id)
    old = course.cover.name
    course.cover.save(f"{course.id}/{processed.name}", processed, save=False)
    course.save(update_fields=["cover", "updated_at"])
    if old and not Course.objects.filter(cover=old).exclude(id=course.id).exists():
        from django.core.files.storage import default_storage

        transaction.on_commit(lambda: default_storage.delete(old))
    return course


@transaction.atomic
def course_cover_remove(*, course: Course) -> Course:
    if course.status == CourseStatus.PUBLISHED:
        raise _field_error("cover", "A published course needs a cover; upload a new one instead.")
    Course.objects.filter(id=course.id).update(cover="")
    course.refresh_from_db()
    return course
