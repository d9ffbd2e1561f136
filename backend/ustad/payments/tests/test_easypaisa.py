"""Easypaisa: the Easypay form with its AES-encrypted request, the confirm step, and results believed only from
the transaction inquiry API, against a local Easypay that decrypts merchantHashedReq and checks Credentials."""

from __future__ import annotations

import base64
import json
import re
import uuid
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ustad.core.errors import ApplicationError
from ustad.payments.providers import pakistan
from ustad.payments.providers.base import (
    CheckoutRequest,
    EventType,
    ProviderUnavailableError,
    SubscriptionRequest,
    WebhookInvalidError,
)
from ustad.payments.providers.easypaisa import EasypaisaProvider, hashed_request
from ustad.payments.tests.fakes.pakistan_servers import (
    EASYPAY_CONFIRM,
    EASYPAY_INDEX,
    FakeEasypaisa,
    easypay_decrypt,
    fake_easypaisa_fixture,  # noqa: F401
)

PAYMENT_ID = "9f1c0a7e-52b4-4d0e-8b3a-6c2d1e0f4a5b"
ORDER_REF = uuid.UUID(PAYMENT_ID).hex
ORDER_ID = "5b7e3c1a-0d2f-4e6a-9b8c-7d6e5f4a3b2c"
RETURN = f"https://ustad.example/api/v1/payments/return/easypaisa?order={ORDER_ID}"


@pytest.fixture(autouse=True)
def _site(settings: object) -> None:
    settings.SITE_URL = "https://ustad.example"  # type: ignore[attr-defined]


def checkout_request(**overrides: object) -> CheckoutRequest:
    values: dict[str, object] = {
        "payment_id": PAYMENT_ID, "order_id": ORDER_ID, "amount": 150000, "currency": "PKR",
        "description": "Calculus", "buyer_email": "ali@example.pk", "buyer_name": "Ali", "return_url": RETURN,
        "cancel_url": "https://ustad.example/checkout",
        "webhook_url": "https://ustad.example/api/v1/webhooks/easypaisa",
    }
    values.update(overrides)
    return CheckoutRequest(**values)  # type: ignore[arg-type]


def pay(fake: FakeEasypaisa, **overrides: object) -> dict[str, str]:
    """The buyer's trip through Easypay up to the final return: the params Easypay sends back with."""
    provider = EasypaisaProvider()
    start = provider.start_checkout(checkout_request(**overrides))
    page = httpx.post(start.redirect_url, data=start.form_fields)
    assert page.status_code == 200
    link = re.search(r"href='([^']+)'", page.text)
    assert link, page.text
    back = dict(parse_qsl(urlsplit(link.group(1)).query))  # step 2: back with auth_token
    assert provider.handle_return(params=back) == []
    confirm = provider.confirm_form(back)  # as the return view calls it
    assert confirm is not None
    final = httpx.post(confirm.redirect_url, data=confirm.form_fields)  # the browser posts it to Confirm.jsf
    assert final.status_code == 302
    location = final.headers["Location"]
    assert location.startswith(RETURN + "&")
    return dict(parse_qsl(urlsplit(location).query))


# --- the request hash -------------------------------------------------------------------------------


def test_hashed_request_matches_a_vector_computed_by_hand() -> None:
    url = "https://ustad.example/api/v1/payments/return/easypaisa"
    fields = {"storeId": "43517", "amount": "1500.0", "postBackURL": url, "orderRefNum": ORDER_REF,
              "expiryDate": "20261208 101500", "autoRedirect": "1", "emailAddr": "ali@example.pk",
              "paymentMethod": "", "mobileNum": ""}
    # Sorted by name, empty values left out, then AES-128-ECB with PKCS5 padding and Base64.
    plain = (f"amount=1500.0&autoRedirect=1&emailAddr=ali@example.pk&expiryDate=20261208 101500&"
             f"orderRefNum={ORDER_REF}&postBackURL={url}&storeId=43517")
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(b"Q7xW2pL9mN4vB8kT"), modes.ECB()).encryptor()  # noqa: S305
    expected = base64.b64encode(encryptor.update(padder.update(plain.encode()) + padder.finalize())
                                + encryptor.finalize()).decode()
    assert expected == (
        "EaxOzYv2WJ34fc2dYCjJM+sPLg2misQO+NU3avsh9ZQ/x46uHwy33xWmRr1dkirVpqjaDKHvlnoeIrlkPAmjhtvacik6WTPUBJsSZVgM"
        "4eb0k/tn/WuWVycK6rmdgH6kqMYi2ctAE7i2nPTH7ABRVRldFe+4EBXaOdOaokFuTizGgiPqGEnBgvqi8ll2k31APSGrwdjfem1qvpXv"
        "rcHRLdmXTxA7bSRKdHPkVzi/0GOzVT6SCQ+R+Jkd57YhT+nE9xratQL7Dt6Vfr2lK+ZkVA==")
    assert hashed_request(fields, "Q7xW2pL9mN4vB8kT") == expected
    assert easypay_decrypt(expected, "Q7xW2pL9mN4vB8kT") == plain  # and back


@pytest.mark.parametrize(("paisa", "text"), [(150000, "1500.0"), (150050, "1500.5"), (150055, "1500.55"),
                                             (100, "1.0"), (5, "0.05")])
def test_amounts_are_rupees_with_a_decimal(paisa: int, text: str) -> None:
    assert pakistan.rupees(paisa) == text
    assert pakistan.paisa(text) == paisa


@pytest.mark.parametrize("text", ["15.005", "abc", "", "-1.0"])
def test_an_inexact_amount_is_not_read(text: str) -> None:
    with pytest.raises(ValueError, match="not"):
        pakistan.paisa(text)


# --- checkout ---------------------------------------------------------------------------------------


def test_checkout_is_the_easypay_form_with_its_encrypted_request(fake_easypaisa: FakeEasypaisa) -> None:
    start = EasypaisaProvider().start_checkout(checkout_request())

    assert start.redirect_url == f"{fake_easypaisa.url}{EASYPAY_INDEX}"
    assert start.provider_ref == ORDER_REF
    fields = start.form_fields
    assert set(fields) == {"amount", "storeId", "postBackURL", "orderRefNum", "expiryDate", "autoRedirect",
                           "emailAddr", "merchantHashedReq"}  # empty fields are neither sent nor hashed
    assert (fields["amount"], fields["storeId"], fields["postBackURL"], fields["orderRefNum"],
            fields["autoRedirect"], fields["emailAddr"]) == ("1500.0", "43517", RETURN, ORDER_REF, "1",
                                                             "ali@example.pk")
    expiry = datetime.strptime(fields["expiryDate"], "%Y%m%d %H%M%S").replace(tzinfo=pakistan.KARACHI)
    assert timedelta(hours=23) < expiry - datetime.now(pakistan.KARACHI) <= timedelta(days=1)
    plain = easypay_decrypt(fields["merchantHashedReq"], fake_easypaisa.hash_key)
    assert plain.startswith("amount=1500.0&autoRedirect=1&emailAddr=ali@example.pk&expiryDate=")
    assert plain.endswith(f"&orderRefNum={ORDER_REF}&postBackURL={RETURN}&storeId=43517")

    page = httpx.post(start.redirect_url, data=fields)
    assert page.status_code == 200
    assert "Rs. 1500.0" in page.text
    assert fake_easypaisa.checkouts[-1]["errors"] == []


def test_a_chosen_payment_method_is_sent_and_hashed(settings: object, fake_easypaisa: FakeEasypaisa) -> None:
    settings.EASYPAISA_PAYMENT_METHOD = "MA_PAYMENT_METHOD"  # type: ignore[attr-defined]
    start = EasypaisaProvider().start_checkout(checkout_request())
    assert start.form_fields["paymentMethod"] == "MA_PAYMENT_METHOD"
    httpx.post(start.redirect_url, data=start.form_fields)
    assert fake_easypaisa.checkouts[-1]["errors"] == []


@pytest.mark.parametrize("tamper", [{"amount": "1.0"}, {"orderRefNum": "someoneelse"}, {"merchantHashedReq": "AAAA"}],
                         ids=["amount", "order", "garbage"])
def test_easypay_refuses_a_form_changed_after_hashing(fake_easypaisa: FakeEasypaisa, tamper: dict[str, str]) -> None:
    start = EasypaisaProvider().start_checkout(checkout_request())
    page = httpx.post(start.redirect_url, data={**start.form_fields, **tamper})
    assert "merchantHashedReq" in page.text
    assert fake_easypaisa.transactions == {}


def test_checkout_takes_pkr_only(fake_easypaisa: FakeEasypaisa) -> None:
    with pytest.raises(ApplicationError) as error:
        EasypaisaProvider().start_checkout(checkout_request(currency="USD"))
    assert error.value.code == "currency_unsupported"


@pytest.mark.parametrize("key", ["", "short", "seventeen-chars!!"])
def test_a_missing_or_unusable_hash_key_is_not_configured(settings: object, fake_easypaisa: FakeEasypaisa,
                                                          key: str) -> None:
    settings.EASYPAISA_HASH_KEY = key  # type: ignore[attr-defined]
    with pytest.raises(ApplicationError) as error:
        EasypaisaProvider().start_checkout(checkout_request())
    assert (error.value.code, error.value.status_code) == ("provider_not_configured", 503)


# --- the return: confirm, then a result believed only from the inquiry ------------------------------


def test_a_paid_checkout_comes_back_confirmed_by_inquiry(fake_easypaisa: FakeEasypaisa) -> None:
    params = pay(fake_easypaisa)
    assert params == {"order": ORDER_ID, "status": "0000", "desc": "Success", "orderRefNumber": ORDER_REF}
    assert fake_easypaisa.confirms[-1]["postBackURL"] == RETURN

    [event] = EasypaisaProvider().handle_return(params=params)

    assert event.type == EventType.PAYMENT_SUCCEEDED
    assert (event.amount, event.currency) == (150000, "PKR")
    assert (event.payment_ref, event.local_ref) == (ORDER_REF, PAYMENT_ID)
    assert event.captured_ref == fake_easypaisa.transactions[ORDER_REF].transaction_id
    assert event.event_id == f"txn:{ORDER_REF}:PAID"
    [inquiry] = fake_easypaisa.inquiries
    assert inquiry["body"] == {"orderId": ORDER_REF, "storeId": "43517", "accountNum": "654321"}
    assert base64.b64decode(inquiry["credentials"]).decode() == "ustad-store:s3cr3t-store-pass"


def test_an_amount_in_paisa_survives_the_round_trip(fake_easypaisa: FakeEasypaisa) -> None:
    [event] = EasypaisaProvider().handle_return(params=pay(fake_easypaisa, amount=150055))
    assert event.amount == 150055


def test_a_failed_payment_comes_back_failed(fake_easypaisa: FakeEasypaisa) -> None:
    fake_easypaisa.outcome = "FAILED"
    params = pay(fake_easypaisa)
    assert params["status"] != "0000"
    [event] = EasypaisaProvider().handle_return(params=params)
    assert (event.type, event.failure_code, event.event_id) == (EventType.PAYMENT_FAILED, "failed",
                                                                f"txn:{ORDER_REF}:FAILED")


def test_a_forged_success_is_not_believed(fake_easypaisa: FakeEasypaisa) -> None:
    start = EasypaisaProvider().start_checkout(checkout_request())
    httpx.post(start.redirect_url, data=start.form_fields)  # the buyer never paid
    forged = {"status": "0000", "desc": "Success", "orderRefNumber": ORDER_REF}
    assert EasypaisaProvider().handle_return(params=forged) == []
    assert EasypaisaProvider().handle_return(params={**forged, "orderRefNumber": "ffff" * 8}) == []  # unknown


def test_a_paid_order_reported_as_failed_in_the_browser_is_still_paid(fake_easypaisa: FakeEasypaisa) -> None:
    fake_easypaisa.set_status(ORDER_REF, "PAID", amount="1500.0")
    [event] = EasypaisaProvider().handle_return(params={"status": "0001", "orderRefNumber": ORDER_REF})
    assert event.type == EventType.PAYMENT_SUCCEEDED


@pytest.mark.parametrize("params", [{}, {"status": "0000"}, {"orderRefNumber": "../../etc"},
                                    {"orderRefNumber": "x" * 65}])
def test_a_return_without_a_readable_order_is_refused(fake_easypaisa: FakeEasypaisa,
                                                      params: dict[str, str]) -> None:
    with pytest.raises(WebhookInvalidError):
        EasypaisaProvider().handle_return(params=params)
    assert fake_easypaisa.inquiries == []


def test_confirm_form_only_for_the_auth_token_return(fake_easypaisa: FakeEasypaisa) -> None:
    provider = EasypaisaProvider()
    assert provider.confirm_form({"order": ORDER_ID, "status": "0000", "orderRefNumber": ORDER_REF}) is None
    form = provider.confirm_form({"order": ORDER_ID, "auth_token": "tok1", "postBackURL": "https://evil.example/"})
    assert form is not None
    assert form.redirect_url == f"{fake_easypaisa.url}{EASYPAY_CONFIRM}"
    assert form.form_fields == {"auth_token": "tok1", "postBackURL": RETURN}  # our URL, never the browser's
    other = provider.confirm_form({"auth_token": "tok1"}, "https://ustad.example/elsewhere")
    assert other is not None
    assert other.form_fields["postBackURL"] == "https://ustad.example/elsewhere"


def test_parameters_appended_with_a_second_question_mark_are_read(fake_easypaisa: FakeEasypaisa) -> None:
    provider = EasypaisaProvider()
    glued = {"order": f"{ORDER_ID}?auth_token=tok1", "postBackURL": RETURN}
    assert provider.handle_return(params=glued) == []
    form = provider.confirm_form(glued)
    assert form is not None
    assert form.form_fields == {"auth_token": "tok1", "postBackURL": RETURN}

    fake_easypaisa.set_status(ORDER_REF, "PAID", amount="1500.0")
    final = {"order": f"{ORDER_ID}?orderRefNumber={ORDER_REF}", "status": "0000", "desc": "Success"}
    [event] = provider.handle_return(params=final)
    assert event.type == EventType.PAYMENT_SUCCEEDED


# --- IPN --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    json.dumps({"orderRefNumber": ORDER_REF, "transactionStatus": "PAID"}).encode(),
    urlencode({"url": f"https://easypay.easypaisa.com.pk/easypay-service/rest/v1/ipn/43517/{ORDER_REF}"}).encode(),
    urlencode({"orderRefNum": ORDER_REF}).encode(),
], ids=["json", "ipn url", "form"])
def test_an_ipn_is_settled_by_inquiry(fake_easypaisa: FakeEasypaisa, body: bytes) -> None:
    fake_easypaisa.set_status(ORDER_REF, "PAID", amount="1500.0")
    [event] = EasypaisaProvider().parse_webhook(headers={}, body=body)
    assert (event.type, event.amount, event.local_ref) == (EventType.PAYMENT_SUCCEEDED, 150000, PAYMENT_ID)
    assert fake_easypaisa.inquiries[-1]["body"]["orderId"] == ORDER_REF


def test_an_ipn_body_is_never_trusted(fake_easypaisa: FakeEasypaisa) -> None:
    fake_easypaisa.set_status(ORDER_REF, "PENDING", amount="1500.0")
    body = json.dumps({"orderRefNumber": ORDER_REF, "transactionStatus": "PAID", "transactionAmount": "1500.0"})
    assert EasypaisaProvider().parse_webhook(headers={}, body=body.encode()) == []


@pytest.mark.parametrize("body", [b"", b"{}", b"[1]", b"\xff", json.dumps({"orderRefNumber": "a b"}).encode()])
def test_an_unreadable_ipn_is_refused(fake_easypaisa: FakeEasypaisa, body: bytes) -> None:
    with pytest.raises(WebhookInvalidError):
        EasypaisaProvider().parse_webhook(headers={}, body=body)


# --- status inquiry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "expected"), [
    ("PAID", EventType.PAYMENT_SUCCEEDED), ("FAILED", EventType.PAYMENT_FAILED),
    ("EXPIRED", EventType.PAYMENT_FAILED), ("PENDING", None), ("INITIATED", None)])
def test_inquiry_maps_each_status(fake_easypaisa: FakeEasypaisa, status: str, expected: str | None) -> None:
    fake_easypaisa.set_status(ORDER_REF, status, amount="1500.0")
    event = EasypaisaProvider().inquire(payment_ref=ORDER_REF, amount=150000, currency="PKR")
    assert (event.type if event else None) == expected
    if event is not None:
        assert event.event_id == f"inquiry:{ORDER_REF}:{status}"


def test_inquiry_of_an_unknown_order_is_none(fake_easypaisa: FakeEasypaisa) -> None:
    assert EasypaisaProvider().inquire(payment_ref=ORDER_REF, amount=150000, currency="PKR") is None


@pytest.mark.parametrize("outage", [{"fail_status": 500}, {"fail_status": 502}, {"delay": 1.5}],
                         ids=["500", "502", "timeout"])
def test_an_outage_is_provider_unavailable(fake_easypaisa: FakeEasypaisa, outage: dict[str, object]) -> None:
    fake_easypaisa.set_status(ORDER_REF, "PAID")
    for name, value in outage.items():
        setattr(fake_easypaisa, name, value)
    with pytest.raises(ProviderUnavailableError):
        EasypaisaProvider().inquire(payment_ref=ORDER_REF, amount=150000, currency="PKR")
    with pytest.raises(ProviderUnavailableError):
        EasypaisaProvider().handle_return(params={"status": "0000", "orderRefNumber": ORDER_REF})


def test_wrong_credentials_are_provider_unavailable(settings: object, fake_easypaisa: FakeEasypaisa) -> None:
    settings.EASYPAISA_PASSWORD = "not-the-password"  # type: ignore[attr-defined]
    fake_easypaisa.set_status(ORDER_REF, "PAID")
    with pytest.raises(ProviderUnavailableError):
        EasypaisaProvider().inquire(payment_ref=ORDER_REF, amount=150000, currency="PKR")


def test_an_unreachable_server_is_provider_unavailable(settings: object, fake_easypaisa: FakeEasypaisa) -> None:
    settings.EASYPAISA_API_BASE = "http://127.0.0.1:9"  # type: ignore[attr-defined]  # discard port: refused
    with pytest.raises(ProviderUnavailableError):
        EasypaisaProvider().inquire(payment_ref=ORDER_REF, amount=150000, currency="PKR")


# --- refunds and subscriptions: not offered --------------------------------------------------------


def test_refunds_are_made_in_the_merchant_portal(fake_easypaisa: FakeEasypaisa) -> None:
    with pytest.raises(ApplicationError) as error:
        EasypaisaProvider().refund(payment_ref=ORDER_REF, captured_ref="1", amount=100, currency="PKR", reason="")
    assert (error.value.code, error.value.status_code) == ("refund_manual", 409)
    assert "Easypaisa merchant portal" in error.value.message


def test_no_subscriptions(fake_easypaisa: FakeEasypaisa) -> None:
    provider = EasypaisaProvider()
    assert provider.supports_subscriptions is False
    assert (provider.name, provider.label, provider.currencies) == ("easypaisa", "Easypaisa", frozenset({"PKR"}))
    request = SubscriptionRequest(subscription_id=str(uuid.uuid4()), plan_name="Monthly", amount=100000,
                                  currency="PKR", provider_plan_ref="", buyer_email="ali@example.pk",
                                  buyer_name="Ali", return_url=RETURN, cancel_url=RETURN, webhook_url=RETURN)
    for call in (lambda: provider.start_subscription(request),
                 lambda: provider.cancel_subscription(subscription_ref="s", at_period_end=False),
                 lambda: provider.resume_subscription(subscription_ref="s")):
        with pytest.raises(ApplicationError) as error:
            call()
        assert (error.value.code, error.value.status_code) == ("subscriptions_unsupported", 400)
