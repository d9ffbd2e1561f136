"""Shared steps of the checkout tests: buy through the API and pay on the local gateway."""

from __future__ import annotations

import uuid
from typing import Any

from rest_framework.test import APIClient

from ustad.courses.tests.factories import CourseFactory
from ustad.payments.models import Order

GOOD_CARD = "4242 4242 4242 4242"
DECLINED_CARD = "4000 0000 0000 0002"
NO_FUNDS_CARD = "4000 0000 0000 9995"
AUTH_CARD = "4000 0027 6000 3184"
RENEWALS_FAIL_CARD = "4000 0000 0000 0341"


def paid_course(price: int = 250_000, currency: str = "PKR", **fields: Any) -> Any:
    return CourseFactory(price_amount=price, currency=currency, status="published", **fields)


def order_for(client: APIClient, *items: dict[str, str], key: str | None = None, coupon: str = "") -> Any:
    body: dict[str, Any] = {"items": list(items)}
    if coupon:
        body["coupon"] = coupon
    return client.post("/api/v1/orders", body, format="json", HTTP_IDEMPOTENCY_KEY=key or uuid.uuid4().hex)


def pay_with_card(client: APIClient, order_id: Any, card: str = GOOD_CARD, otp: str = "") -> Any:
    """Start a local payment for the order and pay it on the gateway; the gateway's answer."""
    started = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json")
    assert started.status_code == 201, started.content
    payment_id = started.json()["payment"]["id"]
    body = {"card_number": card, "expiry": "12/39", "cvc": "123", "name": "Ayesha Khan"}
    if otp:
        body["otp"] = otp
    return client.post(f"/api/v1/payments/local/{payment_id}/pay", body, format="json")


def buy(client: APIClient, course: Any, card: str = GOOD_CARD) -> Order:
    made = order_for(client, {"kind": "course", "course": course.slug})
    assert made.status_code == 201, made.content
    pay_with_card(client, made.json()["id"], card)
    return Order.objects.get(id=made.json()["id"])
