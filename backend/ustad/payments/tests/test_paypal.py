"""PayPal, against a local server that speaks PayPal's REST API: OAuth client credentials with expiring tokens,
Orders v2, captures' refunds, Subscriptions v1, and webhook signatures checked by the verify endpoint over the
event exactly as delivered."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from rest_framework.test import APIClient

from conftest import client_for
from ustad.core.errors import ApplicationError
from ustad.core.testing.servers import free_port
from ustad.courses.models import Enrollment
from ustad.payments.models import (
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Plan,
    Subscription,
    SubscriptionStatus,
    WebhookEvent,
    WebhookOutcome,
)
from ustad.payments.providers import get_provider, paypal
from ustad.payments.providers.base import (
    CheckoutRequest,
    EventType,
    ProviderEvent,
    ProviderUnavailableError,
    SubscriptionRequest,
    WebhookInvalidError,
)
from ustad.payments.providers.paypal import PayPalProvider, from_paypal_value, to_paypal_value
from ustad.payments.tests.checkout_helpers import order_for, paid_course
from ustad.payments.tests.fakes import paypal_server
from ustad.payments.tests.fakes.paypal_server import WEBHOOK_ID, FakePayPal
from ustad.users.tests.factories import StudentFactory

fake_paypal = paypal_server.fake_paypal  # the shared fixture, used here by name
PLAN = "P-5ML4271244454362WXNWU5NQ"


def checkout(*, amount: int = 1999, currency: str = "USD", payment_id: str = "") -> CheckoutRequest:
    return CheckoutRequest(payment_id=payment_id or str(uuid.uuid4()), order_id=str(uuid.uuid4()), amount=amount,
                           currency=currency, description="Organic chemistry: alkenes", buyer_email="a@example.com",
                           buyer_name="Ayesha Khan", return_url="https://ustad.test/pay/return",
                           cancel_url="https://ustad.test/pay/cancel", webhook_url="https://ustad.test/api/v1/webhooks/paypal")


def subscribe(*, plan: str = PLAN, subscription_id: str = "") -> SubscriptionRequest:
    return SubscriptionRequest(subscription_id=subscription_id or str(uuid.uuid4()), plan_name="Everything",
                               amount=1200, currency="USD", provider_plan_ref=plan, buyer_email="a@example.com",
                               buyer_name="Ayesha Khan", return_url="https://ustad.test/subscribe/return",
                               cancel_url="https://ustad.test/subscribe/cancel",
                               webhook_url="https://ustad.test/api/v1/webhooks/paypal")


@pytest.fixture
def provider(fake_paypal: FakePayPal) -> PayPalProvider:
    return PayPalProvider()


def paid_order(fake: FakePayPal, provider: PayPalProvider, **fields: Any) -> tuple[str, ProviderEvent]:
    start = provider.start_checkout(checkout(**fields))
    fake.approve(start.provider_ref)
    [event] = provider.handle_return(params={"token": start.provider_ref, "PayerID": "QYR5Z8XDVJNXQ"})
    return start.provider_ref, event


def deliver(fake: FakePayPal, provider: PayPalProvider, event: dict[str, Any]) -> list[ProviderEvent]:
    headers, body = fake.sign(event)
    return provider.parse_webhook(headers=headers, body=body)


def active_subscription(fake: FakePayPal, provider: PayPalProvider, subscription_id: str) -> str:
    fake.add_plan(PLAN, value="12.00")
    ref = provider.start_subscription(subscribe(subscription_id=subscription_id)).provider_ref
    fake.approve_subscription(ref)
    return ref


# --- Amounts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("minor", "currency", "text"), [
    (1999, "USD", "19.99"), (5, "USD", "0.05"), (100000, "USD", "1000.00"), (1500, "JPY", "1500"), (0, "usd", "0.00"),
])
def test_minor_units_become_paypals_decimal_strings_and_back(minor, currency, text):
    assert to_paypal_value(minor, currency) == text
    assert from_paypal_value(text, currency) == minor


@pytest.mark.parametrize("value", ["19.999", "1e3", "abc", "", " 5.00", "5,00", None, 5])
def test_amounts_paypal_never_sends_are_refused(value):
    with pytest.raises(ValueError):  # noqa: PT011 - any unreadable amount
        from_paypal_value(value, "USD")


def test_whole_and_one_decimal_amounts_are_read_in_cents():
    assert from_paypal_value("20", "USD") == 2000
    assert from_paypal_value("0.5", "USD") == 50


# --- Configuration and the token -------------------------------------------------------------------


def test_the_registry_names_this_provider_and_it_takes_only_dollars(fake_paypal):
    provider = get_provider("paypal")
    assert isinstance(provider, PayPalProvider)
    assert (provider.name, provider.label, provider.currencies, provider.supports_subscriptions) == (
        "paypal", "PayPal", frozenset({"USD"}), True)


def test_without_credentials_every_call_says_not_configured(settings):
    settings.PAYPAL_CLIENT_ID = settings.PAYPAL_CLIENT_SECRET = ""
    with pytest.raises(ApplicationError) as caught:
        PayPalProvider().start_checkout(checkout())
    assert (caught.value.code, caught.value.status_code) == ("provider_not_configured", 503)


def test_webhooks_need_the_webhook_id_too(fake_paypal, settings):
    settings.PAYPAL_WEBHOOK_ID = ""
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    with pytest.raises(ApplicationError) as caught:
        PayPalProvider().parse_webhook(headers=headers, body=body)
    assert caught.value.code == "provider_not_configured"


def test_the_token_is_asked_for_with_basic_auth_once_and_reused(fake_paypal, provider):
    provider.start_checkout(checkout())
    PayPalProvider().start_checkout(checkout())  # another process, the same shared cache
    [token_request] = fake_paypal.token_requests()
    assert token_request.body == {"grant_type": "client_credentials"}
    assert token_request.headers["authorization"].startswith("Basic ")
    orders = fake_paypal.requests_to("POST", "/v2/checkout/orders")
    assert len(orders) == 2
    assert orders[0].headers["authorization"] == orders[1].headers["authorization"]


def test_a_token_paypal_stops_accepting_is_renewed_once_and_the_call_repeated(fake_paypal, provider):
    provider.start_checkout(checkout())
    fake_paypal.expire_tokens()
    start = provider.start_checkout(checkout())
    assert len(fake_paypal.token_requests()) == 2
    assert start.provider_ref in fake_paypal.orders
    used = [r.headers["authorization"] for r in fake_paypal.requests_to("POST", "/v2/checkout/orders")]
    assert len(used) == 3 and used[0] == used[1] != used[2]  # the refused try, then the retry with a new token


def test_a_token_that_lapses_within_the_margin_is_not_kept(fake_paypal, provider):
    fake_paypal.token_lifetime = paypal.TOKEN_MARGIN_SECONDS - 10
    provider.start_checkout(checkout())
    provider.start_checkout(checkout())
    assert len(fake_paypal.token_requests()) == 2


def test_wrong_credentials_are_a_refusal_not_an_outage(fake_paypal, settings):
    settings.PAYPAL_CLIENT_SECRET = "not-the-secret"
    with pytest.raises(ApplicationError) as caught:
        PayPalProvider().start_checkout(checkout())
    assert (caught.value.code, caught.value.status_code) == ("provider_refused", 502)
    assert "invalid_client" in caught.value.message
    assert fake_paypal.requests_to("POST", "/v2/checkout/orders") == []


# --- Checkout --------------------------------------------------------------------------------------


def test_checkout_creates_an_order_to_capture_and_sends_the_buyer_to_approve_it(fake_paypal, provider):
    request = checkout(amount=1999)
    start = provider.start_checkout(request)
    order = fake_paypal.orders[start.provider_ref]
    assert start.redirect_url == f"https://www.sandbox.paypal.com/checkoutnow?token={start.provider_ref}"
    assert start.form_fields == {}
    [sent] = fake_paypal.requests_to("POST", "/v2/checkout/orders")
    assert sent.headers["paypal-request-id"] == request.payment_id
    assert sent.body["intent"] == "CAPTURE"
    assert sent.body["purchase_units"] == [{
        "reference_id": request.payment_id, "custom_id": request.payment_id, "invoice_id": request.payment_id,
        "description": "Organic chemistry: alkenes", "amount": {"currency_code": "USD", "value": "19.99"}}]
    assert sent.body["payment_source"]["paypal"]["experience_context"] == {
        "return_url": request.return_url, "cancel_url": request.cancel_url, "user_action": "PAY_NOW",
        "shipping_preference": "NO_SHIPPING"}
    assert order["status"] == "PAYER_ACTION_REQUIRED"


def test_the_same_payment_started_twice_is_one_order(fake_paypal, provider):
    request = checkout()
    first, second = provider.start_checkout(request), provider.start_checkout(request)
    assert first == second
    assert len(fake_paypal.orders) == 1


def test_rupees_are_refused_before_paypal_is_asked(fake_paypal, provider):
    with pytest.raises(ApplicationError) as caught:
        provider.start_checkout(checkout(currency="PKR", amount=500000))
    assert caught.value.code == "currency_not_supported"
    assert fake_paypal.requests == []


@pytest.mark.parametrize("status", [500, 503, 429])
def test_paypal_failing_is_an_outage(fake_paypal, provider, status):
    fake_paypal.fail_status = status
    with pytest.raises(ProviderUnavailableError):
        provider.start_checkout(checkout())


def test_paypal_not_answering_in_time_is_an_outage(fake_paypal, provider, monkeypatch):
    monkeypatch.setattr(paypal, "TIMEOUT", httpx.Timeout(0.2))
    fake_paypal.delay = 1.0
    with pytest.raises(ProviderUnavailableError):
        provider.start_checkout(checkout())


def test_paypal_out_of_reach_is_an_outage(settings):
    settings.PAYPAL_CLIENT_ID, settings.PAYPAL_CLIENT_SECRET = "id", "secret"
    settings.PAYPAL_API_BASE = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ProviderUnavailableError):
        PayPalProvider().start_checkout(checkout())


# --- The buyer's return: capture -------------------------------------------------------------------


def test_the_return_captures_the_order_and_reports_the_capture(fake_paypal, provider):
    request = checkout(amount=2550)
    start = provider.start_checkout(request)
    fake_paypal.approve(start.provider_ref)
    [event] = provider.handle_return(params={"token": start.provider_ref, "PayerID": "QYR5Z8XDVJNXQ"})
    [capture_id] = fake_paypal.captures
    assert event == ProviderEvent(event_id=f"capture:{capture_id}", type=EventType.PAYMENT_SUCCEEDED,
                                  local_ref=request.payment_id, payment_ref=start.provider_ref,
                                  captured_ref=capture_id, amount=2550, currency="USD", raw_type="capture")
    [sent] = fake_paypal.requests_to("POST", f"/v2/checkout/orders/{start.provider_ref}/capture")
    assert sent.headers["paypal-request-id"] == f"capture-{start.provider_ref}"
    assert sent.headers["prefer"] == "return=representation"


def test_coming_back_twice_captures_once(fake_paypal, provider):
    order_id, first = paid_order(fake_paypal, provider)
    assert provider.handle_return(params={"token": order_id}) == [first]
    assert len(fake_paypal.captures) == 1


def test_an_order_captured_already_reports_its_capture(fake_paypal, provider):
    order_id, first = paid_order(fake_paypal, provider)
    fake_paypal.replies.clear()  # PayPal keeps request ids for a while only: now it answers ORDER_ALREADY_CAPTURED
    assert provider.handle_return(params={"token": order_id}) == [first]
    assert fake_paypal.requests_to("GET", f"/v2/checkout/orders/{order_id}")


def test_a_declined_capture_is_a_failed_payment(fake_paypal, provider):
    fake_paypal.capture_status = "DECLINED"
    order_id, event = paid_order(fake_paypal, provider)
    assert (event.type, event.payment_ref, event.failure_code) == (
        EventType.PAYMENT_FAILED, order_id, "DECLINED_BY_RISK_FRAUD_FILTERS")


def test_a_declined_instrument_is_a_failed_payment_to_start_again(fake_paypal, provider):
    fake_paypal.capture_issue = "INSTRUMENT_DECLINED"
    order_id, event = paid_order(fake_paypal, provider)
    assert (event.type, event.payment_ref, event.failure_code) == (
        EventType.PAYMENT_FAILED, order_id, "INSTRUMENT_DECLINED")
    assert event.event_id == f"capture-refused:{order_id}:INSTRUMENT_DECLINED"


def test_a_pending_capture_proves_nothing_yet(fake_paypal, provider):
    fake_paypal.capture_status = "PENDING"
    start = provider.start_checkout(checkout())
    fake_paypal.approve(start.provider_ref)
    assert provider.handle_return(params={"token": start.provider_ref}) == []


def test_a_return_for_an_order_nobody_approved_proves_nothing(fake_paypal, provider):
    start = provider.start_checkout(checkout())
    assert provider.handle_return(params={"token": start.provider_ref}) == []
    assert fake_paypal.captures == {}


@pytest.mark.parametrize("params", [{}, {"token": ""}, {"token": "../../v1/oauth2/token"},
                                    {"subscription_id": "I-BW452GLLEP1G", "ba_token": "BA-1", "token": "EC-1"}])
def test_a_return_without_an_order_asks_nothing(fake_paypal, provider, params):
    assert provider.handle_return(params=params) == []
    assert fake_paypal.requests == []


def test_a_return_while_paypal_is_down_is_an_outage(fake_paypal, provider):
    start = provider.start_checkout(checkout())
    fake_paypal.approve(start.provider_ref)
    fake_paypal.fail_status = 500
    with pytest.raises(ProviderUnavailableError):
        provider.handle_return(params={"token": start.provider_ref})


# --- Inquiry ---------------------------------------------------------------------------------------


def test_inquiry_about_an_order_not_approved_is_still_pending(fake_paypal, provider):
    start = provider.start_checkout(checkout())
    assert provider.inquire(payment_ref=start.provider_ref, amount=1999, currency="USD") is None


def test_inquiry_captures_an_order_approved_by_a_buyer_who_never_came_back(fake_paypal, provider):
    start = provider.start_checkout(checkout(amount=1000))
    fake_paypal.approve(start.provider_ref)
    event = provider.inquire(payment_ref=start.provider_ref, amount=1000, currency="USD")
    assert event is not None and (event.type, event.amount, event.currency) == (
        EventType.PAYMENT_SUCCEEDED, 1000, "USD")
    assert event.captured_ref in fake_paypal.captures


def test_inquiry_about_a_captured_order_reports_the_capture_without_capturing_again(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider)
    assert provider.inquire(payment_ref=order_id, amount=1999, currency="USD") == paid
    assert len(fake_paypal.requests_to("POST", r"/v2/checkout/orders/.+/capture")) == 1


def test_inquiry_about_a_voided_or_forgotten_order_is_a_failure(fake_paypal, provider):
    start = provider.start_checkout(checkout())
    fake_paypal.orders[start.provider_ref]["status"] = "VOIDED"
    voided = provider.inquire(payment_ref=start.provider_ref, amount=1999, currency="USD")
    assert voided is not None and (voided.type, voided.event_id) == (
        EventType.PAYMENT_FAILED, f"inquiry:{start.provider_ref}:VOIDED")
    gone = provider.inquire(payment_ref="5O190127TN364715T", amount=1999, currency="USD")
    assert gone is not None and (gone.type, gone.event_id) == (
        EventType.PAYMENT_FAILED, "inquiry:5O190127TN364715T:NOT_FOUND")


# --- Refunds ---------------------------------------------------------------------------------------


def test_a_refund_is_made_on_the_capture_with_a_request_id(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider, amount=1999)
    result = provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=550, currency="USD",
                             reason="Class cancelled")
    [refund_id] = fake_paypal.refunds
    assert (result.refund_ref, result.succeeded) == (refund_id, True)
    [sent] = fake_paypal.requests_to("POST", f"/v2/payments/captures/{paid.captured_ref}/refund")
    assert sent.body == {"amount": {"currency_code": "USD", "value": "5.50"}, "note_to_payer": "Class cancelled"}
    assert sent.headers["paypal-request-id"] == f"refund-{paid.captured_ref}-550-USD"
    assert fake_paypal.captures[paid.captured_ref]["status"] == "PARTIALLY_REFUNDED"


def test_a_refund_asked_twice_refunds_once(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider)
    first = provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=1999, currency="USD",
                            reason="")
    again = provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=1999, currency="USD",
                            reason="")
    assert first == again and len(fake_paypal.refunds) == 1


def test_a_pending_refund_is_reported_later(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider)
    fake_paypal.refund_status = "PENDING"
    result = provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=100, currency="USD",
                             reason="")
    assert result.succeeded is False


def test_a_refund_beyond_the_capture_is_refused_with_paypals_reason(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider, amount=1000)
    with pytest.raises(ApplicationError) as caught:
        provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=1001, currency="USD",
                        reason="")
    assert (caught.value.code, caught.value.status_code) == ("provider_refused", 502)
    assert "REFUND_AMOUNT_EXCEEDED" in caught.value.message


# --- Webhook signatures ----------------------------------------------------------------------------


def captured(fake: FakePayPal, provider: PayPalProvider, **fields: Any) -> dict[str, Any]:
    _, paid = paid_order(fake, provider, **fields)
    return fake.captures[paid.captured_ref]


def test_a_signed_delivery_is_verified_by_paypal_with_the_event_as_sent(fake_paypal, provider):
    event = fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", captured(fake_paypal, provider))
    event["summary"] = "Payment completed for $ 19.99 USD – Zoë’s “course”"  # non-ASCII must survive
    headers, body = fake_paypal.sign(event)
    [verified] = provider.parse_webhook(headers={k.lower(): v for k, v in headers.items()}, body=body)
    assert verified.event_id == event["id"]
    [sent] = fake_paypal.requests_to("POST", "/v1/notifications/verify-webhook-signature")
    assert sent.body == {"auth_algo": "SHA256withRSA", "cert_url": fake_paypal.cert_url,
                         "transmission_id": headers["PAYPAL-TRANSMISSION-ID"],
                         "transmission_time": headers["PAYPAL-TRANSMISSION-TIME"],
                         "transmission_sig": headers["PAYPAL-TRANSMISSION-SIG"], "webhook_id": WEBHOOK_ID,
                         "webhook_event": event}
    assert body in sent.raw  # the very bytes PayPal signed, not a re-serialised copy


def test_a_tampered_body_fails_verification(fake_paypal, provider):
    capture = captured(fake_paypal, provider, amount=100)
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", capture))
    forged = body.replace(b'"value":"1.00"', b'"value":"999.00"')
    assert forged != body
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=forged)


def test_a_delivery_signed_for_another_webhook_fails(fake_paypal, provider):
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}), webhook_id="OTHER1234")
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)


def test_a_signature_from_someone_else_fails(fake_paypal, provider):
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    someone_else = FakePayPal(private_key=rsa.generate_private_key(public_exponent=65537, key_size=2048))
    other_headers, _ = someone_else.sign(json.loads(body))
    headers["PAYPAL-TRANSMISSION-SIG"] = other_headers["PAYPAL-TRANSMISSION-SIG"]
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)


def test_a_certificate_not_paypals_fails(fake_paypal, provider):
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    headers["PAYPAL-CERT-URL"] = "https://evil.example/cert.pem"
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)


@pytest.mark.parametrize("missing", ["PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-TIME", "PAYPAL-TRANSMISSION-SIG",
                                     "PAYPAL-CERT-URL", "PAYPAL-AUTH-ALGO"])
def test_a_missing_header_is_refused_without_asking_paypal(fake_paypal, provider, missing):
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    del headers[missing]
    with pytest.raises(WebhookInvalidError, match=missing):
        provider.parse_webhook(headers=headers, body=body)
    assert fake_paypal.requests_to("POST", "/v1/notifications/verify-webhook-signature") == []


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe", b"[]", b'{"id": "WH-1"}', b""])
def test_an_unreadable_body_is_refused(fake_paypal, provider, body):
    headers, _ = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    with pytest.raises(WebhookInvalidError):
        provider.parse_webhook(headers=headers, body=body)


def test_verification_while_paypal_is_down_is_an_outage_so_paypal_retries(fake_paypal, provider):
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", {}))
    fake_paypal.fail_status, fake_paypal.fail_path = 503, "/v1/notifications"
    with pytest.raises(ProviderUnavailableError):
        provider.parse_webhook(headers=headers, body=body)


def test_a_verified_event_with_an_unreadable_amount_is_refused(fake_paypal, provider):
    capture = {**captured(fake_paypal, provider), "amount": {"currency_code": "USD", "value": "12.345"}}
    with pytest.raises(WebhookInvalidError):
        deliver(fake_paypal, provider, fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", capture))


# --- Webhook events --------------------------------------------------------------------------------


def test_a_completed_capture_is_a_payment_for_the_order(fake_paypal, provider):
    request = checkout(amount=4999)
    start = provider.start_checkout(request)
    fake_paypal.approve(start.provider_ref)
    [paid] = provider.handle_return(params={"token": start.provider_ref})
    event = fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", fake_paypal.captures[paid.captured_ref])
    assert deliver(fake_paypal, provider, event) == [ProviderEvent(
        event_id=event["id"], type=EventType.PAYMENT_SUCCEEDED, local_ref=request.payment_id,
        payment_ref=start.provider_ref, captured_ref=paid.captured_ref, amount=4999, currency="USD",
        raw_type="PAYMENT.CAPTURE.COMPLETED")]


@pytest.mark.parametrize("kind", ["PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED"])
def test_a_denied_capture_is_a_failed_payment(fake_paypal, provider, kind):
    capture = {**captured(fake_paypal, provider), "status": "DECLINED",
               "status_details": {"reason": "DECLINED_BY_RISK_FRAUD_FILTERS"}}
    [event] = deliver(fake_paypal, provider, fake_paypal.event(kind, capture))
    assert (event.type, event.captured_ref, event.local_ref, event.failure_code) == (
        EventType.PAYMENT_FAILED, capture["id"], capture["custom_id"], "DECLINED_BY_RISK_FRAUD_FILTERS")


def test_a_refunded_capture_names_the_refund_its_amount_and_the_capture(fake_paypal, provider):
    order_id, paid = paid_order(fake_paypal, provider, amount=2000)
    result = provider.refund(payment_ref=order_id, captured_ref=paid.captured_ref, amount=750, currency="USD",
                             reason="")
    refund = {k: v for k, v in fake_paypal.refunds[result.refund_ref].items() if k != "capture_id"}
    event = fake_paypal.event("PAYMENT.CAPTURE.REFUNDED", refund)
    assert deliver(fake_paypal, provider, event) == [ProviderEvent(
        event_id=event["id"], type=EventType.REFUND_SUCCEEDED, refund_ref=result.refund_ref,
        captured_ref=paid.captured_ref, amount=750, currency="USD", raw_type="PAYMENT.CAPTURE.REFUNDED")]


def test_a_dispute_is_a_chargeback_on_the_capture(fake_paypal, provider):
    _, paid = paid_order(fake_paypal, provider)
    dispute = fake_paypal.dispute(paid.captured_ref, value="19.99")
    [event] = deliver(fake_paypal, provider, fake_paypal.event("CUSTOMER.DISPUTE.CREATED", dispute))
    assert (event.type, event.refund_ref, event.captured_ref, event.amount, event.currency) == (
        EventType.CHARGEBACK, dispute["dispute_id"], paid.captured_ref, 1999, "USD")


@pytest.mark.parametrize("kind", ["PAYMENT.CAPTURE.PENDING", "CHECKOUT.ORDER.APPROVED", "CUSTOMER.DISPUTE.UPDATED",
                                  "BILLING.PLAN.CREATED"])
def test_events_ustad_does_not_act_on_are_ignored(fake_paypal, provider, kind):
    event = fake_paypal.event(kind, {"id": "X1"})
    assert deliver(fake_paypal, provider, event) == [ProviderEvent(event_id=event["id"], type=EventType.IGNORED,
                                                                   raw_type=kind)]


def test_a_sale_outside_subscriptions_is_ignored(fake_paypal, provider):
    sale = {"id": "0UX830254Y426081E", "state": "completed", "amount": {"total": "14.97", "currency": "USD"}}
    [event] = deliver(fake_paypal, provider, fake_paypal.event("PAYMENT.SALE.COMPLETED", sale))
    assert event.type == EventType.IGNORED
    assert fake_paypal.requests_to("GET", r"/v1/billing/subscriptions/.+") == []


# --- Subscriptions ---------------------------------------------------------------------------------


def test_a_subscription_is_created_on_the_plan_and_the_buyer_sent_to_approve_it(fake_paypal, provider):
    fake_paypal.add_plan(PLAN, value="12.00")
    request = subscribe()
    start = provider.start_subscription(request)
    assert start.provider_ref in fake_paypal.subscriptions
    assert start.redirect_url.startswith("https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=")
    [sent] = fake_paypal.requests_to("POST", "/v1/billing/subscriptions")
    assert sent.headers["paypal-request-id"] == request.subscription_id
    assert sent.body == {"plan_id": PLAN, "custom_id": request.subscription_id, "application_context": {
        "return_url": request.return_url, "cancel_url": request.cancel_url, "user_action": "SUBSCRIBE_NOW",
        "shipping_preference": "NO_SHIPPING"}}


def test_a_plan_without_a_paypal_plan_id_is_refused(fake_paypal, provider):
    with pytest.raises(ApplicationError) as caught:
        provider.start_subscription(subscribe(plan=""))
    assert caught.value.code == "plan_not_available"
    assert fake_paypal.requests == []


def test_a_plan_paypal_does_not_know_is_refused_with_its_reason(fake_paypal, provider):
    with pytest.raises(ApplicationError) as caught:
        provider.start_subscription(subscribe(plan="P-UNKNOWN"))
    assert (caught.value.code, caught.value.status_code) == ("provider_refused", 502)
    assert "INVALID_RESOURCE_ID" in caught.value.message


def test_activation_waits_for_the_first_sale_which_activates_and_later_sales_renew(fake_paypal, provider):
    ours = str(uuid.uuid4())
    ref = active_subscription(fake_paypal, provider, ours)
    activated = fake_paypal.event("BILLING.SUBSCRIPTION.ACTIVATED", fake_paypal.subscriptions[ref])
    assert [e.type for e in deliver(fake_paypal, provider, activated)] == [EventType.IGNORED]

    first_sale = fake_paypal.event("PAYMENT.SALE.COMPLETED", fake_paypal.charge(ref))
    [first] = deliver(fake_paypal, provider, first_sale)
    next_billing = fake_paypal.subscriptions[ref]["billing_info"]["next_billing_time"]
    assert first == ProviderEvent(
        event_id=first_sale["id"], type=EventType.SUBSCRIPTION_ACTIVATED, local_ref=ours, subscription_ref=ref,
        captured_ref=first_sale["resource"]["id"], amount=1200, currency="USD",
        period_end=datetime.fromisoformat(next_billing), raw_type="PAYMENT.SALE.COMPLETED")
    assert first.period_end is not None and first.period_end.tzinfo is not None

    second_sale = fake_paypal.event("PAYMENT.SALE.COMPLETED", fake_paypal.charge(ref))
    [second] = deliver(fake_paypal, provider, second_sale)
    assert (second.type, second.local_ref, second.amount) == (EventType.SUBSCRIPTION_RENEWED, ours, 1200)
    assert second.period_end is not None and second.period_end > first.period_end


def test_a_sale_while_the_subscription_cannot_be_read_is_an_outage(fake_paypal, provider):
    ref = active_subscription(fake_paypal, provider, str(uuid.uuid4()))
    headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.SALE.COMPLETED", fake_paypal.charge(ref)))
    fake_paypal.fail_status, fake_paypal.fail_path = 500, "/v1/billing/subscriptions"
    with pytest.raises(ProviderUnavailableError):
        provider.parse_webhook(headers=headers, body=body)


@pytest.mark.parametrize(("kind", "note", "expected"), [
    ("BILLING.SUBSCRIPTION.PAYMENT.FAILED", "", EventType.SUBSCRIPTION_RENEWAL_FAILED),
    ("BILLING.SUBSCRIPTION.CANCELLED", "", EventType.SUBSCRIPTION_CANCELLED),
    ("BILLING.SUBSCRIPTION.EXPIRED", "", EventType.SUBSCRIPTION_ENDED),
    ("BILLING.SUBSCRIPTION.SUSPENDED", "Maximum failed payments reached.", EventType.SUBSCRIPTION_ENDED),
    ("BILLING.SUBSCRIPTION.SUSPENDED", paypal.SUSPEND_NOTE, EventType.SUBSCRIPTION_CANCELLED),
])
def test_subscription_events_name_our_subscription(fake_paypal, provider, kind, note, expected):
    ours = str(uuid.uuid4())
    ref = active_subscription(fake_paypal, provider, ours)
    resource = {**fake_paypal.subscriptions[ref], "status_change_note": note}
    [event] = deliver(fake_paypal, provider, fake_paypal.event(kind, resource))
    assert (event.type, event.subscription_ref, event.local_ref) == (expected, ref, ours)


def test_cancelling_at_the_periods_end_suspends_and_its_webhook_means_cancelled(fake_paypal, provider):
    ref = active_subscription(fake_paypal, provider, str(uuid.uuid4()))
    provider.cancel_subscription(subscription_ref=ref, at_period_end=True)
    [sent] = fake_paypal.requests_to("POST", f"/v1/billing/subscriptions/{ref}/suspend")
    assert sent.body == {"reason": paypal.SUSPEND_NOTE}
    subscription = fake_paypal.subscriptions[ref]
    assert subscription["status"] == "SUSPENDED"
    [event] = deliver(fake_paypal, provider, fake_paypal.event("BILLING.SUBSCRIPTION.SUSPENDED", subscription))
    assert event.type == EventType.SUBSCRIPTION_CANCELLED


def test_a_suspended_subscription_resumes(fake_paypal, provider):
    ref = active_subscription(fake_paypal, provider, str(uuid.uuid4()))
    provider.cancel_subscription(subscription_ref=ref, at_period_end=True)
    provider.resume_subscription(subscription_ref=ref)
    assert fake_paypal.subscriptions[ref]["status"] == "ACTIVE"
    assert fake_paypal.requests_to("POST", f"/v1/billing/subscriptions/{ref}/activate")


def test_cancelling_now_cancels_for_good_and_twice_is_harmless(fake_paypal, provider):
    ref = active_subscription(fake_paypal, provider, str(uuid.uuid4()))
    provider.cancel_subscription(subscription_ref=ref, at_period_end=False)
    provider.cancel_subscription(subscription_ref=ref, at_period_end=False)
    assert fake_paypal.subscriptions[ref]["status"] == "CANCELLED"
    assert len(fake_paypal.requests_to("POST", f"/v1/billing/subscriptions/{ref}/cancel")) == 2
    with pytest.raises(ApplicationError) as caught:
        provider.resume_subscription(subscription_ref=ref)
    assert caught.value.code == "provider_refused"


def test_cancelling_while_paypal_is_down_is_an_outage(fake_paypal, provider):
    ref = active_subscription(fake_paypal, provider, str(uuid.uuid4()))
    fake_paypal.fail_status = 500
    with pytest.raises(ProviderUnavailableError):
        provider.cancel_subscription(subscription_ref=ref, at_period_end=True)


# --- End to end through Ustad's checkout -----------------------------------------------------------


@pytest.mark.django_db
def test_a_student_pays_with_paypal_comes_back_and_can_learn_and_the_webhook_changes_nothing(fake_paypal, settings):
    settings.PAYMENT_PROVIDERS = {**settings.PAYMENT_PROVIDERS, "USD": ["paypal"]}
    student: Any = StudentFactory()
    course = paid_course(price=1999, currency="USD")
    client = client_for(student)
    order_id = order_for(client, {"kind": "course", "course": course.slug}).json()["id"]
    started = client.post(f"/api/v1/orders/{order_id}/pay", {"provider": "paypal"}, format="json")
    assert started.status_code == 201, started.content
    payment = Payment.objects.get(id=started.json()["payment"]["id"])
    assert started.json()["redirect_url"] == f"https://www.sandbox.paypal.com/checkoutnow?token={payment.provider_ref}"
    [sent] = fake_paypal.requests_to("POST", "/v2/checkout/orders")
    context = sent.body["payment_source"]["paypal"]["experience_context"]
    assert context["return_url"].endswith(f"/api/v1/payments/return/paypal?order={order_id}")

    fake_paypal.approve(payment.provider_ref)
    back = APIClient().get(f"/api/v1/payments/return/paypal?order={order_id}&token={payment.provider_ref}"
                           "&PayerID=QYR5Z8XDVJNXQ")
    assert back.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED and payment.provider_payment_ref in fake_paypal.captures
    assert Order.objects.get(id=order_id).status == OrderStatus.PAID
    assert Enrollment.objects.filter(student=student, course=course, status="active").exists()

    event = fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", fake_paypal.captures[payment.provider_payment_ref])
    headers, body = fake_paypal.sign(event)
    meta = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()
            if name != "Content-Type"}
    delivered = APIClient().post("/api/v1/webhooks/paypal", data=body, content_type="application/json", **meta)
    assert delivered.status_code == 200, delivered.content
    assert Payment.objects.filter(order_id=order_id).count() == 1
    assert Order.objects.get(id=order_id).status == OrderStatus.PAID

    forged = body.replace(b'"value":"19.99"', b'"value":"0.01"')
    refused = APIClient().post("/api/v1/webhooks/paypal", data=forged, content_type="application/json", **meta)
    assert refused.status_code == 400
    assert WebhookEvent.objects.filter(provider="paypal", outcome=WebhookOutcome.REJECTED).count() == 1


def webhook_post(fake: FakePayPal, event: dict[str, Any]) -> Any:
    headers, body = fake.sign(event)
    meta: dict[str, Any] = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()
                            if name != "Content-Type"}
    return APIClient().post("/api/v1/webhooks/paypal", data=body, content_type="application/json", **meta)


@pytest.mark.django_db
def test_a_paypal_subscription_starts_with_its_first_sale_renews_cancels_at_the_end_and_resumes(fake_paypal,
                                                                                               settings):
    settings.PAYMENT_PROVIDERS = {**settings.PAYMENT_PROVIDERS, "USD": ["paypal"]}
    plan = Plan.objects.create(slug="all-access-usd", name="All access", currency="USD", price_amount=1200,
                               paypal_plan_id=PLAN)
    fake_paypal.add_plan(PLAN, value="12.00")
    client = client_for(StudentFactory())
    started = client.post("/api/v1/subscriptions", {"plan": plan.slug, "provider": "paypal"}, format="json")
    assert started.status_code == 201, started.content
    subscription = Subscription.objects.get(id=started.json()["subscription"]["id"])
    assert subscription.provider_ref in fake_paypal.subscriptions
    fake_paypal.approve_subscription(subscription.provider_ref)

    assert webhook_post(fake_paypal, fake_paypal.event("BILLING.SUBSCRIPTION.ACTIVATED",
                                                       fake_paypal.subscriptions[subscription.provider_ref])
                        ).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.INCOMPLETE  # nothing is paid yet

    for _ in range(2):  # the first month, then a renewal
        sale = fake_paypal.event("PAYMENT.SALE.COMPLETED", fake_paypal.charge(subscription.provider_ref))
        assert webhook_post(fake_paypal, sale).status_code == 200
        subscription.refresh_from_db()
        billing = fake_paypal.subscriptions[subscription.provider_ref]["billing_info"]
        assert subscription.status == SubscriptionStatus.ACTIVE
        assert subscription.current_period_end == datetime.fromisoformat(billing["next_billing_time"])
    assert Order.objects.filter(items__subscription=subscription, status=OrderStatus.PAID).count() == 2

    cancelled = client.post(f"/api/v1/subscriptions/{subscription.id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["cancel_at_period_end"] is True
    at_paypal = fake_paypal.subscriptions[subscription.provider_ref]
    assert at_paypal["status"] == "SUSPENDED"
    assert webhook_post(fake_paypal, fake_paypal.event("BILLING.SUBSCRIPTION.SUSPENDED", at_paypal)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE and subscription.cancel_at_period_end  # until it ends

    resumed = client.post(f"/api/v1/subscriptions/{subscription.id}/resume")
    assert resumed.status_code == 200 and resumed.json()["cancel_at_period_end"] is False
    assert fake_paypal.subscriptions[subscription.provider_ref]["status"] == "ACTIVE"
