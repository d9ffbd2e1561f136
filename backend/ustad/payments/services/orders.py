"""Orders: made once per checkout click (idempotency key), paid once per verified payment.

`order_mark_paid` is the only door from money to access: it checks the amount and currency against the
order, splits the money in the ledger (platform fee, tutors' earnings) and grants what was bought through
the courses service. A second delivery of the same payment changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses import permissions as course_permissions
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
from ustad.payments.services.ledger import ledger_account, ledger_post
from ustad.payments.services.pricing import Line, check_coupon, line_discounts

MAX_ITEMS = 20


def _refuse(code: str, message: str, field: str | None = None, status_code: int = 400) -> ApplicationError:
    return ApplicationError(code=code, message=message, status_code=status_code,
                            fields={field: [message]} if field else None)


def _buyable(buyer: Any, courses: Sequence[Course]) -> None:
    if not 1 <= len(courses) <= MAX_ITEMS:
        raise _refuse("validation_error", f"Choose 1 to {MAX_ITEMS} courses.", "items")
    if len({course.id for course in courses}) != len(courses):
        raise _refuse("validation_error", "Each course once.", "items")
    for course in courses:
        if not course_permissions.can_see_course(buyer, course):
            raise _refuse("not_found", "No such course.", "items", 404)
        if course.is_free:
            raise _refuse("free_course", f"“{course.title}” is free: enrol without paying.", "items", 409)
        if course.owner_id == buyer.id:
            raise _refuse("own_course", "You cannot buy your own course.", "items", 409)
        if course_permissions.active_enrollment(buyer, course) is not None:
            raise _refuse("already_enrolled", f"You are already enrolled in “{course.title}”.", "items", 409)
    if len({course.currency for course in courses}) != 1:
        raise _refuse("mixed_currencies", "Buy courses priced in different currencies separately.", "items")


def _coupon(code: str | None, buyer: Any) -> Coupon | None:
    if not code:
        return None
    coupon = Coupon.objects.filter(code__iexact=code.strip()).first()
    if coupon is None:
        raise _refuse("coupon_invalid", "No coupon has this code.", "coupon")
    if CouponRedemption.objects.filter(coupon=coupon, user=buyer).exists():
        raise _refuse("coupon_invalid", "You have already used this coupon.", "coupon")
    return coupon


def order_create_for_courses(*, buyer: Any, courses: Sequence[Course], idempotency_key: str,
                             coupon_code: str | None = None) -> Order:
    """One pending order for these courses; the same key again returns the same order (a double click)."""
    if not idempotency_key or len(idempotency_key) > 80:
        raise _refuse("validation_error", "Send an Idempotency-Key of 1 to 80 characters.", "idempotency_key")
    existing = Order.objects.filter(buyer=buyer, idempotency_key=idempotency_key).first()
    if existing is not None:
        return _same_order_or_conflict(existing, courses)
    _buyable(buyer, courses)
    coupon = _coupon(coupon_code, buyer)
    lines = [Line(unit_amount=c.price_amount, currency=c.currency, course_id=c.id, seller_id=c.owner_id)
             for c in courses]
    check_coupon(coupon, lines, now=timezone.now())
    discounts = line_discounts(lines, coupon)
    subtotal = sum(line.unit_amount for line in lines)
    try:
        with transaction.atomic():
            order = Order.objects.create(buyer=buyer, currency=lines[0].currency, subtotal=subtotal,
                                         discount=sum(discounts), total=subtotal - sum(discounts),
                                         coupon=coupon, idempotency_key=idempotency_key)
            OrderItem.objects.bulk_create([
                OrderItem(order=order, kind=ItemKind.COURSE, course=course, seller_id=course.owner_id,
                          title=course.title[:200], unit_amount=line.unit_amount, discount=discount,
                          amount=line.unit_amount - discount)
                for course, line, discount in zip(courses, lines, discounts, strict=True)])
    except IntegrityError:  # the same click arrived twice at once: the other request made the order
        return _same_order_or_conflict(Order.objects.get(buyer=buyer, idempotency_key=idempotency_key), courses)
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


def _same_order_or_conflict(order: Order, courses: Sequence[Course]) -> Order:
    if set(order.items.values_list("course_id", flat=True)) != {course.id for course in courses}:
        raise _refuse("idempotency_conflict", "This checkout key was already used for a different order.",
                      status_code=409)
    return order


@transaction.atomic
def order_mark_paid(*, order_id: Any, provider: str, amount: int, currency: str, reference: str) -> Order:
    """A verified payment arrived: check it matches, split it in the ledger, grant access. Safe to repeat."""
    order = Order.objects.select_for_update().get(id=order_id)
    if order.status in (OrderStatus.PAID, OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED):
        return order
    if amount != order.total or currency != order.currency:
        raise _refuse("payment_mismatch", "The payment does not match the order's amount and currency; "
                                          "nothing was granted.", status_code=409)
    order.status, order.paid_at = OrderStatus.PAID, timezone.now()
    order.save(update_fields=["status", "paid_at", "updated_at"])
    items = list(order.items.select_related("course", "seller"))
    fee_percent = settings.PLATFORM_FEE_PERCENT
    entries = [(ledger_account(kind=AccountKind.PROVIDER, currency=order.currency, provider=provider), order.total)]
    platform_fee = 0
    for item in items:
        fee = item.amount * fee_percent // 100
        platform_fee += fee
        entries.append((ledger_account(kind=AccountKind.TUTOR, currency=order.currency, owner=item.seller),
                        -(item.amount - fee)))
    entries.append((ledger_account(kind=AccountKind.PLATFORM, currency=order.currency), -platform_fee))
    ledger_post(reference=f"paid:{order.id}", memo=f"Order {order.id} paid via {provider} ({reference})",
                entries=entries, order=order)
    if order.coupon_id is not None:
        _redeem(order, order.coupon_id)
    for item in items:
        if item.kind == ItemKind.COURSE and item.course is not None:
            grant_enrollment(student=order.buyer, course=item.course, source=EnrollmentSource.PURCHASE)
    return order
