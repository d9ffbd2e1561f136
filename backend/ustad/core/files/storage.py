"""Private storage: course files, submissions and recordings. Never under a public path.

`STORAGES["private"]` is a folder under `<MEDIA_ROOT>/private/` (which no URL serves) or, when
`AWS_STORAGE_BUCKET_NAME` is set, an S3 bucket (AWS, DigitalOcean Spaces, MinIO) read only through
presigned URLs. Either way a file leaves only through `signing.private_file_url()`.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils import timezone
from django.utils.functional import cached_property

from ustad.core.files.sniff import SniffResult

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """`<MEDIA_ROOT>/private/` (or `location`), following MEDIA_ROOT when it changes; has no public URL."""

    def __init__(self, location: str | None = None, **kwargs: Any) -> None:
        self._private_location = location
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self) -> str:
        return str(self._private_location or os.path.join(settings.MEDIA_ROOT, "private"))

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL: use ustad.core.files.signing.private_file_url().")


@dataclass(frozen=True)
class StoredFile:
    """A file in private storage, as other apps keep it (name, type, size and the name its owner gave it)."""

    name: str
    content_type: str
    size: int
    original_filename: str
    kind: str


class _Content(File[Any]):
    """A file to store, with the MIME type that S3 records for it."""

    def __init__(self, file: IO[bytes], *, content_type: str) -> None:
        super().__init__(file)
        self.content_type = content_type


class _LocalTemporaryContent(_Content):
    """A local temporary file that is ours to consume: the file system storage moves it instead of copying."""

    def __init__(self, file: IO[bytes], *, content_type: str, path: str) -> None:
        super().__init__(file, content_type=content_type)
        self._path = path

    def temporary_file_path(self) -> str:
        return self._path


def private_storage() -> Storage:
    return storages[PRIVATE_STORAGE_ALIAS]


def is_remote(storage: Storage) -> bool:
    """True for S3-compatible storage, which serves files itself through presigned URLs."""
    from storages.backends.s3 import S3Storage

    return isinstance(storage, S3Storage)


def private_file_store(*, file: IO[bytes], found: SniffResult, original_filename: str, size: int,
                       folder: str = "files", temporary_path: str | None = None) -> StoredFile:
    """Save a validated file under `<folder>/<yyyy>/<mm>/<random><canonical extension>` in private storage.

    With `temporary_path` (a local file that is ours to consume) the file system storage moves the file.
    """
    name = f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{found.extension}"
    file.seek(0)
    content = (_LocalTemporaryContent(file, content_type=found.mime, path=temporary_path) if temporary_path
               else _Content(file, content_type=found.mime))
    stored = private_storage().save(name, content)
    return StoredFile(name=stored, content_type=found.mime, size=size, original_filename=original_filename,
                      kind=found.kind)


def private_file_delete(*, name: str) -> None:
    if name:
        private_storage().delete(name)


def private_files_delete(*names: str) -> None:
    """Delete several private files (empty names are skipped); for `transaction.on_commit`."""
    for name in names:
        private_file_delete(name=name)
