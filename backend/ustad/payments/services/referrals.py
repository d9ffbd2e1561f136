"""Referrals: every user's link, the sign-ups it brings, and the commission on their first purchase.

A code is the user's UUID in base32 (26 characters, lower case, no padding), so it needs no table and
never changes. A click records a visit with nothing about the visitor; signing up within
REFERRAL_ATTRIBUTION_DAYS of the click attributes the new user to the referrer, once. The referred user's
first paid order earns the referrer REFERRAL_COMMISSION_PERCENT of its total, never more than the platform
took from it: the commission comes out of the platform's share. It waits as `pending` until the refund
window has passed, then moves from the platform's account to the referrer's in the ledger.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from ustad.payments.models import (
    AccountKind,
    Commission,
    CommissionStatus,
    LedgerEntry,
    Order,
    OrderStatus,
    ReferralAttribution,
    ReferralVisit,
)
from ustad.payments.services.ledger import ledger_account, ledger_post
from ustad.users.models import User

CODE_LENGTH = 26
CREDIT_BATCH = 100
# A visit time a little ahead of the server's clock is a clock difference; further ahead, a forgery.
CLOCK_SKEW = timedelta(minutes=5)


def _encode(user_id: uuid.UUID) -> str:
    return base64.b32encode(user_id.bytes).decode("ascii").rstrip("=").lower()


def referral_code_for(user: Any) -> str:
    return _encode(user.id)


def referrer_from_code(code: str) -> User | None:
    """The active user whose code this is; None for anything else (malformed, unknown, deactivated)."""
    code = (code or "").strip().lower()
    if len(code) != CODE_LENGTH:
        return None
    try:
        raw = base64.b32decode(code.upper() + "=" * 6)
    except (binascii.Error, ValueError):
        return None
    user_id = uuid.UUID(bytes=raw)
    if _encode(user_id) != code:  # the last character carries spare bits: one spelling only
        return None
    return User.objects.filter(id=user_id, is_active=True).first()


def referral_link_for(user: Any) -> str:
    return f"{settings.SITE_URL}/r/{referral_code_for(user)}"


def attribution_window() -> timedelta:
    return timedelta(days=settings.REFERRAL_ATTRIBUTION_DAYS)


def referral_visit_record(code: str) -> User | None:
    """Count a click on a referral link; returns the referrer, or None when the code names nobody."""
    referrer = referrer_from_code(code)
    if referrer is not None:
        ReferralVisit.objects.create(referrer=referrer)
    return referrer


def referral_attribute_signup(*, user: Any, code: str, visited_at: datetime,
                              now: datetime | None = None) -> ReferralAttribution | None:
    """Credit a new user's sign-up to the referrer whose link they followed, when it was recent enough.

    Never raises for a bad code or an old visit: a sign-up must not fail because of a cookie.
    """
    now = now or timezone.now()
    if not now - attribution_window() <= visited_at <= now + CLOCK_SKEW:
        return None
    referrer = referrer_from_code(code)
    if referrer is None or referrer.id == user.id:
        return None
    try:
        with transaction.atomic():
            attribution, _ = ReferralAttribution.objects.get_or_create(referred=user,
                                                                       defaults={"referrer": referrer})
    except IntegrityError:  # attributed at the same moment by another request: the first one stands
        return ReferralAttribution.objects.filter(referred=user).first()
    return attribution


def _platform_fee(order: Order) -> int:
    """What the platform kept from this order: its credit in the order's `paid:` ledger transaction, or, if
    that is not posted yet, PLATFORM_FEE_PERCENT of the total rounded down."""
    credited = LedgerEntry.objects.filter(transaction__reference=f"paid:{order.id}",
                                          account__kind=AccountKind.PLATFORM).aggregate(total=Sum("amount"))
    if credited["total"] is not None:
        return max(0, -int(credited["total"]))
    return order.total * settings.PLATFORM_FEE_PERCENT // 100


@transaction.atomic
def commission_record_for_order(order: Order) -> Commission | None:
    """A paid order: if it is the first purchase of a recently referred buyer, the referrer's commission
    starts waiting for the refund window. Safe to repeat, and to run for two orders of one buyer at once."""
    if order.status != OrderStatus.PAID or order.paid_at is None:
        return None
    existing = Commission.objects.filter(order=order).first()
    if existing is not None:
        return existing
    # Locking the attribution makes one buyer's orders take turns here, so only one can be the first.
    attribution = ReferralAttribution.objects.select_for_update().filter(referred_id=order.buyer_id).first()
    if attribution is None or attribution.created_at < order.paid_at - attribution_window():
        return None
    if attribution.referrer_id == order.buyer_id:
        return None
    if Order.objects.filter(buyer_id=order.buyer_id, paid_at__isnull=False).exclude(id=order.id).exists():
        return None  # not the first purchase (a refunded first purchase still counts as the first)
    amount = min(order.total * settings.REFERRAL_COMMISSION_PERCENT // 100, _platform_fee(order))
    if amount <= 0:
        return None
    try:
        with transaction.atomic():
            commission = Commission.objects.create(
                referrer_id=attribution.referrer_id, order=order, amount=amount, currency=order.currency,
                credit_after=order.paid_at + timedelta(days=settings.REFUND_WINDOW_DAYS))
    except IntegrityError:  # recorded for this order at the same moment elsewhere
        return Commission.objects.get(order=order)
    order.referrer_id = attribution.referrer_id
    order.save(update_fields=["referrer", "updated_at"])
    return commission


@transaction.atomic
def commission_cancel_for_order(order: Order) -> Commission | None:
    """A refund or chargeback: a waiting commission is cancelled; a credited one is taken back in the ledger."""
    commission = Commission.objects.select_for_update().filter(order_id=order.id).first()
    if commission is None or commission.status == CommissionStatus.CANCELLED:
        return commission
    if commission.status == CommissionStatus.CREDITED:
        ledger_post(reference=f"commission-reversal:{commission.id}",
                    memo=f"Referral commission on order {order.id} reversed: the order was refunded",
                    entries=_moves(commission, sign=-1), order=order)
    commission.status = CommissionStatus.CANCELLED
    commission.save(update_fields=["status", "updated_at"])
    return commission


def _moves(commission: Commission, *, sign: int) -> list[tuple[Any, int]]:
    """Crediting debits the platform's fees and credits the referrer; sign=-1 is the reversal."""
    platform = ledger_account(kind=AccountKind.PLATFORM, currency=commission.currency)
    referrer = ledger_account(kind=AccountKind.REFERRER, currency=commission.currency,
                              owner=commission.referrer)
    return [(platform, sign * commission.amount), (referrer, -sign * commission.amount)]


def commissions_credit_due(now: datetime | None = None) -> int:
    """Credit every pending commission whose refund window has passed on an order that is still paid.

    Each batch locks its rows and skips rows another run holds, so two runs at once never credit one
    commission twice (and the ledger's reference would refuse a second posting anyway). A pending commission
    whose order was refunded, even in part, is cancelled here too, however the refund was recorded.
    """
    now = now or timezone.now()
    Commission.objects.filter(status=CommissionStatus.PENDING,
                              order__status__in=[OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED]).update(
        status=CommissionStatus.CANCELLED, updated_at=now)
    credited = 0
    while True:
        with transaction.atomic():
            batch = list(Commission.objects.select_for_update(skip_locked=True, of=("self",))
                         .filter(status=CommissionStatus.PENDING, credit_after__lte=now,
                                 order__status=OrderStatus.PAID)
                         .select_related("order", "referrer").order_by("credit_after")[:CREDIT_BATCH])
            for commission in batch:
                ledger_post(reference=f"commission:{commission.id}",
                            memo=f"Referral commission on order {commission.order_id}",
                            entries=_moves(commission, sign=1), order=commission.order)
                commission.status = CommissionStatus.CREDITED
                commission.save(update_fields=["status", "updated_at"])
            credited += len(batch)
        if len(batch) < CREDIT_BATCH:
            return credited
