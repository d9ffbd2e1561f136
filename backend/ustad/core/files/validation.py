"""The checks every upload goes through: not empty, not too large, a kind we accept, and a name that tells the truth."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import IO, Any

from django.core.files import File
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.core.files.kinds import EXECUTABLE, describe, expand_kinds, extension_of, matching_extension
from ustad.core.files.sniff import SniffResult, sniff


def human_size(size: int) -> str:
    """1536 -> '1.5 KB', 2 GiB -> '2 GB'."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _error(code: str, message: str, status_code: int, field: str | None) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code,
                            fields={field: [message]} if field else None)


def _size_of(file: File[Any] | IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    position = file.tell()
    end = file.seek(0, 2)
    file.seek(position)
    return end


def upload_validate(*, file: File[Any] | IO[bytes], allowed: Iterable[str], max_bytes: int,
                    filename: str | None = None, field: str | None = "file") -> SniffResult:
    """Check an upload against the kinds (or groups) a caller accepts, and return what the file really is.

    Raises ApplicationError: `empty_file` (400), `file_too_large` (413), `unsupported_type` (415: a program,
    an unknown type, or a kind not accepted here) and `type_mismatch` (400: the extension names another type).
    `filename` defaults to the file's own name; `field` names the form field in the error.
    """
    kinds = expand_kinds(allowed)
    name = PurePath(filename or getattr(file, "name", None) or "").name
    shown = f"“{name}”" if name else "The file"
    size = _size_of(file)
    if size <= 0:
        raise _error("empty_file", f"{shown} is empty.", status.HTTP_400_BAD_REQUEST, field)
    if size > max_bytes:
        raise _error("file_too_large", f"{shown} is {human_size(size)}; the limit is {human_size(max_bytes)}.",
                     status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, field)

    found = sniff(file)  # type: ignore[arg-type]  # Django's File proxies the binary file methods
    accepted = describe(kinds)
    if found is None:
        raise _error("unsupported_type", f"{shown} is not a type of file we recognise. Upload a {accepted}.",
                     status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, field)
    if found.kind == EXECUTABLE:
        raise _error("unsupported_type", f"{shown} is really a {found.label}; programs cannot be uploaded.",
                     status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, field)
    if matching_extension(name, found.kind) is None:
        extension = extension_of(name)
        named = f"named {extension}" if extension else "named without an extension"
        raise _error("type_mismatch", f"{shown} is {named} but is really a {found.label}. "
                     f"Rename it to end in {found.extension}, or upload the right file.",
                     status.HTTP_400_BAD_REQUEST, field)
    if found.kind not in kinds:
        raise _error("unsupported_type", f"{shown} is a {found.label}; here you can upload a {accepted}.",
                     status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, field)
    return found
