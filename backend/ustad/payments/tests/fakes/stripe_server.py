"""A local Stripe for tests: the parts of Stripe's API that Ustad calls, and signed webhook deliveries.

It speaks Stripe's wire protocol as the `stripe` library uses it: form-encoded bodies with bracketed keys
(`line_items[0][price_data][currency]=usd`), `Authorization: Bearer <secret key>`, `Idempotency-Key` replays
(same key and body: the first answer again; same key, other body: 400 `idempotency_error`), and JSON objects
and error envelopes shaped like Stripe's.

Use the `fake_stripe` fixture (it points `settings` at the server):

    def test_paid(fake_stripe):
        start = StripeProvider().start_checkout(request)
        session = fake_stripe.pay_session(start.provider_ref)            # the buyer pays on Stripe's page
        body, headers = fake_stripe.delivery(event("checkout.session.completed", session))
        StripeProvider().parse_webhook(headers=headers, body=body)

Switches: `fail(500)` answers every API request with that status (`times=` for only the next few), `hang()`
holds answers past the client's timeout, `recover()` ends both. `requests` records every API request.

For a browser journey, a session's `url` is a page on this server with a Pay button; set `webhook_url` (the
live server's `/api/v1/webhooks/stripe`) and paying there delivers the signed webhooks Stripe would send.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from ustad.core.testing.servers import free_port

SECRET_KEY = "sk_test_ustad_fake_4eC39HqLyjWDarjtT1zdp7dc"
WEBHOOK_SECRET = "whsec_ustad_fake_3b0c5f3e9d8a4c21"
API_VERSION = "2026-10-28.endive"
PERIOD_SECONDS = 30 * 24 * 3600
MINIMUM_AMOUNT = {"usd": 50, "pkr": 10000}  # Stripe's minimum charge per currency, in minor units


def new_id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


# --- Webhooks -------------------------------------------------------------------------------------------
def event(type: str, obj: dict[str, Any], *, previous_attributes: dict[str, Any] | None = None,
          event_id: str | None = None) -> dict[str, Any]:
    """A Stripe event envelope around an object, as a webhook endpoint receives it."""
    data: dict[str, Any] = {"object": obj}
    if previous_attributes is not None:
        data["previous_attributes"] = previous_attributes
    return {"id": event_id or new_id("evt"), "object": "event", "api_version": API_VERSION,
            "created": int(time.time()), "data": data, "livemode": False, "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None}, "type": type}


def signed_delivery(evt: dict[str, Any], *, secret: str = WEBHOOK_SECRET,
                    timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
    """The body and headers Stripe would POST: `Stripe-Signature: t=<unix time>,v1=<HMAC-SHA256 hex of
    "<t>.<body>" keyed with the endpoint's signing secret>`."""
    body = json.dumps(evt, indent=2)
    stamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{stamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return body.encode(), {"Content-Type": "application/json; charset=utf-8",
                           "Stripe-Signature": f"t={stamp},v1={signature}"}


# --- Requests -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StripeRequest:
    method: str
    path: str
    params: dict[str, Any]  # the form body (or query) decoded into nested dicts and lists
    headers: dict[str, str]  # lower-case names

    @property
    def idempotency_key(self) -> str:
        return self.headers.get("idempotency-key", "")


def decode_form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """`a[b][0][c]=x` pairs into {"a": {"b": [{"c": "x"}]}}, the way Stripe reads the library's encoding."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        head, _, rest = key.partition("[")
        path = [head, *re.findall(r"([^\[\]]*)\]", "[" + rest)] if rest else [head]
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    converted = {key: _lists(value) for key, value in node.items()}
    if converted and all(key.isdigit() for key in converted):
        return [converted[key] for key in sorted(converted, key=int)]
    return converted


class StripeAnswerError(Exception):
    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", code: str = "",
                 param: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"type": type, "message": message,
                               **({"code": code} if code else {}), **({"param": param} if param else {})}}


def _required(params: dict[str, Any], name: str) -> Any:
    if params.get(name) in (None, ""):
        raise StripeAnswerError(400, f"Missing required param: {name}.", code="parameter_missing", param=name)
    return params[name]


def _amount(value: Any, param: str) -> int:
    if not str(value).isdigit():
        raise StripeAnswerError(400, f"Invalid integer: {value}", code="parameter_invalid_integer", param=param)
    return int(value)


# --- The server's state ---------------------------------------------------------------------------------
@dataclass
class FakeStripe:
    """What the server holds and saw, and how it should behave next."""

    url: str = ""
    secret_key: str = SECRET_KEY
    webhook_secret: str = WEBHOOK_SECRET
    requests: list[StripeRequest] = field(default_factory=list)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    payment_intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    prices: dict[str, dict[str, Any]] = field(default_factory=dict)
    refund_status: str = "succeeded"  # what a new refund reports ("pending": the result comes by webhook)
    webhook_url: str = ""  # set it and paying on the hosted page delivers the webhooks there
    sent: list[tuple[str, int]] = field(default_factory=list)  # (event type, the endpoint's status)
    fail_status: int | None = None
    fail_times: int | None = None  # None: every request while fail_status is set
    hang_seconds: float = 0.0
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.RLock = field(default_factory=threading.RLock)
    _replays: dict[str, tuple[str, int, dict[str, Any]]] = field(default_factory=dict)

    # Switches
    def fail(self, status: int = 500, *, times: int | None = None) -> None:
        self.fail_status, self.fail_times = status, times

    def hang(self, seconds: float = 5.0) -> None:
        """Answer only after `seconds`: longer than the client's timeout in the fixture's settings."""
        self.hang_seconds = seconds

    def recover(self) -> None:
        self.fail_status, self.fail_times, self.hang_seconds = None, None, 0.0

    def requests_to(self, method: str, path: str) -> list[StripeRequest]:
        return [request for request in self.requests if (request.method, request.path) == (method, path)]

    # What happens on Stripe's side
    def add_price(self, *, amount: int, currency: str, interval: str = "month", name: str = "Plan") -> str:
        price_id = new_id("price")
        self.prices[price_id] = {"id": price_id, "object": "price", "active": True, "currency": currency.lower(),
                                 "unit_amount": amount, "type": "recurring", "product": new_id("prod"),
                                 "recurring": {"interval": interval, "interval_count": 1}, "nickname": name}
        return price_id

    def pay_session(self, session_id: str) -> dict[str, Any]:
        """The buyer paid on the Checkout page: the session is complete and paid; a payment makes a
        succeeded PaymentIntent, a subscription an active Subscription. Returns the session."""
        with self.lock:
            session = self.sessions[session_id]
            session.update(status="complete", payment_status="paid", customer=new_id("cus"))
            if session["mode"] == "payment":
                intent_id = new_id("pi")
                self.payment_intents[intent_id] = {
                    "id": intent_id, "object": "payment_intent", "amount": session["amount_total"],
                    "amount_received": session["amount_total"], "currency": session["currency"],
                    "status": "succeeded", "latest_charge": new_id("ch"),
                    "metadata": dict(session["_payment_intent_metadata"])}
                session["payment_intent"] = intent_id
            else:
                session["subscription"] = self._subscription_for(session)["id"]
            return self.public(session)

    def expire_session(self, session_id: str) -> dict[str, Any]:
        with self.lock:
            session = self.sessions[session_id]
            session.update(status="expired", url=None)
            return self.public(session)

    def invoice(self, subscription_id: str, *, billing_reason: str = "subscription_create",
                paid: bool = True) -> dict[str, Any]:
        """An invoice for the subscription's current period, shaped as API versions from 2025-03-31 send it
        (the subscription under `parent.subscription_details`, the period on the lines)."""
        with self.lock:
            subscription = self.subscriptions[subscription_id]
            item = subscription["items"]["data"][0]
            price = item["price"]
            amount = price["unit_amount"]
            return {
                "id": new_id("in"), "object": "invoice", "billing_reason": billing_reason,
                "status": "paid" if paid else "open", "currency": price["currency"], "amount_due": amount,
                "amount_paid": amount if paid else 0, "amount_remaining": 0 if paid else amount,
                "attempt_count": 1, "customer": subscription["customer"],
                "period_start": item["current_period_start"], "period_end": item["current_period_start"],
                "parent": {"type": "subscription_details", "quote_details": None,
                           "subscription_details": {"subscription": subscription_id,
                                                    "metadata": dict(subscription["metadata"])}},
                "lines": {"object": "list", "has_more": False, "data": [{
                    "id": new_id("il"), "object": "line_item", "amount": amount, "currency": price["currency"],
                    "metadata": dict(subscription["metadata"]),
                    "period": {"start": item["current_period_start"], "end": item["current_period_end"]},
                    "parent": {"type": "subscription_item_details", "subscription_item_details": {
                        "subscription": subscription_id, "subscription_item": item["id"], "proration": False}},
                }]},
            }

    def renew(self, subscription_id: str) -> dict[str, Any]:
        """The next period starts and is paid: returns its `subscription_cycle` invoice."""
        with self.lock:
            item = self.subscriptions[subscription_id]["items"]["data"][0]
            item["current_period_start"] = item["current_period_end"]
            item["current_period_end"] += PERIOD_SECONDS
            return self.invoice(subscription_id, billing_reason="subscription_cycle")

    def delivery(self, evt: dict[str, Any], *, timestamp: int | None = None) -> tuple[bytes, dict[str, str]]:
        return signed_delivery(evt, secret=self.webhook_secret, timestamp=timestamp)

    def events_after_payment(self, session: dict[str, Any]) -> list[dict[str, Any]]:
        """What Stripe sends once a session is paid: the completed session, and for a subscription its first
        paid invoice."""
        events = [event("checkout.session.completed", session)]
        if session["mode"] == "subscription":
            events.append(event("invoice.paid", self.invoice(session["subscription"])))
        return events

    def send(self, evt: dict[str, Any]) -> int:
        """Deliver a signed event to `webhook_url` as Stripe does; the endpoint's status."""
        body, headers = self.delivery(evt)
        status = httpx.post(self.webhook_url, content=body, headers=headers, timeout=30).status_code
        with self.lock:
            self.sent.append((evt["type"], status))
        return status

    @staticmethod
    def public(obj: dict[str, Any]) -> dict[str, Any]:
        """A copy without the server's own bookkeeping (keys starting with "_")."""
        return json.loads(json.dumps({key: value for key, value in obj.items() if not key.startswith("_")}))

    # API
    def handle(self, method: str, path: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        routes: list[tuple[str, str, Any]] = [
            ("POST", r"/v1/checkout/sessions", self._create_session),
            ("GET", r"/v1/checkout/sessions/([\w]+)", self._get_session),
            ("POST", r"/v1/refunds", self._create_refund),
            ("GET", r"/v1/refunds", self._list_refunds),
            ("GET", r"/v1/subscriptions/([\w]+)", self._get_subscription),
            ("POST", r"/v1/subscriptions/([\w]+)", self._update_subscription),
            ("DELETE", r"/v1/subscriptions/([\w]+)", self._cancel_subscription),
        ]
        for route_method, pattern, action in routes:
            match = re.fullmatch(pattern, path)
            if match and route_method == method:
                with self.lock:
                    return 200, action(params, *match.groups())
        raise StripeAnswerError(404, f"Unrecognized request URL ({method}: {path}).")

    def _create_session(self, params: dict[str, Any]) -> dict[str, Any]:
        mode = _required(params, "mode")
        if mode not in ("payment", "subscription"):
            raise StripeAnswerError(400, f"Invalid mode: {mode}", param="mode")
        _required(params, "success_url")
        items = _required(params, "line_items")
        if not isinstance(items, list) or len(items) != 1:
            raise StripeAnswerError(400, "This fake takes exactly one line item.", param="line_items")
        currency, amount = self._line_price(items[0], mode)
        if mode == "payment" and amount < MINIMUM_AMOUNT.get(currency, 1):
            raise StripeAnswerError(400, "The Checkout Session's total amount due must add up to at least "
                                f"{MINIMUM_AMOUNT[currency]} {currency}", code="amount_too_small")
        session_id = new_id("cs")
        session = {
            "id": session_id, "object": "checkout.session", "mode": mode, "status": "open",
            "payment_status": "unpaid", "amount_subtotal": amount, "amount_total": amount, "currency": currency,
            "client_reference_id": params.get("client_reference_id"), "customer": None,
            "customer_email": params.get("customer_email"), "metadata": params.get("metadata") or {},
            "payment_intent": None, "subscription": None, "success_url": params["success_url"],
            "cancel_url": params.get("cancel_url"), "url": f"{self.url}/c/pay/{session_id}",
            "created": int(time.time()), "expires_at": int(time.time()) + 24 * 3600, "livemode": False,
            "_payment_intent_metadata": as_dict(params.get("payment_intent_data")).get("metadata") or {},
            "_subscription_metadata": as_dict(params.get("subscription_data")).get("metadata") or {},
            "_line_item": items[0],
        }
        self.sessions[session_id] = session
        return self.public(session)

    def _line_price(self, item: dict[str, Any], mode: str) -> tuple[str, int]:
        if item.get("price"):
            price = self.prices.get(item["price"])
            if price is None:
                raise StripeAnswerError(400, f"No such price: '{item['price']}'", code="resource_missing",
                                    param="line_items[0][price]")
            return price["currency"], price["unit_amount"]
        data = as_dict(item.get("price_data"))
        currency = str(_required(data, "currency"))
        if currency != currency.lower() or len(currency) != 3:
            raise StripeAnswerError(400, f"Invalid currency: {currency}.", param="line_items[0][price_data][currency]")
        if not as_dict(data.get("product_data")).get("name") and not data.get("product"):
            raise StripeAnswerError(400, "Missing required param: line_items[0][price_data][product_data][name].",
                                code="parameter_missing")
        if mode == "subscription" and not as_dict(data.get("recurring")).get("interval"):
            raise StripeAnswerError(400, "You must specify `recurring` in `price_data` when in `subscription` mode.")
        return currency, _amount(_required(data, "unit_amount"), "line_items[0][price_data][unit_amount]")

    def _subscription_for(self, session: dict[str, Any]) -> dict[str, Any]:
        item = session["_line_item"]
        price = self.prices.get(item.get("price") or "") or {
            "id": new_id("price"), "object": "price", "currency": session["currency"],
            "unit_amount": session["amount_total"], "recurring": {"interval": "month", "interval_count": 1}}
        now = int(time.time())
        subscription_id = new_id("sub")
        self.subscriptions[subscription_id] = {
            "id": subscription_id, "object": "subscription", "status": "active", "customer": session["customer"],
            "metadata": dict(session["_subscription_metadata"]), "cancel_at_period_end": False, "cancel_at": None,
            "canceled_at": None, "ended_at": None, "currency": session["currency"],
            "items": {"object": "list", "data": [{"id": new_id("si"), "object": "subscription_item", "price": price,
                                                  "quantity": 1, "current_period_start": now,
                                                  "current_period_end": now + PERIOD_SECONDS}]}}
        return self.subscriptions[subscription_id]

    def _get_session(self, params: dict[str, Any], session_id: str) -> dict[str, Any]:
        if session_id not in self.sessions:
            raise StripeAnswerError(404, f"No such checkout.session: '{session_id}'", code="resource_missing",
                                    param="id")
        return self.public(self.sessions[session_id])

    def _create_refund(self, params: dict[str, Any]) -> dict[str, Any]:
        intent_id = str(_required(params, "payment_intent"))
        intent = self.payment_intents.get(intent_id)
        if intent is None:
            raise StripeAnswerError(400, f"No such payment_intent: '{intent_id}'", code="resource_missing",
                                param="payment_intent")
        refunded = sum(refund["amount"] for refund in self.refunds.values()
                       if refund["payment_intent"] == intent_id and refund["status"] in ("succeeded", "pending"))
        left = intent["amount_received"] - refunded
        if left <= 0:
            raise StripeAnswerError(400, f"Charge {intent['latest_charge']} has already been refunded.",
                                code="charge_already_refunded")
        amount = _amount(params.get("amount", left), "amount")
        if amount > left:
            raise StripeAnswerError(400, f"Refund amount ({amount}) is greater than unrefunded amount on charge "
                                f"({left})", code="amount_too_large", param="amount")
        refund_id = new_id("re")
        self.refunds[refund_id] = {
            "id": refund_id, "object": "refund", "amount": amount, "currency": intent["currency"],
            "payment_intent": intent_id, "charge": intent["latest_charge"], "status": self.refund_status,
            "reason": params.get("reason"), "metadata": params.get("metadata") or {}, "created": int(time.time()),
            "failure_reason": "lost_or_stolen_card" if self.refund_status == "failed" else None}
        return dict(self.refunds[refund_id])

    def _list_refunds(self, params: dict[str, Any]) -> dict[str, Any]:
        found = [dict(refund) for refund in reversed(self.refunds.values())
                 if not params.get("payment_intent") or refund["payment_intent"] == params["payment_intent"]]
        limit = _amount(params.get("limit", 10), "limit")
        return {"object": "list", "url": "/v1/refunds", "has_more": len(found) > limit, "data": found[:limit]}

    def _subscription(self, subscription_id: str) -> dict[str, Any]:
        if subscription_id not in self.subscriptions:
            raise StripeAnswerError(404, f"No such subscription: '{subscription_id}'", code="resource_missing",
                                param="id")
        return self.subscriptions[subscription_id]

    def _get_subscription(self, params: dict[str, Any], subscription_id: str) -> dict[str, Any]:
        return self.public(self._subscription(subscription_id))

    def _update_subscription(self, params: dict[str, Any], subscription_id: str) -> dict[str, Any]:
        subscription = self._subscription(subscription_id)
        if subscription["status"] == "canceled":
            raise StripeAnswerError(400, "A canceled subscription can only update its cancellation_details and "
                                "metadata.")
        if "cancel_at_period_end" in params:
            if params["cancel_at_period_end"] not in ("true", "false"):
                raise StripeAnswerError(400, "Invalid boolean: " + params["cancel_at_period_end"])
            cancel = params["cancel_at_period_end"] == "true"
            subscription["cancel_at_period_end"] = cancel
            subscription["cancel_at"] = subscription["items"]["data"][0]["current_period_end"] if cancel else None
            subscription["canceled_at"] = int(time.time()) if cancel else None
        subscription["metadata"].update(params.get("metadata") or {})
        return self.public(subscription)

    def _cancel_subscription(self, params: dict[str, Any], subscription_id: str) -> dict[str, Any]:
        subscription = self._subscription(subscription_id)
        if subscription["status"] == "canceled":
            raise StripeAnswerError(400, f"No such subscription: '{subscription_id}'", code="resource_missing")
        now = int(time.time())
        subscription.update(status="canceled", ended_at=now, canceled_at=now)
        return self.public(subscription)

    # Idempotency: POSTs with a key are answered once and replayed after
    def replay(self, key: str, fingerprint: str) -> tuple[int, dict[str, Any]] | None:
        with self.lock:
            saved = self._replays.get(key)
        if saved is None:
            return None
        if saved[0] != fingerprint:
            raise StripeAnswerError(400, "Keys for idempotent requests can only be used with the same parameters they "
                                f"were first used with. Try using a key other than '{key}' if you meant to execute "
                                "a different request.", type="idempotency_error")
        return saved[1], saved[2]

    def remember(self, key: str, fingerprint: str, status: int, body: dict[str, Any]) -> None:
        if status < 500:  # Stripe does not keep server errors: the same key may be tried again
            with self.lock:
                self._replays[key] = (fingerprint, status, body)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _handler(state: FakeStripe) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: dict[str, Any], extra: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", f"req_{secrets.token_hex(7)}")
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(303)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _checkout_page(self, method: str, path: str) -> None:
            """Stripe's hosted page, reduced to two buttons: pay (then the webhooks, when `webhook_url` is set)
            or go back."""
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            match = re.fullmatch(r"/c/pay/(\w+)(?:/(pay|cancel))?", path)
            session = state.sessions.get(match.group(1)) if match else None
            if match is None or session is None or session["status"] != "open":
                self.send_error(404, "This checkout is no longer available.")
                return
            if method == "POST" and match.group(2) == "pay":
                paid = state.pay_session(session["id"])
                if state.webhook_url:
                    for evt in state.events_after_payment(paid):
                        state.send(evt)
                self._redirect(paid["success_url"])
                return
            if method == "POST" and match.group(2) == "cancel":
                self._redirect(session["cancel_url"] or session["success_url"])
                return
            amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
            page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pay {amount}</title></head>'
                    f'<body><h1>Pay {amount}</h1><form method="post" action="{path}/pay"><button>Pay</button></form>'
                    f'<form method="post" action="{path}/cancel"><button>Back</button></form></body></html>').encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def _serve(self, method: str) -> None:
            url = urlsplit(self.path)
            if url.path.startswith("/c/pay/"):
                self._checkout_page(method, url.path)
                return
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            params = decode_form(parse_qsl(raw if method == "POST" else url.query, keep_blank_values=True))
            request = StripeRequest(method, url.path, params, {k.lower(): v for k, v in self.headers.items()})
            with state.lock:
                state.requests.append(request)
                failing = state.fail_status is not None and (state.fail_times is None or state.fail_times > 0)
                if failing and state.fail_times is not None:
                    state.fail_times -= 1
            if state.hang_seconds:
                state.released.wait(state.hang_seconds)
            if failing:
                self._send(int(state.fail_status or 500), {"error": {
                    "type": "api_error", "message": "An unknown error occurred."}})
                return
            if self.headers.get("Authorization") != f"Bearer {state.secret_key}":
                self._send(401, {"error": {"type": "invalid_request_error",
                                           "message": "Invalid API Key provided: sk_test_****"}})
                return
            key = request.idempotency_key if method == "POST" else ""
            fingerprint = f"{method} {url.path} {raw}"
            try:
                replayed = state.replay(key, fingerprint) if key else None
                if replayed is not None:
                    self._send(*replayed, {"Idempotent-Replayed": "true", "Idempotency-Key": key})
                    return
                status, body = state.handle(method, url.path, params)
            except StripeAnswerError as refusal:
                status, body = refusal.status, refusal.body
            if key:
                state.remember(key, fingerprint, status, body)
            self._send(status, body, {"Idempotency-Key": key} if key else None)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_DELETE(self) -> None:
            self._serve("DELETE")

    return Handler


@pytest.fixture
def fake_stripe(settings: Any) -> Iterator[FakeStripe]:
    """A running fake Stripe, with Ustad's Stripe settings pointing at it (a 1-second client timeout)."""
    state = FakeStripe()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = state.secret_key, state.webhook_secret
    settings.STRIPE_API_BASE, settings.STRIPE_TIMEOUT_SECONDS = state.url, 1.0
    try:
        yield state
    finally:
        state.released.set()
        server.shutdown()
        server.server_close()
