"""A local PayPal for tests: the REST endpoints Ustad uses, speaking PayPal's documented shapes.

OAuth 2 client credentials (HTTP Basic, tokens that expire), Orders v2 (create, show, capture), captures'
refunds, Subscriptions v1 (create, show, suspend, cancel, activate) and verify-webhook-signature. Writes honour
`PayPal-Request-Id` as PayPal does: the same id answers with the first result instead of acting twice.

Webhooks are signed for real: the fake holds an RSA key, `sign()` makes a delivery's PAYPAL-* headers with an
RSA-SHA256 signature over `<transmission id>|<time>|<webhook id>|<CRC32 of the body>`, and the verify endpoint
recomputes it over the event it is sent, so a changed body (or a re-serialised one) fails as it does at PayPal.

Use it through the `fake_paypal` fixture (import it into a test module or conftest):

    def test_paid(fake_paypal):
        order_id = PayPalProvider().start_checkout(request).provider_ref
        fake_paypal.approve(order_id)           # the buyer approves on PayPal
        headers, body = fake_paypal.sign(fake_paypal.event("PAYMENT.CAPTURE.COMPLETED", capture))
"""

from __future__ import annotations

import base64
import functools
import json
import re
import secrets
import string
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ustad.core.testing.servers import free_port

CLIENT_ID = "AeFakeClientId-ustad-tests"
CLIENT_SECRET = "EFakeClientSecret-ustad-tests"
WEBHOOK_ID = "8PT597110X687430LKGECATA"
AUTH_ALGO = "SHA256withRSA"
SANDBOX_WEB = "https://www.sandbox.paypal.com"
CURRENCIES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "JPY"})  # PKR is not among PayPal's currencies
ZERO_DECIMAL = frozenset({"HUF", "JPY", "TWD"})
VALUE_RE = re.compile(r"\d+(\.\d+)?")


@functools.cache
def shared_key() -> rsa.RSAPrivateKey:
    """One signing key for every fake in a run: making a 2048-bit key takes a noticeable moment."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def paypal_id(length: int = 17) -> str:
    """An id shaped like PayPal's order, capture and refund ids (5O190127TN364715T)."""
    return "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(length))


def canonical(event: dict[str, Any]) -> bytes:
    """An event as PayPal serialises it: compact JSON in its own key order, UTF-8."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode()


def now_text(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: Any  # parsed JSON, the form for the token request, or None
    raw: bytes


class FakePayPal:
    """The fake's state: what it was asked, what it holds, and how it should misbehave next."""

    def __init__(self, *, private_key: rsa.RSAPrivateKey | None = None) -> None:
        self.url = ""
        self.client_id, self.client_secret, self.webhook_id = CLIENT_ID, CLIENT_SECRET, WEBHOOK_ID
        self.requests: list[RecordedRequest] = []
        self.fail_status: int | None = None  # answer with this status (500, 503, 429) ...
        self.fail_path: str = ""  # ... only paths starting with this, when set
        self.delay: float = 0.0  # seconds to wait before answering anything (a timeout)
        self.token_lifetime = 32400  # PayPal's usual nine hours
        self.tokens: dict[str, float] = {}  # token -> monotonic expiry
        self.orders: dict[str, dict[str, Any]] = {}
        self.captures: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.plans: dict[str, dict[str, str]] = {}
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.capture_status = "COMPLETED"  # the next captures' status: COMPLETED, DECLINED or PENDING
        self.capture_issue: str | None = None  # refuse the next captures with 422 and this issue
        self.refund_status = "COMPLETED"
        self.replies: dict[tuple[str, str], tuple[int, dict[str, Any] | None]] = {}  # (path, request id) -> answer
        self.lock = threading.RLock()
        self.private_key = private_key or shared_key()

    # --- What tests look at --------------------------------------------------------------------

    @property
    def cert_url(self) -> str:
        return f"{self.url}/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270"

    def requests_to(self, method: str, path_pattern: str) -> list[RecordedRequest]:
        """The requests whose method matches and whose path matches the regular expression (whole path)."""
        with self.lock:
            return [r for r in self.requests if r.method == method and re.fullmatch(path_pattern, r.path)]

    def token_requests(self) -> list[RecordedRequest]:
        return self.requests_to("POST", "/v1/oauth2/token")

    # --- What the buyer or PayPal does ---------------------------------------------------------

    def expire_tokens(self) -> None:
        """Every token handed out so far stops working (expired early, or revoked)."""
        with self.lock:
            self.tokens = dict.fromkeys(self.tokens, 0.0)

    def approve(self, order_id: str) -> None:
        """The buyer approves the order on PayPal's page."""
        with self.lock:
            order = self.orders[order_id]
            order["status"] = "APPROVED"
            order["payer"] = {"payer_id": "QYR5Z8XDVJNXQ", "email_address": "buyer@example.com",
                              "name": {"given_name": "Ayesha", "surname": "Khan"}}

    def add_plan(self, plan_id: str, *, value: str, currency: str = "USD") -> None:
        with self.lock:
            self.plans[plan_id] = {"value": value, "currency_code": currency}

    def approve_subscription(self, subscription_id: str) -> None:
        """The buyer approves the subscription; PayPal activates it (its first cycle is charged by `charge`)."""
        with self.lock:
            subscription = self.subscriptions[subscription_id]
            subscription["status"] = "ACTIVE"
            subscription["start_time"] = now_text()
            subscription["billing_info"]["next_billing_time"] = now_text()

    def charge(self, subscription_id: str) -> dict[str, Any]:
        """PayPal bills the next cycle: a completed sale (the PAYMENT.SALE.COMPLETED resource) is returned."""
        with self.lock:
            subscription = self.subscriptions[subscription_id]
            price = self.plans[subscription["plan_id"]]
            billing = subscription["billing_info"]
            billing["cycle_executions"][0]["cycles_completed"] += 1
            paid_at = datetime.now(UTC)
            cycles = billing["cycle_executions"][0]["cycles_completed"]
            billing["last_payment"] = {"amount": dict(price), "time": now_text(paid_at)}
            billing["next_billing_time"] = now_text(paid_at.replace(microsecond=0) + timedelta(days=30 * cycles))
            sale_id = paypal_id()
            return {
                "id": sale_id, "state": "completed", "billing_agreement_id": subscription_id,
                "amount": {"total": price["value"], "currency": price["currency_code"],
                           "details": {"subtotal": price["value"]}},
                "payment_mode": "INSTANT_TRANSFER", "protection_eligibility": "ELIGIBLE",
                "transaction_fee": {"value": "0.50", "currency": price["currency_code"]},
                "create_time": now_text(paid_at), "update_time": now_text(paid_at),
                "links": [{"href": f"{self.url}/v1/payments/sale/{sale_id}", "rel": "self", "method": "GET"}],
            }

    def event(self, event_type: str, resource: dict[str, Any], *, resource_type: str = "") -> dict[str, Any]:
        """A webhook event as PayPal delivers it, around a resource (a capture, refund, sale, subscription ...)."""
        return {
            "id": f"WH-{paypal_id(17)}-{paypal_id(17)}",
            "event_version": "1.0",
            "create_time": now_text(),
            "resource_type": resource_type or event_type.split(".")[-2].lower(),
            "resource_version": "2.0",
            "event_type": event_type,
            "summary": f"{event_type} – sent by the test PayPal",
            "resource": resource,
            "links": [{"href": f"{self.url}/v1/notifications/webhooks-events/WH", "rel": "self", "method": "GET"}],
        }

    def dispute(self, capture_id: str, *, value: str, currency: str = "USD") -> dict[str, Any]:
        """A CUSTOMER.DISPUTE.CREATED resource against one capture."""
        return {
            "dispute_id": f"PP-D-{secrets.randbelow(10**5)}",
            "create_time": now_text(), "update_time": now_text(),
            "disputed_transactions": [{"seller_transaction_id": capture_id, "seller_protection_eligible": True}],
            "reason": "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "status": "OPEN",
            "dispute_amount": {"currency_code": currency, "value": value},
            "dispute_life_cycle_stage": "INQUIRY", "dispute_channel": "INTERNAL",
        }

    def sign(self, event: dict[str, Any], *, webhook_id: str | None = None,
             transmission_time: str | None = None) -> tuple[dict[str, str], bytes]:
        """A delivery of the event as PayPal sends it: its headers and raw body."""
        body = canonical(event)
        transmission_id = f"{secrets.token_hex(4)}-{secrets.token_hex(2)}-11e5-baa3-{secrets.token_hex(6)}"
        sent_at = transmission_time or now_text()
        message = f"{transmission_id}|{sent_at}|{webhook_id or self.webhook_id}|{zlib.crc32(body)}".encode()
        signature = self.private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
        headers = {
            "PAYPAL-TRANSMISSION-ID": transmission_id,
            "PAYPAL-TRANSMISSION-TIME": sent_at,
            "PAYPAL-TRANSMISSION-SIG": base64.b64encode(signature).decode(),
            "PAYPAL-CERT-URL": self.cert_url,
            "PAYPAL-AUTH-ALGO": AUTH_ALGO,
            "Content-Type": "application/json",
        }
        return headers, body

    # --- The server's side ---------------------------------------------------------------------

    def signature_valid(self, request: dict[str, Any]) -> bool:
        fields = ("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id")
        if not all(isinstance(request.get(name), str) for name in fields):
            return False
        if request["auth_algo"] != AUTH_ALGO or request["cert_url"] != self.cert_url:
            return False
        event = request.get("webhook_event")
        if not isinstance(event, dict):
            return False
        message = (f"{request['transmission_id']}|{request['transmission_time']}|{request['webhook_id']}|"
                   f"{zlib.crc32(canonical(event))}").encode()
        try:
            signature = base64.b64decode(request["transmission_sig"], validate=True)
            self.private_key.public_key().verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, ValueError):
            return False
        return True


def _error(name: str, message: str, issue: str = "", description: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "message": message, "debug_id": secrets.token_hex(6)}
    if issue:
        body["details"] = [{"issue": issue, "description": description or message}]
    return body


def _unprocessable(issue: str, description: str) -> tuple[int, dict[str, Any]]:
    return 422, _error("UNPROCESSABLE_ENTITY",
                       "The requested action could not be performed, semantically incorrect, or failed business "
                       "validation.", issue, description)


def _not_found(what: str) -> tuple[int, dict[str, Any]]:
    return 404, _error("RESOURCE_NOT_FOUND", "The specified resource does not exist.", "INVALID_RESOURCE_ID",
                       f"Specified resource ID does not exist. Please check the resource ID ({what}) and try again.")


def _amount_problem(amount: Any) -> tuple[int, dict[str, Any]] | None:
    amount = amount if isinstance(amount, dict) else {}
    currency, value = amount.get("currency_code"), amount.get("value")
    if not isinstance(currency, str) or not isinstance(value, str) or not VALUE_RE.fullmatch(value):
        return 400, _error("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates "
                                              "schema.", "INVALID_PARAMETER_SYNTAX", "amount")
    if currency not in CURRENCIES:
        return _unprocessable("CURRENCY_NOT_SUPPORTED", f"Currency code {currency} is not supported.")
    decimals = len(value.split(".")[1]) if "." in value else 0
    if decimals > (0 if currency in ZERO_DECIMAL else 2):
        return _unprocessable("DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place "
                                                   "precision is supported.")
    if Decimal(value) <= 0:
        return _unprocessable("CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero.")
    return None


def _handler(fake: FakePayPal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: dict[str, Any] | None) -> None:
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            if body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Paypal-Debug-Id", secrets.token_hex(6))
            self.end_headers()
            self.wfile.write(data)

        def _handle(self, method: str) -> None:
            path = urlsplit(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            if path == "/v1/oauth2/token":
                body: Any = {key: values[-1] for key, values in parse_qs(raw.decode()).items()}
            else:
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = None
            with fake.lock:
                fake.requests.append(RecordedRequest(method, path, headers, body, raw))
            if fake.delay:
                time.sleep(fake.delay)
            if fake.fail_status is not None and path.startswith(fake.fail_path):
                self._send(fake.fail_status, _error("INTERNAL_SERVICE_ERROR", "An internal server error occurred."))
                return
            if path == "/v1/oauth2/token":
                self._send(*self._token(method, headers, body))
                return
            if not self._bearer_ok(headers):
                self._send(401, {"error": "invalid_token",
                                 "error_description": "Token signature verification failed"})
                return
            request_id = headers.get("paypal-request-id", "")
            with fake.lock:
                if method == "POST" and request_id and (path, request_id) in fake.replies:
                    status, reply = fake.replies[(path, request_id)]
                    self._send(200 if status == 201 else status, reply)  # PayPal repeats its first answer
                    return
                status, reply = self._route(method, path, headers, body)
                if method == "POST" and request_id and status < 400:
                    fake.replies[(path, request_id)] = (status, reply)
            self._send(status, reply)

        def _token(self, method: str, headers: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, Any]]:
            expected = "Basic " + base64.b64encode(f"{fake.client_id}:{fake.client_secret}".encode()).decode()
            if method != "POST" or headers.get("authorization") != expected:
                return 401, {"error": "invalid_client", "error_description": "Client Authentication failed"}
            if form.get("grant_type") != "client_credentials":
                return 400, {"error": "unsupported_grant_type", "error_description": "Grant Type is NULL"}
            token = f"A21AA{secrets.token_urlsafe(24)}"
            with fake.lock:
                fake.tokens[token] = time.monotonic() + fake.token_lifetime
            return 200, {"scope": "https://uri.paypal.com/services/payments/payment", "access_token": token,
                         "token_type": "Bearer", "app_id": "APP-80W284485P519543T",
                         "expires_in": fake.token_lifetime, "nonce": f"{now_text()}{secrets.token_hex(8)}"}

        def _bearer_ok(self, headers: dict[str, str]) -> bool:
            value = headers.get("authorization", "")
            with fake.lock:
                expiry = fake.tokens.get(value[len("Bearer "):]) if value.startswith("Bearer ") else None
            return expiry is not None and expiry > time.monotonic()

        def _route(self, method: str, path: str, headers: dict[str, str],
                   body: Any) -> tuple[int, dict[str, Any] | None]:
            full = headers.get("prefer", "") == "return=representation"
            if method == "POST" and path == "/v2/checkout/orders":
                return self._create_order(body, full)
            if match := re.fullmatch(r"/v2/checkout/orders/([^/]+)", path):
                order = fake.orders.get(match.group(1))
                return (200, order) if method == "GET" and order else _not_found(match.group(1))
            if method == "POST" and (match := re.fullmatch(r"/v2/checkout/orders/([^/]+)/capture", path)):
                return self._capture(match.group(1), full)
            if method == "POST" and (match := re.fullmatch(r"/v2/payments/captures/([^/]+)/refund", path)):
                return self._refund(match.group(1), body, full)
            if method == "POST" and path == "/v1/billing/subscriptions":
                return self._create_subscription(body)
            if match := re.fullmatch(r"/v1/billing/subscriptions/([^/]+)", path):
                subscription = fake.subscriptions.get(match.group(1))
                return (200, subscription) if method == "GET" and subscription else _not_found(match.group(1))
            if method == "POST" and (match := re.fullmatch(r"/v1/billing/subscriptions/([^/]+)/(\w+)", path)):
                return self._subscription_action(match.group(1), match.group(2), body)
            if method == "POST" and path == "/v1/notifications/verify-webhook-signature":
                if not isinstance(body, dict):
                    return 400, _error("VALIDATION_ERROR", "Invalid request - see details.", "MALFORMED_REQUEST")
                return 200, {"verification_status": "SUCCESS" if fake.signature_valid(body) else "FAILURE"}
            return 404, _error("NOT_FOUND", "The requested resource was not found.")

        def _create_order(self, body: Any, full: bool) -> tuple[int, dict[str, Any]]:
            body = body if isinstance(body, dict) else {}
            units = body.get("purchase_units")
            if body.get("intent") not in ("CAPTURE", "AUTHORIZE") or not isinstance(units, list) or not units:
                return 400, _error("INVALID_REQUEST", "Request is not well-formed.", "MISSING_REQUIRED_PARAMETER")
            for unit in units:
                problem = _amount_problem(unit.get("amount") if isinstance(unit, dict) else None)
                if problem:
                    return problem
            order_id = paypal_id()
            source = body.get("payment_source", {}).get("paypal") if isinstance(body.get("payment_source"),
                                                                                 dict) else None
            checkout = f"{SANDBOX_WEB}/checkoutnow?token={order_id}"
            links = [{"href": f"{fake.url}/v2/checkout/orders/{order_id}", "rel": "self", "method": "GET"},
                     {"href": checkout, "rel": "payer-action" if source else "approve", "method": "GET"},
                     {"href": f"{fake.url}/v2/checkout/orders/{order_id}/capture", "rel": "capture",
                      "method": "POST"}]
            order = {"id": order_id, "intent": body["intent"],
                     "status": "PAYER_ACTION_REQUIRED" if source else "CREATED",
                     "purchase_units": [{**unit, "reference_id": unit.get("reference_id", "default"),
                                         "payee": {"merchant_id": "C7CYMKZDG8D6E"}} for unit in units],
                     "create_time": now_text(), "links": links}
            fake.orders[order_id] = order
            return 201, order if full else {"id": order_id, "status": order["status"], "links": links}

        def _capture(self, order_id: str, full: bool) -> tuple[int, dict[str, Any]]:
            order = fake.orders.get(order_id)
            if order is None:
                return _not_found(order_id)
            if order["status"] == "COMPLETED":
                return _unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured.")
            if order["status"] != "APPROVED":
                return _unprocessable("ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment.")
            if fake.capture_issue:
                return _unprocessable(fake.capture_issue, "The instrument presented was either declined by the "
                                                          "processor or bank, or it can't be used for this payment.")
            unit = order["purchase_units"][0]
            capture_id = paypal_id()
            capture: dict[str, Any] = {
                "id": capture_id, "status": fake.capture_status, "amount": dict(unit["amount"]),
                "final_capture": True, "seller_protection": {"status": "ELIGIBLE"},
                "invoice_id": unit.get("invoice_id"), "custom_id": unit.get("custom_id"),
                "supplementary_data": {"related_ids": {"order_id": order_id}},
                "create_time": now_text(), "update_time": now_text(),
                "links": [{"href": f"{fake.url}/v2/payments/captures/{capture_id}", "rel": "self", "method": "GET"},
                          {"href": f"{fake.url}/v2/payments/captures/{capture_id}/refund", "rel": "refund",
                           "method": "POST"},
                          {"href": f"{fake.url}/v2/checkout/orders/{order_id}", "rel": "up", "method": "GET"}],
            }
            if fake.capture_status == "DECLINED":
                capture["status_details"] = {"reason": "DECLINED_BY_RISK_FRAUD_FILTERS"}
            elif fake.capture_status == "PENDING":
                capture["status_details"] = {"reason": "PENDING_REVIEW"}
            fake.captures[capture_id] = capture
            unit.setdefault("payments", {}).setdefault("captures", []).append(capture)
            order["status"] = "COMPLETED"
            return 201, order if full else {"id": order_id, "status": "COMPLETED", "links": order["links"]}

        def _refund(self, capture_id: str, body: Any, full: bool) -> tuple[int, dict[str, Any]]:
            capture = fake.captures.get(capture_id)
            if capture is None:
                return _not_found(capture_id)
            if capture["status"] not in ("COMPLETED", "PARTIALLY_REFUNDED"):
                return _unprocessable("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.")
            amount = (body or {}).get("amount") if isinstance(body, dict) else None
            amount = amount or dict(capture["amount"])
            if problem := _amount_problem(amount):
                return problem
            if amount["currency_code"] != capture["amount"]["currency_code"]:
                return _unprocessable("REFUND_CURRENCY_MISMATCH", "Refund must be in the same currency as the "
                                                                  "capture.")
            refunded = sum(Decimal(r["amount"]["value"]) for r in fake.refunds.values()
                           if r["capture_id"] == capture_id)
            left = Decimal(capture["amount"]["value"]) - refunded
            if Decimal(amount["value"]) > left:
                return _unprocessable("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to "
                                                                "the capture amount that has not yet been refunded.")
            refund_id = paypal_id()
            refund = {
                "id": refund_id, "status": fake.refund_status, "amount": dict(amount),
                "note_to_payer": (body or {}).get("note_to_payer"), "custom_id": capture.get("custom_id"),
                "create_time": now_text(), "update_time": now_text(), "capture_id": capture_id,
                "links": [{"href": f"{fake.url}/v2/payments/refunds/{refund_id}", "rel": "self", "method": "GET"},
                          {"href": f"{fake.url}/v2/payments/captures/{capture_id}", "rel": "up", "method": "GET"}],
            }
            fake.refunds[refund_id] = refund
            capture["status"] = "REFUNDED" if Decimal(amount["value"]) == left else "PARTIALLY_REFUNDED"
            public = {key: value for key, value in refund.items() if key != "capture_id"}
            return 201, public if full else {"id": refund_id, "status": refund["status"], "links": refund["links"]}

        def _create_subscription(self, body: Any) -> tuple[int, dict[str, Any]]:
            body = body if isinstance(body, dict) else {}
            plan_id = body.get("plan_id")
            if not isinstance(plan_id, str) or not plan_id:
                return 400, _error("INVALID_REQUEST", "Request is not well-formed.", "MISSING_REQUIRED_PARAMETER",
                                   "plan_id")
            if plan_id not in fake.plans:
                return _unprocessable("INVALID_RESOURCE_ID", "Requested resource ID was not found.")
            subscription_id = f"I-{paypal_id(12)}"
            links = [{"href": f"{SANDBOX_WEB}/webapps/billing/subscriptions?ba_token=BA-{paypal_id()}",
                      "rel": "approve", "method": "GET"},
                     {"href": f"{fake.url}/v1/billing/subscriptions/{subscription_id}", "rel": "edit",
                      "method": "PATCH"},
                     {"href": f"{fake.url}/v1/billing/subscriptions/{subscription_id}", "rel": "self",
                      "method": "GET"}]
            subscription = {
                "id": subscription_id, "plan_id": plan_id, "custom_id": body.get("custom_id"),
                "status": "APPROVAL_PENDING", "status_update_time": now_text(), "create_time": now_text(),
                "quantity": "1", "plan_overridden": False, "links": links,
                "billing_info": {
                    "outstanding_balance": {"currency_code": fake.plans[plan_id]["currency_code"], "value": "0.00"},
                    "cycle_executions": [{"tenure_type": "REGULAR", "sequence": 1, "cycles_completed": 0,
                                          "cycles_remaining": 0, "current_pricing_scheme_version": 1,
                                          "total_cycles": 0}],
                    "failed_payments_count": 0,
                },
            }
            fake.subscriptions[subscription_id] = subscription
            return 201, {"id": subscription_id, "status": "APPROVAL_PENDING",
                         "status_update_time": subscription["status_update_time"], "links": links}

        def _subscription_action(self, subscription_id: str, action: str,
                                 body: Any) -> tuple[int, dict[str, Any] | None]:
            subscription = fake.subscriptions.get(subscription_id)
            if subscription is None:
                return _not_found(subscription_id)
            reason = body.get("reason") if isinstance(body, dict) else None
            if action in ("suspend", "cancel") and not (isinstance(reason, str) and reason):
                return 400, _error("INVALID_REQUEST", "Request is not well-formed.", "MISSING_REQUIRED_PARAMETER",
                                   "reason")
            allowed = {"suspend": ("ACTIVE",), "cancel": ("ACTIVE", "SUSPENDED"), "activate": ("SUSPENDED",)}
            if action not in allowed:
                return 404, _error("NOT_FOUND", "The requested resource was not found.")
            if subscription["status"] not in allowed[action]:
                return _unprocessable("SUBSCRIPTION_STATUS_INVALID",
                                      f"Invalid subscription status for {action} action; subscription status "
                                      f"should be {' or '.join(allowed[action])}.")
            subscription["status"] = {"suspend": "SUSPENDED", "cancel": "CANCELLED", "activate": "ACTIVE"}[action]
            subscription["status_update_time"] = now_text()
            if reason:
                subscription["status_change_note"] = reason
            return 204, None

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_PATCH(self) -> None:
            self._handle("PATCH")

    return Handler


@pytest.fixture
def fake_paypal(settings: Any) -> Iterator[FakePayPal]:
    """A running fake PayPal, with Ustad's PAYPAL_* settings pointing at it."""
    fake = FakePayPal()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.PAYPAL_CLIENT_ID, settings.PAYPAL_CLIENT_SECRET = CLIENT_ID, CLIENT_SECRET
    settings.PAYPAL_WEBHOOK_ID, settings.PAYPAL_API_BASE = WEBHOOK_ID, fake.url
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
