"""Money's rules: the database checks the arithmetic and keeps the ledger balanced and append-only; coupons
price as documented; a double click makes one order; a payment is counted once, split, and grants access."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses.models import Enrollment
from ustad.courses.tests.factories import CourseFactory, EnrollmentFactory
from ustad.payments.models import (
    AccountKind,
    Coupon,
    LedgerEntry,
    LedgerTransaction,
    Order,
    OrderItem,
    OrderStatus,
)
from ustad.payments.services.ledger import account_balance, earnings_balance, ledger_account, ledger_post
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.pricing import Line, check_coupon, line_discounts
from ustad.users.tests.factories import StudentFactory, TutorFactory

pytestmark = pytest.mark.django_db


def paid_course(price: int = 250_000, currency: str = "PKR", **fields: Any) -> Any:
    return CourseFactory(price_amount=price, currency=currency, status="published", **fields)


# --- The database checks the arithmetic -----------------------------------------------------------------

def test_an_order_whose_total_does_not_add_up_is_refused_by_the_database():
    buyer = StudentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.create(buyer=buyer, currency="PKR", subtotal=1000, discount=100, total=950,
                             idempotency_key="k")
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.create(buyer=buyer, currency="PKR", subtotal=1000, discount=1200, total=-200,
                             idempotency_key="k")
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.create(buyer=buyer, currency="XXX", subtotal=10, discount=0, total=10, idempotency_key="k")


def test_an_item_names_exactly_the_thing_of_its_kind():
    order = Order.objects.create(buyer=StudentFactory(), currency="PKR", subtotal=10, total=10, idempotency_key="k")
    course = paid_course()
    with pytest.raises(IntegrityError), transaction.atomic():
        OrderItem.objects.create(order=order, kind="live_seat", course=course, seller=course.owner, title="x",
                                 unit_amount=10, amount=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        OrderItem.objects.create(order=order, kind="course", course=course, seller=course.owner, title="x",
                                 unit_amount=10, discount=3, amount=10)


def test_the_ledger_refuses_an_unbalanced_transaction_and_never_changes_an_entry():
    provider = ledger_account(kind=AccountKind.PROVIDER, currency="PKR", provider="local")
    platform = ledger_account(kind=AccountKind.PLATFORM, currency="PKR")
    with pytest.raises(ValueError, match="balances"):
        ledger_post(reference="bad", memo="x", entries=[(provider, 100), (platform, -90)])
    posted = LedgerTransaction.objects.create(reference="raw", memo="written by hand")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check now what COMMIT would check
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(transaction=posted, account=provider, amount=100)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    good = ledger_post(reference="good", memo="x", entries=[(provider, 100), (platform, -100)])
    entry = good.entries.first()
    assert entry is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.filter(id=entry.id).update(amount=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.filter(id=entry.id).delete()
    assert ledger_post(reference="good", memo="again", entries=[(provider, 7), (platform, -7)]) == good
    assert (account_balance(provider), account_balance(platform)) == (100, -100)


# --- Coupons -------------------------------------------------------------------------------------------

def coupon(**fields: Any) -> Coupon:
    return Coupon(code="EID", **fields)


def test_percent_coupons_round_down_and_fixed_ones_are_spent_across_lines():
    lines = [Line(unit_amount=999, currency="PKR"), Line(unit_amount=500, currency="PKR")]
    assert line_discounts(lines, coupon(kind="percent", value=10)) == [99, 50]
    assert line_discounts(lines, coupon(kind="fixed", value=1200, currency="PKR")) == [999, 201]
    assert line_discounts(lines, coupon(kind="fixed", value=100, currency="USD")) == [0, 0]
    assert line_discounts(lines, None) == [0, 0]


def test_coupons_limited_to_a_course_or_tutor_expired_or_used_up_are_refused():
    tutor = TutorFactory()
    course = paid_course(owner=tutor)
    line = Line(unit_amount=1000, currency="PKR", course_id=course.id, seller_id=tutor.id)
    other = Line(unit_amount=1000, currency="PKR", course_id=paid_course().id)
    now = timezone.now()
    check_coupon(coupon(kind="percent", value=50, course=course), [line], now=now)
    assert line_discounts([line, other], coupon(kind="percent", value=50, tutor=tutor)) == [500, 0]
    refused = [coupon(kind="percent", value=50, course=course),
               coupon(kind="percent", value=5, expires_at=now - timedelta(seconds=1)),
               coupon(kind="percent", value=5, max_redemptions=3, redemptions=3)]
    for bad, lines in zip(refused, [[other], [line], [line]], strict=True):
        with pytest.raises(ApplicationError) as caught:
            check_coupon(bad, lines, now=now)
        assert caught.value.code == "coupon_invalid"


# --- Orders and payments ----------------------------------------------------------------------------------

def test_a_double_clicked_pay_button_makes_one_order_and_a_reused_key_for_something_else_is_refused():
    buyer, course, another = StudentFactory(), paid_course(), paid_course()
    first = order_create_for_courses(buyer=buyer, courses=[course], idempotency_key="click-1")
    assert order_create_for_courses(buyer=buyer, courses=[course], idempotency_key="click-1") == first
    assert Order.objects.count() == 1 and (first.total, first.status) == (250_000, OrderStatus.PENDING)
    with pytest.raises(ApplicationError) as caught:
        order_create_for_courses(buyer=buyer, courses=[another], idempotency_key="click-1")
    assert (caught.value.code, caught.value.status_code) == ("idempotency_conflict", 409)


@pytest.mark.parametrize(("case", "code"), [("free", "free_course"), ("own", "own_course"),
                                            ("enrolled", "already_enrolled"), ("draft", "not_found"),
                                            ("currencies", "mixed_currencies"), ("none", "validation_error")])
def test_what_cannot_be_bought_is_refused_with_a_reason(case, code):
    buyer = StudentFactory()
    courses = {
        "free": lambda: [paid_course(price=0)],
        "own": lambda: [paid_course(owner=buyer)],
        "enrolled": lambda: [EnrollmentFactory(student=buyer, course=paid_course()).course],
        "draft": lambda: [CourseFactory(price_amount=100, status="draft")],
        "currencies": lambda: [paid_course(), paid_course(currency="USD", price=2000)],
        "none": lambda: [],
    }[case]()
    with pytest.raises(ApplicationError) as caught:
        order_create_for_courses(buyer=buyer, courses=courses, idempotency_key=f"k-{case}")
    assert caught.value.code == code
    assert not Order.objects.exists()


def test_a_payment_is_checked_split_in_the_ledger_grants_access_and_counts_once():
    tutor, buyer = TutorFactory(), StudentFactory()
    course = paid_course(owner=tutor, price=250_000)
    Coupon.objects.create(code="Eid10", kind="percent", value=10)
    order = order_create_for_courses(buyer=buyer, courses=[course], idempotency_key="k", coupon_code="eid10")
    assert (order.subtotal, order.discount, order.total) == (250_000, 25_000, 225_000)

    with pytest.raises(ApplicationError) as caught:
        order_mark_paid(order_id=order.id, provider="local", amount=225_000, currency="USD", reference="r1")
    assert caught.value.code == "payment_mismatch"
    assert not Enrollment.objects.filter(student=buyer).exists()

    for _ in range(2):  # the same webhook delivered twice
        order_mark_paid(order_id=order.id, provider="local", amount=225_000, currency="PKR", reference="r1")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert Enrollment.objects.get(student=buyer, course=course).source == "purchase"
    assert LedgerTransaction.objects.filter(order=order).count() == 1
    assert earnings_balance(owner=tutor, currency="PKR") == 180_000  # 80 % of what was paid
    assert account_balance(ledger_account(kind=AccountKind.PLATFORM, currency="PKR")) == -45_000
    assert account_balance(ledger_account(kind=AccountKind.PROVIDER, currency="PKR", provider="local")) == 225_000
    assert Coupon.objects.get(code="Eid10").redemptions == 1
    with pytest.raises(ApplicationError) as again:
        order_create_for_courses(buyer=buyer, courses=[paid_course()], idempotency_key="k2", coupon_code="EID10")
    assert again.value.code == "coupon_invalid"  # one use each
