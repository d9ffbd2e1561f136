"""Resumable chunked uploads: lesson videos of hundreds of megabytes that survive a page reload.

A session is created with the file's name, size and declared kind; chunks are appended in order to
`<UPLOAD_TEMP_DIR>/<id>.part` (the database's `received_bytes` is the offset a client resumes from);
completing checks what the assembled file really is and moves it into private storage. Another app
then takes the stored file exactly once with `upload_session_claim()`. Sessions that nobody finishes
or claims are removed by the `uploads_purge_expired` task (see `purge`).
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path, PurePath
from typing import IO, Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.core.files.kinds import describe, expand_kinds, extension_allowed, extension_of
from ustad.core.files.storage import StoredFile, private_file_delete, private_file_store
from ustad.core.files.validation import human_size, upload_validate
from ustad.core.models import UploadSession, UploadStatus

logger = logging.getLogger(__name__)

_CONTENT_RANGE = re.compile(r"^bytes (\d{1,19})-(\d{1,19})/(\d{1,19})$")
_COPY_BLOCK = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def upload_temp_dir() -> Path:
    return Path(settings.UPLOAD_TEMP_DIR or Path(settings.MEDIA_ROOT) / "uploads")


def part_path(session: UploadSession) -> Path:
    return upload_temp_dir() / f"{session.id}.part"


def _expiry() -> datetime:
    return timezone.now() + settings.UPLOAD_SESSION_LIFETIME


def _offset_headers(offset: int) -> dict[str, str]:
    return {"Upload-Offset": str(offset)}


def _not_found() -> ApplicationError:
    return ApplicationError(code="not_found", message="No upload here.", status_code=status.HTTP_404_NOT_FOUND)


def _clean_filename(filename: str) -> str:
    name = _CONTROL.sub("", PurePath(filename.replace("\\", "/")).name).strip()
    if not name or name in (".", ".."):
        raise ApplicationError(code="validation_error", message="Check the highlighted fields.",
                               fields={"filename": ["Give the file's name, e.g. lesson-1.mp4."]})
    return name[:255]


def _locked(*, owner: Any, upload_id: UUID | str) -> UploadSession:
    try:
        return UploadSession.objects.select_for_update().get(id=upload_id, owner=owner)
    except (UploadSession.DoesNotExist, ValueError, DjangoValidationError) as exc:
        raise _not_found() from exc


def upload_refusal_if_closed(session: UploadSession) -> ApplicationError | None:
    """Why no more chunks may go to this session (None when they may)."""
    if session.status == UploadStatus.ABORTED:
        return ApplicationError(code="upload_aborted", message="This upload was cancelled. Start it again.",
                                status_code=status.HTTP_409_CONFLICT)
    if session.status == UploadStatus.COMPLETE:
        return ApplicationError(code="upload_complete", message="This upload is already complete.",
                                status_code=status.HTTP_409_CONFLICT)
    if session.expires_at <= timezone.now():
        return ApplicationError(code="upload_expired", message="This upload has expired. Start it again.",
                                status_code=status.HTTP_410_GONE)
    return None


def upload_session_create(*, owner: Any, filename: str, size: int, kind: str) -> UploadSession:
    name = _clean_filename(filename)
    kinds = expand_kinds([kind])
    if size <= 0:
        raise ApplicationError(code="empty_file", message=f"“{name}” is empty.", fields={"size": ["Must be > 0."]})
    if size > settings.UPLOAD_MAX_BYTES:
        raise ApplicationError(
            code="file_too_large", status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            message=f"“{name}” is {human_size(size)}; the limit is {human_size(settings.UPLOAD_MAX_BYTES)}.")
    if not extension_allowed(name, kinds):
        extension = extension_of(name) or "without an extension"
        raise ApplicationError(code="unsupported_type", status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                               message=f"“{name}” is named {extension}; here you can upload a {describe(kinds)}.")
    with transaction.atomic():
        open_count = UploadSession.objects.filter(owner=owner, status=UploadStatus.OPEN,
                                                  expires_at__gt=timezone.now()).count()
        if open_count >= settings.UPLOAD_MAX_OPEN_PER_USER:
            raise ApplicationError(code="too_many_uploads", status_code=status.HTTP_409_CONFLICT,
                                   message=f"You have {open_count} unfinished uploads. Finish or cancel one first.")
        temp_dir = upload_temp_dir()
        temp_dir.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(temp_dir).free < size * 2:  # the chunks, then the stored copy
            logger.error("upload refused: not enough disk space in %s for %s bytes", temp_dir, size)
            raise ApplicationError(code="storage_full", status_code=status.HTTP_507_INSUFFICIENT_STORAGE,
                                   message="The server has no room for this file right now. Try again later.")
        session = UploadSession(owner=owner, filename=name, size=size, kind=kind, expires_at=_expiry())
        session.full_clean()
        session.save()
    return session


def _parse_content_range(header: str | None, *, size: int) -> tuple[int, int]:
    match = _CONTENT_RANGE.match((header or "").strip())
    if not match:
        raise ApplicationError(code="invalid_content_range",
                               message="Send the chunk's place as `Content-Range: bytes start-end/total`.")
    start, end, total = (int(part) for part in match.groups())
    if total != size:
        raise ApplicationError(code="size_mismatch",
                               message=f"This upload was started for {size} bytes, not {total}.")
    if start > end or end >= size:
        raise ApplicationError(code="invalid_content_range", message=f"Bytes {start}-{end} are not within the file.")
    return start, end


def _write_chunk(path: Path, *, start: int, body: IO[bytes], length: int) -> None:
    """Write `length` bytes from `body` at `start`, dropping whatever an interrupted write left past it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    with path.open("r+b") as out:
        out.truncate(start)
        out.seek(start)
        remaining = length
        while remaining > 0:
            block = body.read(min(_COPY_BLOCK, remaining))
            if not block:
                break
            out.write(block)
            remaining -= len(block)
        if remaining:
            out.truncate(start)
            raise ApplicationError(code="incomplete_chunk", headers=_offset_headers(start),
                                   message="The chunk arrived incomplete. Send it again.")


def upload_session_append(*, owner: Any, upload_id: UUID | str, content_range: str | None, body: IO[bytes],
                          length: int) -> UploadSession:
    """Append one chunk. Only the chunk that starts at `received_bytes` is written; a chunk wholly received
    already is acknowledged as it is (a retry after a lost answer); any other gets 409 with the offset."""
    refusal: ApplicationError | None = None
    with transaction.atomic():
        session = _locked(owner=owner, upload_id=upload_id)
        refusal = upload_refusal_if_closed(session)
        if refusal is None:
            start, end = _parse_content_range(content_range, size=session.size)
            if length != end - start + 1:
                raise ApplicationError(code="length_mismatch",
                                       message=f"Content-Range names {end - start + 1} bytes but {length} were sent.")
            if length > settings.UPLOAD_CHUNK_BYTES:
                raise ApplicationError(code="chunk_too_large", status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                                       message=f"Send chunks of at most {human_size(settings.UPLOAD_CHUNK_BYTES)}.")
            path = part_path(session)
            on_disk = path.stat().st_size if path.exists() else 0
            if on_disk < session.received_bytes:  # the temporary file lost data: resume from what is there
                logger.warning("upload %s: %s bytes on disk, %s recorded", session.id, on_disk, session.received_bytes)
                session.received_bytes = on_disk
                session.save(update_fields=["received_bytes", "updated_at"])
            if end < session.received_bytes:
                return session
            if start != session.received_bytes:
                refusal = ApplicationError(
                    code="offset_mismatch", status_code=status.HTTP_409_CONFLICT,
                    headers=_offset_headers(session.received_bytes),
                    message=f"The server has {session.received_bytes} bytes; send the chunk that starts there.")
            else:
                _write_chunk(path, start=start, body=body, length=length)
                session.received_bytes = end + 1
                session.expires_at = _expiry()
                session.save(update_fields=["received_bytes", "expires_at", "updated_at"])
    if refusal is not None:
        raise refusal  # after the commit, so a corrected offset is kept
    return session


def upload_session_complete(*, owner: Any, upload_id: UUID | str) -> UploadSession:
    """Check what the assembled file really is against the declared kind and move it into private storage.

    A file that fails the checks is discarded with its session (nothing is stored). Completing twice answers
    the same session, so a client may retry after a lost answer.
    """
    refusal: ApplicationError | None = None
    with transaction.atomic():
        session = _locked(owner=owner, upload_id=upload_id)
        if session.status == UploadStatus.COMPLETE:
            return session
        refusal = upload_refusal_if_closed(session)
        if refusal is None and session.received_bytes < session.size:
            raise ApplicationError(
                code="upload_incomplete", status_code=status.HTTP_409_CONFLICT,
                headers=_offset_headers(session.received_bytes),
                message=f"The server has {session.received_bytes} of {session.size} bytes; send the rest first.")
        if refusal is None:
            refusal = _store(session)
        if refusal is not None and session.status == UploadStatus.OPEN:
            _discard(session)
    if refusal is not None:
        raise refusal
    return session


def _store(session: UploadSession) -> ApplicationError | None:
    path = part_path(session)
    if not path.exists():
        return ApplicationError(code="upload_lost", status_code=status.HTTP_410_GONE,
                                message="The uploaded data is no longer here. Start the upload again.")
    with path.open("rb") as handle:
        try:
            found = upload_validate(file=handle, allowed=[session.kind], max_bytes=settings.UPLOAD_MAX_BYTES,
                                    filename=session.filename, field=None)
        except ApplicationError as exc:
            return exc
        stored = private_file_store(file=handle, found=found, original_filename=session.filename, size=session.size,
                                    folder="uploads", temporary_path=str(path))
    path.unlink(missing_ok=True)
    session.status = UploadStatus.COMPLETE
    session.stored_name, session.content_type, session.content_kind = stored.name, stored.content_type, stored.kind
    session.expires_at = _expiry()  # time for the page to attach it
    try:
        session.save()
    except Exception:
        private_file_delete(name=stored.name)
        raise
    return None


def _discard(session: UploadSession) -> None:
    part_path(session).unlink(missing_ok=True)
    session.status = UploadStatus.ABORTED
    session.save(update_fields=["status", "updated_at"])


def upload_session_abort(*, owner: Any, upload_id: UUID | str) -> None:
    """Cancel an upload and remove its data (also a completed one that nothing has claimed yet)."""
    with transaction.atomic():
        session = _locked(owner=owner, upload_id=upload_id)
        if session.claimed_at is not None:
            raise ApplicationError(code="upload_claimed", status_code=status.HTTP_409_CONFLICT,
                                   message="This file is already in use; remove it where it was attached.")
        if session.status == UploadStatus.ABORTED:
            return
        stored_name = session.stored_name
        part_path(session).unlink(missing_ok=True)
        session.status, session.stored_name = UploadStatus.ABORTED, ""
        session.save(update_fields=["status", "stored_name", "updated_at"])
        transaction.on_commit(lambda: private_file_delete(name=stored_name))


def upload_session_claim(*, user: Any, upload_id: UUID | str, allowed: Iterable[str]) -> StoredFile:
    """Take the stored file of a completed upload, once, for another app to keep (a lesson video, a resource).

    The upload must be the caller's and of a kind the caller accepts. Raises ApplicationError:
    `not_found` (404), `upload_not_complete` (409), `upload_claimed` (409), `unsupported_type` (415).
    Call it inside the caller's own transaction so that a failure after it un-claims the upload.
    """
    kinds = expand_kinds(allowed)
    with transaction.atomic():
        session = _locked(owner=user, upload_id=upload_id)
        if session.claimed_at is not None:
            raise ApplicationError(code="upload_claimed", status_code=status.HTTP_409_CONFLICT,
                                   message="This upload is already in use.", fields={"upload_id": ["Already used."]})
        if session.status != UploadStatus.COMPLETE:
            raise ApplicationError(code="upload_not_complete", status_code=status.HTTP_409_CONFLICT,
                                   message="This upload is not complete yet.",
                                   fields={"upload_id": ["Not complete yet."]})
        if session.content_kind not in kinds:
            message = f"“{session.filename}” is not a {describe(kinds)}."
            raise ApplicationError(code="unsupported_type", status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                                   message=message, fields={"upload_id": [message]})
        session.claimed_at = timezone.now()
        session.save(update_fields=["claimed_at", "updated_at"])
    return StoredFile(name=session.stored_name, content_type=session.content_type, size=session.size,
                      original_filename=session.filename, kind=session.content_kind)
