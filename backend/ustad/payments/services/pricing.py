"""Prices and coupons, as pure arithmetic on minor units (no database), so every rule is easy to test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ustad.core.errors import ApplicationError
from ustad.payments.models import Coupon, CouponKind


@dataclass(frozen=True)
class Line:
    """One thing in a basket: its price, and who sells it (for coupons limited to a course or a tutor)."""

    unit_amount: int
    currency: str
    course_id: Any = None
    seller_id: Any = None


def coupon_refusal(coupon: Coupon, *, now: datetime) -> str | None:
    if coupon.expires_at is not None and coupon.expires_at <= now:
        return "This coupon has expired."
    if coupon.max_redemptions is not None and coupon.redemptions >= coupon.max_redemptions:
        return "This coupon has been used up."
    return None


def coupon_applies_to(coupon: Coupon, line: Line) -> bool:
    if coupon.course_id is not None and coupon.course_id != line.course_id:
        return False
    if coupon.tutor_id is not None and coupon.tutor_id != line.seller_id:
        return False
    return coupon.kind == CouponKind.PERCENT or coupon.currency == line.currency


def line_discounts(lines: list[Line], coupon: Coupon | None) -> list[int]:
    """The discount on each line. Percent coupons round down (in the buyer's favour never beyond the price);
    a fixed coupon is spent across the lines it applies to, in order, never below zero."""
    if coupon is None:
        return [0] * len(lines)
    discounts: list[int] = []
    left = coupon.value
    for line in lines:
        if not coupon_applies_to(coupon, line):
            discounts.append(0)
        elif coupon.kind == CouponKind.PERCENT:
            discounts.append(line.unit_amount * coupon.value // 100)
        else:
            taken = min(left, line.unit_amount)
            left -= taken
            discounts.append(taken)
    return discounts


def check_coupon(coupon: Coupon | None, lines: list[Line], *, now: datetime) -> None:
    if coupon is None:
        return
    refusal = coupon_refusal(coupon, now=now)
    if refusal is None and not any(coupon_applies_to(coupon, line) for line in lines):
        refusal = "This coupon is not for what you are buying."
    if refusal:
        raise ApplicationError(code="coupon_invalid", message=refusal, fields={"coupon": [refusal]})
