"""One interface for every payment provider.

A provider starts a checkout (a page to send the buyer to, or a form to POST there), turns a webhook
delivery into verified events (or refuses it), refunds a captured payment, and answers a status inquiry for a
payment that never came back. Everything after that (matching the order, the ledger, access) is the
payments service's job and the same for every provider.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


class ProviderUnavailableError(Exception):
    """The provider could not be reached or answered with an error: the order stays pending; retry later."""


class WebhookInvalidError(Exception):
    """The delivery is not from the provider (bad or missing signature) or cannot be read: answer 400."""


class EventType:
    PAYMENT_SUCCEEDED = "payment.succeeded"
    PAYMENT_FAILED = "payment.failed"
    REFUND_SUCCEEDED = "refund.succeeded"
    CHARGEBACK = "chargeback.created"
    SUBSCRIPTION_ACTIVATED = "subscription.activated"  # the first period is paid
    SUBSCRIPTION_RENEWED = "subscription.renewed"  # another period is paid
    SUBSCRIPTION_RENEWAL_FAILED = "subscription.renewal_failed"
    SUBSCRIPTION_CANCELLED = "subscription.cancelled"  # ends at the period's end
    SUBSCRIPTION_ENDED = "subscription.ended"  # ends now
    IGNORED = "ignored"  # verified, but nothing Ustad acts on


@dataclass(frozen=True)
class ProviderEvent:
    """A verified event in Ustad's terms.

    `event_id` is unique per provider and makes redelivery harmless. `payment_ref` names the Payment row
    (its `provider_ref`, e.g. the Checkout Session id); `subscription_ref` the Subscription row.
    Amounts are integers in minor units, as the provider reported them.
    """

    event_id: str
    type: str
    local_ref: str = ""  # our Payment or Subscription id, when the provider echoes it back
    payment_ref: str = ""
    captured_ref: str = ""  # the charge or capture to refund later
    subscription_ref: str = ""
    refund_ref: str = ""
    amount: int | None = None
    currency: str | None = None
    period_end: datetime | None = None
    failure_code: str = ""
    failure_message: str = ""
    raw_type: str = ""


@dataclass(frozen=True)
class CheckoutStart:
    """Where to send the buyer. With `form_fields`, the browser POSTs them to `redirect_url`."""

    provider_ref: str
    redirect_url: str
    form_fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckoutRequest:
    payment_id: str  # our Payment id: the provider's reference back to us
    order_id: str
    amount: int
    currency: str
    description: str
    buyer_email: str
    buyer_name: str
    return_url: str  # where the buyer lands after paying or cancelling
    cancel_url: str
    webhook_url: str  # where the provider reports (JazzCash and Easypaisa post the result back here)


@dataclass(frozen=True)
class SubscriptionRequest:
    subscription_id: str
    plan_name: str
    amount: int
    currency: str
    provider_plan_ref: str  # a Stripe price id, a PayPal plan id; blank for local
    buyer_email: str
    buyer_name: str
    return_url: str
    cancel_url: str
    webhook_url: str


@dataclass(frozen=True)
class RefundResult:
    refund_ref: str
    succeeded: bool  # False: the provider accepted it and reports the result by webhook later


class PaymentProvider(Protocol):
    name: str
    label: str  # what the buyer sees on the checkout page
    currencies: frozenset[str]
    supports_subscriptions: bool

    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart: ...

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        """Verify the delivery exactly as the provider documents and translate it; raise WebhookInvalidError."""
        ...

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        """The buyer came back to the return URL (its query, or the form the provider POSTed): the events
        this proves, verified (a JazzCash hash, a PayPal capture made now). Stripe and local return []."""
        ...

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        """Ask the provider what became of a payment: an event when it is settled, None while pending."""
        ...

    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult: ...

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart: ...

    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None: ...

    def resume_subscription(self, *, subscription_ref: str) -> None: ...


def header(headers: Mapping[str, str], name: str) -> str:
    """A request header by name, whatever its case (Django's META, a test's dict or httpx's headers)."""
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return str(value)
    return ""


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
