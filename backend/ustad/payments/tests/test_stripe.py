"""Stripe, against a local server that speaks Stripe's API as the `stripe` library uses it, and webhook
deliveries signed as Stripe signs them: Checkout for payments and subscriptions, refunds, inquiries, and every
webhook Ustad acts on."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from ustad.core.errors import ApplicationError
from ustad.core.testing.servers import free_port
from ustad.payments.providers import get_provider
from ustad.payments.providers.base import (
    CheckoutRequest,
    EventType,
    ProviderEvent,
    ProviderUnavailableError,
    SubscriptionRequest,
    WebhookInvalidError,
)
from ustad.payments.providers.stripe import StripeProvider
from ustad.payments.tests.fakes.stripe_server import FakeStripe, event, signed_delivery
from ustad.payments.tests.fakes.stripe_server import fake_stripe as fake_stripe  # the fixture

PAYMENT_ID, ORDER_ID, SUBSCRIPTION_ID = "7d1c2f0e-pay", "3a9b-order", "51e0-sub"


def checkout_request(**changes: Any) -> CheckoutRequest:
    fields: dict[str, Any] = {
        "payment_id": PAYMENT_ID, "order_id": ORDER_ID, "amount": 2500, "currency": "USD",
        "description": "Organic chemistry, Algebra I", "buyer_email": "amna@example.com", "buyer_name": "Amna",
        "return_url": "https://ustad.test/checkout/done", "cancel_url": "https://ustad.test/checkout/cancelled",
        "webhook_url": "https://ustad.test/api/v1/webhooks/stripe"}
    return CheckoutRequest(**{**fields, **changes})


def subscription_request(**changes: Any) -> SubscriptionRequest:
    fields: dict[str, Any] = {
        "subscription_id": SUBSCRIPTION_ID, "plan_name": "All courses", "amount": 150000, "currency": "PKR",
        "provider_plan_ref": "", "buyer_email": "amna@example.com", "buyer_name": "Amna",
        "return_url": "https://ustad.test/plans/done", "cancel_url": "https://ustad.test/plans",
        "webhook_url": "https://ustad.test/api/v1/webhooks/stripe"}
    return SubscriptionRequest(**{**fields, **changes})


@pytest.fixture
def provider(fake_stripe: FakeStripe) -> StripeProvider:
    return StripeProvider()


def deliver(fake: FakeStripe, evt: dict[str, Any]) -> list[ProviderEvent]:
    body, headers = fake.delivery(evt)
    return StripeProvider().parse_webhook(headers=headers, body=body)


def paid_checkout(provider: StripeProvider, fake: FakeStripe, **changes: Any) -> dict[str, Any]:
    return fake.pay_session(provider.start_checkout(checkout_request(**changes)).provider_ref)


def active_subscription(provider: StripeProvider, fake: FakeStripe) -> str:
    session = fake.pay_session(provider.start_subscription(subscription_request()).provider_ref)
    return str(session["subscription"])


def refused(excinfo: pytest.ExceptionInfo[ApplicationError]) -> str:
    assert (excinfo.value.code, excinfo.value.status_code) == ("provider_refused", 502)
    return excinfo.value.message


# --- The provider as the registry gives it ------------------------------------------------------------------
def test_the_registry_builds_the_stripe_provider(fake_stripe):
    stripe = get_provider("stripe")
    assert isinstance(stripe, StripeProvider)
    assert (stripe.name, stripe.label, stripe.supports_subscriptions) == ("stripe", "Card (Stripe)", True)
    assert stripe.currencies == {"PKR", "USD"}


def test_without_keys_every_call_says_stripe_is_not_configured(settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""
    calls = [lambda p: p.start_checkout(checkout_request()),
             lambda p: p.start_subscription(subscription_request()),
             lambda p: p.inquire(payment_ref="cs_1", amount=1, currency="USD"),
             lambda p: p.refund(payment_ref="cs_1", captured_ref="pi_1", amount=1, currency="USD", reason="x"),
             lambda p: p.cancel_subscription(subscription_ref="sub_1", at_period_end=True),
             lambda p: p.resume_subscription(subscription_ref="sub_1"),
             lambda p: p.parse_webhook(headers={}, body=b"{}")]
    for call in calls:
        with pytest.raises(ApplicationError) as excinfo:
            call(StripeProvider())
        assert (excinfo.value.code, excinfo.value.status_code) == ("provider_not_configured", 503)


# --- Checkout ---------------------------------------------------------------------------------------------
def test_a_checkout_is_a_payment_session_that_names_our_payment_and_order(provider, fake_stripe):
    start = provider.start_checkout(checkout_request())

    [sent] = fake_stripe.requests
    assert (sent.method, sent.path) == ("POST", "/v1/checkout/sessions")
    assert sent.headers["authorization"] == f"Bearer {fake_stripe.secret_key}"
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent.idempotency_key == f"ustad-checkout-{PAYMENT_ID}"
    refs = {"payment_id": PAYMENT_ID, "order_id": ORDER_ID}
    assert sent.params == {
        "mode": "payment",
        "line_items": [{"quantity": "1", "price_data": {
            "currency": "usd", "unit_amount": "2500", "product_data": {"name": "Organic chemistry, Algebra I"}}}],
        "success_url": "https://ustad.test/checkout/done", "cancel_url": "https://ustad.test/checkout/cancelled",
        "client_reference_id": PAYMENT_ID, "metadata": refs, "payment_intent_data": {"metadata": refs},
        "customer_email": "amna@example.com"}
    [session] = fake_stripe.sessions.values()
    assert start.provider_ref == session["id"] and start.provider_ref.startswith("cs_")
    assert start.redirect_url == session["url"] and start.form_fields == {}


def test_starting_the_same_payment_twice_gives_the_same_session(provider, fake_stripe):
    first = provider.start_checkout(checkout_request())
    again = provider.start_checkout(checkout_request())
    assert again == first and len(fake_stripe.sessions) == 1
    assert [r.idempotency_key for r in fake_stripe.requests] == [f"ustad-checkout-{PAYMENT_ID}"] * 2


def test_rupees_are_sent_in_paisa_with_stripes_lower_case_code(provider, fake_stripe):
    provider.start_checkout(checkout_request(amount=350000, currency="PKR"))
    price = fake_stripe.requests[0].params["line_items"][0]["price_data"]
    assert (price["currency"], price["unit_amount"]) == ("pkr", "350000")


def test_an_amount_stripe_will_not_charge_is_refused_with_stripes_message(provider, fake_stripe):
    with pytest.raises(ApplicationError) as excinfo:
        provider.start_checkout(checkout_request(amount=30))
    assert "at least 50 usd" in refused(excinfo)
    assert fake_stripe.sessions == {}


def test_a_wrong_api_key_is_refused_without_repeating_the_key(provider, fake_stripe, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_rotated_away"
    with pytest.raises(ApplicationError) as excinfo:
        StripeProvider().start_checkout(checkout_request())
    assert "sk_test" not in refused(excinfo) and "API key" in excinfo.value.message
    assert fake_stripe.requests[0].headers["authorization"] == "Bearer sk_test_rotated_away"


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_stripe_outage_leaves_the_payment_to_try_again(provider, fake_stripe, status):
    fake_stripe.fail(status)
    with pytest.raises(ProviderUnavailableError):
        provider.start_checkout(checkout_request())
    assert fake_stripe.sessions == {}
    assert len(fake_stripe.requests) == (1 if status == 429 else 2)  # the library retries a 5xx once


def test_one_server_error_is_retried_once_with_the_same_idempotency_key(provider, fake_stripe):
    fake_stripe.fail(500, times=1)
    start = provider.start_checkout(checkout_request())
    assert list(fake_stripe.sessions) == [start.provider_ref]
    first, retry = fake_stripe.requests
    assert first.idempotency_key == retry.idempotency_key == f"ustad-checkout-{PAYMENT_ID}"
    assert first.params == retry.params


def test_a_stripe_that_does_not_answer_in_time_is_unavailable(provider, fake_stripe):
    fake_stripe.hang(5)
    started = time.monotonic()
    with pytest.raises(ProviderUnavailableError):
        provider.start_checkout(checkout_request())
    assert time.monotonic() - started < 4.5  # two tries of one second each, and a short pause between


def test_a_stripe_that_cannot_be_reached_is_unavailable(fake_stripe, settings):
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ProviderUnavailableError):
        StripeProvider().start_checkout(checkout_request())


def test_the_return_url_proves_nothing(provider):
    assert provider.handle_return(params={"session_id": "cs_test_1", "status": "paid"}) == []


# --- Subscriptions ----------------------------------------------------------------------------------------
def test_a_plan_with_a_stripe_price_subscribes_to_that_price(provider, fake_stripe):
    price_id = fake_stripe.add_price(amount=1500, currency="usd")
    start = provider.start_subscription(subscription_request(provider_plan_ref=price_id, currency="USD",
                                                             amount=1500))
    [sent] = fake_stripe.requests
    assert sent.idempotency_key == f"ustad-subscription-{SUBSCRIPTION_ID}-{datetime.now(tz=UTC):%Y%m%d}"
    refs = {"subscription_id": SUBSCRIPTION_ID}
    assert sent.params == {
        "mode": "subscription", "line_items": [{"quantity": "1", "price": price_id}],
        "success_url": "https://ustad.test/plans/done", "cancel_url": "https://ustad.test/plans",
        "client_reference_id": SUBSCRIPTION_ID, "metadata": refs, "subscription_data": {"metadata": refs},
        "customer_email": "amna@example.com"}
    assert start.provider_ref in fake_stripe.sessions


def test_starting_an_unfinished_subscription_again_the_same_day_gives_the_same_session(provider, fake_stripe):
    first = provider.start_subscription(subscription_request())
    assert provider.start_subscription(subscription_request()) == first and len(fake_stripe.sessions) == 1


def test_a_plan_without_a_stripe_price_sends_a_monthly_price(provider, fake_stripe):
    provider.start_subscription(subscription_request())
    assert fake_stripe.requests[0].params["line_items"] == [{"quantity": "1", "price_data": {
        "currency": "pkr", "unit_amount": "150000", "recurring": {"interval": "month"},
        "product_data": {"name": "All courses"}}}]


def test_an_unknown_stripe_price_is_refused(provider, fake_stripe):
    with pytest.raises(ApplicationError) as excinfo:
        provider.start_subscription(subscription_request(provider_plan_ref="price_gone"))
    assert "No such price" in refused(excinfo)


def test_cancelling_at_the_period_end_and_resuming(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    provider.cancel_subscription(subscription_ref=subscription_id, at_period_end=True)
    assert fake_stripe.subscriptions[subscription_id]["cancel_at_period_end"] is True
    provider.resume_subscription(subscription_ref=subscription_id)
    subscription = fake_stripe.subscriptions[subscription_id]
    assert (subscription["cancel_at_period_end"], subscription["status"]) == (False, "active")
    changes = fake_stripe.requests_to("POST", f"/v1/subscriptions/{subscription_id}")
    assert [r.params for r in changes] == [{"cancel_at_period_end": "true"}, {"cancel_at_period_end": "false"}]


def test_cancelling_now_ends_the_subscription(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    provider.cancel_subscription(subscription_ref=subscription_id, at_period_end=False)
    assert fake_stripe.subscriptions[subscription_id]["status"] == "canceled"
    assert len(fake_stripe.requests_to("DELETE", f"/v1/subscriptions/{subscription_id}")) == 1


def test_cancelling_an_unknown_subscription_is_refused_and_an_outage_is_unavailable(provider, fake_stripe):
    with pytest.raises(ApplicationError) as excinfo:
        provider.cancel_subscription(subscription_ref="sub_missing", at_period_end=True)
    assert "No such subscription" in refused(excinfo)
    fake_stripe.fail(502)
    with pytest.raises(ProviderUnavailableError):
        provider.resume_subscription(subscription_ref="sub_missing")


# --- Inquiries --------------------------------------------------------------------------------------------
def test_an_open_checkout_is_still_pending(provider, fake_stripe):
    start = provider.start_checkout(checkout_request())
    assert provider.inquire(payment_ref=start.provider_ref, amount=2500, currency="USD") is None


def test_a_paid_checkout_is_reported_with_stripes_amount_and_payment_intent(provider, fake_stripe):
    session = paid_checkout(provider, fake_stripe)
    found = provider.inquire(payment_ref=session["id"], amount=2500, currency="USD")
    assert found == ProviderEvent(
        event_id=f"inquiry:{session['id']}:succeeded", type=EventType.PAYMENT_SUCCEEDED, local_ref=PAYMENT_ID,
        payment_ref=session["id"], captured_ref=session["payment_intent"], amount=2500, currency="USD",
        raw_type="checkout.session")
    assert fake_stripe.requests[-1].method == "GET"


def test_an_expired_checkout_failed(provider, fake_stripe):
    start = provider.start_checkout(checkout_request())
    fake_stripe.expire_session(start.provider_ref)
    found = provider.inquire(payment_ref=start.provider_ref, amount=2500, currency="USD")
    assert found is not None
    assert (found.type, found.event_id, found.failure_code) == (
        EventType.PAYMENT_FAILED, f"inquiry:{start.provider_ref}:failed", "expired")


def test_inquiring_about_an_unknown_session_is_refused_and_an_outage_is_unavailable(provider, fake_stripe):
    with pytest.raises(ApplicationError) as excinfo:
        provider.inquire(payment_ref="cs_test_missing", amount=2500, currency="USD")
    assert "No such checkout.session" in refused(excinfo)
    fake_stripe.fail(500)
    with pytest.raises(ProviderUnavailableError):
        provider.inquire(payment_ref="cs_test_missing", amount=2500, currency="USD")


# --- Refunds ----------------------------------------------------------------------------------------------
def test_a_refund_names_the_payment_intent_and_amount_and_asking_again_makes_no_second_refund(provider,
                                                                                                fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    result = provider.refund(payment_ref="cs_x", captured_ref=intent, amount=1000, currency="USD",
                             reason="Course not started")
    [refund] = fake_stripe.refunds.values()
    assert (result.refund_ref, result.succeeded) == (refund["id"], True)
    [sent] = fake_stripe.requests_to("POST", "/v1/refunds")
    assert sent.params == {"payment_intent": intent, "amount": "1000",
                           "metadata": {"payment_ref": "cs_x", "reason": "Course not started"}}
    assert sent.idempotency_key.startswith(f"ustad-refund-{intent}-1000-")

    again = provider.refund(payment_ref="cs_x", captured_ref=intent, amount=1000, currency="USD",
                            reason="Course not started")
    assert again == result and len(fake_stripe.refunds) == 1
    other = provider.refund(payment_ref="cs_x", captured_ref=intent, amount=1000, currency="USD",
                            reason="Second course not started")
    assert other.refund_ref != result.refund_ref and len(fake_stripe.refunds) == 2


def test_a_refund_stripe_is_still_processing_comes_back_by_webhook(provider, fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    fake_stripe.refund_status = "pending"
    result = provider.refund(payment_ref="", captured_ref=intent, amount=2500, currency="USD", reason="r")
    assert result.succeeded is False and result.refund_ref in fake_stripe.refunds


def test_a_refund_that_failed_at_once_is_refused(provider, fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    fake_stripe.refund_status = "failed"
    with pytest.raises(ApplicationError) as excinfo:
        provider.refund(payment_ref="", captured_ref=intent, amount=2500, currency="USD", reason="r")
    assert "lost_or_stolen_card" in refused(excinfo)


def test_refunding_more_than_was_paid_is_refused_with_stripes_message(provider, fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    with pytest.raises(ApplicationError) as excinfo:
        provider.refund(payment_ref="", captured_ref=intent, amount=2501, currency="USD", reason="r")
    assert "greater than unrefunded amount" in refused(excinfo)


def test_a_refund_during_an_outage_is_unavailable(provider, fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    fake_stripe.fail(500)
    with pytest.raises(ProviderUnavailableError):
        provider.refund(payment_ref="", captured_ref=intent, amount=2500, currency="USD", reason="r")
    assert fake_stripe.refunds == {}


# --- Webhook signatures -----------------------------------------------------------------------------------
def test_a_delivery_signed_with_the_endpoint_secret_is_accepted_whatever_the_header_case(provider, fake_stripe):
    evt = event("customer.created", {"id": "cus_1", "object": "customer"})
    body, headers = fake_stripe.delivery(evt)
    lowered = {name.lower(): value for name, value in headers.items()}
    for given in (headers, lowered, {"HTTP_STRIPE_SIGNATURE": "", **headers}):
        assert provider.parse_webhook(headers=given, body=body) == [
            ProviderEvent(event_id=evt["id"], type=EventType.IGNORED, raw_type="customer.created")]


def test_a_tampered_body_is_refused(provider, fake_stripe):
    body, headers = fake_stripe.delivery(event("charge.dispute.created", {"id": "du_1", "amount": 2500}))
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body.replace(b"2500", b"2400"))


def test_a_delivery_signed_with_another_secret_is_refused(provider, fake_stripe):
    body, headers = signed_delivery(event("invoice.paid", {"id": "in_1"}), secret="whsec_someone_else")
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)


def test_a_delivery_without_a_signature_is_refused(provider, fake_stripe):
    body, headers = fake_stripe.delivery(event("invoice.paid", {"id": "in_1"}))
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers={"Content-Type": headers["Content-Type"]}, body=body)
    for broken in ("garbage", "t=now,v1=abc", f"t={int(time.time())}", headers["Stripe-Signature"].replace("v1", "v0")):
        with pytest.raises(WebhookInvalidError):
            provider.parse_webhook(headers={"Stripe-Signature": broken}, body=body)


def test_a_delivery_older_than_five_minutes_is_refused_as_a_possible_replay(provider, fake_stripe):
    evt = event("invoice.paid", {"id": "in_1"})
    body, headers = fake_stripe.delivery(evt, timestamp=int(time.time()) - 301)
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)
    body, headers = fake_stripe.delivery(evt, timestamp=int(time.time()) - 240)
    assert provider.parse_webhook(headers=headers, body=body)[0].event_id == evt["id"]


def test_a_rolled_secret_still_verifies_while_stripe_signs_with_both(provider, fake_stripe):
    evt = event("invoice.paid", {"id": "in_1"})
    old_body, old_headers = signed_delivery(evt, secret="whsec_old")
    body, headers = fake_stripe.delivery(evt)
    assert old_body == body
    both = f"{old_headers['Stripe-Signature']},{headers['Stripe-Signature'].split(',')[1]}"
    assert provider.parse_webhook(headers={"Stripe-Signature": both}, body=body)[0].event_id == evt["id"]


@pytest.mark.parametrize("body", [b"\xff\xfe not utf-8", b"not json", b"[1, 2]", b'{"object": "event"}'])
def test_a_signed_body_that_is_not_a_stripe_event_is_refused(provider, fake_stripe, body):
    stamp = int(time.time())
    signature = hmac.new(fake_stripe.webhook_secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers={"Stripe-Signature": f"t={stamp},v1={signature.hexdigest()}"}, body=body)


# --- Webhook events: payments -----------------------------------------------------------------------------
def test_a_completed_paid_checkout_is_a_payment_with_stripes_amount_and_currency(provider, fake_stripe):
    session = paid_checkout(provider, fake_stripe, amount=350000, currency="PKR")
    evt = event("checkout.session.completed", session)
    assert deliver(fake_stripe, evt) == [ProviderEvent(
        event_id=evt["id"], type=EventType.PAYMENT_SUCCEEDED, local_ref=PAYMENT_ID, payment_ref=session["id"],
        captured_ref=session["payment_intent"], amount=350000, currency="PKR",
        raw_type="checkout.session.completed")]
    assert deliver(fake_stripe, evt)[0].event_id == evt["id"]  # a redelivery is recognisable


def test_a_delayed_payment_counts_when_stripe_says_it_succeeded(provider, fake_stripe):
    start = provider.start_checkout(checkout_request())
    unpaid = {**fake_stripe.sessions[start.provider_ref], "status": "complete"}
    assert deliver(fake_stripe, event("checkout.session.completed", fake_stripe.public(unpaid)))[0].type == (
        EventType.IGNORED)
    session = fake_stripe.pay_session(start.provider_ref)
    [found] = deliver(fake_stripe, event("checkout.session.async_payment_succeeded", session))
    assert (found.type, found.local_ref, found.amount, found.captured_ref) == (
        EventType.PAYMENT_SUCCEEDED, PAYMENT_ID, 2500, session["payment_intent"])


@pytest.mark.parametrize(("kind", "code"), [("checkout.session.async_payment_failed", "async_payment_failed"),
                                            ("checkout.session.expired", "expired")])
def test_a_failed_or_expired_checkout_is_a_failed_payment(provider, fake_stripe, kind, code):
    start = provider.start_checkout(checkout_request())
    session = fake_stripe.expire_session(start.provider_ref)
    [found] = deliver(fake_stripe, event(kind, session))
    assert (found.type, found.local_ref, found.payment_ref, found.failure_code) == (
        EventType.PAYMENT_FAILED, PAYMENT_ID, start.provider_ref, code)
    assert found.failure_message


def test_a_completed_subscription_checkout_waits_for_its_invoice(provider, fake_stripe):
    session = fake_stripe.pay_session(provider.start_subscription(subscription_request()).provider_ref)
    assert [e.type for e in deliver(fake_stripe, event("checkout.session.completed", session))] == [
        EventType.IGNORED]


def test_a_succeeded_refund_is_reported_once_per_refund(provider, fake_stripe):
    intent = paid_checkout(provider, fake_stripe)["payment_intent"]
    fake_stripe.refund_status = "pending"
    refund_ref = provider.refund(payment_ref="", captured_ref=intent, amount=1000, currency="USD",
                                 reason="r").refund_ref
    pending = fake_stripe.refunds[refund_ref]
    assert deliver(fake_stripe, event("refund.created", pending))[0].type == EventType.IGNORED
    evt = event("refund.updated", {**pending, "status": "succeeded"}, previous_attributes={"status": "pending"})
    assert deliver(fake_stripe, evt) == [ProviderEvent(
        event_id=evt["id"], type=EventType.REFUND_SUCCEEDED, captured_ref=intent, refund_ref=refund_ref,
        amount=1000, currency="USD", raw_type="refund.updated")]


def test_a_charge_listing_its_refunds_gives_one_event_per_succeeded_refund(provider, fake_stripe):
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_1", "amount_refunded": 1500,
              "refunds": {"object": "list", "data": [
                  {"id": "re_1", "object": "refund", "amount": 1000, "currency": "usd", "status": "succeeded"},
                  {"id": "re_2", "object": "refund", "amount": 500, "currency": "usd", "status": "succeeded"},
                  {"id": "re_3", "object": "refund", "amount": 700, "currency": "usd", "status": "pending"}]}}
    evt = event("charge.refunded", charge)
    found = deliver(fake_stripe, evt)
    assert [(e.event_id, e.refund_ref, e.amount, e.captured_ref, e.type) for e in found] == [
        (f"{evt['id']}:re_1", "re_1", 1000, "pi_1", EventType.REFUND_SUCCEEDED),
        (f"{evt['id']}:re_2", "re_2", 500, "pi_1", EventType.REFUND_SUCCEEDED)]
    without_list = event("charge.refunded", {"id": "ch_1", "object": "charge", "payment_intent": "pi_1"})
    assert deliver(fake_stripe, without_list)[0].type == EventType.IGNORED


def test_a_dispute_is_a_chargeback_on_the_payment_intent(provider, fake_stripe):
    dispute = {"id": "du_1", "object": "dispute", "amount": 2500, "currency": "usd", "charge": "ch_1",
               "payment_intent": "pi_1", "reason": "fraudulent", "status": "needs_response"}
    [found] = deliver(fake_stripe, event("charge.dispute.created", dispute))
    assert (found.type, found.captured_ref, found.refund_ref, found.amount, found.currency, found.failure_code) == (
        EventType.CHARGEBACK, "pi_1", "du_1", 2500, "USD", "fraudulent")


# --- Webhook events: subscriptions ------------------------------------------------------------------------
def test_the_first_paid_invoice_activates_and_each_next_one_renews(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    first = fake_stripe.invoice(subscription_id)
    evt = event("invoice.paid", first)
    period_end = datetime.fromtimestamp(first["lines"]["data"][0]["period"]["end"], tz=UTC)
    assert deliver(fake_stripe, evt) == [ProviderEvent(
        event_id=evt["id"], type=EventType.SUBSCRIPTION_ACTIVATED, local_ref=SUBSCRIPTION_ID,
        subscription_ref=subscription_id, amount=150000, currency="PKR", period_end=period_end,
        raw_type="invoice.paid")]

    [renewed] = deliver(fake_stripe, event("invoice.paid", fake_stripe.renew(subscription_id)))
    assert (renewed.type, renewed.local_ref, renewed.subscription_ref) == (
        EventType.SUBSCRIPTION_RENEWED, SUBSCRIPTION_ID, subscription_id)
    assert renewed.period_end is not None and (renewed.period_end - period_end).days == 30


def test_an_invoice_in_the_older_shape_names_its_subscription_at_the_top(provider, fake_stripe):
    invoice = {"id": "in_1", "object": "invoice", "billing_reason": "subscription_cycle", "amount_paid": 1500,
               "currency": "usd", "subscription": "sub_1", "period_end": 1,
               "subscription_details": {"metadata": {"subscription_id": SUBSCRIPTION_ID}},
               "lines": {"object": "list", "data": [{"id": "il_1", "period": {"start": 1767225600,
                                                                             "end": 1769904000}}]}}
    [found] = deliver(fake_stripe, event("invoice.paid", invoice))
    assert (found.type, found.subscription_ref, found.local_ref, found.period_end) == (
        EventType.SUBSCRIPTION_RENEWED, "sub_1", SUBSCRIPTION_ID, datetime(2026, 2, 1, tzinfo=UTC))


def test_an_invoice_for_no_new_period_is_ignored(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    for reason in ("subscription_update", "manual"):
        invoice = fake_stripe.invoice(subscription_id, billing_reason=reason)
        assert deliver(fake_stripe, event("invoice.paid", invoice))[0].type == EventType.IGNORED
    one_off = {"id": "in_2", "object": "invoice", "billing_reason": "subscription_create", "parent": None}
    assert deliver(fake_stripe, event("invoice.paid", one_off))[0].type == EventType.IGNORED


def test_a_failed_invoice_is_a_failed_renewal(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    invoice = {**fake_stripe.renew(subscription_id), "status": "open", "amount_paid": 0, "attempt_count": 2}
    [found] = deliver(fake_stripe, event("invoice.payment_failed", invoice))
    assert (found.type, found.local_ref, found.subscription_ref, found.amount, found.currency) == (
        EventType.SUBSCRIPTION_RENEWAL_FAILED, SUBSCRIPTION_ID, subscription_id, 150000, "PKR")
    assert "2" in found.failure_message


def test_cancelling_at_the_period_end_is_reported_with_the_day_it_ends(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    provider.cancel_subscription(subscription_ref=subscription_id, at_period_end=True)
    subscription = fake_stripe.public(fake_stripe.subscriptions[subscription_id])
    evt = event("customer.subscription.updated", subscription, previous_attributes={"cancel_at_period_end": False})
    ends = datetime.fromtimestamp(subscription["items"]["data"][0]["current_period_end"], tz=UTC)
    assert deliver(fake_stripe, evt) == [ProviderEvent(
        event_id=evt["id"], type=EventType.SUBSCRIPTION_CANCELLED, local_ref=SUBSCRIPTION_ID,
        subscription_ref=subscription_id, period_end=ends, raw_type="customer.subscription.updated")]

    provider.resume_subscription(subscription_ref=subscription_id)
    resumed = fake_stripe.public(fake_stripe.subscriptions[subscription_id])
    assert deliver(fake_stripe, event("customer.subscription.updated", resumed))[0].type == EventType.IGNORED


def test_a_deleted_subscription_has_ended(provider, fake_stripe):
    subscription_id = active_subscription(provider, fake_stripe)
    provider.cancel_subscription(subscription_ref=subscription_id, at_period_end=False)
    subscription = fake_stripe.public(fake_stripe.subscriptions[subscription_id])
    [found] = deliver(fake_stripe, event("customer.subscription.deleted", subscription))
    assert (found.type, found.local_ref, found.subscription_ref) == (
        EventType.SUBSCRIPTION_ENDED, SUBSCRIPTION_ID, subscription_id)
    assert found.period_end == datetime.fromtimestamp(subscription["ended_at"], tz=UTC)


def test_events_ustad_does_not_act_on_are_ignored(provider, fake_stripe):
    for kind in ("payment_intent.succeeded", "invoice.finalized", "customer.subscription.created"):
        evt = event(kind, {"id": "x_1"})
        assert deliver(fake_stripe, evt) == [ProviderEvent(event_id=evt["id"], type=EventType.IGNORED,
                                                            raw_type=kind)]


# --- The hosted page, for journeys through the whole site ---------------------------------------------------
@pytest.fixture
def webhook_endpoint() -> Iterator[tuple[str, list[tuple[bytes, dict[str, str]]]]]:
    """A stand-in for the site's webhook URL that keeps what it receives."""
    received: list[tuple[bytes, dict[str, str]]] = []

    class Endpoint(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            received.append((self.rfile.read(int(self.headers["Content-Length"])), dict(self.headers.items())))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1/webhooks/stripe", received
    finally:
        server.shutdown()
        server.server_close()


def test_paying_on_the_hosted_page_returns_the_buyer_and_delivers_signed_webhooks(provider, fake_stripe,
                                                                                  webhook_endpoint):
    fake_stripe.webhook_url, received = webhook_endpoint
    start = provider.start_subscription(subscription_request())
    page = httpx.get(start.redirect_url)
    assert page.status_code == 200 and "1500.00 PKR" in page.text

    paid = httpx.post(f"{start.redirect_url}/pay")
    assert (paid.status_code, paid.headers["location"]) == (303, "https://ustad.test/plans/done")
    assert fake_stripe.sent == [("checkout.session.completed", 200), ("invoice.paid", 200)]
    found = [provider.parse_webhook(headers=headers, body=body)[0] for body, headers in received]
    assert [e.type for e in found] == [EventType.IGNORED, EventType.SUBSCRIPTION_ACTIVATED]
    assert found[1].local_ref == SUBSCRIPTION_ID and found[1].amount == 150000
    assert httpx.get(start.redirect_url).status_code == 404  # a paid session's page is gone


def test_going_back_from_the_hosted_page_pays_nothing(provider, fake_stripe):
    start = provider.start_checkout(checkout_request())
    back = httpx.post(f"{start.redirect_url}/cancel")
    assert (back.status_code, back.headers["location"]) == (303, "https://ustad.test/checkout/cancelled")
    assert fake_stripe.sessions[start.provider_ref]["status"] == "open" and fake_stripe.sent == []
