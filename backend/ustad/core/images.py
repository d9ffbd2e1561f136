"""Image uploads (avatars, course covers) checked by content, not by name: size, real image format,
and a name that tells the truth.

Accepted images are re-encoded (orientation fixed, metadata dropped, resized), so what we serve is
always an image we produced ourselves.
"""

from __future__ import annotations

import io
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError
from rest_framework import status

from ustad.core.errors import ApplicationError

ALLOWED_FORMATS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}}
MAX_PIXELS = 40_000_000
AVATAR_SIZE = (512, 512)
COVER_SIZE = (1280, 720)


def image_upload_process(*, upload: UploadedFile, field: str, max_size: tuple[int, int]) -> ContentFile[bytes]:
    """Validate an uploaded image and return a re-encoded WebP (no larger than max_size) ready to store."""

    def _error(code: str, message: str, status_code: int = status.HTTP_400_BAD_REQUEST) -> ApplicationError:
        return ApplicationError(code=code, message=message, status_code=status_code, fields={field: [message]})

    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise _error("invalid_image", "The file is empty.")
    if upload.size > limit:
        raise _error("file_too_large", f"The image is larger than {limit // (1024 * 1024)} MB.",
                     status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            if probe.width * probe.height > MAX_PIXELS:
                raise _error("invalid_image", "The image has too many pixels.")
            probe.verify()
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise _error("invalid_image", "The file is not a JPEG, PNG or WebP image.") from exc
    if image_format not in ALLOWED_FORMATS:
        raise _error("invalid_image", "Use a JPEG, PNG or WebP image.")
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in ALLOWED_FORMATS[image_format]:
        raise _error("extension_mismatch",
                     f"The file is named {extension or 'without an extension'} but is really a {image_format} image.")

    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    image.thumbnail(max_size)
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")
