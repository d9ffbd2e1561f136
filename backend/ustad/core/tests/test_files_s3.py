"""Private files on S3-compatible storage, proven against moto's S3 server on loopback: store, presign, fetch."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest

from ustad.core.files.signing import private_file_url
from ustad.core.files.sniff import sniff_bytes
from ustad.core.files.storage import is_remote, private_file_store, private_storage
from ustad.core.files.uploads import part_path
from ustad.core.models import UploadSession
from ustad.core.tests import samples

BACKEND_DIR = Path(__file__).resolve().parents[3]
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    try:
        from moto.server import ThreadedMotoServer

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
    except Exception as exc:  # pragma: no cover - only where moto cannot run
        pytest.skip(f"moto's S3 server could not start: {exc}")
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(moto_endpoint: str, settings: Any) -> Any:
    """A fresh bucket, configured as the private storage exactly as settings.py does for AWS_STORAGE_BUCKET_NAME."""
    name = f"ustad-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=moto_endpoint, **CREDENTIALS)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "private": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": name, "endpoint_url": moto_endpoint, "access_key": "testing",
                    "secret_key": "testing", "region_name": "us-east-1", "addressing_style": "path",
                    "signature_version": "s3v4", "location": "private", "file_overwrite": False,
                    "querystring_auth": True, "querystring_expire": 300},
    }}
    return client, name


def test_given_a_bucket_when_a_file_is_stored_then_a_presigned_url_serves_it_with_our_headers(bucket):
    client, name = bucket
    data = samples.pdf()
    assert is_remote(private_storage())
    stored = private_file_store(file=io.BytesIO(data), found=sniff_bytes(data), original_filename="Week 1.pdf",
                                size=len(data), folder="files")
    head = client.head_object(Bucket=name, Key=f"private/{stored.name}")
    assert head["ContentType"] == "application/pdf" and head["ContentLength"] == len(data)

    url = private_file_url(name=stored.name, download_name="Week 1.pdf", ttl=120)
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=120" in url
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'inline; filename="Week 1.pdf"'

    partial = httpx.get(url, headers={"Range": "bytes=0-4"})
    assert partial.status_code == 206 and partial.content == b"%PDF-"


def test_given_a_bucket_when_a_chunked_upload_completes_then_the_file_lands_in_the_bucket_only(bucket, student_client,
                                                                                             settings, tmp_path):
    client, name = bucket
    data = samples.media(tmp_path)["video.webm"]
    created = student_client.post("/api/v1/uploads", {"filename": "intro.webm", "size": len(data), "kind": "video"},
                                  format="json").json()
    for start in range(0, len(data), 4096):
        chunk = data[start:start + 4096]
        response = student_client.put(f"/api/v1/uploads/{created['id']}", data=chunk,
                                      content_type="application/offset+octet-stream",
                                      HTTP_CONTENT_RANGE=f"bytes {start}-{start + len(chunk) - 1}/{len(data)}")
        assert response.status_code == 200, response.content
    done = student_client.post(f"/api/v1/uploads/{created['id']}/complete")
    assert done.status_code == 200, done.content
    stored_name = done.json()["stored_name"]

    body = client.get_object(Bucket=name, Key=f"private/{stored_name}")["Body"].read()
    assert body == data
    assert not part_path(UploadSession.objects.get(id=created["id"])).exists()
    assert not (Path(settings.MEDIA_ROOT) / "private").exists()
    fetched = httpx.get(private_file_url(name=stored_name, download_name="intro.webm"))
    assert fetched.content == data and fetched.headers["content-type"] == "video/webm"


def test_given_the_bucket_variables_when_settings_load_then_private_storage_is_s3_with_short_signed_urls():
    env = {**os.environ, "AWS_STORAGE_BUCKET_NAME": "school-files", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
           "AWS_ACCESS_KEY_ID": "key", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_S3_REGION_NAME": "fra1",
           "AWS_S3_ADDRESSING_STYLE": "path", "DJANGO_SETTINGS_MODULE": "config.settings"}
    script = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES['private']))"
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=BACKEND_DIR, capture_output=True, text=True,
                         check=True, timeout=60).stdout
    private = json.loads(out.strip().splitlines()[-1])
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    options = private["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == \
        ("school-files", "http://127.0.0.1:9000", "fra1")
    assert (options["querystring_auth"], options["querystring_expire"], options["location"]) == (True, 300, "private")
