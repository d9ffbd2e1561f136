"""The local test gateway's side: its card page and its monthly renewals.

It stands where a provider's hosted page stands. It checks the card, decides by test card number, and
reports the result to Ustad as a signed webhook delivered into the same pipeline every provider uses.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.payments.models import Payment, Subscription, SubscriptionStatus
from ustad.payments.providers.base import EventType
from ustad.payments.providers.local import FAILURES, OTP, card_for, luhn_valid, signed_delivery
from ustad.payments.services.payments import result_url
from ustad.payments.services.subscriptions import add_month
from ustad.payments.services.webhooks import webhook_receive

RENEWALS_FAIL_SUFFIX = "_rf"  # the gateway's note that this card's renewals will be refused


@dataclass(frozen=True)
class Charge:
    """What the gateway's page charges: a payment, or a subscription's first month."""

    payment: Payment | None
    subscription: Subscription | None

    @property
    def amount(self) -> int:
        return self.payment.amount if self.payment else self.subscription.plan.price_amount  # type: ignore[union-attr]

    @property
    def currency(self) -> str:
        return self.payment.currency if self.payment else self.subscription.plan.currency  # type: ignore[union-attr]

    @property
    def buyer_id(self) -> Any:
        return self.payment.order.buyer_id if self.payment else self.subscription.user_id  # type: ignore[union-attr]

    @property
    def description(self) -> str:
        if self.payment:
            titles = [item.title for item in self.payment.order.items.all()[:3]]
            return ", ".join(titles) or "Order"
        return f"{self.subscription.plan.name}: monthly subscription"  # type: ignore[union-attr]

    @property
    def status(self) -> str:
        if self.payment:
            return str(self.payment.status)
        return "created" if self.subscription.status == SubscriptionStatus.INCOMPLETE else "succeeded"  # type: ignore[union-attr]

    @property
    def done_url(self) -> str:
        if self.payment:
            return result_url(self.payment.order)
        return f"/my/subscription?subscription={self.subscription.id}"  # type: ignore[union-attr]


def charge_get(*, charge_id: Any, user: Any) -> Charge:
    """The payment or subscription behind a gateway page; only its buyer may see it (others: 404)."""
    try:
        key = uuid.UUID(str(charge_id))
    except ValueError:
        key = None
    payment = Payment.objects.filter(id=key, provider="local").select_related("order").first() if key else None
    subscription = None
    if payment is None and key is not None:
        subscription = Subscription.objects.filter(id=key, provider="local").select_related("plan").first()
    charge = Charge(payment=payment, subscription=subscription)
    if (payment is None and subscription is None) or charge.buyer_id != user.id:
        raise ApplicationError(code="not_found", status_code=404, message="No such payment.")
    return charge


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", status_code=400, message=message, fields={field: [message]})


def card_check(*, card_number: str, expiry: str, cvc: str, name: str, now: datetime) -> str:
    number = re.sub(r"[\s-]", "", card_number)
    if not number.isdigit() or not 12 <= len(number) <= 19 or not luhn_valid(number):
        raise _field_error("card_number", "Enter a valid card number.")
    match = re.fullmatch(r"\s*(\d{2})\s*/\s*(\d{2})\s*", expiry)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise _field_error("expiry", "Enter the expiry date as MM/YY.")
    month, year = int(match.group(1)), 2000 + int(match.group(2))
    if (year, month) < (now.year, now.month):
        raise _field_error("expiry", "This card has expired.")
    if not re.fullmatch(r"\d{3,4}", cvc.strip()):
        raise _field_error("cvc", "Enter the 3 or 4 digits on the back of the card.")
    if not name.strip():
        raise _field_error("name", "Enter the name on the card.")
    return number


@dataclass(frozen=True)
class GatewayResult:
    status: str  # succeeded | failed | requires_authentication
    message: str
    redirect_url: str


def _deliver(event: dict[str, object]) -> None:
    headers, body = signed_delivery(event)
    webhook_receive(provider_name="local", headers=headers, body=body, remote_addr="127.0.0.1")


def charge_pay(*, charge: Charge, card_number: str, expiry: str, cvc: str, name: str,
               otp: str | None) -> GatewayResult:
    if charge.status != "created":
        return GatewayResult("succeeded" if charge.status == "succeeded" else "failed",
                             "This payment has already been settled.", charge.done_url)
    number = card_check(card_number=card_number, expiry=expiry, cvc=cvc, name=name, now=timezone.now())
    card = card_for(number)
    result = card.result if card else "unknown_card"
    if result == "requires_authentication":
        if not otp:
            return GatewayResult("requires_authentication",
                                 f"Your bank asks for a one-time code. (Test code: {OTP}.)", "")
        result = "succeeded" if otp.strip() == OTP else "authentication_failed"
    if charge.payment is not None:
        return _pay_order(charge, charge.payment, result)
    return _pay_subscription(charge, charge.subscription, result, renewals_fail=bool(card and card.renewals_fail))  # type: ignore[arg-type]


def _pay_order(charge: Charge, payment: Payment, result: str) -> GatewayResult:
    if result == "succeeded":
        _deliver({"type": EventType.PAYMENT_SUCCEEDED, "local_ref": str(payment.id),
                  "payment_ref": payment.provider_ref, "captured_ref": f"lch_{uuid.uuid4().hex}",
                  "amount": payment.amount, "currency": payment.currency})
        return GatewayResult("succeeded", "Payment approved.", charge.done_url)
    code, message = FAILURES[result]
    _deliver({"type": EventType.PAYMENT_FAILED, "local_ref": str(payment.id), "payment_ref": payment.provider_ref,
              "failure_code": code, "failure_message": message})
    return GatewayResult("failed", message, charge.done_url)


def _pay_subscription(charge: Charge, subscription: Subscription, result: str, *,
                      renewals_fail: bool) -> GatewayResult:
    if result != "succeeded":
        return GatewayResult("failed", FAILURES[result][1], charge.done_url)
    reference = f"lsub_{subscription.id.hex}" + (RENEWALS_FAIL_SUFFIX if renewals_fail else "")
    _deliver({"type": EventType.SUBSCRIPTION_ACTIVATED, "local_ref": str(subscription.id),
              "subscription_ref": reference, "captured_ref": f"lch_{uuid.uuid4().hex}",
              "amount": subscription.plan.price_amount, "currency": subscription.plan.currency,
              "period_end": add_month(timezone.now()).isoformat()})
    return GatewayResult("succeeded", "Subscription started.", charge.done_url)


def charge_cancel(*, charge: Charge) -> str:
    if charge.payment is not None and charge.status == "created":
        _deliver({"type": EventType.PAYMENT_FAILED, "local_ref": str(charge.payment.id),
                  "payment_ref": charge.payment.provider_ref, "failure_code": "cancelled",
                  "failure_message": "You cancelled the payment."})
        return result_url(charge.payment.order, cancelled=True)
    if charge.payment is not None:
        return charge.done_url
    return "/my/subscription?cancelled=1"


def local_renewals_run(*, now: datetime) -> int:
    """Renew the gateway's subscriptions that are due: charge the saved card and report the result."""
    due = Subscription.objects.filter(provider="local", status__in=[SubscriptionStatus.ACTIVE],
                                      cancel_at_period_end=False, current_period_end__lte=now)
    renewed = 0
    for subscription in due.select_related("plan"):
        period_end = subscription.current_period_end or now
        event_id = f"evt_renewal_{subscription.id.hex}_{int(period_end.timestamp())}"
        with transaction.atomic():
            if subscription.provider_ref.endswith(RENEWALS_FAIL_SUFFIX):
                _deliver({"id": event_id, "type": EventType.SUBSCRIPTION_RENEWAL_FAILED,
                          "local_ref": str(subscription.id), "subscription_ref": subscription.provider_ref,
                          "failure_code": "card_declined", "failure_message": "The card was declined."})
                continue
            _deliver({"id": event_id, "type": EventType.SUBSCRIPTION_RENEWED, "local_ref": str(subscription.id),
                      "subscription_ref": subscription.provider_ref, "captured_ref": f"lch_{uuid.uuid4().hex}",
                      "amount": subscription.plan.price_amount, "currency": subscription.plan.currency,
                      "period_end": add_month(period_end).isoformat()})
            renewed += 1
    return renewed
