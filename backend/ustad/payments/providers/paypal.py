"""PayPal over its REST API (docs/payments-paypal.md): Orders v2 for one-off payments, Subscriptions v1 for plans.

The buyer approves an order on PayPal and comes back with `token` = the order id; we capture it then, so the
return itself proves the payment. Webhooks are verified by PayPal's own verify-webhook-signature API, which
recomputes the signature over the event exactly as delivered. The app's OAuth token is kept in the shared
cache so every process reuses it; a token PayPal stops accepting is renewed once per call.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

import httpx
from django.conf import settings
from django.core.cache import cache

from ustad.core.errors import ApplicationError
from ustad.payments.providers.base import (
    CheckoutRequest,
    CheckoutStart,
    EventType,
    ProviderEvent,
    ProviderUnavailableError,
    RefundResult,
    SubscriptionRequest,
    WebhookInvalidError,
    as_dict,
    header,
)

logger = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(10.0)
# Renew the token this long before PayPal says it expires, so no request carries one that lapses in flight.
TOKEN_MARGIN_SECONDS = 300
# PayPal's currencies without a minor unit; every other one it takes has two decimals.
ZERO_DECIMAL = frozenset({"HUF", "JPY", "TWD"})
VALUE_RE = re.compile(r"-?\d+(\.\d+)?")
ID_RE = re.compile(r"[A-Za-z0-9-]{1,64}")
# The note we suspend with when a subscriber cancels at the period's end: its SUSPENDED webhook then means
# "ends at the period's end", while PayPal's own suspension (payments failed) means "ended now".
SUSPEND_NOTE = "Cancelled by the subscriber: ends at the end of the paid period."
CANCEL_NOTE = "Cancelled by the subscriber."
RESUME_NOTE = "Resumed by the subscriber."
WEBHOOK_HEADERS = {
    "transmission_id": "PAYPAL-TRANSMISSION-ID",
    "transmission_time": "PAYPAL-TRANSMISSION-TIME",
    "transmission_sig": "PAYPAL-TRANSMISSION-SIG",
    "cert_url": "PAYPAL-CERT-URL",
    "auth_algo": "PAYPAL-AUTH-ALGO",
}
# Capture refusals that mean "this attempt failed; pay again", not "PayPal is broken".
DECLINE_ISSUES = frozenset({"INSTRUMENT_DECLINED", "PAYER_ACTION_REQUIRED", "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING",
                            "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED", "TRANSACTION_REFUSED"})
SUCCEEDED_CAPTURE = frozenset({"COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"})
FAILED_CAPTURE = frozenset({"DECLINED", "FAILED"})


def to_paypal_value(amount: int, currency: str) -> str:
    """Minor units as PayPal's decimal string: 1999 USD -> "19.99"."""
    if currency.upper() in ZERO_DECIMAL:
        return str(amount)
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount), 100)
    return f"{sign}{whole}.{cents:02d}"


def from_paypal_value(value: Any, currency: str) -> int:
    """PayPal's decimal string in minor units: "19.99" USD -> 1999. ValueError for anything else."""
    if not isinstance(value, str) or not VALUE_RE.fullmatch(value):
        raise ValueError(f"not a PayPal amount: {value!r}")
    try:
        scaled = Decimal(value).scaleb(0 if currency.upper() in ZERO_DECIMAL else 2)
    except InvalidOperation as exc:
        raise ValueError(f"not a PayPal amount: {value!r}") from exc
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} {currency} is finer than its currency's minor unit")
    return int(scaled)


def _money(money: Any, *, value_key: str = "value", currency_key: str = "currency_code") -> tuple[int, str]:
    money = as_dict(money)
    currency = str(money.get(currency_key) or "").upper()
    if len(currency) != 3:
        raise ValueError("money without a currency")
    return from_paypal_value(money.get(value_key), currency), currency


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _link(resource: Mapping[str, Any], *rels: str) -> str:
    links = [as_dict(link) for link in resource.get("links") or [] if isinstance(link, dict)]
    for rel in rels:
        for link in links:
            if link.get("rel") == rel and isinstance(link.get("href"), str):
                return str(link["href"])
    return ""


def _error_detail(response: httpx.Response) -> tuple[str, str]:
    """PayPal's issue code and message from an error answer (REST errors, or OAuth's error/error_description)."""
    try:
        body = as_dict(response.json())
    except ValueError:
        return "", response.text[:200]
    details = [as_dict(item) for item in body.get("details") or [] if isinstance(item, dict)]
    issue = str(details[0].get("issue") or "") if details else ""
    issue = issue or str(body.get("name") or body.get("error") or "")
    message = str(body.get("message") or body.get("error_description") or "")
    if details and details[0].get("description"):
        message = f"{message} {details[0]['description']}".strip()
    return issue, message


class PayPalProvider:
    name = "paypal"
    label = "PayPal"
    currencies = frozenset({"USD"})  # PayPal does not take PKR
    supports_subscriptions = True

    def __init__(self) -> None:
        self.client_id: str = settings.PAYPAL_CLIENT_ID
        self.client_secret: str = settings.PAYPAL_CLIENT_SECRET
        self.webhook_id: str = settings.PAYPAL_WEBHOOK_ID
        self.api_base: str = settings.PAYPAL_API_BASE.rstrip("/")

    # --- Talking to PayPal -----------------------------------------------------------------------

    def _require_configured(self, *, webhooks: bool = False) -> None:
        if not (self.client_id and self.client_secret and self.api_base) or (webhooks and not self.webhook_id):
            raise ApplicationError(code="provider_not_configured", status_code=503,
                                   message="PayPal is not set up on this server.")

    def _token_key(self) -> str:
        # Keyed by the app and environment, so new credentials or sandbox vs live never reuse a token.
        digest = hashlib.sha256(f"{self.api_base}:{self.client_id}".encode()).hexdigest()[:16]
        return f"paypal:token:{digest}"

    def _token(self, *, fresh: bool = False) -> str:
        if not fresh:
            cached = cache.get(self._token_key())
            if isinstance(cached, str) and cached:
                return cached
        try:
            response = httpx.post(f"{self.api_base}/v1/oauth2/token", data={"grant_type": "client_credentials"},
                                  auth=(self.client_id, self.client_secret), headers={"Accept": "application/json"},
                                  timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            raise ProviderUnavailableError(f"PayPal's sign-in did not answer ({type(exc).__name__}).") from exc
        body = self._expect(response, "the app's credentials")
        token, expires_in = body.get("access_token"), body.get("expires_in")
        if not isinstance(token, str) or not token:
            raise ProviderUnavailableError("PayPal's token answer carried no access token.")
        lifetime = int(expires_in) if isinstance(expires_in, (int, float)) else 0
        if lifetime > TOKEN_MARGIN_SECONDS:
            cache.set(self._token_key(), token, timeout=lifetime - TOKEN_MARGIN_SECONDS)
        return token

    def _call(self, method: str, path: str, *, body: dict[str, Any] | None = None, content: bytes | None = None,
              request_id: str = "", representation: bool = False) -> httpx.Response:
        """One API request with the app's token; a token PayPal no longer accepts is renewed once.

        Outages (no answer, 5xx, 429) raise ProviderUnavailableError; every other answer goes back to the caller.
        """
        headers = {"Accept": "application/json"}
        if request_id:
            headers["PayPal-Request-Id"] = request_id  # PayPal's idempotency key: a retry repeats, never doubles
        if representation:
            headers["Prefer"] = "return=representation"
        if content is not None:
            headers["Content-Type"] = "application/json"
        url = f"{self.api_base}{path}"
        response = self._send(method, url, headers, body, content, fresh=False)
        if response.status_code == httpx.codes.UNAUTHORIZED:  # expired or revoked early: once more, a new token
            cache.delete(self._token_key())
            response = self._send(method, url, headers, body, content, fresh=True)
        if response.status_code >= httpx.codes.INTERNAL_SERVER_ERROR or response.status_code == 429:
            raise ProviderUnavailableError(f"PayPal answered {response.status_code}; try again later.")
        return response

    def _send(self, method: str, url: str, headers: dict[str, str], body: dict[str, Any] | None,
              content: bytes | None, *, fresh: bool) -> httpx.Response:
        headers = {**headers, "Authorization": f"Bearer {self._token(fresh=fresh)}"}
        try:
            return httpx.request(method, url, json=body, content=content, headers=headers, timeout=TIMEOUT)
        except httpx.HTTPError as exc:
            raise ProviderUnavailableError(f"PayPal did not answer ({type(exc).__name__}).") from exc

    def _expect(self, response: httpx.Response, what: str) -> dict[str, Any]:
        """The JSON body of a successful answer; a refusal becomes `provider_refused` with PayPal's message."""
        if response.status_code >= httpx.codes.INTERNAL_SERVER_ERROR or response.status_code == 429:
            raise ProviderUnavailableError(f"PayPal answered {response.status_code}; try again later.")
        if response.status_code >= httpx.codes.BAD_REQUEST:
            issue, message = _error_detail(response)
            logger.warning("PayPal refused %s: %s %s %s", what, response.status_code, issue, message)
            detail = ": ".join(part for part in (issue, message) if part)
            raise ApplicationError(code="provider_refused", status_code=502,
                                   message=f"PayPal refused {what} ({detail or response.status_code}).")
        if response.status_code == httpx.codes.NO_CONTENT:
            return {}
        try:
            parsed = response.json()
        except ValueError as exc:
            raise ProviderUnavailableError(f"PayPal answered {what} with something that is not JSON.") from exc
        if not isinstance(parsed, dict):
            raise ProviderUnavailableError(f"PayPal answered {what} with an unexpected shape.")
        return parsed

    def _order(self, order_id: str) -> httpx.Response:
        return self._call("GET", f"/v2/checkout/orders/{quote(order_id, safe='')}")

    # --- One-off payments ------------------------------------------------------------------------

    def _check_currency(self, currency: str) -> None:
        if currency.upper() not in self.currencies:
            raise ApplicationError(code="currency_not_supported", status_code=400,
                                   message=f"PayPal does not take payments in {currency} here.")

    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart:
        self._require_configured()
        self._check_currency(request.currency)
        currency = request.currency.upper()
        order = {
            "intent": "CAPTURE",
            "purchase_units": [{
                "reference_id": request.payment_id,
                "custom_id": request.payment_id,
                "invoice_id": request.payment_id,
                "description": request.description[:127],
                "amount": {"currency_code": currency, "value": to_paypal_value(request.amount, currency)},
            }],
            "payment_source": {"paypal": {"experience_context": {
                "return_url": request.return_url,
                "cancel_url": request.cancel_url,
                "user_action": "PAY_NOW",
                "shipping_preference": "NO_SHIPPING",  # lessons and classes are not shipped
            }}},
        }
        created = self._expect(self._call("POST", "/v2/checkout/orders", body=order, request_id=request.payment_id),
                               "the new order")
        order_id, redirect = created.get("id"), _link(created, "payer-action", "approve")
        if not isinstance(order_id, str) or not order_id or not redirect:
            raise ProviderUnavailableError("PayPal's new order carried no id or approval link.")
        return CheckoutStart(provider_ref=order_id, redirect_url=redirect)

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        """The buyer approved the order on PayPal: capture it now, which is the proof of payment."""
        order_id = str(params.get("token") or "").strip()
        if params.get("subscription_id") or not ID_RE.fullmatch(order_id):
            return []  # a subscription's return (its webhooks confirm it), or nothing we can act on
        self._require_configured()
        return self._capture(order_id)

    def _capture(self, order_id: str) -> list[ProviderEvent]:
        response = self._call("POST", f"/v2/checkout/orders/{quote(order_id, safe='')}/capture", body={},
                              request_id=f"capture-{order_id}", representation=True)
        if response.status_code == httpx.codes.UNPROCESSABLE_ENTITY:
            issue, message = _error_detail(response)
            if issue == "ORDER_ALREADY_CAPTURED":
                return self._order_events(self._expect(self._order(order_id), "the order"))
            if issue == "ORDER_NOT_APPROVED":
                return []  # the buyer has not approved it (yet): nothing is proven
            if issue in DECLINE_ISSUES:
                return [ProviderEvent(event_id=f"capture-refused:{order_id}:{issue}", type=EventType.PAYMENT_FAILED,
                                      payment_ref=order_id, failure_code=issue, failure_message=message[:300],
                                      raw_type="capture")]
        return self._order_events(self._expect(response, "to capture the order"))

    def _order_events(self, order: Mapping[str, Any]) -> list[ProviderEvent]:
        """What an order's latest capture proves: paid, declined, or (pending) nothing yet."""
        units = [as_dict(unit) for unit in order.get("purchase_units") or []]
        unit = units[0] if units else {}
        captures = [as_dict(item) for item in as_dict(unit.get("payments")).get("captures") or []]
        if not captures:
            return []
        capture = captures[-1]
        status, capture_id = str(capture.get("status") or ""), str(capture.get("id") or "")
        if status in SUCCEEDED_CAPTURE:
            kind = EventType.PAYMENT_SUCCEEDED
        elif status in FAILED_CAPTURE:
            kind = EventType.PAYMENT_FAILED
        else:
            return []  # PENDING: PAYMENT.CAPTURE.COMPLETED (or DENIED) follows by webhook
        try:
            amount, currency = _money(capture.get("amount"))
        except ValueError as exc:
            raise ProviderUnavailableError(f"PayPal's capture {capture_id} carried an unreadable amount.") from exc
        reason = str(as_dict(capture.get("status_details")).get("reason") or "")
        return [ProviderEvent(
            event_id=f"capture:{capture_id}", type=kind, payment_ref=str(order.get("id") or ""),
            local_ref=str(capture.get("custom_id") or unit.get("custom_id") or ""), captured_ref=capture_id,
            amount=amount, currency=currency, failure_code=reason if kind == EventType.PAYMENT_FAILED else "",
            raw_type="capture")]

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        self._require_configured()
        response = self._order(payment_ref)
        if response.status_code == httpx.codes.NOT_FOUND:
            # PayPal forgets orders nobody approved: this payment will never happen.
            return ProviderEvent(event_id=f"inquiry:{payment_ref}:NOT_FOUND", type=EventType.PAYMENT_FAILED,
                                 payment_ref=payment_ref, failure_code="order_not_found", raw_type="order")
        order = self._expect(response, "the order")
        status = order.get("status")
        if status == "COMPLETED":
            events = self._order_events(order)
        elif status == "APPROVED":
            events = self._capture(payment_ref)  # the buyer approved but never came back
        elif status == "VOIDED":
            return ProviderEvent(event_id=f"inquiry:{payment_ref}:VOIDED", type=EventType.PAYMENT_FAILED,
                                 payment_ref=payment_ref, failure_code="order_voided", raw_type="order")
        else:
            return None
        return events[0] if events else None

    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult:
        self._require_configured()
        currency = currency.upper()
        body: dict[str, Any] = {"amount": {"currency_code": currency, "value": to_paypal_value(amount, currency)}}
        if reason:
            body["note_to_payer"] = reason[:255]
        # The same refund asked twice (a retry after a timeout) returns PayPal's first answer instead of paying twice.
        request_id = f"refund-{captured_ref}-{amount}-{currency}"
        refund = self._expect(self._call("POST", f"/v2/payments/captures/{quote(captured_ref, safe='')}/refund",
                                         body=body, request_id=request_id), "the refund")
        refund_id = refund.get("id")
        if not isinstance(refund_id, str) or not refund_id:
            raise ProviderUnavailableError("PayPal's refund answer carried no id.")
        return RefundResult(refund_ref=refund_id, succeeded=refund.get("status") == "COMPLETED")

    # --- Subscriptions ---------------------------------------------------------------------------

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart:
        self._require_configured()
        self._check_currency(request.currency)
        if not request.provider_plan_ref:
            raise ApplicationError(code="plan_not_available", status_code=400,
                                   message=f"“{request.plan_name}” has no PayPal plan yet.")
        body = {
            "plan_id": request.provider_plan_ref,
            "custom_id": request.subscription_id,
            "application_context": {"return_url": request.return_url, "cancel_url": request.cancel_url,
                                    "user_action": "SUBSCRIBE_NOW", "shipping_preference": "NO_SHIPPING"},
        }
        created = self._expect(self._call("POST", "/v1/billing/subscriptions", body=body,
                                          request_id=request.subscription_id), "the new subscription")
        subscription_id, redirect = created.get("id"), _link(created, "approve")
        if not isinstance(subscription_id, str) or not subscription_id or not redirect:
            raise ProviderUnavailableError("PayPal's new subscription carried no id or approval link.")
        return CheckoutStart(provider_ref=subscription_id, redirect_url=redirect)

    def _subscription_action(self, subscription_ref: str, action: str, note: str, *, done_if_invalid: bool) -> None:
        response = self._call("POST", f"/v1/billing/subscriptions/{quote(subscription_ref, safe='')}/{action}",
                              body={"reason": note})
        if done_if_invalid and response.status_code == httpx.codes.UNPROCESSABLE_ENTITY:
            issue, _ = _error_detail(response)
            if issue == "SUBSCRIPTION_STATUS_INVALID":
                return  # already suspended or cancelled: what we asked for holds
        self._expect(response, f"to {action} the subscription")

    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None:
        """At the period's end: suspend (no more charges, and resumable); otherwise cancel for good."""
        self._require_configured()
        if at_period_end:
            self._subscription_action(subscription_ref, "suspend", SUSPEND_NOTE, done_if_invalid=True)
        else:
            self._subscription_action(subscription_ref, "cancel", CANCEL_NOTE, done_if_invalid=True)

    def resume_subscription(self, *, subscription_ref: str) -> None:
        self._require_configured()
        self._subscription_action(subscription_ref, "activate", RESUME_NOTE, done_if_invalid=False)

    # --- Webhooks --------------------------------------------------------------------------------

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        self._require_configured(webhooks=True)
        try:
            text = body.decode("utf-8")
            event = json.loads(text)
        except (UnicodeDecodeError, ValueError) as exc:
            raise WebhookInvalidError("The body is not JSON.") from exc
        if not isinstance(event, dict) or not event.get("id") or not event.get("event_type"):
            raise WebhookInvalidError("The body is not a PayPal event.")
        fields = {name: header(headers, header_name) for name, header_name in WEBHOOK_HEADERS.items()}
        missing = [WEBHOOK_HEADERS[name] for name, value in fields.items() if not value]
        if missing:
            raise WebhookInvalidError(f"Missing {', '.join(missing)}.")
        self._verify(fields, text)
        try:
            return self._webhook_events(event)
        except ValueError as exc:  # verified, yet unreadable: refuse it so it is logged, never half-applied
            raise WebhookInvalidError(f"The {event.get('event_type')} event cannot be read: {exc}") from exc

    def _verify(self, fields: dict[str, str], event_text: str) -> None:
        """Ask PayPal whether it signed this delivery.

        PayPal checks its signature over a CRC32 of the event as it sent it, so the event goes back as the
        very text received: a parsed and re-serialised copy differs in spacing and escapes and fails.
        """
        envelope = json.dumps({**fields, "webhook_id": self.webhook_id})
        content = f'{envelope[:-1]}, "webhook_event": {event_text}}}'.encode()
        response = self._call("POST", "/v1/notifications/verify-webhook-signature", content=content)
        if response.status_code in (httpx.codes.BAD_REQUEST, httpx.codes.UNPROCESSABLE_ENTITY):
            raise WebhookInvalidError(f"PayPal could not check the signature: {' '.join(_error_detail(response))}")
        status = self._expect(response, "to verify the webhook").get("verification_status")
        if status != "SUCCESS":
            raise WebhookInvalidError(f"PayPal did not confirm the signature ({status}).")

    def _webhook_events(self, event: dict[str, Any]) -> list[ProviderEvent]:
        kind, event_id = str(event["event_type"]), str(event["id"])
        resource = as_dict(event.get("resource"))

        def make(type_: str, **fields: Any) -> ProviderEvent:
            return ProviderEvent(event_id=event_id, type=type_, raw_type=kind, **fields)

        if kind in ("PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED"):
            amount, currency = _money(resource.get("amount"))
            order_id = as_dict(as_dict(resource.get("supplementary_data")).get("related_ids")).get("order_id")
            succeeded = kind == "PAYMENT.CAPTURE.COMPLETED"
            reason = "" if succeeded else str(as_dict(resource.get("status_details")).get("reason") or "")
            return [make(EventType.PAYMENT_SUCCEEDED if succeeded else EventType.PAYMENT_FAILED,
                         payment_ref=str(order_id or ""), captured_ref=str(resource.get("id") or ""),
                         local_ref=str(resource.get("custom_id") or ""), amount=amount, currency=currency,
                         failure_code=reason)]
        if kind == "PAYMENT.CAPTURE.REFUNDED":
            amount, currency = _money(resource.get("amount"))
            capture_url = _link(resource, "up")  # the refund links "up" to the capture it refunds
            return [make(EventType.REFUND_SUCCEEDED, refund_ref=str(resource.get("id") or ""),
                         captured_ref=capture_url.rstrip("/").rsplit("/", 1)[-1] if capture_url else "",
                         amount=amount, currency=currency)]
        if kind == "CUSTOMER.DISPUTE.CREATED":
            amount, currency = _money(resource.get("dispute_amount"))
            disputed = [as_dict(item) for item in resource.get("disputed_transactions") or []]
            return [make(EventType.CHARGEBACK, refund_ref=str(resource.get("dispute_id") or ""),
                         captured_ref=str(disputed[0].get("seller_transaction_id") or "") if disputed else "",
                         amount=amount, currency=currency, failure_code=str(resource.get("reason") or ""))]
        if kind == "PAYMENT.SALE.COMPLETED" and resource.get("billing_agreement_id"):
            return [self._subscription_paid(make, resource)]
        subscription = {"subscription_ref": str(resource.get("id") or ""),
                        "local_ref": str(resource.get("custom_id") or "")}  # the resource is the subscription
        if kind == "BILLING.SUBSCRIPTION.PAYMENT.FAILED":
            failed = as_dict(as_dict(resource.get("billing_info")).get("last_failed_payment"))
            return [make(EventType.SUBSCRIPTION_RENEWAL_FAILED, **subscription,
                         failure_code=str(failed.get("reason_code") or ""))]
        if kind == "BILLING.SUBSCRIPTION.CANCELLED":
            return [make(EventType.SUBSCRIPTION_CANCELLED, **subscription)]
        if kind == "BILLING.SUBSCRIPTION.SUSPENDED" and resource.get("status_change_note") == SUSPEND_NOTE:
            return [make(EventType.SUBSCRIPTION_CANCELLED, **subscription)]
        if kind in ("BILLING.SUBSCRIPTION.EXPIRED", "BILLING.SUBSCRIPTION.SUSPENDED"):
            return [make(EventType.SUBSCRIPTION_ENDED, **subscription)]
        # BILLING.SUBSCRIPTION.ACTIVATED among others: a period counts once it is paid, by its sale.
        return [make(EventType.IGNORED)]

    def _subscription_paid(self, make: Callable[..., ProviderEvent], sale: dict[str, Any]) -> ProviderEvent:
        """A subscription's sale: the first paid cycle activates it, every later one renews it."""
        subscription_id = str(sale["billing_agreement_id"])
        amount, currency = _money(sale.get("amount"), value_key="total", currency_key="currency")
        response = self._call("GET", f"/v1/billing/subscriptions/{quote(subscription_id, safe='')}")
        subscription = self._expect(response, "the subscription")
        billing = as_dict(subscription.get("billing_info"))
        paid_cycles = sum(int(as_dict(cycle).get("cycles_completed") or 0)
                          for cycle in billing.get("cycle_executions") or []
                          if as_dict(cycle).get("tenure_type") == "REGULAR")
        return make(
            EventType.SUBSCRIPTION_ACTIVATED if paid_cycles <= 1 else EventType.SUBSCRIPTION_RENEWED,
            subscription_ref=subscription_id, local_ref=str(subscription.get("custom_id") or ""),
            captured_ref=str(sale.get("id") or ""), amount=amount, currency=currency,
            period_end=_time(billing.get("next_billing_time")))
