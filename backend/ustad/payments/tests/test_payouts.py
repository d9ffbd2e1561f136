"""Payouts: a tutor asks for at most what is available (two requests at once cannot overdraw), admins move
payouts through requested → approved → paid (or rejected), and only paying one moves money in the ledger.
Every endpoint is tried by anonymous callers, students, other tutors, the tutor and admins; the admin's
order list as well."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from django.db import connection

from conftest import client_for
from ustad.core.errors import ApplicationError
from ustad.courses.tests.factories import CourseFactory
from ustad.payments.models import MAX_AMOUNT, AccountKind, LedgerTransaction, Order, Payout, PayoutStatus
from ustad.payments.services.ledger import account_balance, earnings_balance, ledger_account
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.payouts import (
    MAX_OPEN_REQUESTS,
    payout_approve,
    payout_mark_paid,
    payout_reject,
    payout_request,
)
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

pytestmark = pytest.mark.django_db

IBAN = "PK36SCBL0000001123456702"


def sell(tutor: Any, price: int = 250_000, currency: str = "PKR", buyer: Any = None) -> Order:
    """A course of `tutor` bought and paid through the orders service (the tutor earns 80%)."""
    course: Any = CourseFactory(owner=tutor, price_amount=price, currency=currency, status="published")
    order = order_create_for_courses(buyer=buyer or StudentFactory(), courses=[course],
                                     idempotency_key=uuid.uuid4().hex)
    return order_mark_paid(order_id=order.id, provider="local", amount=order.total, currency=order.currency,
                           reference=f"pay-{order.id}")


def refused(code: str, call: Any, **kwargs: Any) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        call(**kwargs)
    assert caught.value.code == code, caught.value.message
    return caught.value


@pytest.fixture
def admin() -> Any:
    return UserFactory(role="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def earner() -> Any:
    """A tutor with 200 000 paisa earned."""
    tutor = TutorFactory()
    sell(tutor)
    return tutor


# --- Asking -----------------------------------------------------------------------------------------------

def test_a_tutor_can_ask_for_what_is_available_and_promised_money_is_held_back(earner):
    first = payout_request(tutor=earner, amount=120_000, currency="PKR", method=f"  {IBAN} ")
    assert (first.status, first.method, first.amount) == (PayoutStatus.REQUESTED, IBAN, 120_000)
    error = refused("insufficient_balance", payout_request, tutor=earner, amount=80_001, currency="PKR",
                    method=IBAN)
    assert error.status_code == 400 and error.fields == {"amount": ["At most 80000 is available."]}
    payout_request(tutor=earner, amount=80_000, currency="PKR", method=IBAN)
    refused("insufficient_balance", payout_request, tutor=earner, amount=50_000, currency="PKR", method=IBAN)
    refused("insufficient_balance", payout_request, tutor=earner, amount=500, currency="USD", method=IBAN)


def test_only_tutors_ask_and_amounts_currency_and_method_must_be_sane(earner, admin):
    for who in (StudentFactory(), admin):
        assert refused("tutors_only", payout_request, tutor=who, amount=60_000, currency="PKR",
                       method=IBAN).status_code == 403
    for amount in (0, -5, 49_999, MAX_AMOUNT + 1, 10**30, True, 600.0):
        refused("validation_error", payout_request, tutor=earner, amount=amount, currency="PKR", method=IBAN)
    refused("validation_error", payout_request, tutor=earner, amount=60_000, currency="EUR", method=IBAN)
    for method in ("", "   ", "x" * 301):
        refused("validation_error", payout_request, tutor=earner, amount=60_000, currency="PKR", method=method)
    assert not Payout.objects.exists()


def test_a_tutor_cannot_keep_many_requests_open(admin):
    tutor = TutorFactory()
    for _ in range(3):
        sell(tutor)
    for _ in range(MAX_OPEN_REQUESTS):
        payout_request(tutor=tutor, amount=50_000, currency="PKR", method=IBAN)
    assert refused("too_many_payouts", payout_request, tutor=tutor, amount=50_000, currency="PKR",
                   method=IBAN).status_code == 409


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_cannot_overdraw():
    tutor = TutorFactory()
    sell(tutor)  # 200 000 available
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            barrier.wait(5)
            payout_request(tutor=tutor, amount=150_000, currency="PKR", method=IBAN)
            outcomes.append("created")
        except ApplicationError as exc:
            outcomes.append(exc.code)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(outcomes) == ["created", "insufficient_balance"]
    assert list(Payout.objects.values_list("amount", flat=True)) == [150_000]


# --- Deciding ---------------------------------------------------------------------------------------------

def test_the_state_machine_refuses_every_step_out_of_order(earner, admin):
    payout = payout_request(tutor=earner, amount=100_000, currency="PKR", method=IBAN)
    refused("invalid_transition", payout_mark_paid, payout_id=payout.id, admin=admin)
    assert payout_approve(payout_id=payout.id, admin=admin).status == PayoutStatus.APPROVED
    refused("invalid_transition", payout_approve, payout_id=payout.id, admin=admin)
    paid = payout_mark_paid(payout_id=payout.id, admin=admin, note="IBFT 7781")
    assert (paid.status, paid.note, paid.decided_by) == (PayoutStatus.PAID, "IBFT 7781", admin)
    assert paid.paid_at is not None
    for step, extra in ((payout_approve, {}), (payout_reject, {"note": "No"}), (payout_mark_paid, {})):
        error = refused("invalid_transition", step, payout_id=payout.id, admin=admin, **extra)
        assert error.status_code == 409
    assert LedgerTransaction.objects.filter(reference=f"payout:{payout.id}").count() == 1


def test_requested_or_approved_payouts_can_be_rejected_with_a_reason(earner, admin):
    requested = payout_request(tutor=earner, amount=60_000, currency="PKR", method=IBAN)
    approved = payout_request(tutor=earner, amount=60_000, currency="PKR", method=IBAN)
    payout_approve(payout_id=approved.id, admin=admin)
    refused("validation_error", payout_reject, payout_id=requested.id, admin=admin, note="  ")
    for payout in (requested, approved):
        assert payout_reject(payout_id=payout.id, admin=admin, note="Wrong account").status == "rejected"
    refused("invalid_transition", payout_approve, payout_id=requested.id, admin=admin)
    refused("invalid_transition", payout_mark_paid, payout_id=approved.id, admin=admin)
    assert not LedgerTransaction.objects.filter(reference__startswith="payout:").exists()
    # Rejected money is available again.
    payout_request(tutor=earner, amount=200_000, currency="PKR", method=IBAN)


def test_only_admins_decide(earner):
    payout = payout_request(tutor=earner, amount=60_000, currency="PKR", method=IBAN)
    for who in (earner, TutorFactory(), StudentFactory()):
        refused("permission_denied", payout_approve, payout_id=payout.id, admin=who)
    refused("not_found", payout_approve, payout_id=uuid.uuid4(), admin=UserFactory(role="admin"))


def test_paying_out_moves_exactly_the_amount_from_the_tutor_to_the_payouts_account(earner, admin):
    payout = payout_request(tutor=earner, amount=120_000, currency="PKR", method=IBAN)
    payout_approve(payout_id=payout.id, admin=admin)
    assert earnings_balance(owner=earner, currency="PKR") == 200_000  # approving moves no money

    payout_mark_paid(payout_id=payout.id, admin=admin)

    assert earnings_balance(owner=earner, currency="PKR") == 80_000
    posted = LedgerTransaction.objects.get(reference=f"payout:{payout.id}")
    tutor_account = ledger_account(kind=AccountKind.TUTOR, currency="PKR", owner=earner)
    payouts_account = ledger_account(kind=AccountKind.PAYOUTS, currency="PKR")
    assert sorted((e.account_id, e.amount) for e in posted.entries.all()) == sorted(
        [(tutor_account.id, 120_000), (payouts_account.id, -120_000)])
    assert account_balance(payouts_account) == -120_000
    payout_request(tutor=earner, amount=80_000, currency="PKR", method=IBAN)  # the rest, exactly


def test_the_tutor_hears_when_a_payout_is_paid_or_rejected(earner, admin, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    paid = payout_request(tutor=earner, amount=123_456, currency="PKR", method=IBAN)
    rejected = payout_request(tutor=earner, amount=60_000, currency="PKR", method="JazzCash 0300")
    with django_capture_on_commit_callbacks(execute=True):
        payout_approve(payout_id=paid.id, admin=admin)
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        payout_mark_paid(payout_id=paid.id, admin=admin, note="IBFT 7781")
        payout_reject(payout_id=rejected.id, admin=admin, note="Wallet not found")
    assert [m.to for m in mailoutbox] == [[earner.email], [earner.email]]
    assert "PKR 1,234.56" in mailoutbox[0].subject and "IBFT 7781" in mailoutbox[0].body
    assert "not approved" in mailoutbox[1].subject and "Wallet not found" in mailoutbox[1].body


# --- The API ----------------------------------------------------------------------------------------------

def post_payout(client: Any, **body: Any) -> Any:
    return client.post("/api/v1/payouts", body, format="json")


def test_a_tutor_asks_through_the_api_and_bad_input_is_a_validation_error(earner):
    client = client_for(earner)
    created = post_payout(client, amount=60_000, currency="PKR", method=IBAN)
    assert created.status_code == 201
    assert created.json() | {"id": None, "created_at": None} == {
        "id": None, "tutor": {"id": str(earner.id), "name": earner.full_name}, "amount": 60_000, "currency": "PKR",
        "status": "requested", "method": IBAN, "note": "", "created_at": None, "paid_at": None}
    bad: list[tuple[dict[str, Any], str]] = [
        ({"amount": -1}, "amount"), ({"amount": 0}, "amount"), ({"amount": 10**20}, "amount"),
        ({"amount": "a lot"}, "amount"), ({"currency": "EUR"}, "currency"), ({"currency": None}, "currency"),
        ({"method": None}, "method"), ({"method": ""}, "method")]
    for change, field in bad:
        response = post_payout(client, **{"amount": 60_000, "currency": "PKR", "method": IBAN, **change})
        assert response.status_code == 400, change
        assert response.json()["error"]["code"] == "validation_error" and field in response.json()["error"]["fields"]
    missing = client.post("/api/v1/payouts", {"amount": 60_000, "currency": "PKR"}, format="json")
    assert missing.status_code == 400 and "method" in missing.json()["error"]["fields"]
    too_much = post_payout(client, amount=150_000, currency="PKR", method=IBAN)
    assert too_much.status_code == 400 and too_much.json()["error"]["code"] == "insufficient_balance"
    assert Payout.objects.count() == 1


def test_who_may_ask_for_a_payout(api_client, earner, admin):
    body = {"amount": 60_000, "currency": "PKR", "method": IBAN}
    assert post_payout(api_client, **body).status_code == 401
    for who in (StudentFactory(), admin):
        response = post_payout(client_for(who), **body)
        assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"
    assert post_payout(client_for(TutorFactory()), **body).json()["error"]["code"] == "insufficient_balance"


def test_tutors_see_only_their_own_payouts_and_admins_see_all(api_client, earner, admin):
    other = TutorFactory()
    sell(other)
    mine = payout_request(tutor=earner, amount=60_000, currency="PKR", method=IBAN)
    theirs = payout_request(tutor=other, amount=70_000, currency="PKR", method=IBAN)
    payout_approve(payout_id=theirs.id, admin=admin)

    def ids(client: Any, query: str = "") -> list[str]:
        response = client.get(f"/api/v1/payouts{query}")
        assert response.status_code == 200
        return [row["id"] for row in response.json()["results"]]

    assert ids(client_for(earner)) == [str(mine.id)]
    assert ids(client_for(other)) == [str(theirs.id)]
    assert ids(client_for(admin)) == [str(theirs.id), str(mine.id)]
    assert ids(client_for(admin), "?status=approved") == [str(theirs.id)]
    assert ids(client_for(earner), "?status=approved") == []
    assert client_for(admin).get("/api/v1/payouts?status=lost").status_code == 400
    assert api_client.get("/api/v1/payouts").status_code == 401
    assert client_for(StudentFactory()).get("/api/v1/payouts").status_code == 403

    detail = f"/api/v1/payouts/{mine.id}"
    assert client_for(earner).get(detail).json()["id"] == str(mine.id)
    assert client_for(admin).get(detail).status_code == 200
    hidden = client_for(other).get(detail)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"
    assert client_for(other).get(f"/api/v1/payouts/{uuid.uuid4()}").json() == hidden.json()
    assert client_for(StudentFactory()).get(detail).status_code == 403
    assert api_client.get(detail).status_code == 401


def test_the_payouts_list_costs_the_same_however_many_tutors_asked(admin, django_assert_max_num_queries):
    client = client_for(admin)
    for _ in range(3):
        tutor = TutorFactory()
        sell(tutor)
        payout_request(tutor=tutor, amount=60_000, currency="PKR", method=IBAN)
    with django_assert_max_num_queries(3):  # the user, the count, the page with its tutors
        assert len(client.get("/api/v1/payouts").json()["results"]) == 3


def test_admins_decide_through_the_api_and_nobody_else_can(api_client, earner, admin):
    payout = payout_request(tutor=earner, amount=100_000, currency="PKR", method=IBAN)
    base = f"/api/v1/payouts/{payout.id}"
    for client in (client_for(earner), client_for(TutorFactory()), client_for(StudentFactory())):
        for action in ("approve", "reject", "mark-paid"):
            response = client.post(f"{base}/{action}", {"note": "x"}, format="json")
            assert response.status_code == 403, action
    assert api_client.post(f"{base}/approve").status_code == 401
    admin_client = client_for(admin)
    assert admin_client.post(f"/api/v1/payouts/{uuid.uuid4()}/approve").status_code == 404
    early = admin_client.post(f"{base}/mark-paid", {}, format="json")
    assert early.status_code == 409 and early.json()["error"]["code"] == "invalid_transition"
    assert admin_client.post(f"{base}/approve").json()["status"] == "approved"
    no_reason = admin_client.post(f"{base}/reject", {}, format="json")
    assert no_reason.status_code == 400 and "note" in no_reason.json()["error"]["fields"]
    paid = admin_client.post(f"{base}/mark-paid", {"note": "IBFT 7781"}, format="json").json()
    assert (paid["status"], paid["note"]) == ("paid", "IBFT 7781") and paid["paid_at"]
    assert earnings_balance(owner=earner, currency="PKR") == 100_000
    assert admin_client.post(f"{base}/reject", {"note": "late"}, format="json").status_code == 409


# --- Admin: all orders ------------------------------------------------------------------------------------

def test_admins_list_every_order_with_its_buyer_filtered_and_searched(admin, earner):
    zainab: Any = StudentFactory(first_name="Zainab", last_name="Hussain", email="zainab@example.com")
    paid = sell(earner, buyer=zainab)
    course: Any = CourseFactory(price_amount=90_000, currency="PKR", status="published")
    pending = order_create_for_courses(buyer=StudentFactory(first_name="Omar"), courses=[course],
                                       idempotency_key="k1")
    client = client_for(admin)

    everything = client.get("/api/v1/admin/orders").json()
    assert everything["count"] == 3  # the earner's fixture sale too
    row = next(r for r in everything["results"] if r["id"] == str(paid.id))
    assert row["buyer"] == {"id": str(zainab.id), "name": "Zainab Hussain", "email": "zainab@example.com"}
    assert row["items"][0]["course_slug"] and row["items"][0]["amount"] == 250_000
    assert (row["status"], row["can_refund"], row["can_pay"]) == ("paid", True, False)
    assert "/api/v1/receipts/" in row["receipt_url"]

    def ids(query: str) -> list[str]:
        return [r["id"] for r in client.get(f"/api/v1/admin/orders{query}").json()["results"]]

    assert ids("?status=pending") == [str(pending.id)]
    assert ids("?q=zainab") == ids("?q=Hussain%20Zain") == ids("?q=ZAINAB@example") == [str(paid.id)]
    assert ids("?q=omar&status=paid") == []
    assert client.get("/api/v1/admin/orders?status=lost").status_code == 400


def test_only_admins_see_all_orders(api_client, earner):
    assert api_client.get("/api/v1/admin/orders").status_code == 401
    for who in (StudentFactory(), earner):
        assert client_for(who).get("/api/v1/admin/orders").status_code == 403


def test_the_admin_order_list_costs_the_same_however_many_orders(admin, django_assert_max_num_queries):
    client = client_for(admin)
    tutor = TutorFactory()
    sell(tutor)
    with django_assert_max_num_queries(5):  # the user, the count, the page, its items, its payments
        client.get("/api/v1/admin/orders")
    for _ in range(5):
        sell(tutor)
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/admin/orders").json()["results"]) == 6
