"""JazzCash: the signed hosted-checkout form, the signed result it posts back, status inquiry and wallet refunds,
against a local server that checks and computes pp_SecureHash as JazzCash documents it."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import uuid
from datetime import datetime, timedelta
from urllib.parse import urlencode

import httpx
import pytest

from ustad.core.errors import ApplicationError
from ustad.payments.providers import pakistan
from ustad.payments.providers.base import (
    CheckoutRequest,
    EventType,
    ProviderUnavailableError,
    SubscriptionRequest,
    WebhookInvalidError,
)
from ustad.payments.providers.jazzcash import JazzCashProvider, secure_hash
from ustad.payments.tests.fakes.pakistan_servers import (
    MERCHANT_FORM,
    FakeJazzCash,
    fake_jazzcash_fixture,  # noqa: F401
    jazzcash_hash,
)

PAYMENT_ID = "9f1c0a7e-52b4-4d0e-8b3a-6c2d1e0f4a5b"
WEBHOOK = "https://ustad.example/api/v1/webhooks/jazzcash"
RETURN = "https://ustad.example/api/v1/payments/return/jazzcash?order=5b7e3c1a-0d2f-4e6a-9b8c-7d6e5f4a3b2c"


def checkout_request(**overrides: object) -> CheckoutRequest:
    values: dict[str, object] = {
        "payment_id": PAYMENT_ID, "order_id": str(uuid.uuid4()), "amount": 150000, "currency": "PKR",
        "description": "Calculus: limits & <continuity>", "buyer_email": "ali@example.pk", "buyer_name": "Ali",
        "return_url": RETURN,
        "cancel_url": "https://ustad.example/checkout", "webhook_url": WEBHOOK,
    }
    values.update(overrides)
    return CheckoutRequest(**values)  # type: ignore[arg-type]


def checkout(fake: FakeJazzCash, **overrides: object) -> dict[str, str]:
    """Start a checkout and post its form to JazzCash, as the buyer's browser does."""
    start = JazzCashProvider().start_checkout(checkout_request(**overrides))
    page = httpx.post(start.redirect_url, data=start.form_fields)
    assert page.status_code == 200
    assert "not successful" not in page.text, page.text
    return start.form_fields


def form_body(fields: dict[str, str]) -> bytes:
    return urlencode(fields).encode()


# --- the hash -------------------------------------------------------------------------------------


def test_secure_hash_matches_a_vector_computed_by_hand() -> None:
    fields = {
        "pp_Version": "1.1", "pp_TxnType": "", "pp_Language": "EN", "pp_MerchantID": "MER123",
        "pp_Password": "pass", "pp_TxnRefNo": "T20261207120000abcde", "pp_Amount": "2995",
        "pp_BillReference": "billRef", "pp_Description": "Lesson", "ppmpf_1": "", "pp_SecureHash": "OLD",
        "other": "not a pp field",
    }
    # Salt first, then the non-empty pp… values in field-name order, joined with "&".
    message = "0F5DD14AE2&2995&billRef&Lesson&EN&MER123&pass&T20261207120000abcde&1.1"
    expected = hmac.new(b"0F5DD14AE2", message.encode(), hashlib.sha256).hexdigest().upper()
    assert expected == "8F9D0E9F29D8BC7795BB04106BFF1AAB0A916D24C1CE02535AA06548D75737C8"
    assert secure_hash(fields, "0F5DD14AE2") == expected


# --- checkout -------------------------------------------------------------------------------------


def test_checkout_is_the_signed_merchant_form(fake_jazzcash: FakeJazzCash) -> None:
    before = datetime.now(pakistan.KARACHI).replace(microsecond=0)
    start = JazzCashProvider().start_checkout(checkout_request())

    assert start.redirect_url == f"{fake_jazzcash.url}{MERCHANT_FORM}"
    fields = start.form_fields
    assert start.provider_ref == fields["pp_TxnRefNo"]
    assert re.fullmatch(r"T\d{14}9f1c0", fields["pp_TxnRefNo"])
    assert {key: fields[key] for key in ("pp_Version", "pp_TxnType", "pp_Language", "pp_MerchantID",
                                         "pp_SubMerchantID", "pp_Password", "pp_BankID", "pp_ProductID",
                                         "pp_Amount", "pp_TxnCurrency", "pp_BillReference", "pp_ReturnURL")} == {
        "pp_Version": "1.1", "pp_TxnType": "", "pp_Language": "EN", "pp_MerchantID": fake_jazzcash.merchant_id,
        "pp_SubMerchantID": "", "pp_Password": fake_jazzcash.password, "pp_BankID": "", "pp_ProductID": "",
        "pp_Amount": "150000", "pp_TxnCurrency": "PKR", "pp_BillReference": uuid.UUID(PAYMENT_ID).hex,
        "pp_ReturnURL": RETURN,
    }
    assert [fields[f"ppmpf_{n}"] for n in range(1, 6)] == [""] * 5
    assert fields["pp_Description"] == "Calculus limits & continuity"  # JazzCash refuses <>:…
    # Pakistan time, and a day to pay.
    when = datetime.strptime(fields["pp_TxnDateTime"], "%Y%m%d%H%M%S").replace(tzinfo=pakistan.KARACHI)
    assert before <= when <= datetime.now(pakistan.KARACHI)
    expiry = datetime.strptime(fields["pp_TxnExpiryDateTime"], "%Y%m%d%H%M%S").replace(tzinfo=pakistan.KARACHI)
    assert expiry - when == timedelta(days=1)
    assert fields["pp_SecureHash"] == jazzcash_hash(fields, fake_jazzcash.salt)

    page = httpx.post(start.redirect_url, data=fields)
    assert page.status_code == 200
    assert "Pay Rs. 1500.00" in page.text
    assert fake_jazzcash.transactions[fields["pp_TxnRefNo"]].amount == 150000


def test_jazzcash_refuses_a_form_changed_after_signing(fake_jazzcash: FakeJazzCash) -> None:
    start = JazzCashProvider().start_checkout(checkout_request())
    page = httpx.post(start.redirect_url, data={**start.form_fields, "pp_Amount": "100"})
    assert "Please provide valid value for pp_SecureHash" in page.text
    assert fake_jazzcash.transactions == {}


def test_checkout_takes_pkr_only(fake_jazzcash: FakeJazzCash) -> None:
    with pytest.raises(ApplicationError) as error:
        JazzCashProvider().start_checkout(checkout_request(currency="USD"))
    assert error.value.code == "currency_unsupported"


def test_unconfigured_provider_says_so(settings: object) -> None:
    settings.JAZZCASH_INTEGRITY_SALT = ""  # type: ignore[attr-defined]
    with pytest.raises(ApplicationError) as error:
        JazzCashProvider().start_checkout(checkout_request())
    assert (error.value.code, error.value.status_code) == ("provider_not_configured", 503)


# --- the result JazzCash posts back ---------------------------------------------------------------


def test_a_paid_result_is_a_verified_payment(fake_jazzcash: FakeJazzCash) -> None:
    form = checkout(fake_jazzcash)
    ref = form["pp_TxnRefNo"]
    result = fake_jazzcash.result_for(ref, "000")

    [event] = JazzCashProvider().parse_webhook(headers={"Content-Type": "application/x-www-form-urlencoded"},
                                               body=form_body(result))

    assert event.type == EventType.PAYMENT_SUCCEEDED
    assert (event.amount, event.currency) == (150000, "PKR")
    assert (event.payment_ref, event.local_ref) == (ref, PAYMENT_ID)
    assert event.captured_ref == result["pp_RetreivalReferenceNo"] != ""
    assert event.event_id == f"txn:{ref}:000"
    # The browser coming back with the same fields proves the same thing, with the same id.
    assert JazzCashProvider().handle_return(params=result) == [event]


def test_a_result_posted_as_json_is_read_too(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    body = json.dumps(fake_jazzcash.result_for(ref, "000")).encode()
    [event] = JazzCashProvider().parse_webhook(headers={"Content-Type": "application/json"}, body=body)
    assert event.type == EventType.PAYMENT_SUCCEEDED


def test_the_amount_reported_is_the_amount_paid(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    [event] = JazzCashProvider().handle_return(params=fake_jazzcash.result_for(ref, "000", amount=100))
    assert event.amount == 100  # the service compares it with the order and refuses the mismatch


@pytest.mark.parametrize("tamper", [
    lambda fields: fields.update(pp_Amount="100"),
    lambda fields: fields.update(pp_ResponseCode="000", pp_ResponseMessage="ok"),
    lambda fields: fields.pop("pp_SecureHash"),
    lambda fields: fields.update(pp_SecureHash=""),
    lambda fields: fields.update(pp_SecureHash=jazzcash_hash(fields, "some-other-salt")),
], ids=["amount changed", "code changed", "hash missing", "hash empty", "signed with another salt"])
def test_a_tampered_result_is_refused(fake_jazzcash: FakeJazzCash, tamper: object) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fields = fake_jazzcash.result_for(ref, "124")
    tamper(fields)  # type: ignore[operator]
    with pytest.raises(WebhookInvalidError):
        JazzCashProvider().parse_webhook(headers={}, body=form_body(fields))
    with pytest.raises(WebhookInvalidError):
        JazzCashProvider().handle_return(params=fields)


def test_a_result_for_another_merchant_is_refused(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fields = fake_jazzcash.result_for(ref, "000", pp_MerchantID="MC99999")
    with pytest.raises(WebhookInvalidError):
        JazzCashProvider().handle_return(params=fields)


@pytest.mark.parametrize("body", [b"\xff\xfe", b"[1, 2]", b"{not json", b"pp_TxnRefNo"])
def test_an_unreadable_body_is_refused(fake_jazzcash: FakeJazzCash, body: bytes) -> None:
    with pytest.raises(WebhookInvalidError):
        JazzCashProvider().parse_webhook(headers={}, body=body)


@pytest.mark.parametrize("code", ["124", "157"])
def test_a_pending_result_is_ignored(fake_jazzcash: FakeJazzCash, code: str) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    [event] = JazzCashProvider().handle_return(params=fake_jazzcash.result_for(ref, code))
    assert (event.type, event.event_id, event.payment_ref) == (EventType.IGNORED, f"txn:{ref}:{code}", ref)


@pytest.mark.parametrize(("code", "message"), [("199", "Transaction was not successful."),
                                               ("112", "Transaction cancelled by the customer."),
                                               ("349", "Transaction expired.")])
def test_any_other_result_is_a_failed_payment(fake_jazzcash: FakeJazzCash, code: str, message: str) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    [event] = JazzCashProvider().handle_return(params=fake_jazzcash.result_for(ref, code, message=message))
    assert event.type == EventType.PAYMENT_FAILED
    assert (event.failure_code, event.failure_message) == (code, message)
    assert (event.payment_ref, event.local_ref, event.event_id) == (ref, PAYMENT_ID, f"txn:{ref}:{code}")
    assert event.amount is None


# --- status inquiry -------------------------------------------------------------------------------


def test_inquiry_reports_a_completed_payment(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")  # paid; the result never reached us

    event = JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR")

    assert event is not None
    assert event.type == EventType.PAYMENT_SUCCEEDED
    assert (event.amount, event.currency, event.payment_ref, event.local_ref) == (150000, "PKR", ref, PAYMENT_ID)
    assert event.event_id == f"inquiry:{ref}:121"
    assert event.captured_ref == fake_jazzcash.transactions[ref].rrn
    [sent] = fake_jazzcash.inquiries
    assert set(sent) == {"pp_TxnRefNo", "pp_MerchantID", "pp_Password", "pp_SecureHash"}
    assert sent["pp_TxnRefNo"] == ref
    assert sent["pp_SecureHash"] == jazzcash_hash(sent, fake_jazzcash.salt)


def test_inquiry_without_an_amount_reports_the_amount_signed_at_checkout(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")
    fake_jazzcash.inquiry_amount = False
    event = JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR")
    assert event is not None
    assert (event.amount, event.currency) == (150000, "PKR")


@pytest.mark.parametrize("code", ["124", "157"])
def test_inquiry_of_a_pending_payment_is_none(fake_jazzcash: FakeJazzCash, code: str) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.set_status(ref, code)
    assert JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR") is None


def test_inquiry_reports_a_failed_payment(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "199")
    event = JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR")
    assert event is not None
    assert (event.type, event.failure_code, event.event_id) == (EventType.PAYMENT_FAILED, "199", f"inquiry:{ref}:199")
    assert event.failure_message == "Transaction is failed."


def test_inquiry_of_an_unknown_payment_is_none(fake_jazzcash: FakeJazzCash) -> None:
    assert JazzCashProvider().inquire(payment_ref="T20261207000000abcde", amount=100, currency="PKR") is None


def test_an_inquiry_answer_changed_after_signing_is_not_believed(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")
    fake_jazzcash.tamper_answers = True
    with pytest.raises(ProviderUnavailableError):
        JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR")


@pytest.mark.parametrize("outage", [{"fail_status": 500}, {"fail_status": 503}, {"delay": 1.5}],
                         ids=["500", "503", "timeout"])
def test_an_outage_is_provider_unavailable(fake_jazzcash: FakeJazzCash, outage: dict[str, object]) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")
    for name, value in outage.items():
        setattr(fake_jazzcash, name, value)
    with pytest.raises(ProviderUnavailableError):
        JazzCashProvider().inquire(payment_ref=ref, amount=150000, currency="PKR")
    with pytest.raises(ProviderUnavailableError):
        JazzCashProvider().refund(payment_ref=ref, captured_ref="", amount=150000, currency="PKR", reason="")


def test_an_unreachable_server_is_provider_unavailable(settings: object) -> None:
    settings.JAZZCASH_MERCHANT_ID, settings.JAZZCASH_PASSWORD = "MC1", "pw"  # type: ignore[attr-defined]
    settings.JAZZCASH_INTEGRITY_SALT = "salt"  # type: ignore[attr-defined]
    settings.JAZZCASH_API_BASE = "http://127.0.0.1:9"  # type: ignore[attr-defined]  # discard port: refused
    with pytest.raises(ProviderUnavailableError):
        JazzCashProvider().inquire(payment_ref="T1", amount=100, currency="PKR")


# --- refunds --------------------------------------------------------------------------------------


def test_refund_of_a_wallet_payment(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    rrn = fake_jazzcash.result_for(ref, "000")["pp_RetreivalReferenceNo"]

    result = JazzCashProvider().refund(payment_ref=ref, captured_ref=rrn, amount=50000, currency="PKR",
                                       reason="requested_by_customer")

    assert result.succeeded
    assert result.refund_ref.startswith(f"{ref}-R")
    [sent] = fake_jazzcash.refunds
    assert {key: sent[key] for key in ("pp_TxnRefNo", "pp_Amount", "pp_TxnCurrency", "pp_MerchantID",
                                       "pp_MerchantMPIN")} == {
        "pp_TxnRefNo": ref, "pp_Amount": "50000", "pp_TxnCurrency": "PKR",
        "pp_MerchantID": fake_jazzcash.merchant_id, "pp_MerchantMPIN": fake_jazzcash.mpin}
    assert sent["pp_SecureHash"] == jazzcash_hash(sent, fake_jazzcash.salt)
    assert fake_jazzcash.transactions[ref].refunded == 50000


def test_a_refused_refund_says_why(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")
    with pytest.raises(ApplicationError) as error:
        JazzCashProvider().refund(payment_ref=ref, captured_ref="", amount=150001, currency="PKR", reason="")
    assert (error.value.code, error.value.status_code) == ("refund_refused", 409)
    assert "exceeds" in error.value.message
    assert fake_jazzcash.transactions[ref].refunded == 0


def test_a_refund_answer_changed_after_signing_is_not_believed(fake_jazzcash: FakeJazzCash) -> None:
    ref = checkout(fake_jazzcash)["pp_TxnRefNo"]
    fake_jazzcash.result_for(ref, "000")
    fake_jazzcash.tamper_answers = True
    with pytest.raises(ProviderUnavailableError):
        JazzCashProvider().refund(payment_ref=ref, captured_ref="", amount=100, currency="PKR", reason="")


# --- subscriptions ----------------------------------------------------------------------------------


def test_no_subscriptions(fake_jazzcash: FakeJazzCash) -> None:
    provider = JazzCashProvider()
    assert provider.supports_subscriptions is False
    assert (provider.name, provider.label, provider.currencies) == ("jazzcash", "JazzCash", frozenset({"PKR"}))
    request = SubscriptionRequest(subscription_id=str(uuid.uuid4()), plan_name="Monthly", amount=100000,
                                  currency="PKR", provider_plan_ref="", buyer_email="ali@example.pk",
                                  buyer_name="Ali", return_url=WEBHOOK, cancel_url=WEBHOOK, webhook_url=WEBHOOK)
    for call in (lambda: provider.start_subscription(request),
                 lambda: provider.cancel_subscription(subscription_ref="s", at_period_end=True),
                 lambda: provider.resume_subscription(subscription_ref="s")):
        with pytest.raises(ApplicationError) as error:
            call()
        assert (error.value.code, error.value.status_code) == ("subscriptions_unsupported", 400)
