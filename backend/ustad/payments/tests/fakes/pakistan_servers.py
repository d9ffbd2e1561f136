"""Local JazzCash and Easypaisa servers that speak their merchant protocols, for tests.

JazzCash: the hosted merchant form (answers an HTML page), the payment inquiry and the wallet refund API, each
checking the request's pp_SecureHash and credentials and signing its answer the same way. `result_for` builds
the signed form JazzCash POSTs to pp_ReturnURL after the buyer pays.

Easypaisa: Easypay's Index.jsf (decrypts merchantHashedReq and compares it with the fields received),
Confirm.jsf (redirects to postBackURL with status and orderRefNumber) and the transaction inquiry API
(checks the Credentials header).

Both are written from the gateways' documents, not from Ustad's code, so a test that passes against them
means Ustad does what the gateway expects. Error codes other than success ("000", "0000") are only meant as
"not success". The `fake_jazzcash` / `fake_easypaisa` fixtures point Django's settings at a server and shorten
the HTTP timeout to one second; import them into a test module as
`from ustad.payments.tests.fakes.pakistan_servers import fake_jazzcash_fixture  # noqa: F401`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ustad.core.testing.servers import free_port
from ustad.payments.providers import pakistan

MERCHANT_FORM = "/CustomerPortal/transactionmanagement/merchantform/"
INQUIRY = "/ApplicationAPI/API/PaymentInquiry/Inquire"
WALLET_REFUND = "/ApplicationAPI/API/Purchase/domwalletrefundtransaction"
EASYPAY_INDEX = "/easypay/Index.jsf"
EASYPAY_CONFIRM = "/easypay/Confirm.jsf"
EASYPAY_INQUIRY = "/easypay-service/rest/v4/inquire-transaction"
FAKE_TIMEOUT = httpx.Timeout(1.0)


def jazzcash_hash(fields: Mapping[str, str], salt: str) -> str:
    """As JazzCash documents it: HMAC-SHA256(salt, salt & non-empty pp… values in field-name order), upper hex."""
    message = salt
    for name in sorted(fields):
        if name.lower().startswith("pp") and name != "pp_SecureHash" and fields[name] not in ("", None):
            message += "&" + str(fields[name])
    return hmac.new(salt.encode(), message.encode(), hashlib.sha256).hexdigest().upper()


def easypay_decrypt(value: str, hash_key: str) -> str:
    decryptor = Cipher(algorithms.AES(hash_key.encode()), modes.ECB()).decryptor()  # noqa: S305 (Easypay's scheme)
    padded = decryptor.update(base64.b64decode(value)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(padded) + unpadder.finalize()).decode()


def easypay_plain_request(fields: Mapping[str, str]) -> str:
    """What Easypay expects merchantHashedReq to hold: the fields it received, sorted, `key=value` joined by &."""
    return "&".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "merchantHashedReq" and fields[key])


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Mapping[str, Any]) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def _html(self, text: str) -> None:
        self._send(200, f"<!DOCTYPE html><html><body>{text}</body></html>".encode(), "text/html; charset=utf-8")


@contextmanager
def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --- JazzCash ---------------------------------------------------------------------------------------


@dataclass
class JazzCashTxn:
    txn_ref: str
    amount: int
    bill_reference: str = ""
    payment_code: str = "157"  # inquiry's pp_PaymentResponseCode: 121 paid, 124/157 pending, others failed
    rrn: str = ""
    refunded: int = 0


@dataclass
class FakeJazzCash:
    """What the server saw, and how it should behave next."""

    url: str = ""
    merchant_id: str = "MC48213"
    password: str = "2v8x0t4e1w"
    salt: str = "u9s2t0z3x1"
    mpin: str = "4321"
    checkouts: list[dict[str, str]] = field(default_factory=list)  # every merchant form posted, accepted or not
    inquiries: list[dict[str, str]] = field(default_factory=list)
    refunds: list[dict[str, str]] = field(default_factory=list)
    transactions: dict[str, JazzCashTxn] = field(default_factory=dict)
    fail_status: int | None = None  # answer the inquiry and refund APIs with this HTTP status
    delay: float = 0.0  # seconds before the APIs answer (above the fixture's 1 s timeout: a timeout)
    tamper_answers: bool = False  # change an API answer after signing it
    inquiry_amount: bool = True  # include pp_Amount in inquiry answers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def form_errors(self, form: Mapping[str, str]) -> list[str]:
        errors = []
        if form.get("pp_MerchantID") != self.merchant_id or form.get("pp_Password") != self.password:
            errors.append("Please provide valid value for pp_MerchantID / pp_Password")
        if not hmac.compare_digest(str(form.get("pp_SecureHash", "")).upper(), jazzcash_hash(form, self.salt)):
            errors.append("Please provide valid value for pp_SecureHash")
        return errors

    def set_status(self, txn_ref: str, payment_code: str, *, amount: int = 150000) -> JazzCashTxn:
        with self.lock:
            txn = self.transactions.setdefault(txn_ref, JazzCashTxn(txn_ref=txn_ref, amount=amount))
            txn.payment_code = payment_code
            return txn

    def result_for(self, txn_ref: str, code: str = "000", *, message: str = "", amount: int | None = None,
                   **extra: str) -> dict[str, str]:
        """The signed form JazzCash POSTs to pp_ReturnURL for a checkout it received (and what its inquiry
        will say from then on). `amount` overrides the amount reported; `extra` adds or replaces fields
        before signing."""
        form = next(form for form in reversed(self.checkouts) if form.get("pp_TxnRefNo") == txn_ref)
        txn = self.transactions[txn_ref]
        txn.rrn = txn.rrn or f"2612{len(self.transactions):08d}"
        txn.payment_code = {"000": "121"}.get(code, code)
        fields = {
            "pp_Version": form["pp_Version"], "pp_TxnType": "MWALLET", "pp_Language": form["pp_Language"],
            "pp_MerchantID": self.merchant_id, "pp_SubMerchantID": "", "pp_BankID": "", "pp_ProductID": "",
            "pp_TxnRefNo": txn_ref, "pp_Amount": str(txn.amount if amount is None else amount),
            "pp_TxnCurrency": "PKR", "pp_TxnDateTime": form["pp_TxnDateTime"],
            "pp_BillReference": form["pp_BillReference"], "pp_ResponseCode": code,
            "pp_ResponseMessage": message or ("Thank you for Using JazzCash, your transaction was successful."
                                              if code == "000" else "Transaction was not successful."),
            "pp_RetreivalReferenceNo": txn.rrn if code == "000" else "", "pp_AuthCode": "",
            "pp_SettlementExpiry": "", "ppmpf_1": "", "ppmpf_2": "", "ppmpf_3": "", "ppmpf_4": "", "ppmpf_5": "",
            **extra,
        }
        fields["pp_SecureHash"] = jazzcash_hash(fields, self.salt)
        return fields

    def signed(self, answer: dict[str, str]) -> dict[str, str]:
        answer["pp_SecureHash"] = jazzcash_hash(answer, self.salt)
        if self.tamper_answers:
            answer["pp_ResponseMessage"] = answer.get("pp_ResponseMessage", "") + "!"
        return answer


def _jazzcash_handler(state: FakeJazzCash) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            raw = self._body()
            if path == MERCHANT_FORM:
                self._merchant_form(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
                return
            if path not in (INQUIRY, WALLET_REFUND):
                self._json(404, {"message": "Not found."})
                return
            time.sleep(state.delay)
            if state.fail_status is not None:
                self._send(state.fail_status, b"<html>Service Unavailable</html>", "text/html")
                return
            try:
                request = {str(key): str(value) for key, value in json.loads(raw).items()}
            except (ValueError, AttributeError):
                self._json(400, {"pp_ResponseCode": "110", "pp_ResponseMessage": "Invalid request."})
                return
            if path == INQUIRY:
                self._inquiry(request)
            else:
                self._refund(request)

        def _merchant_form(self, form: dict[str, str]) -> None:
            errors = state.form_errors(form)
            with state.lock:
                state.checkouts.append(form)
                if not errors:
                    state.transactions[form["pp_TxnRefNo"]] = JazzCashTxn(
                        txn_ref=form["pp_TxnRefNo"], amount=int(form["pp_Amount"]),
                        bill_reference=form.get("pp_BillReference", ""))
            if errors:
                self._html(f"<h1>Sorry! Your transaction was not successful.</h1><p>{'; '.join(errors)}</p>")
            else:
                self._html(f"<h1>JazzCash</h1><p>Pay Rs. {int(form['pp_Amount']) / 100:.2f}</p>"
                           f"<form method='post'><button>Pay now</button></form>")

        def _refused(self, request: Mapping[str, str]) -> str:
            if request.get("pp_MerchantID") != state.merchant_id or request.get("pp_Password") != state.password:
                return "Please provide valid value for pp_MerchantID / pp_Password"
            if not hmac.compare_digest(request.get("pp_SecureHash", "").upper(), jazzcash_hash(request, state.salt)):
                return "Please provide valid value for pp_SecureHash"
            return ""

        def _inquiry(self, request: dict[str, str]) -> None:
            with state.lock:
                state.inquiries.append(request)
                txn = state.transactions.get(request.get("pp_TxnRefNo", ""))
            refusal = self._refused(request)
            if refusal or txn is None:
                code = "115" if refusal else "110"
                self._json(200, state.signed({"pp_ResponseCode": code,
                                              "pp_ResponseMessage": refusal or "Transaction not found."}))
                return
            status = {"121": "Completed", "124": "Pending", "157": "Pending"}.get(txn.payment_code, "Failed")
            answer = {"pp_ResponseCode": "000", "pp_ResponseMessage": "Successful",
                      "pp_PaymentResponseCode": txn.payment_code,
                      "pp_PaymentResponseMessage": f"Transaction is {status.lower()}.", "pp_Status": status,
                      "pp_TxnRefNo": txn.txn_ref, "pp_BillReference": txn.bill_reference,
                      "pp_RetreivalReferenceNo": txn.rrn, "pp_AuthCode": "", "pp_SettlementExpiry": ""}
            if state.inquiry_amount:
                answer |= {"pp_Amount": str(txn.amount), "pp_TxnCurrency": "PKR"}
            self._json(200, state.signed(answer))

        def _refund(self, request: dict[str, str]) -> None:
            with state.lock:
                state.refunds.append(request)
                txn = state.transactions.get(request.get("pp_TxnRefNo", ""))
                refusal = self._refused(request)
                if not refusal and state.mpin and request.get("pp_MerchantMPIN") != state.mpin:
                    refusal = "Please provide valid value for pp_MerchantMPIN"
                amount = int(request["pp_Amount"]) if request.get("pp_Amount", "").isdigit() else 0
                if not refusal and (txn is None or txn.payment_code != "121"):
                    refusal = "Transaction not found or not completed."
                elif not refusal and txn is not None and not 0 < amount <= txn.amount - txn.refunded:
                    refusal = "Refund amount exceeds the transaction amount."
                if not refusal and txn is not None:
                    txn.refunded += amount
            answer = {"pp_ResponseCode": "199" if refusal else "000",
                      "pp_ResponseMessage": refusal or "Thank you for Using JazzCash, your refund was successful.",
                      "pp_TxnRefNo": request.get("pp_TxnRefNo", "")}
            self._json(200, state.signed(answer))

    return Handler


# --- Easypaisa --------------------------------------------------------------------------------------


@dataclass
class EasypayTxn:
    order_ref: str
    amount: str  # rupees, as the checkout sent it
    status: str = "PENDING"  # PAID, FAILED, EXPIRED, ...
    transaction_id: str = ""


@dataclass
class FakeEasypaisa:
    """What the server saw, and how it should behave next."""

    url: str = ""
    store_id: str = "43517"
    hash_key: str = "Q7xW2pL9mN4vB8kT"  # 16 characters: AES-128
    username: str = "ustad-store"
    password: str = "s3cr3t-store-pass"
    account_num: str = "654321"
    checkouts: list[dict[str, Any]] = field(default_factory=list)  # {"form", "decrypted", "errors"}
    confirms: list[dict[str, str]] = field(default_factory=list)
    inquiries: list[dict[str, Any]] = field(default_factory=list)  # {"body", "credentials"}
    transactions: dict[str, EasypayTxn] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # auth_token -> orderRefNum
    outcome: str = "PAID"  # what the buyer's payment comes to when Confirm.jsf is posted
    fail_status: int | None = None  # answer the inquiry API with this HTTP status
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def credentials(self) -> str:
        return base64.b64encode(f"{self.username}:{self.password}".encode()).decode()

    def token_for(self, order_ref: str) -> str:
        return next(token for token, ref in self.tokens.items() if ref == order_ref)

    def set_status(self, order_ref: str, status: str, *, amount: str = "1500.0") -> EasypayTxn:
        with self.lock:
            txn = self.transactions.setdefault(order_ref, EasypayTxn(order_ref=order_ref, amount=amount))
            txn.status = status
            txn.transaction_id = txn.transaction_id or f"{21000000 + len(self.transactions)}"
            return txn


def _with_query(url: str, params: Mapping[str, str]) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"


def _easypaisa_handler(state: FakeEasypaisa) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            raw = self._body()
            if path == EASYPAY_INDEX:
                self._index(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
            elif path == EASYPAY_CONFIRM:
                self._confirm(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
            elif path == EASYPAY_INQUIRY:
                self._inquiry(raw)
            else:
                self._json(404, {"message": "Not found."})

        def _index(self, form: dict[str, str]) -> None:
            errors, decrypted, token = [], "", ""
            if form.get("storeId") != state.store_id:
                errors.append("Invalid store.")
            try:
                decrypted = easypay_decrypt(form.get("merchantHashedReq", ""), state.hash_key)
            except (ValueError, UnicodeDecodeError):
                errors.append("merchantHashedReq cannot be decrypted.")
            if decrypted and decrypted != easypay_plain_request(form):
                errors.append("merchantHashedReq does not match the request.")
            for name in ("amount", "orderRefNum", "postBackURL"):
                if not form.get(name):
                    errors.append(f"{name} is required.")
            with state.lock:
                state.checkouts.append({"form": form, "decrypted": decrypted, "errors": errors})
                if not errors:
                    state.transactions[form["orderRefNum"]] = EasypayTxn(order_ref=form["orderRefNum"],
                                                                         amount=form["amount"])
                    token = f"tok{len(state.tokens) + 1:06d}"
                    state.tokens[token] = form["orderRefNum"]
            if errors:
                self._html(f"<h1>Easypay</h1><p>{' '.join(errors)}</p>")
                return
            back = _with_query(form["postBackURL"], {"auth_token": token, "postBackURL": form["postBackURL"]})
            self._html(f"<h1>Easypay</h1><p>Rs. {form['amount']}</p><a href='{back}'>Proceed</a>")

        def _confirm(self, form: dict[str, str]) -> None:
            with state.lock:
                state.confirms.append(form)
                order_ref = state.tokens.pop(form.get("auth_token", ""), None)
                txn = state.transactions.get(order_ref or "")
                if txn is not None:
                    txn.status = state.outcome
                    txn.transaction_id = f"{21000000 + len(state.confirms)}"
            if txn is None or not form.get("postBackURL"):
                self._html("<h1>Easypay</h1><p>Your session has expired.</p>")
                return
            paid = txn.status == "PAID"
            query = {"status": "0000" if paid else "0001", "desc": "Success" if paid else "Failed",
                     "orderRefNumber": txn.order_ref}
            self._send(302, b"", "text/html", {"Location": _with_query(form["postBackURL"], query)})

        def _inquiry(self, raw: bytes) -> None:
            credentials = self.headers.get("Credentials", "")
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            with state.lock:
                state.inquiries.append({"body": body, "credentials": credentials})
            time.sleep(state.delay)
            if state.fail_status is not None:
                self._send(state.fail_status, b"<html>Service Unavailable</html>", "text/html")
                return
            if not hmac.compare_digest(credentials, state.credentials()):
                self._json(401, {"responseCode": "0002", "responseDesc": "Invalid credentials"})
                return
            if not isinstance(body, dict):
                self._json(400, {"responseCode": "0001", "responseDesc": "Invalid request"})
                return
            if body.get("storeId") != state.store_id or body.get("accountNum") != state.account_num:
                self._json(200, {"responseCode": "0001", "responseDesc": "Invalid store or account"})
                return
            with state.lock:
                txn = state.transactions.get(str(body.get("orderId")))
            if txn is None:
                self._json(200, {"responseCode": "0003", "responseDesc": "Record not found"})
                return
            self._json(200, {
                "responseCode": "0000", "responseDesc": "SUCCESS", "orderId": txn.order_ref,
                "storeId": state.store_id, "storeName": "Ustad", "accountNum": state.account_num,
                "transactionStatus": txn.status, "transactionAmount": float(txn.amount),
                "transactionId": txn.transaction_id, "paymentMode": "MA", "msisdn": "03001234567",
                "transactionDateTime": "07/12/2026 09:15 AM",
            })

    return Handler


# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(name="fake_jazzcash")
def fake_jazzcash_fixture(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeJazzCash]:
    state = FakeJazzCash()
    with _serve(_jazzcash_handler(state)) as url:
        state.url = url
        settings.JAZZCASH_MERCHANT_ID = state.merchant_id
        settings.JAZZCASH_PASSWORD = state.password
        settings.JAZZCASH_INTEGRITY_SALT = state.salt
        settings.JAZZCASH_MERCHANT_MPIN = state.mpin
        settings.JAZZCASH_API_BASE = url
        monkeypatch.setattr(pakistan, "TIMEOUT", FAKE_TIMEOUT)
        yield state


@pytest.fixture(name="fake_easypaisa")
def fake_easypaisa_fixture(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEasypaisa]:
    state = FakeEasypaisa()
    with _serve(_easypaisa_handler(state)) as url:
        state.url = url
        settings.EASYPAISA_STORE_ID = state.store_id
        settings.EASYPAISA_HASH_KEY = state.hash_key
        settings.EASYPAISA_USERNAME = state.username
        settings.EASYPAISA_PASSWORD = state.password
        settings.EASYPAISA_ACCOUNT_NUM = state.account_num
        settings.EASYPAISA_API_BASE = url
        monkeypatch.setattr(pakistan, "TIMEOUT", FAKE_TIMEOUT)
        yield state
