"""Property-based requests generated from the OpenAPI schema (schemathesis): whatever a client
sends, the API answers without a server error and in the shape the schema documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from ustad.users.tests.factories import StudentFactory, TutorFactory
from ustad.users.tokens import token_pair_issue

schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")  # upload chunks
SCHEMA_FILE = Path(__file__).resolve().parents[4] / "frontend" / "src" / "api" / "openapi.json"
schema = schemathesis.openapi.from_path(str(SCHEMA_FILE))


@pytest.fixture
def signed_in_headers(transactional_db: None, settings: Any) -> dict[str, str]:
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/minute")
    settings.LOGIN_LOCKOUT_ATTEMPTS = 100000
    TutorFactory(), StudentFactory()
    return {"Authorization": f"Bearer {token_pair_issue(user=StudentFactory()).access}"}


@pytest.mark.integration
@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_api_never_fails_and_matches_its_schema(case: schemathesis.Case, signed_in_headers: dict[str, str],
                                                live_server: Any) -> None:
    response = case.call(base_url=live_server.url, headers=signed_in_headers)
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error,
                                             schemathesis.checks.response_schema_conformance])
