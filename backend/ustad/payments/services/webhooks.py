"""The one pipeline every provider's news goes through: verify, record once, apply.

A delivery is verified by its provider (a bad or missing signature is refused with 400, logged, and changes
nothing). Each verified event is recorded under its provider's event id inside the same transaction that
applies it, so the same event delivered twice, or twenty times at once, is applied exactly once: the other
deliveries wait on the unique index and then find it taken. An event that cannot be applied yet (a refund
before its payment) is refused with 409 and not recorded, so the provider delivers it again later.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.payments.models import (
    OrderStatus,
    Payment,
    PaymentStatus,
    RefundKind,
    WebhookEvent,
    WebhookOutcome,
)
from ustad.payments.providers import get_provider
from ustad.payments.providers.base import EventType, ProviderEvent, ProviderUnavailableError, WebhookInvalidError
from ustad.payments.services.orders import order_mark_paid
from ustad.payments.services.payments import payment_for_event
from ustad.payments.services.refunds import order_refund_record

logger = logging.getLogger(__name__)

MAX_PAYLOAD = 64 * 1024
SUBSCRIPTION_EVENTS = {EventType.SUBSCRIPTION_ACTIVATED, EventType.SUBSCRIPTION_RENEWED,
                       EventType.SUBSCRIPTION_RENEWAL_FAILED, EventType.SUBSCRIPTION_CANCELLED,
                       EventType.SUBSCRIPTION_ENDED}


class EventNotYetApplicableError(Exception):
    """The event depends on one not seen yet: refuse it so the provider delivers it again."""


def _payload_text(body: bytes) -> str:
    return body[:MAX_PAYLOAD].decode("utf-8", errors="replace")


def webhook_receive(*, provider_name: str, headers: Mapping[str, str], body: bytes,
                    remote_addr: str | None = None) -> int:
    """Verify a delivery and apply its events. Returns how many were applied now (0 for duplicates)."""
    provider = get_provider(provider_name)
    try:
        events = provider.parse_webhook(headers=headers, body=body)
    except ProviderUnavailableError as error:  # the provider's verification service is down: it will retry
        logger.warning("%s webhook could not be verified now: %s", provider_name, error)
        raise ApplicationError(code="provider_unavailable", status_code=503,
                               message="The webhook could not be verified right now; deliver it again.") from error
    except WebhookInvalidError as error:
        logger.warning("%s webhook rejected from %s: %s", provider_name, remote_addr, error)
        WebhookEvent.objects.create(provider=provider_name, outcome=WebhookOutcome.REJECTED, error=str(error)[:300],
                                    payload=_payload_text(body), remote_addr=remote_addr or None)
        raise ApplicationError(code="webhook_invalid", status_code=400,
                               message="The webhook's signature could not be verified.") from error
    return events_process(provider_name=provider_name, events=events, payload=_payload_text(body),
                          remote_addr=remote_addr)


def events_process(*, provider_name: str, events: Sequence[ProviderEvent], payload: str,
                   remote_addr: str | None = None) -> int:
    applied = 0
    for event in events:
        try:
            with transaction.atomic():
                record = WebhookEvent.objects.create(
                    provider=provider_name, event_id=event.event_id[:120], event_type=event.type[:80],
                    outcome=WebhookOutcome.PROCESSED, payload=payload, remote_addr=remote_addr or None)
                outcome, error = event_apply(provider_name, event)
                if outcome != WebhookOutcome.PROCESSED:
                    record.outcome, record.error = outcome, error[:300]
                    record.save(update_fields=["outcome", "error", "updated_at"])
            applied += outcome == WebhookOutcome.PROCESSED
        except IntegrityError:  # this event was applied before (or is being applied right now, and won)
            logger.info("%s event %s delivered again: ignored", provider_name, event.event_id)
        except EventNotYetApplicableError as reason:
            WebhookEvent.objects.create(provider=provider_name, event_type=event.type[:80],
                                        outcome=WebhookOutcome.FAILED, error=f"{event.event_id}: {reason}"[:300],
                                        payload=payload, remote_addr=remote_addr or None)
            raise ApplicationError(code="event_out_of_order", status_code=409,
                                   message=f"Not applied yet: {reason}. Deliver it again later.") from None
    return applied


def event_apply(provider: str, event: ProviderEvent) -> tuple[str, str]:
    """Apply one verified event; returns (outcome, why) for the log."""
    if event.type in SUBSCRIPTION_EVENTS:
        from ustad.payments.services.subscriptions import subscription_event_apply

        return subscription_event_apply(provider, event)
    if event.type not in (EventType.PAYMENT_SUCCEEDED, EventType.PAYMENT_FAILED, EventType.REFUND_SUCCEEDED,
                          EventType.CHARGEBACK):
        return WebhookOutcome.IGNORED, f"nothing to do for {event.raw_type or event.type}"
    payment = payment_for_event(provider=provider, local_ref=event.local_ref, payment_ref=event.payment_ref,
                                captured_ref=event.captured_ref)
    if payment is None:
        if event.type in (EventType.REFUND_SUCCEEDED, EventType.CHARGEBACK):
            raise EventNotYetApplicableError("no payment is known for this refund")
        return WebhookOutcome.IGNORED, "no payment of ours matches this event"
    if event.type == EventType.PAYMENT_SUCCEEDED:
        return _payment_succeeded(provider, payment, event)
    if event.type == EventType.PAYMENT_FAILED:
        return _payment_failed(payment, event)
    return _refunded(payment, event)


def _payment_succeeded(provider: str, payment: Payment, event: ProviderEvent) -> tuple[str, str]:
    if event.amount != payment.amount or (event.currency or "").upper() != payment.currency:
        logger.error("%s reported %s %s for payment %s of %s %s: nothing granted", provider, event.amount,
                     event.currency, payment.id, payment.amount, payment.currency)
        payment.status, payment.failure_code = PaymentStatus.FAILED, "amount_mismatch"
        payment.failure_message = "The amount paid did not match the order; support has been told."
        payment.save(update_fields=["status", "failure_code", "failure_message", "updated_at"])
        return WebhookOutcome.REJECTED, "amount or currency does not match the order"
    already_paid = Payment.objects.filter(order_id=payment.order_id, status=PaymentStatus.SUCCEEDED).exclude(
        id=payment.id).exists()
    payment.status = PaymentStatus.SUCCEEDED
    payment.provider_payment_ref = (event.captured_ref or payment.provider_payment_ref)[:120]
    payment.failure_code = payment.failure_message = ""
    if already_paid:  # the buyer paid twice (two tabs, two providers): give the second payment back
        payment.failure_code = "duplicate_refunded"
        payment.failure_message = "The order was already paid, so this payment is refunded in full."
        transaction.on_commit(lambda: _refund_duplicate(payment.id))
    payment.save(update_fields=["status", "provider_payment_ref", "failure_code", "failure_message", "updated_at"])
    if already_paid:
        return WebhookOutcome.PROCESSED, "a second payment for a paid order: refunded"
    try:
        order_mark_paid(order_id=payment.order_id, provider=provider, amount=payment.amount,
                        currency=payment.currency, reference=event.captured_ref or payment.provider_ref)
    except ApplicationError as error:  # the order's own figures changed: never grant on a mismatch
        return WebhookOutcome.REJECTED, error.message
    return WebhookOutcome.PROCESSED, ""


def _refund_duplicate(payment_id: Any) -> None:
    """Send a duplicate payment back. It never became part of the order, so the ledger does not move."""
    payment = Payment.objects.get(id=payment_id)
    try:
        get_provider(payment.provider).refund(payment_ref=payment.provider_ref,
                                              captured_ref=payment.provider_payment_ref or payment.provider_ref,
                                              amount=payment.amount, currency=payment.currency,
                                              reason="Duplicate payment")
    except Exception:
        logger.exception("refunding duplicate payment %s failed: refund it at %s by hand", payment.id,
                         payment.provider)


def _payment_failed(payment: Payment, event: ProviderEvent) -> tuple[str, str]:
    if payment.status == PaymentStatus.SUCCEEDED:
        return WebhookOutcome.IGNORED, "the payment had already succeeded"
    payment.status = PaymentStatus.CANCELLED if event.failure_code == "cancelled" else PaymentStatus.FAILED
    payment.failure_code = (event.failure_code or "failed")[:40]
    payment.failure_message = (event.failure_message or "The payment did not go through.")[:300]
    payment.save(update_fields=["status", "failure_code", "failure_message", "updated_at"])
    order = payment.order
    if order.status == OrderStatus.PENDING and not order.payments.filter(
            status__in=[PaymentStatus.CREATED, PaymentStatus.PROCESSING, PaymentStatus.SUCCEEDED]).exists():
        type(order).objects.filter(id=order.id, status=OrderStatus.PENDING).update(
            status=OrderStatus.FAILED, updated_at=timezone.now())
    return WebhookOutcome.PROCESSED, ""


def _refunded(payment: Payment, event: ProviderEvent) -> tuple[str, str]:
    kind = RefundKind.CHARGEBACK if event.type == EventType.CHARGEBACK else RefundKind.REFUND
    try:
        order_refund_record(order_id=payment.order_id, amount=event.amount,
                            provider_ref=event.refund_ref or event.event_id, kind=kind,
                            reason="Disputed by the buyer's bank" if kind == RefundKind.CHARGEBACK else "")
    except ApplicationError as error:
        if error.code == "not_paid":
            raise EventNotYetApplicableError("the payment this refunds has not been recorded") from error
        raise
    return WebhookOutcome.PROCESSED, ""
