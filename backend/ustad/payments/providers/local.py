"""The local test gateway: Ustad's own checkout page with test cards, so the whole flow works offline.

It behaves like a hosted provider. The buyer pays on `/pay/local/<id>`; the gateway decides by test card
number and reports the result as a signed webhook (`Ustad-Signature: t=<unix time>,v1=<HMAC-SHA256 of
"<t>.<body>" keyed with PAYMENT_LOCAL_SECRET>`) into the same pipeline as every provider. Subscriptions
renew monthly from a beat task that reports renewals the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from ustad.payments.providers.base import (
    CheckoutRequest,
    CheckoutStart,
    ProviderEvent,
    RefundResult,
    SubscriptionRequest,
    WebhookInvalidError,
    header,
)

SIGNATURE_HEADER = "Ustad-Signature"
TOLERANCE_SECONDS = 300
OTP = "123456"


@dataclass(frozen=True)
class TestCard:
    number: str
    outcome: str  # what the buyer sees on the page
    result: str  # succeeded | declined | insufficient_funds | requires_authentication
    renewals_fail: bool = False


TEST_CARDS = [
    TestCard("4242424242424242", "Succeeds", "succeeded"),
    TestCard("4000000000000002", "Declined", "declined"),
    TestCard("4000000000009995", "Insufficient funds", "insufficient_funds"),
    TestCard("4000002760003184", f"Needs authentication (code {OTP})", "requires_authentication"),
    TestCard("4000000000000341", "Succeeds; monthly renewals fail", "succeeded", renewals_fail=True),
]
FAILURES = {
    "declined": ("card_declined", "Your card was declined."),
    "insufficient_funds": ("insufficient_funds", "Your card has insufficient funds."),
    "authentication_failed": ("authentication_failed", "The one-time code was wrong, so the payment failed."),
    "unknown_card": ("card_declined", "Your card was declined: use one of the test cards."),
}


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in number]
    checksum = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        checksum += digit
    return checksum % 10 == 0


def card_for(number: str) -> TestCard | None:
    return next((card for card in TEST_CARDS if card.number == number), None)


def sign(body: bytes, *, timestamp: int | None = None, secret: str | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    key = (secret or settings.PAYMENT_LOCAL_SECRET).encode()
    digest = hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def signed_delivery(event: dict[str, object]) -> tuple[dict[str, str], bytes]:
    """Headers and body of a webhook delivery for `event`, as the gateway sends it."""
    body = json.dumps({"id": event.get("id") or f"evt_{uuid.uuid4().hex}", **event}).encode()
    return {SIGNATURE_HEADER: sign(body), "Content-Type": "application/json"}, body


def _verify(headers: Mapping[str, str], body: bytes) -> dict[str, object]:
    value = header(headers, SIGNATURE_HEADER)
    parts = dict(part.split("=", 1) for part in value.split(",") if "=" in part)
    if not parts.get("t", "").isdigit() or not parts.get("v1"):
        raise WebhookInvalidError("missing or malformed Ustad-Signature header")
    if abs(time.time() - int(parts["t"])) > TOLERANCE_SECONDS:
        raise WebhookInvalidError("the signature's timestamp is outside the tolerance")
    expected = sign(body, timestamp=int(parts["t"])).split("v1=", 1)[1]
    if not hmac.compare_digest(expected, parts["v1"]):
        raise WebhookInvalidError("the signature does not match the body")
    try:
        payload = json.loads(body)
    except ValueError as error:
        raise WebhookInvalidError("the body is not JSON") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), str) or not payload.get("type"):
        raise WebhookInvalidError("the body is not an event")
    return payload


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class LocalProvider:
    name = "local"
    label = "Test card (Ustad test gateway)"
    currencies = frozenset({"PKR", "USD"})
    supports_subscriptions = True

    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart:
        return CheckoutStart(provider_ref=f"lp_{uuid.UUID(request.payment_id).hex}",
                             redirect_url=f"{settings.SITE_URL}/pay/local/{request.payment_id}")

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart:
        return CheckoutStart(provider_ref=f"lsub_{uuid.UUID(request.subscription_id).hex}",
                             redirect_url=f"{settings.SITE_URL}/pay/local/{request.subscription_id}")

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        payload = _verify(headers, body)
        period_end = payload.get("period_end")
        return [ProviderEvent(
            event_id=str(payload["id"]), type=str(payload["type"]), raw_type=str(payload["type"]),
            local_ref=str(payload.get("local_ref") or ""), payment_ref=str(payload.get("payment_ref") or ""),
            captured_ref=str(payload.get("captured_ref") or ""),
            subscription_ref=str(payload.get("subscription_ref") or ""),
            refund_ref=str(payload.get("refund_ref") or ""), amount=_int(payload.get("amount")),
            currency=str(payload["currency"]) if payload.get("currency") else None,
            period_end=datetime.fromisoformat(period_end) if isinstance(period_end, str) else None,
            failure_code=str(payload.get("failure_code") or ""),
            failure_message=str(payload.get("failure_message") or ""))]

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        return []

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        return None  # the gateway reports every result at once; nothing is ever left unknown

    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult:
        return RefundResult(refund_ref=f"lre_{uuid.uuid4().hex}", succeeded=True)

    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None:
        return None  # the gateway renews only subscriptions Ustad still holds active

    def resume_subscription(self, *, subscription_ref: str) -> None:
        return None

