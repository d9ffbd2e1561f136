"""A seat in a paid live class is a product: bought like a course, granted by the classroom's seat service,
refused for free booking, and taken back on refund."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from ustad.classroom.models import LiveSession, Seat
from ustad.payments.tests.checkout_helpers import order_for, pay_with_card
from ustad.users.tests.factories import StudentFactory, TutorFactory

pytestmark = pytest.mark.django_db


def paid_class(price: int = 50_000, capacity: int | None = None) -> LiveSession:
    start = timezone.now() + timedelta(days=1)
    return LiveSession.objects.create(owner=TutorFactory(), title="1:1 physics", starts_at=start,
                                      ends_at=start + timedelta(hours=1), timezone="Asia/Karachi",
                                      join_policy="seats", seat_price_amount=price, seat_currency="PKR",
                                      capacity=capacity)


def test_a_student_buys_a_seat_and_a_refund_takes_it_back(admin_user):
    student, session = StudentFactory(), paid_class()
    client = client_for(student)
    free = client.post(f"/api/v1/sessions/{session.id}/seat")
    assert free.status_code == 402 and free.json()["error"]["code"] == "payment_required"
    made = order_for(client, {"kind": "live_seat", "session": str(session.id)})
    assert made.status_code == 201 and made.json()["total"] == 50_000
    assert pay_with_card(client, made.json()["id"]).json()["status"] == "succeeded"
    assert Seat.objects.filter(session=session, student=student, source="purchase").exists()
    again = order_for(client, {"kind": "live_seat", "session": str(session.id)})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_booked"
    client_for(admin_user).post(f"/api/v1/orders/{made.json()['id']}/refund", {}, format="json")
    assert not Seat.objects.filter(session=session, student=student).exists()


def test_a_full_class_refuses_new_orders_and_refunds_a_seat_paid_after_it_filled(
        django_capture_on_commit_callbacks):
    session = paid_class(capacity=1)
    first, second = client_for(StudentFactory()), client_for(StudentFactory())
    late = order_for(second, {"kind": "live_seat", "session": str(session.id)}).json()["id"]
    early = order_for(first, {"kind": "live_seat", "session": str(session.id)}).json()["id"]
    pay_with_card(first, early)
    assert order_for(client_for(StudentFactory()), {"kind": "live_seat", "session": str(session.id)}).json()[
        "error"]["code"] == "session_full"
    with django_capture_on_commit_callbacks(execute=True):
        pay_with_card(second, late)  # money taken, but the class filled while paying: refunded at once
    detail = second.get(f"/api/v1/orders/{late}").json()
    assert detail["status"] == "refunded"
    assert Seat.objects.filter(session=session).count() == 1


def test_a_course_class_or_a_free_class_is_not_for_sale():
    client = client_for(StudentFactory())
    free = paid_class(price=0)
    assert order_for(client, {"kind": "live_seat", "session": str(free.id)}).json()["error"]["code"] == "free_session"
    assert order_for(client, {"kind": "live_seat", "session": "not-a-uuid"}).status_code == 400
