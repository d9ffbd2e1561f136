"""The OpenAPI schema is valid, documents the error envelope, and the front end's copy is current.

The front end generates its TypeScript types from `frontend/src/api/openapi.json` (and
`npm run check:api` fails when those types are stale); this test fails when that file no longer
matches what the API serves. `make api-types` refreshes both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

FRONTEND_SCHEMA = Path(__file__).resolve().parents[4] / "frontend" / "src" / "api" / "openapi.json"


@pytest.fixture
def schema(tmp_path) -> dict:
    out = tmp_path / "openapi.json"
    call_command("spectacular", "--format", "openapi-json", "--file", str(out), "--validate", "--fail-on-warn")
    return json.loads(out.read_text())


def test_schema_documents_the_error_envelope(schema):
    assert schema["info"]["title"] == "Ustad API"
    login = schema["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert login["400"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/ErrorResponse"


def test_front_end_schema_copy_is_current(schema):
    assert FRONTEND_SCHEMA.exists(), "run `make api-types`"
    assert json.loads(FRONTEND_SCHEMA.read_text()) == schema, "the API changed: run `make api-types` and commit"


def test_schema_and_swagger_ui_are_served(client, db):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
