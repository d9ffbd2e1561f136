"""Receipts: a numbered PDF per paid order (buyer, items, discount, total, provider, refunds), rendered once
per state of the order into private storage, and reached by the buyer or an admin through a signed link."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import client_for
from ustad.core.errors import ApplicationError
from ustad.core.files.storage import private_storage
from ustad.courses.tests.factories import CourseFactory
from ustad.payments.models import Coupon, Order, OrderStatus, Refund
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.receipts import money, receipt_code, receipt_pdf, receipt_store, receipt_url
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def order_for(buyer: Any, *prices: int, coupon: str | None = None, paid: bool = True) -> Order:
    tutor = TutorFactory()
    courses: list[Any] = [CourseFactory(owner=tutor, price_amount=price, currency="PKR", status="published",
                             title=f"Organic chemistry {index}") for index, price in enumerate(prices, 1)]
    order = order_create_for_courses(buyer=buyer, courses=courses, idempotency_key=uuid.uuid4().hex,
                                     coupon_code=coupon)
    if not paid:
        return order
    return order_mark_paid(order_id=order.id, provider="jazzcash", amount=order.total, currency=order.currency,
                           reference="T20260101")


def refund(order: Order, amount: int) -> Order:
    """A refund as the refunds service leaves it: the row, and the order's refunded amount and status."""
    Refund.objects.create(order=order, amount=amount, currency=order.currency, provider_ref=uuid.uuid4().hex,
                          reason="Changed my mind")
    order.refunded += amount
    order.status = OrderStatus.REFUNDED if order.refunded == order.total else OrderStatus.PARTIALLY_REFUNDED
    order.save(update_fields=["refunded", "status"])
    return order


@pytest.fixture
def buyer() -> Any:
    return StudentFactory(first_name="Zainab", last_name="Hussain", email="zainab@example.com")


def test_money_is_written_with_its_currency_and_two_decimals():
    assert money(250_000, "PKR") == "PKR 2,500.00"
    assert money(-5, "USD") == "−USD 0.05"


def test_the_receipt_names_its_number_buyer_items_discount_total_and_provider(buyer):
    Coupon.objects.create(code="EID10", kind="percent", value=10)
    order = order_for(buyer, 250_000, 99_999, coupon="eid10")  # 10% off each item, rounded down
    assert order.receipt_number is not None and order.receipt_number >= 1001

    text = text_of(receipt_pdf(order))

    assert f"Receipt {receipt_code(order)}" in text and receipt_code(order) == f"UST-{order.receipt_number}"
    for expected in ("Zainab Hussain", "zainab@example.com", "Organic chemistry 1", "Organic chemistry 2",
                     "PKR 2,500.00", "PKR 999.99", "Subtotal", "PKR 3,499.99", "Discount (EID10)",
                     "−PKR 349.99", "Total paid", "PKR 3,150.00", "JazzCash", str(order.id)):
        assert expected in text, expected
    assert "Refund" not in text
    assert "PKT" in text  # the buyer's time zone (Asia/Karachi)


def test_a_receipt_lists_refunds_and_what_was_paid_in_the_end(buyer):
    order = refund(order_for(buyer, 250_000), 100_000)
    text = text_of(receipt_pdf(order))
    assert "Refund on" in text and "−PKR 1,000.00" in text
    assert "Net paid" in text and "PKR 1,500.00" in text


def test_urdu_names_and_titles_render(buyer):
    buyer.first_name, buyer.last_name = "علی", "حسن"
    buyer.save()
    order = order_for(buyer, 250_000)
    pdf = receipt_pdf(order)
    assert PdfReader(io.BytesIO(pdf)).pages[0].extract_text()  # parses; the text is there in some order
    assert receipt_code(order) in text_of(pdf)


def test_an_unpaid_order_has_no_receipt(buyer):
    order = order_for(buyer, 250_000, paid=False)
    for render in (receipt_pdf, receipt_store, receipt_url):
        with pytest.raises(ApplicationError) as caught:
            render(order)
        assert (caught.value.code, caught.value.status_code) == ("not_paid", 409)


def test_a_paid_order_without_a_number_gets_one_from_the_sequence_once(buyer):
    order = order_for(buyer, 250_000)
    Order.objects.filter(id=order.id).update(receipt_number=None)
    order.refresh_from_db()
    receipt_pdf(order)
    number = order.receipt_number
    assert number is not None and Order.objects.get(id=order.id).receipt_number == number
    receipt_pdf(order)
    assert order.receipt_number == number


def test_the_receipt_is_rendered_once_per_state_of_the_order(buyer, django_assert_max_num_queries):
    order = order_for(buyer, 250_000)
    name = receipt_store(order)
    storage = private_storage()
    assert name.startswith("receipts/") and storage.exists(name)
    with django_assert_max_num_queries(0):  # already stored: nothing is rendered again
        assert receipt_store(order) == name
    refunded = receipt_store(refund(order, 50_000))
    assert refunded != name and storage.exists(refunded)
    with storage.open(refunded) as stored:
        assert "Refund on" in text_of(stored.read())


# --- The API ----------------------------------------------------------------------------------------------

def receipt(client: Any, order: Order) -> Any:
    return client.get(f"/api/v1/orders/{order.id}/receipt")


def test_the_buyer_is_sent_to_a_signed_link_that_downloads_the_pdf(buyer):
    order = order_for(buyer, 250_000)

    response = receipt(client_for(buyer), order)

    assert response.status_code == 302
    download: Any = client_for(buyer).get(response["Location"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert f"ustad-receipt-{receipt_code(order)}.pdf" in download["Content-Disposition"]
    assert receipt_code(order) in text_of(b"".join(download.streaming_content))


def test_admins_get_any_receipt_and_everyone_else_gets_not_found(api_client, buyer):
    order = order_for(buyer, 250_000)
    seller = order.items.get().seller
    assert receipt(client_for(UserFactory(role="admin", is_staff=True, is_superuser=True)), order).status_code == 302
    assert receipt(api_client, order).status_code == 401
    for who in (StudentFactory(), seller, TutorFactory()):
        response = receipt(client_for(who), order)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    missing = client_for(buyer).get(f"/api/v1/orders/{uuid.uuid4()}/receipt")
    assert missing.status_code == 404


def test_an_unpaid_order_is_a_conflict_for_its_buyer_and_not_found_for_others(buyer):
    order = order_for(buyer, 250_000, paid=False)
    response = receipt(client_for(buyer), order)
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_paid"
    assert receipt(client_for(StudentFactory()), order).status_code == 404
