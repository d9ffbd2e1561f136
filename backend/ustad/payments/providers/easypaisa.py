"""Easypaisa's Easypay hosted checkout, confirmed by its transaction inquiry API.

1. The browser POSTs our form to `Index.jsf`; `merchantHashedReq` is the sorted `key=value&…` string of the
   fields we send, AES-ECB encrypted (PKCS5 padding) with the store's hash key, in Base64.
2. Easypay sends the browser back to `postBackURL` with `auth_token`; the return view answers with the form
   `confirm_form(params)` builds, which the browser POSTs to `Confirm.jsf`.
3. Easypay sends the browser back to `postBackURL` again with `status`, `desc` and `orderRefNumber`. Nothing
   there is signed, so the result is whatever the inquiry API (authenticated with the store's credentials)
   says about that order; the IPN is treated the same way.
Easypay has no refund API for hosted checkout: refunds are made in the merchant portal.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from rest_framework import status

from ustad.core.errors import ApplicationError
from ustad.payments.providers import pakistan
from ustad.payments.providers.base import (
    CheckoutRequest,
    CheckoutStart,
    EventType,
    ProviderEvent,
    ProviderUnavailableError,
    RefundResult,
    SubscriptionRequest,
    WebhookInvalidError,
)

logger = logging.getLogger(__name__)

EXPIRY = timedelta(days=1)  # time the buyer has to pay, a shop token (OTC) included
EXPIRY_FORMAT = "%Y%m%d %H%M%S"
INQUIRY_PATH = "/easypay-service/rest/v4/inquire-transaction"
PAID = "PAID"
FAILED_STATUSES = frozenset({"FAILED", "EXPIRED", "DROPPED", "BLOCKED", "REVERSED", "CANCELLED"})
AES_KEY_SIZES = (16, 24, 32)  # Easypay's hash key is 16 characters (AES-128); the others are accepted alike
ORDER_REF = re.compile(r"[A-Za-z0-9_-]{1,64}")


def hashed_request(fields: Mapping[str, str], hash_key: str) -> str:
    """`merchantHashedReq`: Base64(AES-ECB/PKCS5(key=value&… sorted by key, empty values left out))."""
    plain = "&".join(f"{name}={fields[name]}" for name in sorted(fields)
                     if name != "merchantHashedReq" and fields[name] != "")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(hash_key.encode()), modes.ECB()).encryptor()  # noqa: S305 (Easypay's scheme)
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()


def unglued(params: Mapping[str, str]) -> dict[str, str]:
    """The return's parameters, also when Easypay appended its own with a second "?" to a postBackURL that
    already had a query (`?order=1?auth_token=…` reads as order="1?auth_token=…")."""
    found: dict[str, str] = {}
    for name, value in params.items():
        head, mark, tail = str(value).partition("?")
        found[str(name)] = head if mark and "=" in tail else str(value)
        if mark and "=" in tail:
            found.update((key, item) for key, item in parse_qsl(tail, keep_blank_values=True) if key not in found)
    return found


def order_ref_from_notification(fields: Mapping[str, str]) -> str:
    """The order an IPN names: a field, or the last part of the `url` Easypay says the details are at (never
    fetched: the inquiry API is the only source believed)."""
    for name in ("orderRefNumber", "orderRefNum", "orderId", "order_id"):
        if fields.get(name):
            return fields[name].strip()
    if fields.get("url"):
        return urlsplit(fields["url"]).path.rstrip("/").rsplit("/", 1)[-1]
    return ""


class EasypaisaProvider:
    name = "easypaisa"
    label = "Easypaisa"
    currencies = frozenset({pakistan.CURRENCY})
    supports_subscriptions = False

    def __init__(self) -> None:
        self.store_id: str = settings.EASYPAISA_STORE_ID
        self.hash_key: str = settings.EASYPAISA_HASH_KEY
        self.username: str = settings.EASYPAISA_USERNAME
        self.password: str = settings.EASYPAISA_PASSWORD
        self.account_num: str = getattr(settings, "EASYPAISA_ACCOUNT_NUM", "")  # the inquiry API asks for it
        self.payment_method: str = getattr(settings, "EASYPAISA_PAYMENT_METHOD", "")  # empty: the buyer picks
        self.base = str(settings.EASYPAISA_API_BASE).rstrip("/")

    def _require_configured(self) -> None:
        if not (self.store_id and self.username and self.password and self.base
                and len(self.hash_key.encode()) in AES_KEY_SIZES):
            raise pakistan.not_configured(self.label)

    # --- checkout: steps 1 and 2 -----------------------------------------------------------------

    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart:
        self._require_configured()
        pakistan.require_pkr(request.currency, self.label)
        order_ref = pakistan.compact_id(request.payment_id)
        fields = {
            "amount": pakistan.rupees(request.amount),
            "storeId": self.store_id,
            "postBackURL": request.return_url,
            "orderRefNum": order_ref,
            "expiryDate": (pakistan.karachi_now() + EXPIRY).strftime(EXPIRY_FORMAT),
            "autoRedirect": "1",
            "paymentMethod": self.payment_method,
            "emailAddr": request.buyer_email,
            "mobileNum": "",
        }
        # Easypay hashes only the fields it receives with a value, so empty ones are not sent at all.
        fields = {name: value for name, value in fields.items() if value}
        fields["merchantHashedReq"] = hashed_request(fields, self.hash_key)
        return CheckoutStart(provider_ref=order_ref, redirect_url=f"{self.base}/easypay/Index.jsf",
                             form_fields=fields)

    def confirm_form(self, params: Mapping[str, str], post_back_url: str | None = None) -> CheckoutStart | None:
        """Step 2: the form the browser must POST to Confirm.jsf when Easypay sent it back with `auth_token`
        (None for any other return). Step 3 lands on `post_back_url`: by default our return URL again, with
        the order the first return URL named (never a URL taken from the browser)."""
        self._require_configured()
        params = unglued(params)
        token = params.get("auth_token", "")
        if not token:
            return None
        if post_back_url is None:
            order = params.get("order", "")
            post_back_url = f"{settings.SITE_URL}/api/v1/payments/return/{self.name}" + (
                f"?{urlencode({'order': order})}" if order else "")
        return CheckoutStart(provider_ref=params.get("orderRefNum", ""),
                             redirect_url=f"{self.base}/easypay/Confirm.jsf",
                             form_fields={"auth_token": token, "postBackURL": post_back_url})

    # --- results: the final return and the IPN, both confirmed by inquiry ------------------------

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        self._require_configured()
        params = unglued(params)
        if params.get("auth_token"):
            return []  # step 2: nothing is settled yet; the view sends the browser on with confirm_form
        order_ref = str(params.get("orderRefNumber") or params.get("orderRefNum") or "").strip()
        if not ORDER_REF.fullmatch(order_ref):
            raise WebhookInvalidError("Easypay return without a readable orderRefNumber.")
        return self._settled(order_ref)

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        self._require_configured()
        order_ref = order_ref_from_notification(pakistan.read_fields(body))
        if not ORDER_REF.fullmatch(order_ref):
            raise WebhookInvalidError("Easypay notification without a readable order reference.")
        return self._settled(order_ref)

    def _settled(self, order_ref: str) -> list[ProviderEvent]:
        event = self._inquire(order_ref, prefix="txn")
        return [event] if event is not None else []

    # --- status inquiry --------------------------------------------------------------------------

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        self._require_configured()
        return self._inquire(payment_ref, prefix="inquiry")

    def _inquire(self, order_ref: str, *, prefix: str) -> ProviderEvent | None:
        credentials = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        answer = pakistan.post_json(f"{self.base}{INQUIRY_PATH}",
                                    {"orderId": order_ref, "storeId": self.store_id, "accountNum": self.account_num},
                                    headers={"Credentials": credentials}, what="Easypaisa transaction inquiry")
        if str(answer.get("responseCode")) != "0000":  # e.g. no such order yet: nothing to report
            logger.info("Easypaisa inquiry for %s: %s %s", order_ref, answer.get("responseCode"),
                        answer.get("responseDesc"))
            return None
        if str(answer.get("orderId") or order_ref) != order_ref or str(answer.get("storeId") or self.store_id) != (
                self.store_id):
            raise ProviderUnavailableError("Easypaisa transaction inquiry answered about another order or store.")
        state = str(answer.get("transactionStatus") or "").upper()
        if state != PAID and state not in FAILED_STATUSES:
            return None  # PENDING, INITIATED: not settled yet
        event = ProviderEvent(event_id=f"{prefix}:{order_ref}:{state}", type=EventType.PAYMENT_FAILED,
                              payment_ref=order_ref, local_ref=pakistan.payment_id_from(order_ref),
                              raw_type=f"inquiry:{state}")
        if state == PAID:
            try:
                amount = pakistan.paisa(answer.get("transactionAmount"))
            except ValueError as exc:
                raise ProviderUnavailableError("Easypaisa transaction inquiry: unreadable transactionAmount.") from exc
            return replace(event, type=EventType.PAYMENT_SUCCEEDED, amount=amount, currency=pakistan.CURRENCY,
                           captured_ref=str(answer.get("transactionId") or order_ref))
        return replace(event, failure_code=state.lower()[:40],
                       failure_message=f"Easypaisa reports the payment {state.lower()}.")

    # --- refunds and subscriptions: not offered --------------------------------------------------

    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult:
        raise ApplicationError(code="refund_manual", status_code=status.HTTP_409_CONFLICT,
                               message="Refund this payment in the Easypaisa merchant portal; then record it here.")

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart:
        raise pakistan.subscriptions_unsupported(self.label)

    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None:
        raise pakistan.subscriptions_unsupported(self.label)

    def resume_subscription(self, *, subscription_ref: str) -> None:
        raise pakistan.subscriptions_unsupported(self.label)
