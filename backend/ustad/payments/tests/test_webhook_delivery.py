"""Webhooks as providers really deliver them: twenty copies of one event at the same moment, and Stripe's
signed events through the site's endpoint, including an outage while starting the checkout."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection
from rest_framework.test import APIClient

from conftest import client_for
from ustad.courses.models import Enrollment
from ustad.payments.models import (
    LedgerEntry,
    LedgerTransaction,
    Order,
    OrderStatus,
    Payment,
    WebhookEvent,
    WebhookOutcome,
)
from ustad.payments.providers.local import signed_delivery
from ustad.payments.services.ledger import earnings_balance
from ustad.payments.tests.checkout_helpers import order_for, paid_course
from ustad.payments.tests.fakes.stripe_server import event
from ustad.payments.tests.fakes.stripe_server import fake_stripe as fake_stripe
from ustad.users.tests.factories import StudentFactory

COPIES = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_copies_of_one_payment_event_pay_the_order_once():
    student, course = StudentFactory(), paid_course(price=120_000)
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json")
    payment = Payment.objects.get(order_id=order_id)
    headers, body = signed_delivery({"id": f"evt_{uuid.uuid4().hex}", "type": "payment.succeeded",
                                     "local_ref": str(payment.id), "payment_ref": payment.provider_ref,
                                     "captured_ref": "lch_x", "amount": payment.amount, "currency": "PKR"})
    start, statuses = threading.Barrier(COPIES), []

    def deliver() -> None:
        try:
            start.wait()
            answer = APIClient().post("/api/v1/webhooks/local", data=body, content_type="application/json",
                                      HTTP_USTAD_SIGNATURE=headers["Ustad-Signature"])
            statuses.append((answer.status_code, answer.json().get("applied")))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [(200, 0)] * (COPIES - 1) + [(200, 1)]
    assert Order.objects.get(id=order_id).status == OrderStatus.PAID
    assert LedgerTransaction.objects.filter(reference=f"paid:{order_id}").count() == 1
    assert LedgerEntry.objects.filter(transaction__order_id=order_id).count() == 3
    assert Enrollment.objects.filter(student=student, course=course).count() == 1
    assert earnings_balance(owner=course.owner, currency="PKR") == 96_000
    assert WebhookEvent.objects.filter(outcome=WebhookOutcome.PROCESSED).count() == 1


def _stripe_post(client: APIClient, fake, evt) -> int:
    body, headers = fake.delivery(evt)
    return client.post("/api/v1/webhooks/stripe", data=body, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=headers["Stripe-Signature"]).status_code


@pytest.mark.django_db
def test_stripe_outage_keeps_the_order_pending_then_a_retry_pays_it_through_signed_webhooks(fake_stripe, settings):
    settings.PAYMENT_PROVIDERS = {"PKR": ["stripe", "local"], "USD": ["stripe"]}
    student, course = StudentFactory(), paid_course(price=250_000)
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]

    fake_stripe.fail(503)
    down = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "stripe"}, format="json")
    assert down.status_code == 503 and down.json()["error"]["code"] == "provider_unavailable"
    assert "try again" in down.json()["error"]["message"]
    assert Order.objects.get(id=order_id).status == OrderStatus.PENDING

    fake_stripe.recover()
    started = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "stripe"}, format="json")
    assert started.status_code == 201
    session_id = Payment.objects.get(order_id=order_id, status="created").provider_ref
    assert started.json()["redirect_url"]
    session = fake_stripe.pay_session(session_id)
    webhooks = APIClient()
    forged = {**event("checkout.session.completed", session)}
    body, headers = fake_stripe.delivery(forged)
    tampered = webhooks.post("/api/v1/webhooks/stripe", data=body.replace(b"250000", b"1"),
                             content_type="application/json", HTTP_STRIPE_SIGNATURE=headers["Stripe-Signature"])
    assert tampered.status_code == 400
    assert Order.objects.get(id=order_id).status == OrderStatus.PENDING

    completed = event("checkout.session.completed", session)
    assert _stripe_post(webhooks, fake_stripe, completed) == 200
    assert _stripe_post(webhooks, fake_stripe, completed) == 200  # Stripe retries: nothing changes
    order = Order.objects.get(id=order_id)
    assert order.status == OrderStatus.PAID
    assert Enrollment.objects.filter(student=student, course=course, status="active").count() == 1

    admin = client_for(StudentFactory(role="admin", is_staff=True, is_superuser=True))
    refunded = admin.post(f"/api/v1/orders/{order_id}/refund", {"reason": "changed mind"}, format="json")
    assert refunded.json()["status"] == "refunded"
    assert not Enrollment.objects.filter(student=student, course=course, status="active").exists()
    refund = fake_stripe.requests_to("POST", "/v1/refunds")[-1]
    assert refund.params["payment_intent"] == session["payment_intent"]
