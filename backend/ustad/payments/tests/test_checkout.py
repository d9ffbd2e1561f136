"""Buying with the local provider, end to end through the API: orders, the gateway's card page, the signed
webhook it sends, access granted once, failures that grant nothing, refunds that take access back."""

from __future__ import annotations

import json
import time
import uuid

import pytest

from conftest import client_for
from ustad.courses.models import Enrollment
from ustad.payments.models import (
    AccountKind,
    Coupon,
    LedgerAccount,
    LedgerEntry,
    Order,
    OrderStatus,
    PaymentStatus,
    WebhookEvent,
    WebhookOutcome,
)
from ustad.payments.providers.local import sign, signed_delivery
from ustad.payments.services.ledger import account_balance, earnings_balance
from ustad.payments.tests.checkout_helpers import (
    AUTH_CARD,
    DECLINED_CARD,
    NO_FUNDS_CARD,
    buy,
    order_for,
    paid_course,
    pay_with_card,
)
from ustad.users.tests.factories import StudentFactory, UserFactory

pytestmark = pytest.mark.django_db


def enrolled(student, course) -> bool:
    return Enrollment.objects.filter(student=student, course=course, status="active").exists()


def test_a_student_buys_a_course_with_a_test_card_and_can_learn():
    student, course = StudentFactory(), paid_course(price=250_000)
    client = client_for(student)
    made = order_for(client, {"kind": "course", "course": course.slug})
    assert made.status_code == 201
    order = made.json()
    assert (order["status"], order["total"], order["currency"], order["can_pay"]) == ("pending", 250_000, "PKR", True)
    assert not enrolled(student, course)

    started = client.post(f"/api/v1/orders/{order['id']}/pay", {"provider": "local"}, format="json")
    assert started.status_code == 201
    assert started.json()["redirect_url"].endswith(f"/pay/local/{started.json()['payment']['id']}")
    page = client.get(f"/api/v1/payments/local/{started.json()['payment']['id']}")
    assert page.json()["amount"] == 250_000 and page.json()["description"] == course.title
    paid = client.post(f"/api/v1/payments/local/{started.json()['payment']['id']}/pay",
                       {"card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvc": "123", "name": "A K"},
                       format="json")
    assert paid.status_code == 200
    assert paid.json()["status"] == "succeeded"
    assert paid.json()["redirect_url"].endswith(f"/checkout/result?order={order['id']}")

    detail = client.get(f"/api/v1/orders/{order['id']}").json()
    assert detail["status"] == "paid" and detail["receipt_number"] and detail["receipt_url"]
    assert detail["payments"][0]["status"] == "succeeded"
    assert enrolled(student, course)
    assert earnings_balance(owner=course.owner, currency="PKR") == 200_000
    platform = LedgerAccount.objects.get(kind=AccountKind.PLATFORM, currency="PKR")
    assert account_balance(platform) == -50_000
    assert WebhookEvent.objects.filter(provider="local", outcome=WebhookOutcome.PROCESSED).count() == 1


def test_a_double_clicked_pay_button_makes_one_order():
    student, course = StudentFactory(), paid_course()
    client = client_for(student)
    first = order_for(client, {"kind": "course", "course": course.slug}, key="click-1")
    again = order_for(client, {"kind": "course", "course": course.slug}, key="click-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Order.objects.filter(buyer=student).count() == 1
    other = order_for(client, {"kind": "course", "course": paid_course().slug}, key="click-1")
    assert other.status_code == 409 and other.json()["error"]["code"] == "idempotency_conflict"
    missing = client.post("/api/v1/orders", {"items": [{"kind": "course", "course": course.slug}]}, format="json")
    assert missing.status_code == 400


@pytest.mark.parametrize(("card", "code", "message"), [
    (DECLINED_CARD, "card_declined", "Your card was declined."),
    (NO_FUNDS_CARD, "insufficient_funds", "Your card has insufficient funds."),
])
def test_a_refused_card_grants_nothing_and_says_why_and_the_order_can_be_paid_again(card, code, message):
    student, course = StudentFactory(), paid_course()
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    answer = pay_with_card(client, order_id, card)
    assert answer.json()["status"] == "failed" and answer.json()["message"] == message
    detail = client.get(f"/api/v1/orders/{order_id}").json()
    assert detail["status"] == "failed" and detail["can_pay"]
    assert detail["payments"][0]["failure_code"] == code
    assert not enrolled(student, course)
    assert not LedgerEntry.objects.exists()

    retry = pay_with_card(client, order_id)
    assert retry.json()["status"] == "succeeded"
    assert client.get(f"/api/v1/orders/{order_id}").json()["status"] == "paid"
    assert enrolled(student, course)


def test_a_card_that_needs_authentication_asks_for_the_code_first():
    student, course = StudentFactory(), paid_course()
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    asked = pay_with_card(client, order_id, AUTH_CARD)
    assert asked.json()["status"] == "requires_authentication"
    payment_id = Order.objects.get(id=order_id).payments.get().id
    body = {"card_number": AUTH_CARD, "expiry": "12/39", "cvc": "123", "name": "A K"}
    wrong = client.post(f"/api/v1/payments/local/{payment_id}/pay", {**body, "otp": "000000"}, format="json")
    assert wrong.json()["status"] == "failed" and not enrolled(student, course)
    asked = pay_with_card(client, order_id, AUTH_CARD)
    payment_id = Order.objects.get(id=order_id).payments.filter(status=PaymentStatus.CREATED).get().id
    right = client.post(f"/api/v1/payments/local/{payment_id}/pay", {**body, "otp": "123456"}, format="json")
    assert right.json()["status"] == "succeeded" and enrolled(student, course)


@pytest.mark.parametrize(("field", "value"), [
    ("card_number", "4242 4242 4242 4241"), ("card_number", "abc"), ("expiry", "13/30"), ("expiry", "01/20"),
    ("cvc", "12"), ("name", " "),
])
def test_malformed_cards_are_refused_by_field(field, value):
    student, course = StudentFactory(), paid_course()
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    payment_id = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"},
                             format="json").json()["payment"]["id"]
    body = {"card_number": "4242424242424242", "expiry": "12/39", "cvc": "123", "name": "A K", field: value}
    answer = client.post(f"/api/v1/payments/local/{payment_id}/pay", body, format="json")
    assert answer.status_code == 400
    assert field in answer.json()["error"]["fields"]
    assert Order.objects.get(id=order_id).status == OrderStatus.PENDING


def test_nobody_else_sees_or_pays_someone_elses_order():
    student, other, course = StudentFactory(), StudentFactory(), paid_course()
    mine = client_for(student)
    order_id = order_for(mine, {"kind": "course", "course": course.slug}).json()["id"]
    started = mine.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json")
    payment_id = started.json()["payment"]["id"]
    theirs = client_for(other)
    assert theirs.get(f"/api/v1/orders/{order_id}").status_code == 404
    assert theirs.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json").status_code == 404
    assert theirs.get(f"/api/v1/payments/local/{payment_id}").status_code == 404
    assert theirs.post(f"/api/v1/payments/local/{payment_id}/pay", {"card_number": "4242424242424242",
                       "expiry": "12/39", "cvc": "123", "name": "x"}, format="json").status_code == 404
    assert theirs.get("/api/v1/orders").json()["count"] == 0


def test_refusals_when_ordering(admin_user):
    student = StudentFactory()
    client = client_for(student)
    free = paid_course(price=0)
    assert order_for(client, {"kind": "course", "course": free.slug}).json()["error"]["code"] == "free_course"
    assert order_for(client, {"kind": "course", "course": "no-such"}).status_code == 404
    pkr, usd = paid_course(), paid_course(currency="USD", price=1999)
    mixed = order_for(client, {"kind": "course", "course": pkr.slug}, {"kind": "course", "course": usd.slug})
    assert mixed.json()["error"]["code"] == "mixed_currencies"
    assert order_for(client, {"kind": "course"}).status_code == 400
    assert order_for(client, {"kind": "spaceship", "course": pkr.slug}).status_code == 400
    order_id = order_for(client, {"kind": "course", "course": pkr.slug}).json()["id"]
    bad_provider = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "stripe"}, format="json")
    assert bad_provider.status_code == 400 and bad_provider.json()["error"]["code"] == "provider_not_offered"


def test_a_coupon_lowers_the_price_and_a_full_discount_needs_no_provider():
    student, course = StudentFactory(), paid_course(price=100_000)
    Coupon.objects.create(code="HALF", kind="percent", value=50)
    Coupon.objects.create(code="ALL", kind="percent", value=100)
    client = client_for(student)
    quote = client.post("/api/v1/orders/quote", {"items": [{"kind": "course", "course": course.slug}],
                                                 "coupon": "half"}, format="json")
    assert (quote.json()["discount"], quote.json()["total"]) == (50_000, 50_000)
    bad = client.post("/api/v1/orders/quote", {"items": [{"kind": "course", "course": course.slug}],
                                               "coupon": "nope"}, format="json")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "coupon_invalid"
    order_id = order_for(client, {"kind": "course", "course": course.slug}, coupon="ALL").json()["id"]
    started = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json")
    assert started.status_code == 201 and started.json()["payment"] is None
    assert client.get(f"/api/v1/orders/{order_id}").json()["status"] == "paid"
    assert enrolled(student, course)


# --- Webhooks ----------------------------------------------------------------------------------------------

def _pending_payment(student, course):
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json")
    return Order.objects.get(id=order_id).payments.get()


def _succeeded(payment, **overrides):
    return {"id": f"evt_{uuid.uuid4().hex}", "type": "payment.succeeded", "local_ref": str(payment.id),
            "payment_ref": payment.provider_ref, "captured_ref": "lch_1", "amount": payment.amount,
            "currency": payment.currency, **overrides}


def _deliver(client, event=None, *, headers=None, body=None):
    if body is None:
        headers, body = signed_delivery(event)
    extra = {f"HTTP_{key.upper().replace('-', '_')}": value for key, value in (headers or {}).items()
             if key.lower() != "content-type"}
    return client.post("/api/v1/webhooks/local", data=body, content_type="application/json", **extra)


@pytest.mark.parametrize("tamper", ["no_header", "bad_signature", "tampered_body", "old_timestamp", "not_json"])
def test_a_webhook_that_is_not_signed_right_is_refused_logged_and_changes_nothing(client, tamper):
    student, course = StudentFactory(), paid_course()
    payment = _pending_payment(student, course)
    headers, body = signed_delivery(_succeeded(payment))
    if tamper == "no_header":
        headers = {}
    elif tamper == "bad_signature":
        headers = {"Ustad-Signature": sign(body, secret="someone-else")}
    elif tamper == "tampered_body":
        body = body.replace(b'"amount": 250000', b'"amount": 1')
    elif tamper == "old_timestamp":
        headers = {"Ustad-Signature": sign(body, timestamp=int(time.time()) - 3600)}
    else:
        body = b"{not json"
        headers = {"Ustad-Signature": sign(body)}
    answer = _deliver(client, headers=headers, body=body)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "webhook_invalid"
    assert WebhookEvent.objects.get().outcome == WebhookOutcome.REJECTED
    assert Order.objects.get().status == OrderStatus.PENDING
    assert not enrolled(student, course)


def test_the_same_webhook_twice_changes_the_state_once(client):
    student, course = StudentFactory(), paid_course()
    payment = _pending_payment(student, course)
    event = _succeeded(payment)
    assert _deliver(client, event).json()["applied"] == 1
    assert _deliver(client, event).json()["applied"] == 0
    assert LedgerEntry.objects.filter(transaction__reference=f"paid:{payment.order_id}").count() == 3
    assert Enrollment.objects.filter(student=student, course=course).count() == 1
    assert earnings_balance(owner=course.owner, currency="PKR") == 200_000


def test_a_payment_whose_amount_or_currency_does_not_match_grants_nothing(client):
    student, course = StudentFactory(), paid_course()
    payment = _pending_payment(student, course)
    assert _deliver(client, _succeeded(payment, amount=1)).status_code == 200
    assert _deliver(client, _succeeded(payment, currency="USD")).status_code == 200
    assert Order.objects.get().status == OrderStatus.PENDING
    assert not enrolled(student, course) and not LedgerEntry.objects.exists()
    assert WebhookEvent.objects.filter(outcome=WebhookOutcome.REJECTED).count() == 2


def test_a_refund_delivered_before_its_payment_is_applied_after_it(client):
    student, course = StudentFactory(), paid_course()
    payment = _pending_payment(student, course)
    refund = {"id": "evt_refund", "type": "refund.succeeded", "local_ref": str(payment.id),
              "payment_ref": payment.provider_ref, "refund_ref": "lre_1", "amount": payment.amount,
              "currency": "PKR"}
    early = _deliver(client, refund)
    assert early.status_code == 409 and early.json()["error"]["code"] == "event_out_of_order"
    assert Order.objects.get().status == OrderStatus.PENDING
    assert _deliver(client, _succeeded(payment)).status_code == 200
    assert enrolled(student, course)
    assert _deliver(client, refund).status_code == 200  # the provider delivers it again
    assert _deliver(client, refund).json()["applied"] == 0
    order = Order.objects.get()
    assert (order.status, order.refunded) == (OrderStatus.REFUNDED, order.total)
    assert not enrolled(student, course)
    assert earnings_balance(owner=course.owner, currency="PKR") == 0
    provider = LedgerAccount.objects.get(kind=AccountKind.PROVIDER, provider="local")
    assert account_balance(provider) == 0


def test_unknown_providers_are_not_found(client):
    assert client.post("/api/v1/webhooks/nosuch", data=b"{}", content_type="application/json").status_code == 404


# --- Refunds -----------------------------------------------------------------------------------------------

def test_an_admin_refunds_in_part_then_in_full_and_access_ends_with_the_full_refund(admin_user):
    student, course = StudentFactory(), paid_course(price=100_000)
    order = buy(client_for(student), course)
    admin = client_for(admin_user)
    part = admin.post(f"/api/v1/orders/{order.id}/refund", {"amount": 30_000, "reason": "late"}, format="json")
    assert part.status_code == 200 and part.json()["status"] == "partially_refunded"
    assert enrolled(student, course)
    assert earnings_balance(owner=course.owner, currency="PKR") == 80_000 - 24_000
    too_much = admin.post(f"/api/v1/orders/{order.id}/refund", {"amount": 70_001}, format="json")
    assert too_much.status_code == 400
    rest = admin.post(f"/api/v1/orders/{order.id}/refund", {"reason": "asked"}, format="json")
    assert rest.json()["status"] == "refunded" and rest.json()["refunded"] == 100_000
    assert not enrolled(student, course)
    assert earnings_balance(owner=course.owner, currency="PKR") == 0
    again = admin.post(f"/api/v1/orders/{order.id}/refund", {}, format="json")
    assert again.status_code == 409
    assert client_for(student).post(f"/api/v1/orders/{order.id}/refund", {}, format="json").status_code == 404
    assert client_for(UserFactory(role="tutor")).post(f"/api/v1/orders/{order.id}/refund", {},
                                                      format="json").status_code == 404


def test_providers_are_listed_per_currency(client, settings):
    settings.PAYMENT_PROVIDERS = {"PKR": ["jazzcash", "local"], "USD": ["local", "nonsense"]}
    assert [p["name"] for p in client.get("/api/v1/payments/providers?currency=PKR").json()] == ["jazzcash", "local"]
    assert [p["name"] for p in client.get("/api/v1/payments/providers?currency=USD").json()] == ["local"]
    assert client.get("/api/v1/payments/providers?currency=EUR").status_code == 400


def test_my_orders_list_stays_within_a_few_queries(django_assert_max_num_queries):
    student = StudentFactory()
    client = client_for(student)
    for _ in range(4):
        buy(client, paid_course())
    with django_assert_max_num_queries(12):
        answer = client.get("/api/v1/orders")
    assert answer.json()["count"] == 4
    assert json.dumps(answer.json()).count('"status": "succeeded"') == 4


def test_the_receipt_link_downloads_the_pdf_and_a_forged_one_does_not(client):
    student = StudentFactory()
    order = buy(client_for(student), paid_course())
    link = client_for(student).get(f"/api/v1/orders/{order.id}").json()["receipt_url"]
    path = link.split("://", 1)[1].split("/", 1)[1]
    followed = client.get(f"/{path}")
    assert followed.status_code == 302
    pdf = client.get(followed["Location"].split("://", 1)[-1].split("/", 1)[1].join(["/", ""]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content])[:5] == b"%PDF-"
    assert client.get(f"/{path}x").status_code == 404


def test_a_second_payment_for_a_paid_order_is_given_back_not_granted_twice(client, django_capture_on_commit_callbacks):
    student, course = StudentFactory(), paid_course()
    buyer = client_for(student)
    order_id = order_for(buyer, {"kind": "course", "course": course.slug}).json()["id"]
    first = buyer.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json").json()
    second = buyer.post(f"/api/v1/orders/{order_id}/pay", {"provider": "local"}, format="json").json()
    card = {"card_number": "4242424242424242", "expiry": "12/39", "cvc": "123", "name": "A K"}
    buyer.post(f"/api/v1/payments/local/{first['payment']['id']}/pay", card, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        buyer.post(f"/api/v1/payments/local/{second['payment']['id']}/pay", card, format="json")
    payments = {p["id"]: p for p in buyer.get(f"/api/v1/orders/{order_id}").json()["payments"]}
    assert payments[second["payment"]["id"]]["failure_code"] == "duplicate_refunded"
    order = Order.objects.get(id=order_id)
    assert order.status == OrderStatus.PAID and order.refunded == 0
    assert LedgerEntry.objects.filter(transaction__order=order).count() == 3
    assert earnings_balance(owner=course.owner, currency="PKR") == 200_000


def test_staff_set_up_coupons_and_plans_in_the_admin_and_read_orders_there(admin_user):
    from django.test import Client

    browser = Client()
    browser.force_login(admin_user)
    assert browser.get("/admin/payments/coupon/add/").status_code == 200
    assert browser.get("/admin/payments/plan/add/").status_code == 200
    order = buy(client_for(StudentFactory()), paid_course())
    assert browser.get(f"/admin/payments/order/{order.id}/change/").status_code == 200
    assert browser.get("/admin/payments/order/add/").status_code == 403
    assert browser.get("/admin/payments/webhookevent/").status_code == 200
