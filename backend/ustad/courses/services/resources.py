"""Course files: downloadable resources and lesson videos, taken from completed uploads."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ustad.core.errors import ApplicationError
from ustad.core.files.storage import private_file_delete
from ustad.core.files.uploads import upload_session_claim
from ustad.courses.models import Course, Lesson, LessonKind, Resource, ResourceKind
from ustad.users.models import User

# What each resource kind may really contain (checked on the bytes by the upload layer).
RESOURCE_CONTENT = {
    ResourceKind.SLIDES: ["slides"],
    ResourceKind.CODE: ["code"],
    ResourceKind.DOCUMENT: ["document"],
    ResourceKind.VIDEO: ["video"],
}


def _delete_stored_on_commit(name: str) -> None:
    if name and not Resource.objects.filter(stored_name=name).exists() and \
            not Lesson.objects.filter(video_name=name).exists():
        transaction.on_commit(lambda: private_file_delete(name=name))


@transaction.atomic
def resource_create(*, course: Course, actor: User, upload_id: Any, title: str, kind: str,
                    lesson_id: Any = None) -> Resource:
    lesson = None
    if lesson_id:
        lesson = Lesson.objects.filter(id=lesson_id, course=course).first()
        if lesson is None:
            raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                                   fields={"lesson_id": ["Choose a lesson of this course."]})
    stored = upload_session_claim(user=actor, upload_id=upload_id, allowed=RESOURCE_CONTENT[ResourceKind(kind)])
    resource = Resource(course=course, lesson=lesson, title=title.strip() or stored.original_filename, kind=kind,
                        stored_name=stored.name, original_name=stored.original_filename,
                        content_type=stored.content_type, size=stored.size)
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource) -> None:
    name = resource.stored_name
    resource.delete()
    _delete_stored_on_commit(name)


@transaction.atomic
def lesson_video_set(*, lesson: Lesson, actor: User, upload_id: Any, duration_seconds: int | None) -> Lesson:
    stored = upload_session_claim(user=actor, upload_id=upload_id, allowed=["video"])
    lesson = Lesson.objects.select_for_update().get(id=lesson.id)
    old = lesson.video_name
    lesson.video_name, lesson.video_content_type = stored.name, stored.content_type
    lesson.kind = LessonKind.VIDEO
    if duration_seconds:
        lesson.duration_seconds = duration_seconds
    lesson.save()
    _delete_stored_on_commit(old)
    return lesson


@transaction.atomic
def lesson_video_remove(*, lesson: Lesson) -> Lesson:
    lesson = Lesson.objects.select_for_update().get(id=lesson.id)
    old = lesson.video_name
    lesson.video_name = lesson.video_content_type = ""
    lesson.save(update_fields=["video_name", "video_content_type", "updated_at"])
    _delete_stored_on_commit(old)
    return lesson
