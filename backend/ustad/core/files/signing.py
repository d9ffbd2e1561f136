"""Short-lived links to private files: presigned S3 URLs, or `/files/<token>` signed by us.

Callers check permissions first (in their services) and only then ask for a URL; whoever holds the URL
may read the file until it expires, so links are short (five minutes by default).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import content_disposition_header

from ustad.core.files.kinds import content_type_for
from ustad.core.files.storage import is_remote, private_storage

SALT = "ustad.core.files.private-file"
_INLINE_PREFIXES = ("video/", "audio/", "text/plain")
_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"}


@dataclass(frozen=True)
class FileGrant:
    """What a valid token allows: one stored file, under a name for the download, until a time."""

    name: str
    download_name: str
    expires_at: int  # Unix seconds
    attachment: bool = False  # download even what a browser could show


class FileLinkError(Exception):
    def __init__(self, *, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def shows_inline(content_type: str) -> bool:
    """Media, PDFs, pictures and plain text open in the browser; everything else downloads."""
    return content_type in _INLINE_TYPES or content_type.startswith(_INLINE_PREFIXES)


def disposition_for(*, content_type: str, download_name: str, attachment: bool = False) -> str:
    header = content_disposition_header(attachment or not shows_inline(content_type), download_name)
    assert header is not None
    return header


def private_file_url(*, name: str, download_name: str | None = None, ttl: int = 300,
                     attachment: bool = False) -> str:
    """A URL that serves the private file `name` for `ttl` seconds, as `download_name` (default: its own name).

    `attachment` makes the browser save the file (a "Download" button) instead of showing it."""
    if not 0 < ttl <= settings.FILES_URL_MAX_SECONDS:
        raise ValueError(f"ttl must be between 1 and {settings.FILES_URL_MAX_SECONDS} seconds")
    download = download_name or PurePath(name).name
    storage = private_storage()
    if is_remote(storage):
        content_type = content_type_for(name)
        parameters = {
            "ResponseContentType": content_type,
            "ResponseContentDisposition": disposition_for(content_type=content_type, download_name=download,
                                                          attachment=attachment),
            "ResponseCacheControl": f"private, max-age={ttl}",
        }
        url: str = storage.url(name, parameters=parameters, expire=ttl)  # type: ignore[call-arg]
        return url
    grant: dict[str, Any] = {"n": name, "d": download, "e": int(time.time()) + ttl}
    if attachment:
        grant["a"] = 1
    token = signing.dumps(grant, salt=SALT, compress=True)
    return reverse("private-file", kwargs={"token": token})


def file_grant_read(*, token: str) -> FileGrant:
    """The grant a token carries; FileLinkError when it was tampered with or has expired."""
    invalid = FileLinkError(code="invalid_link", message="This file link is not valid. Ask for a new one.")
    expired = FileLinkError(code="link_expired", message="This file link has expired. Open the file again.")
    try:
        data: Any = signing.loads(token, salt=SALT, max_age=settings.FILES_URL_MAX_SECONDS)
    except signing.SignatureExpired as exc:
        raise expired from exc
    except signing.BadSignature as exc:
        raise invalid from exc
    if not (isinstance(data, dict) and isinstance(data.get("n"), str) and isinstance(data.get("d"), str)
            and isinstance(data.get("e"), int)):
        raise invalid
    if data["e"] < time.time():
        raise expired
    return FileGrant(name=data["n"], download_name=data["d"], expires_at=data["e"], attachment=data.get("a") == 1)
