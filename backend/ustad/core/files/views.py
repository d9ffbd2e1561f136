"""`/files/<token>`: serve the private file a signed link grants. The signature is the permission:
callers checked who may see the file before they handed out the link.

Served from local storage with single byte ranges (so browsers can seek in videos), streamed by an async
iterator under ASGI and a plain one under WSGI, so neither buffers the whole file; or, with
FILES_X_ACCEL_REDIRECT, handed to nginx.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterator
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from ustad.core.errors import error_body
from ustad.core.files.kinds import content_type_for
from ustad.core.files.ranges import ByteRange, RangeNotSatisfiableError, parse_range
from ustad.core.files.signing import FileLinkError, disposition_for, file_grant_read
from ustad.core.files.storage import private_storage

BLOCK_BYTES = 256 * 1024
# Stricter than the site's policy (nothing may load or run), except that our own pages may frame a file,
# so the web app can show PDF slides inline. Browsers' PDF viewers and media players work under it.
FILE_CSP = ("default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; "
            "frame-ancestors 'self'; base-uri 'none'; form-action 'none'")


def _error(code: str, message: str, status: int) -> JsonResponse:
    response = JsonResponse(error_body(code, message), status=status)
    response["Cache-Control"] = "no-store"
    return response


async def _read_blocks(path: str, start: int, length: int) -> AsyncIterator[bytes]:
    handle = await asyncio.to_thread(open, path, "rb")
    try:
        await asyncio.to_thread(handle.seek, start)
        remaining = length
        while remaining > 0:
            block = await asyncio.to_thread(handle.read, min(BLOCK_BYTES, remaining))
            if not block:
                break
            remaining -= len(block)
            yield block
    finally:
        await asyncio.to_thread(handle.close)


def _read_blocks_sync(path: str, start: int, length: int) -> Iterator[bytes]:
    """The same for WSGI servers (the test client, live_server), which would buffer an async iterator."""
    with open(path, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            block = handle.read(min(BLOCK_BYTES, remaining))
            if not block:
                break
            remaining -= len(block)
            yield block


@require_safe
async def private_file(request: HttpRequest, token: str) -> HttpResponseBase:
    try:
        grant = file_grant_read(token=token)
    except FileLinkError as exc:
        return _error(exc.code, exc.message, 403)

    content_type = content_type_for(grant.name)
    headers = {
        "Content-Type": content_type,
        "Content-Disposition": disposition_for(content_type=content_type, download_name=grant.download_name,
                                               attachment=grant.attachment),
        "Cache-Control": f"private, max-age={max(0, grant.expires_at - int(time.time()))}",
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": FILE_CSP,
        "X-Frame-Options": "SAMEORIGIN",
    }
    if settings.FILES_X_ACCEL_REDIRECT:
        # nginx serves the file from an `internal` location (ranges included) with the headers set here.
        accel = HttpResponse(headers=headers)
        accel["X-Accel-Redirect"] = settings.FILES_X_ACCEL_PREFIX.rstrip("/") + "/" + quote(grant.name)
        return accel

    try:
        path = private_storage().path(grant.name)
        stat = await asyncio.to_thread(os.stat, path)
    except (NotImplementedError, FileNotFoundError, NotADirectoryError, SuspiciousOperation):
        return _error("not_found", "This file is no longer here.", 404)

    size = stat.st_size
    headers["ETag"] = f'"{size:x}-{stat.st_mtime_ns:x}"'
    headers["Last-Modified"] = http_date(stat.st_mtime)
    byte_range: ByteRange | None = None
    if_range = request.headers.get("If-Range")
    if if_range is None or if_range in (headers["ETag"], headers["Last-Modified"]):
        try:
            byte_range = parse_range(request.headers.get("Range"), size)
        except RangeNotSatisfiableError:
            response = _error("range_not_satisfiable", f"The requested range is outside the file ({size} bytes).",
                              416)
            response["Content-Range"] = f"bytes */{size}"
            return response

    status, start, length = 200, 0, size
    if byte_range is not None:
        status, start, length = 206, byte_range.start, byte_range.length
        headers["Content-Range"] = byte_range.content_range(size)
    headers["Content-Length"] = str(length)
    if request.method == "HEAD":
        return HttpResponse(status=status, headers=headers)
    blocks = (_read_blocks(path, start, length) if isinstance(request, ASGIRequest)
              else _read_blocks_sync(path, start, length))
    return StreamingHttpResponse(blocks, status=status, headers=headers)
