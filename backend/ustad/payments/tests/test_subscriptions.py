"""Subscriptions with the local gateway: the first month unlocks included courses, renewals extend access,
a failed renewal is past due for the grace period and then ends access, cancelling keeps access to the end
of the paid month, and a refunded month ends it at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from ustad.courses.models import Enrollment
from ustad.payments.models import ItemKind, Order, OrderStatus, Plan, Subscription, SubscriptionStatus
from ustad.payments.services.ledger import earnings_balance
from ustad.payments.services.subscriptions import add_month, subscriptions_sweep
from ustad.payments.tests.checkout_helpers import GOOD_CARD, RENEWALS_FAIL_CARD, paid_course
from ustad.users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return Plan.objects.create(slug="all-access", name="All access", currency="PKR", price_amount=150_000)


def subscribe(client, plan, card=GOOD_CARD):
    started = client.post("/api/v1/subscriptions", {"plan": plan.slug, "provider": "local"}, format="json")
    assert started.status_code == 201, started.content
    subscription_id = started.json()["subscription"]["id"]
    assert started.json()["redirect_url"].endswith(f"/pay/local/{subscription_id}")
    page = client.get(f"/api/v1/payments/local/{subscription_id}")
    assert page.json()["amount"] == plan.price_amount and page.json()["subscription_id"] == subscription_id
    paid = client.post(f"/api/v1/payments/local/{subscription_id}/pay",
                       {"card_number": card, "expiry": "10/40", "cvc": "321", "name": "Sana"}, format="json")
    assert paid.json()["status"] == "succeeded", paid.content
    return Subscription.objects.get(id=subscription_id)


def active_enrolment(student, course) -> bool:
    return Enrollment.objects.filter(student=student, course=course, status="active").exists()


def test_a_subscription_unlocks_included_courses_only(plan):
    student = StudentFactory()
    included, other = paid_course(included_in_subscription=True), paid_course()
    client = client_for(student)
    before = client.post("/api/v1/subscriptions/enrol", {"course": included.slug}, format="json")
    assert before.status_code == 402 and before.json()["error"]["code"] == "subscription_required"
    subscription = subscribe(client, plan)
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert subscription.current_period_end > timezone.now() + timedelta(days=27)
    assert client.post("/api/v1/subscriptions/enrol", {"course": included.slug}, format="json").status_code == 201
    assert active_enrolment(student, included)
    refused = client.post("/api/v1/subscriptions/enrol", {"course": other.slug}, format="json")
    assert refused.status_code == 402 and refused.json()["error"]["code"] == "not_included"
    month = Order.objects.get(buyer=student, items__kind=ItemKind.PLAN)
    assert month.status == OrderStatus.PAID and month.receipt_number
    assert earnings_balance(owner=included.owner, currency="PKR") == 0  # the plan's money is the platform's
    mine = client.get("/api/v1/subscriptions").json()
    assert [s["status"] for s in mine] == ["active"]
    assert client.get("/api/v1/plans").json()[0]["included_course_count"] == 1
    again = client.post("/api/v1/subscriptions", {"plan": plan.slug, "provider": "local"}, format="json")
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_subscribed"


def test_a_renewal_extends_access_and_is_a_new_paid_month(plan):
    student = StudentFactory()
    subscription = subscribe(client_for(student), plan)
    period_end = subscription.current_period_end
    counts = subscriptions_sweep(now=period_end + timedelta(minutes=1))
    assert counts["renewed"] == 1
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert subscription.current_period_end == add_month(period_end)
    assert Order.objects.filter(buyer=student, status=OrderStatus.PAID).count() == 2
    assert subscriptions_sweep(now=period_end + timedelta(minutes=2))["renewed"] == 0  # not due again


def test_a_failed_renewal_is_past_due_then_ends_access_after_the_grace_period(plan, settings):
    settings.SUBSCRIPTION_GRACE_DAYS = 7
    student, course = StudentFactory(), paid_course(included_in_subscription=True)
    client = client_for(student)
    subscription = subscribe(client, plan, RENEWALS_FAIL_CARD)
    client.post("/api/v1/subscriptions/enrol", {"course": course.slug}, format="json")
    due = subscription.current_period_end + timedelta(minutes=1)
    subscriptions_sweep(now=due)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PAST_DUE
    assert active_enrolment(student, course)  # within the grace period
    shown = client.get("/api/v1/subscriptions").json()[0]
    assert shown["status"] == "past_due" and shown["grace_ends_at"]
    subscriptions_sweep(now=due + timedelta(days=6))
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PAST_DUE
    subscriptions_sweep(now=due + timedelta(days=7))
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ENDED
    assert not active_enrolment(student, course)


def test_cancelling_keeps_access_to_the_end_of_the_month_and_resuming_undoes_it(plan):
    student, course = StudentFactory(), paid_course(included_in_subscription=True)
    client = client_for(student)
    subscription = subscribe(client, plan)
    client.post("/api/v1/subscriptions/enrol", {"course": course.slug}, format="json")
    cancelled = client.post(f"/api/v1/subscriptions/{subscription.id}/cancel")
    assert cancelled.json()["cancel_at_period_end"] is True
    resumed = client.post(f"/api/v1/subscriptions/{subscription.id}/resume")
    assert resumed.json()["cancel_at_period_end"] is False
    assert client.post(f"/api/v1/subscriptions/{subscription.id}/resume").status_code == 409
    client.post(f"/api/v1/subscriptions/{subscription.id}/cancel")
    subscriptions_sweep(now=timezone.now() + timedelta(days=3))
    assert active_enrolment(student, course)
    counts = subscriptions_sweep(now=subscription.current_period_end + timedelta(minutes=1))
    assert counts["ended"] == 1 and counts["renewed"] == 0
    assert not active_enrolment(student, course)
    other = client_for(StudentFactory())
    assert other.post(f"/api/v1/subscriptions/{subscription.id}/cancel").status_code == 404


def test_refunding_a_month_ends_the_subscription(plan, admin_user):
    student, course = StudentFactory(), paid_course(included_in_subscription=True)
    client = client_for(student)
    subscribe(client, plan)
    client.post("/api/v1/subscriptions/enrol", {"course": course.slug}, format="json")
    month = Order.objects.get(buyer=student)
    refunded = client_for(admin_user).post(f"/api/v1/orders/{month.id}/refund", {"reason": "mistake"}, format="json")
    assert refunded.json()["status"] == "refunded"
    assert Subscription.objects.get(user=student).status == SubscriptionStatus.ENDED
    assert not active_enrolment(student, course)


def test_a_declined_first_payment_leaves_the_subscription_unpaid(plan):
    student = StudentFactory()
    client = client_for(student)
    started = client.post("/api/v1/subscriptions", {"plan": plan.slug, "provider": "local"}, format="json")
    subscription_id = started.json()["subscription"]["id"]
    answer = client.post(f"/api/v1/payments/local/{subscription_id}/pay",
                         {"card_number": "4000000000000002", "expiry": "10/40", "cvc": "321", "name": "S"},
                         format="json")
    assert answer.json()["status"] == "failed"
    assert Subscription.objects.get(id=subscription_id).status == SubscriptionStatus.INCOMPLETE
    assert client.get("/api/v1/subscriptions").json() == []
    # trying again reuses the unfinished subscription
    retry = client.post("/api/v1/subscriptions", {"plan": plan.slug, "provider": "local"}, format="json")
    assert retry.json()["subscription"]["id"] == subscription_id
    bad = client.post("/api/v1/subscriptions", {"plan": "nope", "provider": "local"}, format="json")
    assert bad.status_code == 404
