"""Images on the board, and the board exported as a PDF (downloaded, or kept in the course's resources).

Images are checked on their bytes (a real PNG, JPEG, WebP or GIF of sane size) and served with the type we
found, never the one the browser claimed. Export takes the pages as PNGs the browser drew with Excalidraw
and binds them into one PDF, a page per image.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError
from rest_framework import status

from ustad.classroom.models import BoardFile, LiveSession
from ustad.classroom.services.board import Viewer, can_draw_anywhere
from ustad.core.errors import ApplicationError
from ustad.core.files.sniff import sniff_bytes
from ustad.core.files.storage import private_file_store
from ustad.courses.models import Resource, ResourceKind

FILE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}
MAX_IMAGE_BYTES = 4 * 1024 * 1024
MAX_PAGE_BYTES = 8 * 1024 * 1024
MAX_EXPORT_PAGES = 50
MAX_PIXELS = 40_000_000


def _field_error(field: str, message: str, code: str = "validation_error",
                 status_code: int = status.HTTP_400_BAD_REQUEST) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code, fields={field: [message]})


def _image_format(data: bytes, field: str) -> str:
    """The real format of an image we accept, or a 400 naming the field."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            found = probe.format or ""
            if probe.width * probe.height > MAX_PIXELS:
                raise _field_error(field, "The image has too many pixels.", "invalid_image")
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise _field_error(field, "The file is not a PNG, JPEG, WebP or GIF image.", "invalid_image") from exc
    return found


def _read(upload: Any, field: str, limit: int) -> bytes:
    if not isinstance(upload, UploadedFile):
        raise _field_error(field, "Attach a file.")
    if not upload.size:
        raise _field_error(field, "The file is empty.", "invalid_image")
    if upload.size > limit:
        raise _field_error(field, f"The file is larger than {limit // (1024 * 1024)} MB.", "file_too_large",
                           status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    return upload.read()


@dataclass(frozen=True)
class StoredImage:
    file: BoardFile
    created: bool


@transaction.atomic
def board_file_store(*, session: LiveSession, viewer: Viewer, file_id: Any, upload: Any) -> StoredImage:
    """Keep an image once per file id (Excalidraw derives the id from the content, so a repeat is the same image)."""
    if not can_draw_anywhere(viewer, session):
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="The tutor has not opened the board to you.")
    if not isinstance(file_id, str) or not FILE_ID.match(file_id):
        raise _field_error("file_id", "A file id is 1 to 64 letters, digits, - or _.")
    existing = BoardFile.objects.filter(session=session, file_id=file_id).first()
    if existing is not None:
        return StoredImage(file=existing, created=False)
    data = _read(upload, "file", MAX_IMAGE_BYTES)
    found = _image_format(data, "file")
    if found not in IMAGE_TYPES:
        raise _field_error("file", "Use a PNG, JPEG, WebP or GIF image.", "invalid_image")
    stored = BoardFile.objects.create(session=session, file_id=file_id, mime_type=IMAGE_TYPES[found], data=data,
                                      size=len(data), uploaded_by=viewer.user)
    return StoredImage(file=stored, created=True)


def board_file_get(*, session: LiveSession, file_id: str) -> BoardFile:
    found = BoardFile.objects.filter(session=session, file_id=file_id).first()
    if found is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such image on this board.")
    return found


def board_pdf(*, pages: list[Any]) -> bytes:
    """One PDF page per PNG, in order; transparent areas become white paper."""
    if not 1 <= len(pages) <= MAX_EXPORT_PAGES:
        raise _field_error("pages", f"Send 1 to {MAX_EXPORT_PAGES} page images.")
    images: list[Image.Image] = []
    for number, upload in enumerate(pages):
        field = f"pages.{number}"
        data = _read(upload, field, MAX_PAGE_BYTES)
        if _image_format(data, field) != "PNG":
            raise _field_error(field, "Each page is a PNG image.", "invalid_image")
        with Image.open(io.BytesIO(data)) as picture:
            rgba = picture.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        images.append(paper)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=96.0)
    return out.getvalue()


@transaction.atomic
def board_pdf_save(*, session: LiveSession, tutor: Any, pdf: bytes, title: str) -> Resource:
    """Keep the exported board with the course, for its students to download after class."""
    if session.course is None:
        raise ApplicationError(code="no_course", status_code=409,
                               message="This class has no course to keep the board in; download it instead.")
    found = sniff_bytes(pdf)
    assert found is not None and found.kind == "pdf"
    stored = private_file_store(file=io.BytesIO(pdf), found=found, original_filename=f"{title}.pdf", size=len(pdf),
                                folder="boards")
    resource = Resource(course=session.course, title=title[:160], kind=ResourceKind.SLIDES, stored_name=stored.name,
                        original_name=stored.original_filename[:255], content_type=stored.content_type,
                        size=stored.size)
    resource.full_clean()
    resource.save()
    return resource
