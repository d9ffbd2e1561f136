"""A tutor's earnings: sales less the platform's fee and refunds, less payouts sent and promised; recent
movements; the endpoint is for tutors (and admins) and costs the same number of queries however much was sold."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from conftest import client_for
from ustad.courses.tests.factories import CourseFactory
from ustad.payments.models import AccountKind, Order
from ustad.payments.selectors.earnings import earnings_balances, earnings_recent
from ustad.payments.services.ledger import earnings_balance, ledger_account, ledger_post
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.payouts import payout_approve, payout_mark_paid, payout_reject, payout_request
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

pytestmark = pytest.mark.django_db


def sell(tutor: Any, price: int = 250_000, currency: str = "PKR", buyer: Any = None) -> Order:
    """A course of `tutor` bought and paid through the orders service (the tutor earns 80%)."""
    course: Any = CourseFactory(owner=tutor, price_amount=price, currency=currency, status="published")
    order = order_create_for_courses(buyer=buyer or StudentFactory(), courses=[course],
                                     idempotency_key=uuid.uuid4().hex)
    return order_mark_paid(order_id=order.id, provider="local", amount=order.total, currency=order.currency,
                           reference=f"pay-{order.id}")


def refund_to_buyer(order: Order, tutor: Any, tutor_share: int) -> None:
    """What a refund does to the ledger: the tutor's share comes back off their account."""
    provider = ledger_account(kind=AccountKind.PROVIDER, currency=order.currency, provider="local")
    tutor_account = ledger_account(kind=AccountKind.TUTOR, currency=order.currency, owner=tutor)
    ledger_post(reference=f"refund:{order.id}", memo=f"Refund of order {order.id}", order=order,
                entries=[(tutor_account, tutor_share), (provider, -tutor_share)])


@pytest.fixture
def admin() -> Any:
    return UserFactory(role="admin", is_staff=True, is_superuser=True)


def test_balances_add_up_per_currency_across_sales_refunds_and_payouts(admin):
    tutor = TutorFactory()
    first, _ = sell(tutor), sell(tutor)  # 2 × 200 000 to the tutor
    sell(tutor, price=4_000, currency="USD")  # 3 200
    refund_to_buyer(first, tutor, 50_000)
    paid = payout_request(tutor=tutor, amount=100_000, currency="PKR", method="PK36SCBL0000001123456702")
    payout_approve(payout_id=paid.id, admin=admin)
    payout_mark_paid(payout_id=paid.id, admin=admin, note="IBFT 7781")
    payout_request(tutor=tutor, amount=60_000, currency="PKR", method="JazzCash 03001234567")
    rejected = payout_request(tutor=tutor, amount=50_000, currency="PKR", method="JazzCash 03001234567")
    payout_reject(payout_id=rejected.id, admin=admin, note="Wrong wallet")

    balances = {b.currency: b for b in earnings_balances(tutor=tutor)}

    pkr = balances["PKR"]
    assert (pkr.earned, pkr.paid_out, pkr.pending_payouts, pkr.available) == (350_000, 100_000, 60_000, 190_000)
    assert pkr.earned - pkr.paid_out == earnings_balance(owner=tutor, currency="PKR")
    usd = balances["USD"]
    assert (usd.earned, usd.paid_out, usd.pending_payouts, usd.available) == (3_200, 0, 0, 3_200)


def test_someone_who_has_sold_nothing_has_no_balances_and_a_buyer_earns_nothing():
    tutor, buyer = TutorFactory(), StudentFactory()
    sell(TutorFactory(), buyer=buyer)
    assert earnings_balances(tutor=tutor) == []
    assert earnings_balances(tutor=buyer) == [] and earnings_recent(tutor=buyer) == []


def test_recent_movements_are_the_tutors_own_newest_first_with_their_sign(admin):
    tutor = TutorFactory()
    order = sell(tutor)
    sell(TutorFactory())  # someone else's sale
    payout = payout_request(tutor=tutor, amount=150_000, currency="PKR", method="Meezan 0101")
    payout_approve(payout_id=payout.id, admin=admin)
    payout_mark_paid(payout_id=payout.id, admin=admin)

    recent = earnings_recent(tutor=tutor)

    assert [(m.amount, m.currency) for m in recent] == [(-150_000, "PKR"), (200_000, "PKR")]
    assert recent[0].memo == "Payout to Meezan 0101"
    assert recent[1].memo == f"Sale: {order.items.get().title} ({order.receipt_code})"
    assert len(earnings_recent(tutor=tutor, limit=1)) == 1


def test_the_earnings_endpoint_shows_balances_and_recent_movements(admin):
    tutor = TutorFactory()
    sell(tutor)
    payout_request(tutor=tutor, amount=50_000, currency="PKR", method="Meezan 0101")

    body = client_for(tutor).get("/api/v1/earnings").json()

    assert body["balances"] == [{"currency": "PKR", "earned": 200_000, "paid_out": 0, "pending_payouts": 50_000,
                                 "available": 150_000}]
    assert [(m["amount"], m["currency"]) for m in body["recent"]] == [(200_000, "PKR")]
    assert set(body["recent"][0]) == {"date", "memo", "amount", "currency"}


def test_only_tutors_and_admins_have_an_earnings_page(api_client, admin):
    assert api_client.get("/api/v1/earnings").status_code == 401
    refused = client_for(StudentFactory()).get("/api/v1/earnings")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "permission_denied"
    assert client_for(admin).get("/api/v1/earnings").json() == {"balances": [], "recent": []}


def test_the_earnings_endpoint_costs_the_same_however_much_was_sold(django_assert_max_num_queries):
    tutor = TutorFactory()
    client = client_for(tutor)
    sell(tutor)
    with django_assert_max_num_queries(4):  # the user, ledger sums, open payouts, recent movements
        assert client.get("/api/v1/earnings").status_code == 200
    for _ in range(4):
        sell(tutor)
    sell(tutor, price=4_000, currency="USD")
    payout_request(tutor=tutor, amount=100_000, currency="PKR", method="Meezan 0101")
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/earnings").json()
    assert len(body["balances"]) == 2 and len(body["recent"]) == 6
