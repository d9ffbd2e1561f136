"""JazzCash hosted checkout ("Page Redirection", API version 1.1), status inquiry and wallet refunds.

The buyer's browser POSTs a signed form to JazzCash's merchant form and comes back by POSTing the signed result
to `pp_ReturnURL` (our return URL, read by `handle_return`); JazzCash's IPN, when the merchant portal switches it
on, POSTs the same fields to our webhook URL (`parse_webhook`). Every message both ways
carries `pp_SecureHash`: HMAC-SHA256, keyed with the integrity salt, over the salt and the values of all
`pp…` fields (sorted by name, empty ones left out) joined with "&", in upper-case hex (docs/payments-pakistan.md).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta

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

SUCCESS = "000"
PENDING_CODES = frozenset({"124", "157"})  # a voucher waiting to be paid at a shop; a wallet awaiting approval
INQUIRY_COMPLETED = "121"
EXPIRY = timedelta(days=1)  # time the buyer has to pay, vouchers included
TIMESTAMP = "%Y%m%d%H%M%S"
# JazzCash rejects a description holding any of these; it shows the description on its page.
DESCRIPTION_FORBIDDEN = re.compile(r"""[<>\\*=%/:'|"{}\r\n\t]+""")
DESCRIPTION_MAX = 200


def secure_hash(fields: Mapping[str, str], salt: str) -> str:
    """JazzCash's pp_SecureHash of a request or response (see the module docstring)."""
    values = [str(fields[name]) for name in sorted(fields)
              if name.startswith("pp") and name != "pp_SecureHash" and str(fields[name]) != ""]
    message = "&".join([salt, *values])
    return hmac.new(salt.encode(), message.encode(), hashlib.sha256).hexdigest().upper()


def hash_matches(fields: Mapping[str, str], salt: str) -> bool:
    given = str(fields.get("pp_SecureHash") or "")
    return bool(given) and hmac.compare_digest(secure_hash(fields, salt), given.upper())


def clean_description(text: str) -> str:
    cleaned = " ".join(DESCRIPTION_FORBIDDEN.sub(" ", text).split())
    return cleaned[:DESCRIPTION_MAX] or "Ustad order"


class JazzCashProvider:
    name = "jazzcash"
    label = "JazzCash"
    currencies = frozenset({pakistan.CURRENCY})
    supports_subscriptions = False

    def __init__(self) -> None:
        self.merchant_id: str = settings.JAZZCASH_MERCHANT_ID
        self.password: str = settings.JAZZCASH_PASSWORD
        self.salt: str = settings.JAZZCASH_INTEGRITY_SALT
        self.mpin: str = getattr(settings, "JAZZCASH_MERCHANT_MPIN", "")  # wallet refunds ask for it
        self.base = str(settings.JAZZCASH_API_BASE).rstrip("/")

    # --- configuration and signing ---------------------------------------------------------------

    def _require_configured(self) -> None:
        if not (self.merchant_id and self.password and self.salt and self.base):
            raise pakistan.not_configured(self.label)

    def _signed(self, fields: dict[str, str]) -> dict[str, str]:
        return {**fields, "pp_SecureHash": secure_hash(fields, self.salt)}

    def _call(self, path: str, fields: dict[str, str], what: str) -> dict[str, str]:
        """POST a signed request as JSON; the answer's fields as text (its hash is the caller's to check)."""
        answer = pakistan.post_json(f"{self.base}{path}", self._signed(fields), what=f"JazzCash {what}")
        return {str(key): "" if value is None else str(value) for key, value in answer.items()}

    # --- checkout --------------------------------------------------------------------------------

    def start_checkout(self, request: CheckoutRequest) -> CheckoutStart:
        self._require_configured()
        pakistan.require_pkr(request.currency, self.label)
        now = pakistan.karachi_now()
        # Ours and unique: JazzCash allows 20 letters and digits; the payment id's start tells attempts apart.
        txn_ref = "T" + now.strftime(TIMESTAMP) + pakistan.compact_id(request.payment_id)[:5]
        fields = {
            "pp_Version": "1.1",
            "pp_TxnType": "",  # empty: the buyer picks wallet, card or voucher on JazzCash's page
            "pp_Language": "EN",
            "pp_MerchantID": self.merchant_id,
            "pp_SubMerchantID": "",
            "pp_Password": self.password,
            "pp_BankID": "",
            "pp_ProductID": "",
            "pp_TxnRefNo": txn_ref,
            "pp_Amount": str(request.amount),  # paisa, Ustad's minor unit
            "pp_TxnCurrency": pakistan.CURRENCY,
            "pp_TxnDateTime": now.strftime(TIMESTAMP),
            "pp_TxnExpiryDateTime": (now + EXPIRY).strftime(TIMESTAMP),
            "pp_BillReference": pakistan.compact_id(request.payment_id),
            "pp_Description": clean_description(request.description),
            "pp_ReturnURL": request.return_url,  # the browser brings the signed result back through it
            "ppmpf_1": "",
            "ppmpf_2": "",
            "ppmpf_3": "",
            "ppmpf_4": "",
            "ppmpf_5": "",
        }
        return CheckoutStart(provider_ref=txn_ref,
                             redirect_url=f"{self.base}/CustomerPortal/transactionmanagement/merchantform/",
                             form_fields=self._signed(fields))

    # --- results: the POST to pp_ReturnURL, and the browser coming back with it ------------------

    def parse_webhook(self, *, headers: Mapping[str, str], body: bytes) -> list[ProviderEvent]:
        return self._result_events(pakistan.read_fields(body))

    def handle_return(self, *, params: Mapping[str, str]) -> list[ProviderEvent]:
        return self._result_events({str(key): str(value) for key, value in params.items()})

    def _result_events(self, fields: dict[str, str]) -> list[ProviderEvent]:
        self._require_configured()
        if not hash_matches(fields, self.salt):
            raise WebhookInvalidError("JazzCash response with a missing or wrong pp_SecureHash.")
        txn_ref = fields.get("pp_TxnRefNo", "")
        if not txn_ref:
            raise WebhookInvalidError("JazzCash response without pp_TxnRefNo.")
        if fields.get("pp_MerchantID") and fields["pp_MerchantID"] != self.merchant_id:
            raise WebhookInvalidError("JazzCash response for another merchant.")
        code = fields.get("pp_ResponseCode", "")
        event = ProviderEvent(event_id=f"txn:{txn_ref}:{code or 'none'}", type=EventType.PAYMENT_FAILED,
                              payment_ref=txn_ref, raw_type=f"response:{code}",
                              local_ref=pakistan.payment_id_from(fields.get("pp_BillReference", "")))
        if code == SUCCESS:
            amount = fields.get("pp_Amount", "")
            if not amount.isdigit():
                raise WebhookInvalidError("JazzCash success without a readable pp_Amount.")
            return [replace(event, type=EventType.PAYMENT_SUCCEEDED, amount=int(amount),
                            currency=(fields.get("pp_TxnCurrency") or pakistan.CURRENCY).upper(),
                            captured_ref=fields.get("pp_RetreivalReferenceNo") or txn_ref)]
        if code in PENDING_CODES:
            return [replace(event, type=EventType.IGNORED)]
        return [replace(event, failure_code=code[:40], failure_message=fields.get("pp_ResponseMessage", "")[:300])]

    # --- status inquiry --------------------------------------------------------------------------

    def inquire(self, *, payment_ref: str, amount: int, currency: str) -> ProviderEvent | None:
        self._require_configured()
        answer = self._call("/ApplicationAPI/API/PaymentInquiry/Inquire",
                            {"pp_TxnRefNo": payment_ref, "pp_MerchantID": self.merchant_id,
                             "pp_Password": self.password}, "payment inquiry")
        if not hash_matches(answer, self.salt):
            logger.warning("JazzCash inquiry for %s answered without a valid hash", payment_ref)
            raise ProviderUnavailableError("JazzCash payment inquiry: the answer's pp_SecureHash does not match.")
        if answer.get("pp_ResponseCode") != SUCCESS:  # the inquiry itself failed, e.g. not found yet
            logger.info("JazzCash inquiry for %s: %s %s", payment_ref, answer.get("pp_ResponseCode"),
                        answer.get("pp_ResponseMessage"))
            return None
        code = answer.get("pp_PaymentResponseCode", "")
        if not code or code in PENDING_CODES:
            return None
        event = ProviderEvent(event_id=f"inquiry:{payment_ref}:{code}", type=EventType.PAYMENT_FAILED,
                              payment_ref=payment_ref, raw_type=f"inquiry:{code}",
                              local_ref=pakistan.payment_id_from(answer.get("pp_BillReference", "")))
        if code == INQUIRY_COMPLETED:
            reported = answer.get("pp_Amount", "")
            # Without pp_Amount in the answer, the amount is the one signed into this pp_TxnRefNo at checkout.
            return replace(event, type=EventType.PAYMENT_SUCCEEDED,
                           amount=int(reported) if reported.isdigit() else amount,
                           currency=(answer.get("pp_TxnCurrency") or currency).upper(),
                           captured_ref=answer.get("pp_RetreivalReferenceNo") or payment_ref)
        return replace(event, failure_code=code[:40],
                       failure_message=(answer.get("pp_PaymentResponseMessage")
                                        or answer.get("pp_ResponseMessage", ""))[:300])

    # --- refunds ---------------------------------------------------------------------------------

    def refund(self, *, payment_ref: str, captured_ref: str, amount: int, currency: str,
               reason: str) -> RefundResult:
        """JazzCash's mobile-wallet refund API; it answers at once, so the result is final. JazzCash has no
        idempotency key: a timeout raises ProviderUnavailableError and the refund must be checked in the portal
        before it is tried again."""
        self._require_configured()
        pakistan.require_pkr(currency, self.label)
        txn_ref = payment_ref or captured_ref
        fields = {"pp_TxnRefNo": txn_ref, "pp_Amount": str(amount), "pp_TxnCurrency": pakistan.CURRENCY,
                  "pp_MerchantID": self.merchant_id, "pp_Password": self.password}
        if self.mpin:
            fields["pp_MerchantMPIN"] = self.mpin
        answer = self._call("/ApplicationAPI/API/Purchase/domwalletrefundtransaction", fields, "refund")
        if answer.get("pp_SecureHash") and not hash_matches(answer, self.salt):
            logger.warning("JazzCash refund of %s answered with a wrong hash", txn_ref)
            raise ProviderUnavailableError("JazzCash refund: the answer's pp_SecureHash does not match.")
        if answer.get("pp_ResponseCode") != SUCCESS:
            raise ApplicationError(
                code="refund_refused", status_code=status.HTTP_409_CONFLICT,
                message=f"JazzCash refused the refund: {answer.get('pp_ResponseMessage') or 'no reason given'} "
                        f"({answer.get('pp_ResponseCode') or 'no code'}). Card and voucher payments are refunded "
                        f"in the JazzCash merchant portal.")
        refund_ref = answer.get("pp_RetreivalReferenceNo") or (
            f"{txn_ref}-R{pakistan.karachi_now().strftime(TIMESTAMP)}")
        return RefundResult(refund_ref=refund_ref, succeeded=True)

    # --- subscriptions: none ---------------------------------------------------------------------

    def start_subscription(self, request: SubscriptionRequest) -> CheckoutStart:
        raise pakistan.subscriptions_unsupported(self.label)

    def cancel_subscription(self, *, subscription_ref: str, at_period_end: bool) -> None:
        raise pakistan.subscriptions_unsupported(self.label)

    def resume_subscription(self, *, subscription_ref: str) -> None:
        raise pakistan.subscriptions_unsupported(self.label)
