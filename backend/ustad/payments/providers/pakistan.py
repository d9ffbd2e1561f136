"""What JazzCash and Easypaisa share: Pakistan time, rupee amounts, our payment id in their short references,
and server-to-server calls whose failures leave the order pending (`ProviderUnavailableError`).

Both gateways take PKR only, have no subscriptions, and send results the buyer's browser carries back, so a
result is only believed when it is signed (JazzCash) or confirmed by a status inquiry (Easypaisa).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

import httpx
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.payments.providers.base import ProviderUnavailableError, WebhookInvalidError

logger = logging.getLogger(__name__)

KARACHI = ZoneInfo("Asia/Karachi")  # both gateways read merchant timestamps as Pakistan time
CURRENCY = "PKR"
TIMEOUT = httpx.Timeout(15.0)  # both sandboxes are slow; a timeout leaves the order pending, never failed


def karachi_now() -> datetime:
    return datetime.now(KARACHI)


def require_pkr(currency: str, label: str) -> None:
    if currency.upper() != CURRENCY:
        raise ApplicationError(code="currency_unsupported", status_code=status.HTTP_400_BAD_REQUEST,
                               message=f"{label} takes payments in PKR only.")


def not_configured(label: str) -> ApplicationError:
    return ApplicationError(code="provider_not_configured", status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
                            message=f"{label} is not configured on this server.")


def subscriptions_unsupported(label: str) -> ApplicationError:
    return ApplicationError(code="subscriptions_unsupported", status_code=status.HTTP_400_BAD_REQUEST,
                            message=f"{label} does not offer recurring payments; choose another way to pay.")


def compact_id(payment_id: str) -> str:
    """Our payment id (a UUID) as 32 letters and digits: both gateways accept only alphanumeric references."""
    return uuid.UUID(payment_id).hex


def payment_id_from(reference: str) -> str:
    """The payment id a reference carries back (`compact_id` reversed), or "" when it carries none."""
    try:
        return str(uuid.UUID(hex=reference.strip()))
    except ValueError:
        return ""


def rupees(amount: int) -> str:
    """Paisa as rupees with at least one decimal, as Easypay wants them: 150000 → "1500.0", 150050 → "1500.5"."""
    text = f"{Decimal(amount) / 100:.2f}"
    return text[:-1] if text.endswith("0") else text


def paisa(rupee_text: object) -> int:
    """A rupee amount a gateway reported ("1500.0", 1500.5) as paisa; ValueError unless it is exact."""
    try:
        value = Decimal(str(rupee_text).strip()) * 100
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {rupee_text!r}") from exc
    if value != value.to_integral_value() or value < 0:
        raise ValueError(f"not a whole, non-negative number of paisa: {rupee_text!r}")
    return int(value)


def read_fields(body: bytes) -> dict[str, str]:
    """A gateway's POST: a form (`a=1&b=2`) or a JSON object; WebhookInvalidError when it is neither."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WebhookInvalidError("The body is not UTF-8.") from exc
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise WebhookInvalidError("The body is not valid JSON.") from exc
        if not isinstance(data, dict):
            raise WebhookInvalidError("The body is not a JSON object.")
        return {str(key): "" if value is None else str(value) for key, value in data.items()}
    try:
        return dict(parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text.strip())))
    except ValueError as exc:
        raise WebhookInvalidError("The body is not a form.") from exc


def post_json(url: str, payload: Mapping[str, Any], *, what: str, headers: Mapping[str, str] | None = None,
              ) -> dict[str, Any]:
    """POST JSON and return the JSON object answered; any network error, timeout, error status or unreadable
    answer is `ProviderUnavailableError` (logged without the payload, which carries credentials)."""
    try:
        response = httpx.post(url, json=dict(payload), headers=dict(headers or {}), timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        logger.warning("%s failed: %s", what, type(exc).__name__)
        raise ProviderUnavailableError(f"{what}: no answer ({type(exc).__name__}).") from exc
    if response.status_code >= 400:
        logger.warning("%s answered HTTP %s", what, response.status_code)
        raise ProviderUnavailableError(f"{what}: HTTP {response.status_code}.")
    try:
        body = response.json()
    except ValueError as exc:
        raise ProviderUnavailableError(f"{what}: the answer is not JSON.") from exc
    if not isinstance(body, dict):
        raise ProviderUnavailableError(f"{what}: the answer is not a JSON object.")
    return body
