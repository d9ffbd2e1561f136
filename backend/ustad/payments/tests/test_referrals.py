"""Referrals: a link per user, a 30-day cookie, attribution at sign-up, a commission on the referred user's
first paid order that is credited to the ledger only after the refund window, and the affiliate page."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core import signing
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import path
from django.utils import timezone
from rest_framework.test import APIClient

from config.urls import urlpatterns as site_urlpatterns
from conftest import client_for
from ustad.courses.tests.factories import CourseFactory
from ustad.payments.models import (
    AccountKind,
    Commission,
    CommissionStatus,
    LedgerTransaction,
    Order,
    OrderStatus,
    ReferralAttribution,
    ReferralVisit,
)
from ustad.payments.referral_link import COOKIE, referral_cookie_read, referral_link
from ustad.payments.selectors.referrals import affiliate_summary_for_user
from ustad.payments.services.ledger import account_balance, earnings_balance, ledger_account
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.referrals import (
    commission_cancel_for_order,
    commission_record_for_order,
    commissions_credit_due,
    referral_attribute_signup,
    referral_code_for,
    referral_visit_record,
    referrer_from_code,
)
from ustad.payments.tasks import credit_due_commissions
from ustad.users.models import User
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

# The site's routes with the referral link in front of the web app's catch-all, as config/urls.py will have it.
urlpatterns = [path("r/<str:code>", referral_link, name="referral-link"), *site_urlpatterns]
with_referral_link = pytest.mark.urls(__name__)

SIGNUP = "/api/v1/auth/signup"
ME = "/api/v1/referrals/me"
NEW_USER = {"email": "bilal@example.pk", "password": "learning-is-light-42", "first_name": "Bilal",
            "last_name": "Ahmed", "role": "student"}
DAY = timedelta(days=1)


def referred_by(referrer: Any, user: Any | None = None) -> Any:
    user = user or StudentFactory()
    assert referral_attribute_signup(user=user, code=referral_code_for(referrer), visited_at=timezone.now())
    return user


def paid_order(buyer: Any, *prices: int, currency: str = "PKR") -> Order:
    courses: list[Any] = [CourseFactory(price_amount=price, currency=currency) for price in prices or (100_000,)]
    order = order_create_for_courses(buyer=buyer, courses=courses, idempotency_key=uuid.uuid4().hex)
    return order_mark_paid(order_id=order.id, provider="local", amount=order.total, currency=order.currency,
                           reference=f"test-{order.id}")


def referrer_balance(referrer: Any, currency: str = "PKR") -> int:
    return earnings_balance(owner=referrer, currency=currency, kind=AccountKind.REFERRER)


def platform_balance(currency: str = "PKR") -> int:
    return account_balance(ledger_account(kind=AccountKind.PLATFORM, currency=currency))


def refunded(order: Order) -> Order:
    """What the refund service leaves behind (it is not part of this feature)."""
    Order.objects.filter(id=order.id).update(status=OrderStatus.REFUNDED, refunded=order.total)
    order.refresh_from_db()
    return order


# --- Codes ----------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_code_is_short_url_safe_stable_and_leads_back_to_its_user():
    user: Any = StudentFactory()
    code = referral_code_for(user)
    assert code == referral_code_for(User.objects.get(id=user.id))
    assert len(code) == 26 and code.isalnum() and code == code.lower()
    assert referrer_from_code(code) == user
    assert referrer_from_code(code.upper()) == user  # typed in capitals, still the same person


@pytest.mark.django_db
def test_malformed_unknown_other_spellings_and_deactivated_users_name_nobody():
    user: Any = StudentFactory()
    code = referral_code_for(user)
    other_spelling = code[:-1] + ("b" if code[-1] == "a" else "a")  # the same 16 bytes, spare bits changed
    assert referrer_from_code(other_spelling) is None
    for bad in ("", "abc", code + "a", code[:-1] + "!", "0" * 26, "1" * 26, referral_code_for(UserFactory.build())):
        assert referrer_from_code(bad) is None, bad
    User.objects.filter(id=user.id).update(is_active=False)
    assert referrer_from_code(code) is None
    assert referral_visit_record(code) is None and not ReferralVisit.objects.exists()


# --- The link ------------------------------------------------------------------------------------------------

@with_referral_link
@pytest.mark.django_db
def test_following_a_link_counts_the_click_sets_a_signed_cookie_and_goes_home(settings):
    referrer = TutorFactory()
    code = referral_code_for(referrer)
    before = int(timezone.now().timestamp())
    response = APIClient().get(f"/r/{code}")
    assert response.status_code == 302 and response["Location"] == "/"
    assert response["Cache-Control"] == "no-store"
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["secure"]
    assert cookie["max-age"] == 30 * 24 * 60 * 60 and cookie["path"] == "/"
    request = RequestFactory().get("/")
    request.COOKIES[COOKIE] = cookie.value
    read = referral_cookie_read(request)
    assert read is not None and read.code == code
    assert before <= read.visited_at.timestamp() <= timezone.now().timestamp()
    request.COOKIES[COOKIE] = cookie.value.replace(code, referral_code_for(StudentFactory()))
    assert referral_cookie_read(request) is None  # naming someone else breaks the signature
    visit = ReferralVisit.objects.get()
    assert visit.referrer == referrer
    assert {f.name for f in ReferralVisit._meta.get_fields()} == {"id", "created_at", "updated_at", "referrer"}


@with_referral_link
@pytest.mark.django_db
def test_the_cookie_is_secure_on_an_https_site_and_next_may_only_be_a_local_path(settings):
    settings.SITE_IS_HTTPS = True
    code = referral_code_for(StudentFactory())
    client = APIClient()
    response = client.get(f"/r/{code}", {"next": "/courses/algebra?tab=reviews"})
    assert response["Location"] == "/courses/algebra?tab=reviews"
    assert response.cookies[COOKIE]["secure"]
    for unsafe in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
                   "courses", "\x00/x"):
        assert client.get(f"/r/{code}", {"next": unsafe})["Location"] == "/", unsafe
    assert ReferralVisit.objects.count() == 7


@with_referral_link
@pytest.mark.django_db
def test_an_unknown_code_still_goes_home_without_a_cookie_or_a_visit_and_previews_count_nothing():
    StudentFactory()
    client = APIClient()
    for bad in ("nobody", "a" * 26, referral_code_for(UserFactory.build())):
        response = client.get(f"/r/{bad}")
        assert response.status_code == 302 and response["Location"] == "/"
        assert COOKIE not in response.cookies
    head = client.head(f"/r/{referral_code_for(StudentFactory())}")
    assert head.status_code == 302 and COOKIE not in head.cookies
    assert client.post(f"/r/{referral_code_for(StudentFactory())}").status_code == 405
    assert not ReferralVisit.objects.exists()


# --- Sign-up ------------------------------------------------------------------------------------------------

@with_referral_link
@pytest.mark.django_db
def test_signing_up_after_following_a_link_attributes_the_new_user_to_the_referrer(settings):
    referrer = StudentFactory()
    client = APIClient()
    client.get(f"/r/{referral_code_for(referrer)}")
    response = client.post(SIGNUP, NEW_USER, format="json")
    assert response.status_code == 201, response.content
    attribution = ReferralAttribution.objects.get()
    assert attribution.referrer == referrer and attribution.referred.email == NEW_USER["email"]


@with_referral_link
@pytest.mark.django_db
def test_a_cookie_older_than_thirty_days_or_forged_attributes_nothing_and_signup_still_works(monkeypatch):
    referrer = StudentFactory()
    code = referral_code_for(referrer)
    clicked = int((timezone.now() - 31 * DAY).timestamp())
    with monkeypatch.context() as then:  # the link was followed 31 days ago
        then.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(clicked))
        old = APIClient().get(f"/r/{code}").cookies[COOKIE].value
    for value in (old, f"{code}:{int(timezone.now().timestamp())}", "garbage"):
        client = APIClient()
        client.cookies[COOKIE] = value
        response = client.post(SIGNUP, {**NEW_USER, "email": f"{uuid.uuid4().hex[:8]}@example.pk"}, format="json")
        assert response.status_code == 201, response.content
    assert User.objects.count() == 4 and not ReferralAttribution.objects.exists()


@pytest.mark.django_db
def test_attribution_needs_a_visit_within_thirty_days_and_happens_once():
    referrer, another, now = StudentFactory(), StudentFactory(), timezone.now()
    code = referral_code_for(referrer)
    assert referral_attribute_signup(user=StudentFactory(), code=code, visited_at=now - 31 * DAY) is None
    assert referral_attribute_signup(user=StudentFactory(), code=code, visited_at=now + DAY) is None
    user = StudentFactory()
    first = referral_attribute_signup(user=user, code=code, visited_at=now - 29 * DAY)
    assert first is not None and first.referrer == referrer
    again = referral_attribute_signup(user=user, code=referral_code_for(another), visited_at=now)
    assert again == first and ReferralAttribution.objects.get().referrer == referrer


@pytest.mark.django_db
def test_nobody_refers_themselves():
    user = StudentFactory()
    assert referral_attribute_signup(user=user, code=referral_code_for(user), visited_at=timezone.now()) is None
    assert referral_attribute_signup(user=user, code="not-a-code", visited_at=timezone.now()) is None
    assert not ReferralAttribution.objects.exists()


# --- Commission ---------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_first_paid_order_earns_a_pending_commission_and_later_orders_nothing():
    referrer = TutorFactory()
    buyer = referred_by(referrer)
    first = paid_order(buyer, 100_000)
    commission = commission_record_for_order(first)
    assert commission is not None
    assert (commission.referrer, commission.amount, commission.currency, commission.status) == (
        referrer, 10_000, "PKR", CommissionStatus.PENDING)
    assert first.paid_at is not None and commission.credit_after == first.paid_at + 14 * DAY
    first.refresh_from_db()
    assert first.referrer == referrer
    assert commission_record_for_order(first) == commission  # repeated: the same commission
    second = paid_order(buyer, 300_000)
    assert commission_record_for_order(second) is None
    second.refresh_from_db()
    assert second.referrer is None
    assert Commission.objects.count() == 1
    assert referrer_balance(referrer) == 0  # nothing is owed until the refund window has passed


@pytest.mark.django_db
def test_no_commission_without_a_recent_attribution_or_for_an_unpaid_order():
    referrer = StudentFactory()
    unreferred = paid_order(StudentFactory())
    assert commission_record_for_order(unreferred) is None
    stale = referred_by(referrer)
    ReferralAttribution.objects.filter(referred=stale).update(created_at=timezone.now() - 31 * DAY)
    assert commission_record_for_order(paid_order(stale)) is None
    buyer = referred_by(referrer)
    course: Any = CourseFactory(price_amount=5_000)
    pending = order_create_for_courses(buyer=buyer, courses=[course], idempotency_key="k")
    assert commission_record_for_order(pending) is None
    assert not Commission.objects.exists()


@pytest.mark.django_db
def test_a_refunded_first_purchase_is_still_the_first(settings):
    referrer = StudentFactory()
    buyer = referred_by(referrer)
    first = paid_order(buyer)
    commission_cancel_for_order(refunded(first))  # refunded before the commission was even recorded
    assert commission_record_for_order(paid_order(buyer)) is None


@pytest.mark.django_db
def test_the_commission_never_exceeds_what_the_platform_kept_from_the_order(settings):
    settings.REFERRAL_COMMISSION_PERCENT = 50
    referrer = StudentFactory()
    order = paid_order(referred_by(referrer), 999, 999)
    # The platform kept 20 % of each item rounded down: 199 + 199, not half of 1998.
    assert -platform_balance() == 398
    commission = commission_record_for_order(order)
    assert commission is not None and commission.amount == 398


@pytest.mark.django_db
def test_a_commission_is_credited_only_once_the_refund_window_has_passed():
    referrer = StudentFactory()
    order = paid_order(referred_by(referrer), 100_000)
    commission = commission_record_for_order(order)
    assert commission is not None and order.paid_at is not None
    assert commissions_credit_due(now=order.paid_at + 14 * DAY - timedelta(seconds=1)) == 0
    assert referrer_balance(referrer) == 0 and platform_balance() == -20_000
    assert commissions_credit_due(now=order.paid_at + 14 * DAY) == 1
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.CREDITED
    assert referrer_balance(referrer) == 10_000 and platform_balance() == -10_000
    posted = LedgerTransaction.objects.get(reference=f"commission:{commission.id}")
    assert posted.order == order
    assert commissions_credit_due(now=order.paid_at + 30 * DAY) == 0  # a second run changes nothing
    assert referrer_balance(referrer) == 10_000


@pytest.mark.django_db
def test_a_refund_before_crediting_cancels_the_commission_and_nothing_is_ever_credited():
    referrer = StudentFactory()
    order = paid_order(referred_by(referrer))
    commission = commission_record_for_order(order)
    assert commission is not None and order.paid_at is not None
    assert commission_cancel_for_order(refunded(order)) == commission
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.CANCELLED
    assert commissions_credit_due(now=order.paid_at + 15 * DAY) == 0
    assert referrer_balance(referrer) == 0
    assert not LedgerTransaction.objects.filter(reference__startswith="commission").exists()


@pytest.mark.django_db
def test_an_order_refunded_in_part_or_without_telling_referrals_is_never_credited_and_its_commission_ends():
    referrer = StudentFactory()
    whole, part = paid_order(referred_by(referrer)), paid_order(referred_by(referrer), 100_000, 50_000)
    for order in (whole, part):
        assert commission_record_for_order(order) is not None
    refunded(whole)
    Order.objects.filter(id=part.id).update(status=OrderStatus.PARTIALLY_REFUNDED, refunded=50_000)
    assert commissions_credit_due(now=timezone.now() + 15 * DAY) == 0
    assert set(Commission.objects.values_list("status", flat=True)) == {CommissionStatus.CANCELLED}
    assert referrer_balance(referrer) == 0


@pytest.mark.django_db
def test_a_refund_after_crediting_reverses_the_commission_in_the_ledger_once():
    referrer = StudentFactory()
    order = paid_order(referred_by(referrer))
    commission = commission_record_for_order(order)
    assert commission is not None and order.paid_at is not None
    commissions_credit_due(now=order.paid_at + 15 * DAY)
    assert referrer_balance(referrer) == 10_000
    commission_cancel_for_order(refunded(order))
    commission_cancel_for_order(order)  # a second notice of the same refund
    commission.refresh_from_db()
    assert commission.status == CommissionStatus.CANCELLED
    assert referrer_balance(referrer) == 0 and platform_balance() == -20_000
    assert LedgerTransaction.objects.filter(reference=f"commission-reversal:{commission.id}").count() == 1
    assert commission_cancel_for_order(paid_order(StudentFactory())) is None  # no commission: nothing to do


@pytest.mark.django_db
def test_the_task_credits_what_is_due(settings):
    referrer = StudentFactory()
    order = paid_order(referred_by(referrer))
    assert commission_record_for_order(order) is not None
    Commission.objects.update(credit_after=timezone.now() - DAY)
    assert credit_due_commissions.apply().get() == 1
    assert credit_due_commissions.apply().get() == 0
    assert referrer_balance(referrer) == 10_000


def _at_once(*jobs: Any) -> list[Any]:
    """Run each job in its own thread (and database connection), all starting together."""
    start, results, errors = threading.Barrier(len(jobs)), [], []

    def run(job: Any) -> None:
        try:
            start.wait()
            results.append(job())
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_two_crediting_runs_at_once_credit_each_commission_once():
    referrer = StudentFactory()
    orders = [paid_order(referred_by(referrer), 100_000 + i) for i in range(6)]
    for order in orders:
        assert commission_record_for_order(order) is not None
    now = timezone.now() + 15 * DAY
    results = _at_once(lambda: commissions_credit_due(now=now), lambda: commissions_credit_due(now=now))
    assert sum(results) == 6
    assert Commission.objects.filter(status=CommissionStatus.CREDITED).count() == 6
    assert LedgerTransaction.objects.filter(reference__startswith="commission:").count() == 6
    assert referrer_balance(referrer) == sum((100_000 + i) // 10 for i in range(6))


@pytest.mark.django_db(transaction=True)
def test_two_orders_of_one_referred_buyer_paid_at_once_earn_one_commission():
    referrer: Any = StudentFactory()
    buyer = referred_by(referrer)
    courses: list[Any] = [CourseFactory(price_amount=100_000), CourseFactory(price_amount=200_000)]
    orders = [order_create_for_courses(buyer=buyer, courses=[course], idempotency_key=f"k{i}")
              for i, course in enumerate(courses)]
    both_paid = threading.Barrier(2)

    def pay(order: Order) -> Any:
        # As the orders service does it: the order turns paid, then, in the same transaction, the commission
        # is considered; here both payments have turned their order paid before either looks.
        with transaction.atomic():
            Order.objects.filter(id=order.id).update(status=OrderStatus.PAID, paid_at=timezone.now())
            order.refresh_from_db()
            both_paid.wait()
            return commission_record_for_order(order)

    results = _at_once(*(lambda order=order: pay(order) for order in orders))
    assert len([r for r in results if r is not None]) == 1
    assert Commission.objects.count() == 1
    assert Order.objects.filter(referrer=referrer).count() == 1


# --- The affiliate page ---------------------------------------------------------------------------------------

def _busy_referrer() -> tuple[Any, Any]:
    """Four clicks, three sign-ups: one bought in PKR (pending), one in USD (credited), one was refunded."""
    referrer = TutorFactory()
    for _ in range(4):
        referral_visit_record(referral_code_for(referrer))
    pkr, usd, gone = (paid_order(referred_by(referrer), 100_000), paid_order(referred_by(referrer), 2_500,
                                                                            currency="USD"),
                      paid_order(referred_by(referrer), 50_000))
    for order in (pkr, usd, gone):
        assert commission_record_for_order(order) is not None
    Commission.objects.filter(order=usd).update(credit_after=timezone.now() - DAY)
    assert commissions_credit_due() == 1
    commission_cancel_for_order(refunded(gone))
    return referrer, pkr


@pytest.mark.django_db
def test_the_summary_counts_clicks_signups_conversions_and_earnings_per_currency(django_assert_max_num_queries):
    referrer, _ = _busy_referrer()
    referred_by(StudentFactory())  # someone else's referral counts nowhere here
    with django_assert_max_num_queries(3):
        summary = affiliate_summary_for_user(user=referrer)
    assert (summary.clicks, summary.signups, summary.conversions) == (4, 3, 2)
    assert [(e.currency, e.pending, e.credited) for e in summary.earnings] == [("PKR", 10_000, 0), ("USD", 0, 250)]
    assert summary.code == referral_code_for(referrer)
    assert summary.link == f"{django_settings.SITE_URL}/r/{summary.code}"
    kinds = [activity.kind for activity in summary.recent]
    assert sorted(kinds) == ["click"] * 4 + ["conversion"] * 2 + ["signup"] * 3
    assert [a.date for a in summary.recent] == sorted((a.date for a in summary.recent), reverse=True)
    conversions = {(a.amount, a.currency) for a in summary.recent if a.kind == "conversion"}
    assert conversions == {(10_000, "PKR"), (250, "USD")}
    assert all(a.amount is None and a.currency is None for a in summary.recent if a.kind != "conversion")
    assert len(affiliate_summary_for_user(user=referrer, recent=5).recent) == 5


@pytest.mark.django_db
def test_my_referrals_shows_my_own_numbers_only(django_assert_max_num_queries):
    referrer, _ = _busy_referrer()
    client = client_for(referrer)
    with django_assert_max_num_queries(4):  # the caller, then the three reads
        response = client.get(ME)
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == referral_code_for(referrer) and body["link"].endswith(f"/r/{body['code']}")
    assert (body["clicks"], body["signups"], body["conversions"]) == (4, 3, 2)
    assert body["earnings"] == [{"currency": "PKR", "pending": 10_000, "credited": 0},
                                {"currency": "USD", "pending": 0, "credited": 250}]
    assert set(body["recent"][0]) == {"date", "kind", "amount", "currency"}
    other = client_for(StudentFactory()).get(ME).json()
    assert (other["clicks"], other["signups"], other["conversions"], other["earnings"], other["recent"]) == (
        0, 0, 0, [], [])


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ["student", "tutor", "admin"])
def test_every_signed_in_user_has_an_affiliate_page_and_anonymous_visitors_do_not(actor):
    user = {"student": StudentFactory, "tutor": TutorFactory,
            "admin": lambda: UserFactory(role="admin", is_staff=True, is_superuser=True)}[actor]()
    assert client_for(user).get(ME).status_code == 200
    anonymous = APIClient().get(ME)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"]
    assert APIClient().post(ME).status_code == 401
    assert client_for(user).post(ME).status_code == 405
