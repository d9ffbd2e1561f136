"""Card payments and monthly subscriptions through Stripe Checkout (docs/payments-stripe.md).

The buyer pays on Stripe's hosted page. What Ustad acts on comes only from signed webhooks or a status inquiry,
never from the buyer's return, so `handle_return` proves nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import stripe
from django.conf import settings

from ustad.core.errors import ApplicationError
from ustad.payments.providers.base import (
    CheckoutRequest,
    CheckoutStart,
    EventType,
    ProviderEvent,
    ProviderUnavailableError,
    RefundResult,
    SubscriptionRequest,
    WebhookInvalidError,
    as_dict,
    header,
)

logger = logging.getLogger(__name__)

SIGNATURE_TOLERANCE_SECONDS = 300  # Stripe's documented default: older deliveries may be replays
NETWORK_RETRIES = 1  # a retry reuses the request's Idempotency-Key, so it never creates twice
DEFAULT_TIMEOUT_SECONDS = 20.0


class StripeProvider:
    name = "stripe"
    label = "Card (Stripe)"
    currencies = frozenset({"PKR", "USD"})
    supports_subscriptions = True

    def __init__(self) -> None:
        self._secret_key: str = settings.STRIPE_SECRET_KEY
        self._webhook_secret: str = settings.STRIPE_WEBHOOK_SECRET
        self._api_base: str = settings.STRIPE_API_BASE
        self._timeout = float(getattr(settings, "STRIPE_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))

    # --- Checkout -------------------------------------------------------------------------------
    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart:
        refs = {"payment_id": request.payment_id, "order_id": request.order_id}
        with _stripe_call("start the checkout"):
            session = self._client().v1.checkout.sessions.create(
                {
                    "mode": "payment",
                    "line_items": [{"quantity": 1, "price_data": {
                        "currency": request.currency.lower(), "unit_amount": request.amount,
                        "product_data": {"name": request.description or "Ustad order"}}}],
                    "success_url": request.return_url,
                    "cancel_url": request.cancel_url,
                    "client_reference_id": request.payment_id,
                    "metadata": refs,
                    "payment_intent_data": {"metadata": refs},
                    **({"customer_email": request.buyer_email} if request.buyer_email else {}),
                },
                {"idempotency_key": f"ustad-checkout-{request.payment_id}"},
            )
        return CheckoutStart(provider_ref=session.id, redirect_url=session.url or "")

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart:
        """An unfinished subscription is started again from the same row: the key holds the day, so a double
        click gets one session and a later try a fresh one (a session lives 24 hours, as keys do)."""
        refs = {"subscription_id": request.subscription_id}
        day = datetime.now(tz=UTC).strftime("%Y%m%d")
        with _stripe_call("start the subscription"):
            session = self._client().v1.checkout.sessions.create(
                {
                    "mode": "subscription",
                    "line_items": [
                        {"quantity": 1, "price": request.provider_plan_ref} if request.provider_plan_ref else
                        {"quantity": 1, "price_data": {
                            "currency": request.currency.lower(), "unit_amount": request.amount,
                            "recurring": {"interval": "month"}, "product_data": {"name": request.plan_name}}}],
                    "success_url": request.return_url,
                    "cancel_url": request.cancel_url,
                    "client_reference_id": request.subscription_id,
                    "metadata": refs,
                    "subscription_data": {"metadata": refs},
                    **({"customer_email": request.buyer_email} if request.buyer_email else {}),
                },
                {"idempotency_key": f"ustad-subscription-{request.subscription_id}-{day}"},
            )
        return CheckoutStart(provider_ref=session.id, redirect_url=session.url or "")

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        return []  # the return URL is not signed: only webhooks and inquiries count

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        with _stripe_call("look up the checkout"):
            session = self._client().v1.checkout.sessions.retrieve(payment_ref).to_dict()
        if session.get("status") == "complete" and session.get("payment_status") == "paid":
            return _payment_event(f"inquiry:{payment_ref}:succeeded", EventType.PAYMENT_SUCCEEDED, session,
                                  "checkout.session")
        if session.get("status") == "expired":
            return _payment_event(f"inquiry:{payment_ref}:failed", EventType.PAYMENT_FAILED, session,
                                  "checkout.session", failure_code="expired")
        return None

    # --- Refunds ----------------------------------------------------------------------------------
    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult:
        """The idempotency key is the payment, the amount and the reason: asking again after a lost answer (or
        a double click) makes one refund within Stripe's 24 hours; a second refund needs its own reason."""
        fingerprint = hashlib.sha256(reason.encode()).hexdigest()[:16]
        with _stripe_call("refund the payment"):
            refund = self._client().v1.refunds.create(
                {"payment_intent": captured_ref, "amount": amount,
                 "metadata": {"payment_ref": payment_ref, "reason": reason[:500]}},
                {"idempotency_key": f"ustad-refund-{captured_ref}-{amount}-{fingerprint}"},
            )
        if refund.status in ("failed", "canceled"):
            raise ApplicationError(code="provider_refused", status_code=502,
                                   message=f"Stripe could not refund this payment ({refund.failure_reason}).")
        return RefundResult(refund_ref=refund.id, succeeded=refund.status == "succeeded")

    # --- Subscriptions ----------------------------------------------------------------------------
    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None:
        client = self._client()
        with _stripe_call("cancel the subscription"):
            if at_period_end:
                client.v1.subscriptions.update(subscription_ref, {"cancel_at_period_end": True})
            else:
                client.v1.subscriptions.cancel(subscription_ref)

    def resume_subscription(self, *, subscription_ref: str) -> None:
        with _stripe_call("resume the subscription"):
            self._client().v1.subscriptions.update(subscription_ref, {"cancel_at_period_end": False})

    # --- Webhooks ---------------------------------------------------------------------------------
    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        """Verify `Stripe-Signature` as Stripe documents it (HMAC-SHA256 of "<t>.<body>" with the endpoint's
        signing secret, a timestamp at most 5 minutes old), then translate the event."""
        if not self._webhook_secret:
            raise _not_configured()
        try:
            payload = body.decode("utf-8")
            stripe.WebhookSignature.verify_header(payload, header(headers, "Stripe-Signature"),
                                                  self._webhook_secret, tolerance=SIGNATURE_TOLERANCE_SECONDS)
            event = json.loads(payload)
        except (UnicodeDecodeError, ValueError, stripe.SignatureVerificationError) as exc:
            raise WebhookInvalidError(f"Stripe webhook refused: {exc}") from exc
        if not isinstance(event, dict) or event.get("object") != "event" or not event.get("id"):
            raise WebhookInvalidError("Stripe webhook refused: the body is not a Stripe event.")
        return events_from(event)

    def _client(self) -> stripe.StripeClient:
        if not self._secret_key:
            raise _not_configured()
        return stripe.StripeClient(self._secret_key, base_addresses={"api": self._api_base},
                                   http_client=stripe.RequestsClient(timeout=self._timeout),
                                   max_network_retries=NETWORK_RETRIES)


def _not_configured() -> ApplicationError:
    return ApplicationError(code="provider_not_configured", status_code=503,
                            message="Card payments through Stripe are not set up on this server.")


@contextmanager
def _stripe_call(action: str) -> Iterator[None]:
    """Outages (no connection, a timeout, 5xx, 429, a concurrent request with the same key) may pass: the
    caller tries again later. Other 4xx answers are refusals the buyer or an admin should read."""
    try:
        yield
    except stripe.StripeError as exc:
        status = exc.http_status or 0
        if isinstance(exc, stripe.APIConnectionError) or status >= 500 or status in (0, 409, 429):
            raise ProviderUnavailableError(f"Stripe could not {action} ({status or 'no answer'}): "
                                      f"{exc.user_message}") from exc
        if status in (401, 403):
            logger.error("Stripe refused the API key while trying to %s: %s", action, exc.user_message)
            raise ApplicationError(code="provider_refused", status_code=502,
                                   message="Stripe did not accept this server's API key.") from exc
        raise ApplicationError(code="provider_refused", status_code=502,
                               message=f"Stripe refused: {exc.user_message}") from exc


# --- Events -------------------------------------------------------------------------------------------
Handler = Callable[[str, str, dict[str, Any]], list[ProviderEvent]]


def events_from(event: dict[str, Any]) -> list[ProviderEvent]:
    """A verified Stripe event in Ustad's terms; IGNORED when Ustad does not act on it."""
    event_id, kind = str(event["id"]), str(event.get("type") or "")
    obj = as_dict(as_dict(event.get("data")).get("object"))
    handler = _HANDLERS.get(kind)
    found = handler(event_id, kind, obj) if handler else []
    return found or [ProviderEvent(event_id=event_id, type=EventType.IGNORED, raw_type=kind)]


def _ref(value: Any) -> str:
    """An id, whether Stripe sent it as a string or as an expanded object."""
    if isinstance(value, dict):
        return str(value.get("id") or "")
    return str(value or "")


def _when(value: Any) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if isinstance(value, int) and value > 0 else None


def _currency(value: Any) -> str | None:
    return str(value).upper() if value else None


def _payment_event(event_id: str, kind: str, session: dict[str, Any], raw_type: str,
                   failure_code: str = "") -> ProviderEvent:
    metadata = as_dict(session.get("metadata"))
    return ProviderEvent(
        event_id=event_id, type=kind, raw_type=raw_type,
        local_ref=str(metadata.get("payment_id") or session.get("client_reference_id") or ""),
        payment_ref=str(session.get("id") or ""), captured_ref=_ref(session.get("payment_intent")),
        amount=session.get("amount_total"), currency=_currency(session.get("currency")),
        failure_code=failure_code,
        failure_message="The checkout expired before it was paid." if failure_code == "expired" else
        "The payment did not go through." if failure_code else "",
    )


def _session_paid(event_id: str, kind: str, session: dict[str, Any]) -> list[ProviderEvent]:
    if session.get("mode") != "payment" or session.get("payment_status") != "paid":
        return []  # a subscription's money arrives as invoice.paid; a delayed method as async_payment_succeeded
    return [_payment_event(event_id, EventType.PAYMENT_SUCCEEDED, session, kind)]


def _session_failed(event_id: str, kind: str, session: dict[str, Any]) -> list[ProviderEvent]:
    if session.get("mode") != "payment":
        return []
    code = "expired" if kind == "checkout.session.expired" else "async_payment_failed"
    return [_payment_event(event_id, EventType.PAYMENT_FAILED, session, kind, failure_code=code)]


def _refund_event(event_id: str, kind: str, refund: dict[str, Any], payment_intent: str = "") -> ProviderEvent:
    return ProviderEvent(event_id=event_id, type=EventType.REFUND_SUCCEEDED, raw_type=kind,
                         captured_ref=_ref(refund.get("payment_intent")) or payment_intent,
                         refund_ref=str(refund.get("id") or ""), amount=refund.get("amount"),
                         currency=_currency(refund.get("currency")))


def _refund(event_id: str, kind: str, refund: dict[str, Any]) -> list[ProviderEvent]:
    return [_refund_event(event_id, kind, refund)] if refund.get("status") == "succeeded" else []


def _charge_refunded(event_id: str, kind: str, charge: dict[str, Any]) -> list[ProviderEvent]:
    """One event per refund the charge lists (older API versions include them; newer ones rely on refund.*)."""
    refunds = [as_dict(item) for item in as_dict(charge.get("refunds")).get("data") or []]
    return [_refund_event(f"{event_id}:{refund.get('id')}", kind, refund, _ref(charge.get("payment_intent")))
            for refund in refunds if refund.get("status") == "succeeded"]


def _dispute(event_id: str, kind: str, dispute: dict[str, Any]) -> list[ProviderEvent]:
    return [ProviderEvent(event_id=event_id, type=EventType.CHARGEBACK, raw_type=kind,
                          captured_ref=_ref(dispute.get("payment_intent")) or _ref(dispute.get("charge")),
                          refund_ref=str(dispute.get("id") or ""), amount=dispute.get("amount"),
                          currency=_currency(dispute.get("currency")),
                          failure_code=str(dispute.get("reason") or ""))]


def _invoice_subscription(invoice: dict[str, Any]) -> tuple[str, str]:
    """(Stripe's subscription id, our Subscription id), wherever this API version puts them: the invoice's
    parent (2025-03-31 and later), its top level (older), or its subscription lines."""
    details = as_dict(as_dict(invoice.get("parent")).get("subscription_details"))
    subscription_ref = _ref(details.get("subscription")) or _ref(invoice.get("subscription"))
    local_ref = str(as_dict(details.get("metadata")).get("subscription_id") or "")
    local_ref = local_ref or str(as_dict(as_dict(invoice.get("subscription_details")).get("metadata"))
                                 .get("subscription_id") or "")
    for line in _lines(invoice):
        item = as_dict(as_dict(line.get("parent")).get("subscription_item_details"))
        subscription_ref = subscription_ref or _ref(item.get("subscription")) or _ref(line.get("subscription"))
        local_ref = local_ref or str(as_dict(line.get("metadata")).get("subscription_id") or "")
    return subscription_ref, local_ref


def _lines(invoice: dict[str, Any]) -> list[dict[str, Any]]:
    return [as_dict(line) for line in as_dict(invoice.get("lines")).get("data") or []]


def _paid_until(invoice: dict[str, Any]) -> datetime | None:
    """The end of the period this invoice pays for: its lines' period (the invoice's own period_end is when
    items stopped being added, which for a first invoice is its start)."""
    ends = [as_dict(line.get("period")).get("end") for line in _lines(invoice)]
    return max((when for when in map(_when, ends) if when), default=None)


_INVOICE_PAID = {"subscription_create": EventType.SUBSCRIPTION_ACTIVATED,
                 "subscription_cycle": EventType.SUBSCRIPTION_RENEWED}


def _invoice_paid(event_id: str, kind: str, invoice: dict[str, Any]) -> list[ProviderEvent]:
    event_type = _INVOICE_PAID.get(str(invoice.get("billing_reason")))
    subscription_ref, local_ref = _invoice_subscription(invoice)
    if event_type is None or not subscription_ref:
        return []  # a proration or a one-off invoice pays for no new period
    return [ProviderEvent(event_id=event_id, type=event_type, raw_type=kind, local_ref=local_ref,
                          subscription_ref=subscription_ref, amount=invoice.get("amount_paid"),
                          currency=_currency(invoice.get("currency")), period_end=_paid_until(invoice))]


def _invoice_failed(event_id: str, kind: str, invoice: dict[str, Any]) -> list[ProviderEvent]:
    subscription_ref, local_ref = _invoice_subscription(invoice)
    if not subscription_ref:
        return []
    return [ProviderEvent(event_id=event_id, type=EventType.SUBSCRIPTION_RENEWAL_FAILED, raw_type=kind,
                          local_ref=local_ref, subscription_ref=subscription_ref, amount=invoice.get("amount_due"),
                          currency=_currency(invoice.get("currency")), failure_code="payment_failed",
                          failure_message=f"Payment attempt {invoice.get('attempt_count') or 1} failed.")]


def _subscription_event(event_id: str, kind: str, event_type: str, subscription: dict[str, Any],
                        period_end: datetime | None) -> ProviderEvent:
    return ProviderEvent(event_id=event_id, type=event_type, raw_type=kind,
                         local_ref=str(as_dict(subscription.get("metadata")).get("subscription_id") or ""),
                         subscription_ref=str(subscription.get("id") or ""), period_end=period_end)


def _current_period_end(subscription: dict[str, Any]) -> datetime | None:
    """On the subscription (older API versions) or on its items (2025-03-31 and later)."""
    items = [as_dict(item) for item in as_dict(subscription.get("items")).get("data") or []]
    ends = [subscription.get("current_period_end"), *(item.get("current_period_end") for item in items)]
    return max((when for when in map(_when, ends) if when), default=None)


def _subscription_updated(event_id: str, kind: str, subscription: dict[str, Any]) -> list[ProviderEvent]:
    if subscription.get("cancel_at_period_end") is not True:
        return []
    ends = _when(subscription.get("cancel_at")) or _current_period_end(subscription)
    return [_subscription_event(event_id, kind, EventType.SUBSCRIPTION_CANCELLED, subscription, ends)]


def _subscription_deleted(event_id: str, kind: str, subscription: dict[str, Any]) -> list[ProviderEvent]:
    ended = _when(subscription.get("ended_at")) or _when(subscription.get("canceled_at"))
    return [_subscription_event(event_id, kind, EventType.SUBSCRIPTION_ENDED, subscription, ended)]


_HANDLERS: dict[str, Handler] = {
    "checkout.session.completed": _session_paid,
    "checkout.session.async_payment_succeeded": _session_paid,
    "checkout.session.async_payment_failed": _session_failed,
    "checkout.session.expired": _session_failed,
    "refund.created": _refund,
    "refund.updated": _refund,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute,
    "invoice.paid": _invoice_paid,
    "invoice.payment_failed": _invoice_failed,
    "customer.subscription.updated": _subscription_updated,
    "customer.subscription.deleted": _subscription_deleted,
}
