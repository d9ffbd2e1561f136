"""Reads of upload sessions that views share. A session is visible to its owner only: anyone else gets the
same 404 as for a session that does not exist, so ids cannot be probed."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.core.models import UploadSession, UploadStatus


def upload_session_get_for_user(*, user: Any, upload_id: UUID | str) -> UploadSession:
    """The caller's session; 404 for others' and missing ones, 410 for an unfinished one that has expired."""
    session = UploadSession.objects.filter(id=upload_id, owner=user).first()
    if session is None:
        raise ApplicationError(code="not_found", message="No upload here.", status_code=status.HTTP_404_NOT_FOUND)
    if session.status == UploadStatus.OPEN and session.expires_at <= timezone.now():
        raise ApplicationError(code="upload_expired", message="This upload has expired. Start it again.",
                               status_code=status.HTTP_410_GONE)
    return session


def upload_session_list_open(*, user: Any) -> QuerySet[UploadSession]:
    """The caller's unfinished uploads, oldest first (a page that was reloaded finds its uploads here)."""
    return UploadSession.objects.filter(owner=user, status=UploadStatus.OPEN, expires_at__gt=timezone.now())
