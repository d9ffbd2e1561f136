"""Housekeeping of resumable uploads: expired sessions, their temporary data and unclaimed stored files."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ustad.core.files.storage import private_file_delete
from ustad.core.files.uploads import part_path, upload_temp_dir
from ustad.core.models import UploadSession, UploadStatus


def upload_sessions_purge_expired(*, now: datetime | None = None) -> int:
    """Remove sessions past their expiry with their data: unfinished ones, cancelled ones, and stored files that
    nothing claimed. Claimed files stay (their new owner keeps them). Also removes temporary files that no
    session owns. Safe to run twice, or beside a claim (each session is locked, busy ones wait for the next
    run); returns the number of sessions removed."""
    now = now or timezone.now()
    removed = 0
    for upload_id in list(UploadSession.objects.filter(expires_at__lt=now).values_list("id", flat=True)):
        with transaction.atomic():
            session = (UploadSession.objects.select_for_update(skip_locked=True)
                       .filter(id=upload_id, expires_at__lt=now).first())
            if session is None:
                continue
            orphan = session.stored_name if session.status == UploadStatus.COMPLETE and not session.claimed_at else ""
            temporary = part_path(session)
            session.delete()
            transaction.on_commit(partial(private_file_delete, name=orphan))
        temporary.unlink(missing_ok=True)
        removed += 1
    _purge_orphan_parts(now)
    return removed


def _purge_orphan_parts(now: datetime) -> None:
    temp_dir = upload_temp_dir()
    if not temp_dir.is_dir():
        return
    cutoff = (now - settings.UPLOAD_SESSION_LIFETIME).timestamp()
    for path in temp_dir.glob("*.part"):
        try:
            stale = path.stat().st_mtime < cutoff
        except FileNotFoundError:
            continue
        if stale and not _session_exists(path.stem):
            path.unlink(missing_ok=True)


def _session_exists(upload_id: str) -> bool:
    try:
        return UploadSession.objects.filter(id=UUID(upload_id)).exists()
    except ValueError:
        return False
