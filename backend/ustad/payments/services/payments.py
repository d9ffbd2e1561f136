"""Paying an order: one Payment per attempt at a provider; the provider's verdict arrives as events.

The buyer chooses a provider offered for the order's currency; the provider gives a page (or a form) to
send them to. When a provider cannot be reached the order stays pending and the buyer is told to try again;
nothing was charged. `payment_check` asks the provider about a payment that never came back.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.payments.models import Order, OrderStatus, Payment, PaymentStatus
from ustad.payments.providers import get_provider, provider_for_checkout
from ustad.payments.providers.base import CheckoutRequest, ProviderUnavailableError
from ustad.payments.services.buyables import refuse
from ustad.payments.services.orders import order_mark_paid

logger = logging.getLogger(__name__)

PAYABLE = (OrderStatus.PENDING, OrderStatus.FAILED)
UNAVAILABLE = ("The payment provider could not be reached, so nothing was charged. Your order is kept: "
               "try again in a minute, or choose another way to pay.")


def result_url(order: Order, *, cancelled: bool = False) -> str:
    return f"{settings.SITE_URL}/checkout/result?order={order.id}" + ("&cancelled=1" if cancelled else "")


def return_url(provider: str, order: Order) -> str:
    return f"{settings.SITE_URL}/api/v1/payments/return/{provider}?order={order.id}"


def webhook_url(provider: str) -> str:
    return f"{settings.SITE_URL}/api/v1/webhooks/{provider}"


def _describe(order: Order) -> str:
    titles = [item.title for item in order.items.all()[:3]]
    return ", ".join(titles)[:120] or f"Order {order.id}"


def payment_start(*, order: Order, provider_name: str) -> tuple[Payment | None, str, dict[str, str]]:
    """Start paying: returns the Payment, the page to send the buyer to and the form to POST there."""
    if order.status not in PAYABLE:
        raise refuse("not_payable", "This order is already paid." if order.status == OrderStatus.PAID
                     else "This order cannot be paid any more.", status_code=409)
    if order.total == 0:  # a coupon covered everything: nothing to collect
        order_mark_paid(order_id=order.id, provider="coupon", amount=0, currency=order.currency,
                        reference="free with coupon")
        return None, result_url(order), {}
    provider = provider_for_checkout(provider_name, order.currency)
    payment = Payment.objects.create(order=order, provider=provider.name, amount=order.total,
                                     currency=order.currency, provider_ref=f"new:{uuid.uuid4().hex}")
    buyer = order.buyer
    request = CheckoutRequest(
        payment_id=str(payment.id), order_id=str(order.id), amount=order.total, currency=order.currency,
        description=_describe(order), buyer_email=buyer.email, buyer_name=buyer.full_name or buyer.email,
        return_url=return_url(provider.name, order), cancel_url=result_url(order, cancelled=True),
        webhook_url=webhook_url(provider.name))
    try:
        start = provider.start_checkout(request)
    except ProviderUnavailableError as error:
        logger.warning("%s unavailable for order %s: %s", provider.name, order.id, error)
        payment.status, payment.failure_code = PaymentStatus.FAILED, "provider_unavailable"
        payment.failure_message = UNAVAILABLE[:300]
        payment.save(update_fields=["status", "failure_code", "failure_message", "updated_at"])
        raise ApplicationError(code="provider_unavailable", status_code=503, message=UNAVAILABLE) from error
    payment.provider_ref, payment.redirect_url = start.provider_ref[:120], start.redirect_url
    payment.form_fields = dict(start.form_fields)
    payment.save(update_fields=["provider_ref", "redirect_url", "form_fields", "updated_at"])
    if order.status == OrderStatus.FAILED:
        Order.objects.filter(id=order.id, status=OrderStatus.FAILED).update(status=OrderStatus.PENDING,
                                                                            updated_at=timezone.now())
    return payment, start.redirect_url, dict(start.form_fields)


def payment_check(*, order: Order) -> Order:
    """Ask the provider about the order's open payments (a buyer who never came back, a lost webhook)."""
    from ustad.payments.services.webhooks import events_process

    open_payments = order.payments.filter(status__in=[PaymentStatus.CREATED, PaymentStatus.PROCESSING])
    for payment in open_payments[:3]:
        try:
            event = get_provider(payment.provider).inquire(payment_ref=payment.provider_ref,
                                                          amount=payment.amount, currency=payment.currency)
        except ProviderUnavailableError as error:
            raise ApplicationError(code="provider_unavailable", status_code=503, message=UNAVAILABLE) from error
        Payment.objects.filter(id=payment.id).update(checked_at=timezone.now())
        if event is not None:
            events_process(provider_name=payment.provider, events=[event], payload="(status inquiry)")
    order.refresh_from_db()
    return order


def payments_inquire_stale(*, older_than_minutes: int = 15, limit: int = 100) -> int:
    """Beat task body: ask about payments started a while ago that no webhook settled."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    checked = 0
    stale = (Order.objects.filter(status=OrderStatus.PENDING, payments__status=PaymentStatus.CREATED,
                                  payments__created_at__lt=cutoff).exclude(payments__provider="local")
             .distinct()[:limit])
    for order in stale:
        try:
            with transaction.atomic():
                payment_check(order=order)
            checked += 1
        except ApplicationError as error:
            logger.info("status inquiry for order %s: %s", order.id, error.message)
    return checked


def payment_for_event(*, provider: str, local_ref: str, payment_ref: str, captured_ref: str) -> Payment | None:
    query = Payment.objects.select_for_update()
    if local_ref:
        try:
            found = query.filter(id=uuid.UUID(local_ref), provider=provider).first()
        except ValueError:
            found = None
        if found is not None:
            return found
    if payment_ref:
        found = query.filter(provider=provider, provider_ref=payment_ref).first()
        if found is not None:
            return found
    if captured_ref:
        return query.filter(provider=provider, provider_payment_ref=captured_ref).first()
    return None



