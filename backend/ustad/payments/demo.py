"""The demo school's money: a monthly plan, coupons, a few paid orders made through the real checkout
(the local gateway and its signed webhooks), a tutor's payout request and a recording on sale."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from ustad.classroom.models import Recording, RecordingStatus
from ustad.courses.models import Course
from ustad.payments.models import Coupon, Listing, Order, OrderStatus, Payout, Plan
from ustad.payments.providers.local import TEST_CARDS
from ustad.payments.services import local_gateway
from ustad.payments.services.orders import order_create
from ustad.payments.services.payments import payment_start
from ustad.payments.services.subscriptions import subscription_start
from ustad.users.models import User

PLAN: dict[str, Any] = {"slug": "all-access", "name": "Ustad All Access", "currency": "PKR", "price_amount": 200_000,
        "description": "Every course marked “Included in the subscription”, for as long as you subscribe."}
COUPONS: list[dict[str, Any]] = [
    {"code": "WELCOME10", "kind": "percent", "value": 10},
    {"code": "PHYSICS500", "kind": "fixed", "value": 50_000, "currency": "PKR",
     "course_slug": "a-level-physics-mechanics", "max_redemptions": 100, "expires_days": 90},
]
PURCHASES = [  # (buyer, course, coupon)
    ("student1@ustad.test", "a-level-physics-mechanics", "PHYSICS500"),
    ("student2@ustad.test", "spoken-english-for-interviews", ""),
    ("student5@ustad.test", "accounting-for-small-shops", "WELCOME10"),
]
SUBSCRIBER = "student3@ustad.test"
GOOD_CARD = TEST_CARDS[0].number


def _pay(buyer: User, order: Order) -> None:
    payment, _, _ = payment_start(order=order, provider_name="local")
    if payment is None:
        return
    charge = local_gateway.charge_get(charge_id=payment.id, user=buyer)
    local_gateway.charge_pay(charge=charge, card_number=GOOD_CARD, expiry="12/39", cvc="123",
                             name=buyer.full_name or "Demo buyer", otp=None)


def _coupons() -> None:
    for spec in COUPONS:
        course = Course.objects.filter(slug=spec.get("course_slug", "")).first()
        expires = timezone.now() + timedelta(days=spec["expires_days"]) if spec.get("expires_days") else None
        Coupon.objects.get_or_create(code=spec["code"], defaults={
            "kind": spec["kind"], "value": spec["value"], "currency": spec.get("currency", ""), "course": course,
            "max_redemptions": spec.get("max_redemptions"), "expires_at": expires})


def _listing(log: Callable[[str], None]) -> None:
    from ustad.payments.services.listings import listing_create, listing_publish

    recording = Recording.objects.filter(status=RecordingStatus.READY).select_related("session__owner").first()
    if recording is None or Listing.objects.exists():
        return
    listing = listing_create(tutor=recording.session.owner, title=f"Class recording: {recording.title}",
                             description="The whole live class, to watch at your own pace.", currency="PKR",
                             price_amount=50_000, recording_ids=[recording.id])
    listing_publish(listing=listing)
    log(f"on sale in the marketplace: “{listing.title}”")


def load_demo_payments(*, log: Callable[[str], None] = lambda line: None) -> int:
    """Returns how many paid orders were made now (0 when the demo's money already exists)."""
    Plan.objects.get_or_create(slug=PLAN["slug"], defaults={k: v for k, v in PLAN.items() if k != "slug"})
    _coupons()
    made = 0
    for email, slug, coupon in PURCHASES:
        buyer, course = User.objects.filter(email=email).first(), Course.objects.filter(slug=slug).first()
        if buyer is None or course is None or Order.objects.filter(buyer=buyer, items__course=course).exists():
            continue
        with transaction.atomic():
            order, _ = order_create(buyer=buyer, items=[{"kind": "course", "course": slug}],
                                    idempotency_key=f"demo-{uuid.uuid4().hex}", coupon_code=coupon or None)
            _pay(buyer, order)
        made += Order.objects.filter(id=order.id, status=OrderStatus.PAID).count()
        log(f"{email} bought “{course.title}”")
    subscriber = User.objects.filter(email=SUBSCRIBER).first()
    if subscriber is not None and not subscriber.subscriptions.exists():
        subscription, _, _ = subscription_start(user=subscriber, plan_slug=PLAN["slug"], provider_name="local")
        charge = local_gateway.charge_get(charge_id=subscription.id, user=subscriber)
        local_gateway.charge_pay(charge=charge, card_number=GOOD_CARD, expiry="12/39", cvc="123",
                                 name=subscriber.full_name, otp=None)
        log(f"{SUBSCRIBER} subscribed to {PLAN['name']}")
    _payout(log)
    _listing(log)
    return made


def _payout(log: Callable[[str], None]) -> None:
    from ustad.payments.services.payouts import payout_request

    tutor: Any = User.objects.filter(email="tutor1@ustad.test").first()
    if tutor is None or Payout.objects.filter(tutor=tutor).exists():
        return
    payout = payout_request(tutor=tutor, amount=100_000, currency="PKR", method="Meezan Bank, IBAN PK36 MEZN 0000 "
                                                                               "0012 3456 7890")
    log(f"tutor1 asked for a payout of {payout.amount // 100} PKR")
