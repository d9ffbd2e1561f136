from __future__ import annotations

from django.db import transaction

from ustad.courses.models import Lesson, Note
from ustad.users.models import User


@transaction.atomic
def note_create(*, student: User, lesson: Lesson, body: str, timestamp_seconds: int | None) -> Note:
    note = Note(student=student, lesson=lesson, body=body.strip(), timestamp_seconds=timestamp_seconds)
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def note_update(*, note: Note, body: str | None, timestamp_seconds: int | None, clear_timestamp: bool) -> Note:
    if body is not None:
        note.body = body.strip()
    if timestamp_seconds is not None or clear_timestamp:
        note.timestamp_seconds = timestamp_seconds
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def note_delete(*, note: Note) -> None:
    note.delete()
