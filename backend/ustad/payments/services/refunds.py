"""Refunds and chargebacks: money goes back, the ledger is reversed in proportion, access is taken away.

A refund is recorded once per provider refund id (`Refund.provider_ref`), so a redelivered webhook, or the
webhook that follows a refund an admin made here, moves money once. A refund for an order that is not paid
yet (the provider's events arrived out of order) is refused with `not_paid`, so the provider delivers it
again later, after the payment. A full refund or any chargeback ends access; a partial refund keeps it.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from ustad.core.errors import ApplicationError
from ustad.courses.services.enrollment import revoke_enrollment
from ustad.payments.models import (
    AccountKind,
    ItemKind,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentStatus,
    Refund,
    RefundKind,
)
from ustad.payments.providers import get_provider
from ustad.payments.services.buyables import refuse
from ustad.payments.services.ledger import ledger_account, ledger_post
from ustad.payments.services.orders import item_fee, order_summary

logger = logging.getLogger(__name__)

REFUNDABLE = (OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED)


def _reverse_split(order: Order, items: list[OrderItem], amount: int, provider: str, reference: str,
                   memo: str) -> None:
    """Take `amount` back from the provider's account, from each tutor in proportion to what their items
    earned, and the rest from the platform's fee, so the transaction balances to the unit."""
    entries = [(ledger_account(kind=AccountKind.PROVIDER, currency=order.currency, provider=provider), -amount)]
    tutors_back = 0
    for item in items:
        if item.seller is None or not item.amount:
            continue
        item_share = item.amount * amount // order.total
        tutor_share = item_share - item_fee(item_share, has_seller=True)
        if tutor_share:
            tutors_back += tutor_share
            entries.append((ledger_account(kind=AccountKind.TUTOR, currency=order.currency, owner=item.seller),
                            tutor_share))
    entries.append((ledger_account(kind=AccountKind.PLATFORM, currency=order.currency), amount - tutors_back))
    ledger_post(reference=reference, memo=memo, entries=entries, order=order)


def _revoke(order: Order, items: list[OrderItem]) -> None:
    from ustad.classroom.services.schedule import seat_revoke
    from ustad.payments.services.listings import listing_access_revoke
    from ustad.payments.services.referrals import commission_cancel_for_order
    from ustad.payments.services.subscriptions import subscription_end_for_order

    for item in items:
        if item.kind == ItemKind.COURSE and item.course is not None:
            revoke_enrollment(student=order.buyer, course=item.course)
        elif item.kind == ItemKind.LIVE_SEAT and item.session is not None:
            seat_revoke(student=order.buyer, session=item.session)
        elif item.kind == ItemKind.PLAN and item.subscription is not None:
            subscription_end_for_order(subscription=item.subscription)
    if any(item.kind == ItemKind.LISTING for item in items):
        listing_access_revoke(order=order)
    commission_cancel_for_order(order)


def _provider_of(order: Order) -> tuple[str, Payment | None]:
    payment = order.payments.filter(status=PaymentStatus.SUCCEEDED).first()
    if payment is not None:
        return payment.provider, payment
    transaction_ = order.ledger.filter(reference=f"paid:{order.id}").first()
    provider = ""
    if transaction_ is not None:
        account = transaction_.entries.filter(amount__gt=0).select_related("account").first()
        provider = account.account.provider if account else ""
    return provider or "local", None


@transaction.atomic
def order_refund_record(*, order_id: Any, amount: int | None, provider_ref: str, reason: str = "",
                        kind: str = RefundKind.REFUND, requested_by: Any = None) -> Order:
    """Money went back to the buyer (a provider confirmed it): record it, reverse the ledger, end access.
    Safe to repeat with the same `provider_ref`."""
    order = Order.objects.select_for_update().get(id=order_id)
    if Refund.objects.filter(order=order, provider_ref=provider_ref).exists():
        return order
    if order.status not in REFUNDABLE:
        if order.status == OrderStatus.REFUNDED:
            return order
        raise refuse("not_paid", "This order has not been paid, so nothing can be refunded yet.", status_code=409)
    left = order.total - order.refunded
    amount = left if amount is None else min(amount, left)
    if amount <= 0:
        return order
    provider, payment = _provider_of(order)
    Refund.objects.create(order=order, payment=payment, kind=kind, amount=amount, currency=order.currency,
                          reason=reason[:300], provider_ref=provider_ref[:120], requested_by=requested_by)
    items = list(order.items.select_related("course", "seller", "session", "listing", "subscription"))
    _reverse_split(order, items, amount, provider, reference=f"{kind}:{order.id}:{provider_ref}"[:120],
                   memo=f"{kind.capitalize()}: {order_summary(order, items)}")
    order.refunded += amount
    order.status = OrderStatus.REFUNDED if order.refunded == order.total else OrderStatus.PARTIALLY_REFUNDED
    order.save(update_fields=["refunded", "status", "updated_at"])
    if order.status == OrderStatus.REFUNDED or kind == RefundKind.CHARGEBACK:
        _revoke(order, items)
    return order


def order_refund(*, order: Order, amount: int | None, reason: str, by: Any) -> Order:
    """An admin refunds (part of) a paid order through the provider that took the money."""
    if order.status not in REFUNDABLE:
        raise refuse("not_refundable", "Only paid orders can be refunded.", status_code=409)
    left = order.total - order.refunded
    if amount is not None and not 0 < amount <= left:
        raise refuse("validation_error", f"Refund between 1 and {left} (minor units).", "amount")
    amount = left if amount is None else amount
    provider_name, payment = _provider_of(order)
    if payment is None:
        raise refuse("no_payment", "No captured payment is recorded for this order.", status_code=409)
    result = get_provider(provider_name).refund(payment_ref=payment.provider_ref,
                                                captured_ref=payment.provider_payment_ref or payment.provider_ref,
                                                amount=amount, currency=order.currency, reason=reason)
    if not result.succeeded:  # the provider confirms by webhook; the refund is recorded then
        return order
    return order_refund_record(order_id=order.id, amount=amount, provider_ref=result.refund_ref, reason=reason,
                               requested_by=by)


def order_refund_after_commit(*, order_id: Any, amount: int, reason: str) -> None:
    """Refund once the current transaction has committed (a seat that could not be given after payment)."""
    def run() -> None:
        try:
            order = Order.objects.get(id=order_id)
            order_refund(order=order, amount=amount, reason=reason, by=None)
        except ApplicationError as error:
            logger.error("automatic refund of order %s failed: %s", order_id, error.message)

    transaction.on_commit(run)

