"""Orders: made once per checkout click (idempotency key), paid once per verified payment.

`order_mark_paid` is the only door from money to access: it checks the amount and currency against the
order, splits the money in the ledger (platform fee, tutors' earnings), numbers the receipt and grants what
was bought (a course, a seat in a live class, marketplace recordings). A second delivery of the same payment
changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses.models import Course, EnrollmentSource
from ustad.courses.services.enrollment import grant_enrollment
from ustad.payments.models import (
    AccountKind,
    Coupon,
    CouponRedemption,
    ItemKind,
    Order,
    OrderItem,
    OrderStatus,
)
from ustad.payments.services.buyables import MAX_ITEMS, Buyable, buyables_resolve, course_buyable, refuse
from ustad.payments.services.ledger import ledger_account, ledger_post
from ustad.payments.services.pricing import Line, check_coupon, line_discounts

logger = logging.getLogger(__name__)

PAID_STATES = (OrderStatus.PAID, OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED)


@dataclass(frozen=True)
class Quote:
    currency: str
    lines: list[tuple[Buyable, int]]  # each thing and its discount
    coupon: Coupon | None

    @property
    def subtotal(self) -> int:
        return sum(buyable.unit_amount for buyable, _ in self.lines)

    @property
    def discount(self) -> int:
        return sum(discount for _, discount in self.lines)

    @property
    def total(self) -> int:
        return self.subtotal - self.discount


def _coupon(code: str | None, buyer: Any) -> Coupon | None:
    if not code or not code.strip():
        return None
    coupon = Coupon.objects.filter(code__iexact=code.strip()).first()
    if coupon is None:
        raise refuse("coupon_invalid", "No coupon has this code.", "coupon")
    if CouponRedemption.objects.filter(coupon=coupon, user=buyer).exists():
        raise refuse("coupon_invalid", "You have already used this coupon.", "coupon")
    return coupon


def order_quote(*, buyer: Any, buyables: Sequence[Buyable], coupon_code: str | None = None) -> Quote:
    """What the buyer would pay, with the coupon checked: the same arithmetic the order is made with."""
    coupon = _coupon(coupon_code, buyer)
    lines = [Line(unit_amount=b.unit_amount, currency=b.currency, course_id=getattr(b.course, "id", None),
                  seller_id=b.seller_id) for b in buyables]
    check_coupon(coupon, lines, now=timezone.now())
    discounts = line_discounts(lines, coupon)
    return Quote(currency=buyables[0].currency, lines=list(zip(buyables, discounts, strict=True)), coupon=coupon)


def _check_key(idempotency_key: str) -> None:
    if not idempotency_key or len(idempotency_key) > 80:
        raise refuse("validation_error", "Send an Idempotency-Key of 1 to 80 characters.", "idempotency_key")


def order_create(*, buyer: Any, items: Sequence[dict[str, str]], idempotency_key: str,
                 coupon_code: str | None = None) -> tuple[Order, bool]:
    """One pending order; the same key again returns the same order (a double click). Returns (order, new)."""
    _check_key(idempotency_key)
    existing = Order.objects.filter(buyer=buyer, idempotency_key=idempotency_key).first()
    if existing is not None:
        return _same_order_or_conflict(existing, items), False
    buyables = buyables_resolve(buyer, items)
    return _order_make(buyer=buyer, buyables=buyables, idempotency_key=idempotency_key,
                       coupon_code=coupon_code, items=items)


def order_create_for_courses(*, buyer: Any, courses: Sequence[Course], idempotency_key: str,
                             coupon_code: str | None = None) -> Order:
    items = [{"kind": ItemKind.COURSE, "course": course.slug} for course in courses]
    _check_key(idempotency_key)
    existing = Order.objects.filter(buyer=buyer, idempotency_key=idempotency_key).first()
    if existing is not None:
        return _same_order_or_conflict(existing, items)
    if not 1 <= len(courses) <= MAX_ITEMS:
        raise refuse("validation_error", f"Choose 1 to {MAX_ITEMS} courses.", "items")
    if len({course.id for course in courses}) != len(courses):
        raise refuse("validation_error", "Each course once.", "items")
    buyables = [course_buyable(buyer, course) for course in courses]
    if len({b.currency for b in buyables}) != 1:
        raise refuse("mixed_currencies", "Buy courses priced in different currencies separately.", "items")
    order, _ = _order_make(buyer=buyer, buyables=buyables, idempotency_key=idempotency_key,
                           coupon_code=coupon_code, items=items)
    return order


def _order_make(*, buyer: Any, buyables: Sequence[Buyable], idempotency_key: str, coupon_code: str | None,
                items: Sequence[dict[str, str]]) -> tuple[Order, bool]:
    quote = order_quote(buyer=buyer, buyables=buyables, coupon_code=coupon_code)
    try:
        with transaction.atomic():
            order = Order.objects.create(buyer=buyer, currency=quote.currency, subtotal=quote.subtotal,
                                         discount=quote.discount, total=quote.total, coupon=quote.coupon,
                                         idempotency_key=idempotency_key)
            OrderItem.objects.bulk_create([
                OrderItem(order=order, kind=b.kind, course=b.course, session=b.session, listing=b.listing,
                          seller_id=b.seller_id, title=b.title, unit_amount=b.unit_amount, discount=discount,
                          amount=b.unit_amount - discount)
                for b, discount in quote.lines])
    except IntegrityError:  # the same click arrived twice at once: the other request made the order
        existing = Order.objects.get(buyer=buyer, idempotency_key=idempotency_key)
        return _same_order_or_conflict(existing, items), False
    return order, True


def _item_ref(item: OrderItem) -> tuple[str, str]:
    if item.kind == ItemKind.COURSE and item.course is not None:
        return item.kind, item.course.slug
    if item.kind == ItemKind.LISTING and item.listing is not None:
        return item.kind, item.listing.slug
    return item.kind, str(item.session_id)


def _same_order_or_conflict(order: Order, items: Sequence[dict[str, str]]) -> Order:
    asked = {(str(i.get("kind")), str(i.get("course") or i.get("listing") or i.get("session"))) for i in items}
    have = {_item_ref(item) for item in order.items.select_related("course", "listing")}
    if asked != have:
        raise refuse("idempotency_conflict", "This checkout key was already used for a different order.",
                     status_code=409)
    return order


def _redeem(order: Order, coupon_id: Any) -> None:
    """Count the coupon as used. A paid order is honoured even if the coupon ran out meanwhile, or the same
    buyer paid two orders made with it at once: the money has been taken, so access must follow."""
    if CouponRedemption.objects.filter(coupon_id=coupon_id, user_id=order.buyer_id).exists():
        return
    try:
        with transaction.atomic():
            CouponRedemption.objects.create(coupon_id=coupon_id, user_id=order.buyer_id, order=order)
    except IntegrityError:
        return
    Coupon.objects.filter(id=coupon_id).update(redemptions=F("redemptions") + 1)


def item_fee(amount: int, *, has_seller: bool) -> int:
    """The platform's share of an item: all of it when no tutor sells it (a subscription plan)."""
    return amount * settings.PLATFORM_FEE_PERCENT // 100 if has_seller else amount


def _post_split(order: Order, items: Sequence[OrderItem], provider: str) -> None:
    entries = [(ledger_account(kind=AccountKind.PROVIDER, currency=order.currency, provider=provider), order.total)]
    platform_fee = 0
    for item in items:
        fee = item_fee(item.amount, has_seller=item.seller_id is not None)
        platform_fee += fee
        if item.seller is not None and item.amount - fee:
            entries.append((ledger_account(kind=AccountKind.TUTOR, currency=order.currency, owner=item.seller),
                            -(item.amount - fee)))
    entries.append((ledger_account(kind=AccountKind.PLATFORM, currency=order.currency), -platform_fee))
    if order.total:
        ledger_post(reference=f"paid:{order.id}", memo=f"Sale: {order_summary(order, items)}", entries=entries,
                    order=order)


def order_summary(order: Order, items: Sequence[OrderItem]) -> str:
    """What a statement line says about an order: what was sold, and the receipt to look it up by."""
    titles = ", ".join(item.title for item in items[:3]) + (" …" if len(items) > 3 else "")
    return f"{titles} ({order.receipt_code})"[:200]


def _next_receipt_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('payments_receipt_number')")
        return int(cursor.fetchone()[0])


@transaction.atomic
def order_mark_paid(*, order_id: Any, provider: str, amount: int, currency: str, reference: str) -> Order:
    """A verified payment arrived: check it matches, split it in the ledger, grant access. Safe to repeat."""
    order = Order.objects.select_for_update().get(id=order_id)
    if order.status in PAID_STATES:
        return order
    if amount != order.total or currency != order.currency:
        raise refuse("payment_mismatch", "The payment does not match the order's amount and currency; "
                                         "nothing was granted.", status_code=409)
    order.status, order.paid_at = OrderStatus.PAID, timezone.now()
    order.receipt_number = _next_receipt_number()
    order.save(update_fields=["status", "paid_at", "receipt_number", "updated_at"])
    items = list(order.items.select_related("course", "seller", "session", "listing"))
    _post_split(order, items, provider)
    logger.info("order %s paid via %s (%s)", order.id, provider, reference)
    if order.coupon_id is not None:
        _redeem(order, order.coupon_id)
    for item in items:
        _grant(order, item)
    from ustad.payments.services import referrals  # referrals build on orders

    referrals.commission_record_for_order(order)
    return order


def _grant(order: Order, item: OrderItem) -> None:
    if item.kind == ItemKind.COURSE and item.course is not None:
        grant_enrollment(student=order.buyer, course=item.course, source=EnrollmentSource.PURCHASE)
    elif item.kind == ItemKind.LIVE_SEAT and item.session is not None:
        from ustad.classroom.services.schedule import seat_grant

        try:
            with transaction.atomic():
                seat_grant(student=order.buyer, session=item.session, source="purchase")
        except ApplicationError as refusal:  # the class filled up or closed while the buyer paid: refund it
            logger.warning("order %s paid for a seat that cannot be given (%s): refunding", order.id, refusal.code)
            from ustad.payments.services.refunds import order_refund_after_commit

            order_refund_after_commit(order_id=order.id, amount=item.amount,
                                      reason=f"The seat could not be given: {refusal.message}")
    elif item.kind == ItemKind.LISTING and item.listing is not None:
        from ustad.payments.services.listings import listing_access_grant

        listing_access_grant(user=order.buyer, listing=item.listing, order=order)
