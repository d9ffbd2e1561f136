"""Signed links to private files and the /files/<token> view: signatures, expiry, ranges, nginx hand-off."""

from __future__ import annotations

import time
import warnings
from typing import Any

import httpx
import pytest
from django.core import signing
from django.core.asgi import get_asgi_application
from django.core.files.base import ContentFile

from ustad.core.files.signing import SALT, private_file_url
from ustad.core.files.storage import private_storage

DATA = bytes(range(256)) * 4  # 1024 bytes, each position recognisable


@pytest.fixture
def stored_video() -> str:
    return private_storage().save("uploads/2026/11/lesson.mp4", ContentFile(DATA))


async def _body(response: Any) -> bytes:
    if response.streaming:
        return b"".join([chunk async for chunk in response.streaming_content])
    return bytes(response.content)


def test_given_private_storage_when_a_file_is_saved_then_it_lies_outside_every_public_path(stored_video, settings):
    path = private_storage().path(stored_video)
    assert path.startswith(str(settings.MEDIA_ROOT / "private"))
    with pytest.raises(ValueError, match="no public URL"):
        private_storage().url(stored_video)


async def test_given_a_signed_url_when_fetched_then_the_whole_file_comes_with_the_right_headers(async_client,
                                                                                              stored_video):
    url = private_file_url(name=stored_video, download_name="Lesson 1 — Intro.mp4")
    assert url.startswith("/files/")
    response = await async_client.get(url)
    assert response.status_code == 200
    assert await _body(response) == DATA
    assert response["Content-Type"] == "video/mp4"
    assert response["Content-Length"] == "1024"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"].startswith("private")
    assert response["Content-Disposition"].startswith("inline;")
    assert "filename*=utf-8''Lesson%201%20%E2%80%94%20Intro.mp4" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")  # nothing in it may run
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]  # our pages may show it inline
    assert response["X-Frame-Options"] == "SAMEORIGIN"


async def test_given_a_file_that_is_not_shown_inline_when_fetched_then_it_downloads_as_an_attachment(async_client):
    name = private_storage().save("files/2026/11/project.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
    response = await async_client.get(private_file_url(name=name, download_name="project.zip"))
    assert response["Content-Disposition"] == 'attachment; filename="project.zip"'
    assert response["Content-Type"] == "application/zip"


@pytest.mark.parametrize(("header", "start", "end"), [
    ("bytes=0-99", 0, 99),  # the first bytes
    ("bytes=300-555", 300, 555),  # the middle
    ("bytes=-100", 924, 1023),  # the last 100
    ("bytes=1000-", 1000, 1023),  # open-ended
    ("bytes=1000-999999", 1000, 1023),  # past the end: clamped
    ("bytes=-5000", 0, 1023),  # a suffix longer than the file
])
async def test_given_a_range_when_fetched_then_206_with_exactly_those_bytes(async_client, stored_video, header, start,
                                                                          end):
    response = await async_client.get(private_file_url(name=stored_video), headers={"Range": header})
    assert response.status_code == 206
    assert await _body(response) == DATA[start:end + 1]
    assert response["Content-Range"] == f"bytes {start}-{end}/1024"
    assert response["Content-Length"] == str(end - start + 1)


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
async def test_given_an_unsatisfiable_range_when_fetched_then_416_names_the_size(async_client, stored_video, header):
    response = await async_client.get(private_file_url(name=stored_video), headers={"Range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1024"
    assert response.json()["error"]["code"] == "range_not_satisfiable"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=abc", "bytes=9-3"])
async def test_given_a_range_we_do_not_serve_when_fetched_then_the_whole_file_comes(async_client, stored_video,
                                                                                     header):
    response = await async_client.get(private_file_url(name=stored_video), headers={"Range": header})
    assert response.status_code == 200
    assert await _body(response) == DATA


async def test_given_if_range_with_an_old_validator_when_fetched_then_the_whole_file_comes(async_client,
                                                                                         stored_video):
    url = private_file_url(name=stored_video)
    first = await async_client.get(url, headers={"Range": "bytes=0-9"})
    same = await async_client.get(url, headers={"Range": "bytes=0-9", "If-Range": first["ETag"]})
    changed = await async_client.get(url, headers={"Range": "bytes=0-9", "If-Range": '"an-old-etag"'})
    assert (first.status_code, same.status_code, changed.status_code) == (206, 206, 200)


async def test_given_a_head_request_when_fetched_then_headers_only(async_client, stored_video):
    response = await async_client.head(private_file_url(name=stored_video), headers={"Range": "bytes=0-9"})
    assert response.status_code == 206
    assert response["Content-Length"] == "10"
    assert await _body(response) == b""


async def test_given_a_tampered_token_when_fetched_then_403_in_the_error_envelope(async_client, stored_video):
    url = private_file_url(name=stored_video)
    forged = signing.dumps({"n": "uploads/../../secret", "d": "x", "e": int(time.time()) + 60}, salt=SALT,
                           key="someone-elses-key")
    for bad in (url[:-3] + "abc", "/files/" + forged.replace(":", "%3A"), "/files/not-a-token"):
        response = await async_client.get(bad)
        assert response.status_code == 403, bad
        assert response.json()["error"]["code"] == "invalid_link"
        assert set(response.json()["error"]) == {"code", "message", "fields"}


async def test_given_a_token_signed_for_another_purpose_when_fetched_then_403(async_client, stored_video):
    other = signing.dumps({"n": stored_video, "d": "x", "e": int(time.time()) + 60}, salt="ustad.users.verify")
    response = await async_client.get(f"/files/{other}")
    assert response.status_code == 403


async def test_given_an_expired_link_when_fetched_then_403_link_expired(async_client, stored_video, monkeypatch):
    url = private_file_url(name=stored_video, ttl=30)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 31)
    response = await async_client.get(url)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "link_expired"
    monkeypatch.setattr(time, "time", lambda: now + 2 * 24 * 3600)  # beyond the longest any link may live
    assert (await async_client.get(url)).json()["error"]["code"] == "link_expired"


def test_given_a_ttl_out_of_bounds_when_asking_for_a_url_then_it_is_refused(stored_video):
    for ttl in (0, -5, 24 * 3600 + 1):
        with pytest.raises(ValueError, match="ttl"):
            private_file_url(name=stored_video, ttl=ttl)


async def test_given_a_file_deleted_after_the_link_when_fetched_then_404(async_client, stored_video):
    url = private_file_url(name=stored_video)
    private_storage().delete(stored_video)
    response = await async_client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_given_nginx_hand_off_when_fetched_then_x_accel_redirect_and_no_body(async_client, stored_video,
                                                                                  settings):
    settings.FILES_X_ACCEL_REDIRECT = True
    response = await async_client.get(private_file_url(name=stored_video, download_name="Lesson.mp4"))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private/uploads/2026/11/lesson.mp4"
    assert response["Content-Type"] == "video/mp4"
    assert response["Content-Disposition"].startswith("inline;")
    assert await _body(response) == b""


async def test_given_a_post_when_sent_to_a_file_link_then_405(async_client, stored_video):
    response = await async_client.post(private_file_url(name=stored_video))
    assert response.status_code == 405


async def test_given_the_asgi_stack_when_a_range_is_fetched_then_it_streams_without_buffering_warnings(stored_video):
    url = private_file_url(name=stored_video)
    transport = httpx.ASGITransport(app=get_asgi_application())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Django warns when it must buffer a sync iterator under ASGI
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            response = await client.get(url, headers={"Range": "bytes=512-"})
    assert response.status_code == 206
    assert response.content == DATA[512:]
    assert response.headers["content-range"] == "bytes 512-1023/1024"


def test_given_the_spa_when_files_paths_are_asked_then_they_never_fall_to_the_web_app(client):
    response = client.get("/files/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_given_a_wsgi_server_when_a_range_is_fetched_then_a_plain_iterator_streams_it(client, stored_video):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        response = client.get(private_file_url(name=stored_video), headers={"Range": "bytes=10-19"})
        assert response.status_code == 206
        assert b"".join(response.streaming_content) == DATA[10:20]
