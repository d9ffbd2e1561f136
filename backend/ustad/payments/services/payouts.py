"""Payouts: a tutor asks for what they have earned; an admin approves, sends the money and marks it paid.

States: requested → approved → paid, and requested or approved → rejected. Only marking a payout paid
moves money in the ledger (`payout:<id>`: the tutor's account debited, the payouts account credited), so a
tutor's balance drops by exactly what was sent. Money asked for but not yet paid is held back from what the
tutor may ask for next; requests lock the tutor's ledger account row, so two at once cannot overdraw.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ustad.core.errors import ApplicationError
from ustad.courses.permissions import is_admin
from ustad.payments.models import MAX_AMOUNT, AccountKind, LedgerAccount, Payout, PayoutStatus
from ustad.payments.services.ledger import account_balance, ledger_account, ledger_post
from ustad.users.models import Currency, Role

logger = logging.getLogger(__name__)

OPEN_STATUSES = (PayoutStatus.REQUESTED, PayoutStatus.APPROVED)
MAX_OPEN_REQUESTS = 5  # per tutor: enough for one per currency and a few corrections, not a flood
MIN_PAYOUT = {Currency.PKR: 500_00, Currency.USD: 5_00}  # below this a transfer costs more than it is worth
MAX_METHOD_LENGTH = 300
MAX_NOTE_LENGTH = 300

_NEXT: dict[str, tuple[str, ...]] = {
    PayoutStatus.APPROVED: (PayoutStatus.REQUESTED,),
    PayoutStatus.PAID: (PayoutStatus.APPROVED,),
    PayoutStatus.REJECTED: (PayoutStatus.REQUESTED, PayoutStatus.APPROVED),
}


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError(code="validation_error", message=message, fields={field: [message]})


def pending_payouts_total(*, tutor: Any, currency: str) -> int:
    """Asked for or approved but not yet paid: money already promised out of the balance."""
    pending = Payout.objects.filter(tutor=tutor, currency=currency, status__in=OPEN_STATUSES).aggregate(
        total=Sum("amount"))["total"]
    return int(pending or 0)


def _check_request(*, tutor: Any, amount: int, currency: str, method: str) -> str:
    if not (tutor.is_authenticated and tutor.role == Role.TUTOR):
        raise ApplicationError(code="tutors_only", message="Only tutors can ask for payouts.", status_code=403)
    if currency not in Currency.values:
        raise _invalid("currency", f"Choose one of: {', '.join(Currency.values)}.")
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise _invalid("amount", "Send the amount as a whole number of minor units (paisa, cents).")
    minimum = MIN_PAYOUT[Currency(currency)]
    if not minimum <= amount <= MAX_AMOUNT:
        raise _invalid("amount", f"Ask for at least {minimum} and at most {MAX_AMOUNT} (minor units of {currency}).")
    method = (method or "").strip()
    if not method:
        raise _invalid("method", "Say where to send the money: a bank account (IBAN) or a wallet number.")
    if len(method) > MAX_METHOD_LENGTH:
        raise _invalid("method", f"Keep it under {MAX_METHOD_LENGTH} characters.")
    return method


@transaction.atomic
def payout_request(*, tutor: Any, amount: int, currency: str, method: str) -> Payout:
    """Ask for `amount` of what this tutor has earned in `currency`, up to what is available."""
    method = _check_request(tutor=tutor, amount=amount, currency=currency, method=method)
    # The lock: every request of this tutor in this currency waits here for the one before it to commit,
    # and then sees its payout among the pending ones.
    account = LedgerAccount.objects.select_for_update().filter(
        kind=AccountKind.TUTOR, owner=tutor, currency=currency).first()
    balance = -account_balance(account) if account is not None else 0
    available = balance - pending_payouts_total(tutor=tutor, currency=currency)
    if amount > available:
        raise ApplicationError(
            code="insufficient_balance", fields={"amount": [f"At most {max(available, 0)} is available."]},
            message=f"You can ask for at most {max(available, 0)} (minor units of {currency}) now.")
    if Payout.objects.filter(tutor=tutor, status__in=OPEN_STATUSES).count() >= MAX_OPEN_REQUESTS:
        raise ApplicationError(code="too_many_payouts", status_code=409,
                               message=f"You already have {MAX_OPEN_REQUESTS} payouts waiting: wait for "
                                       "those to be paid first.")
    payout = Payout(tutor=tutor, amount=amount, currency=currency, method=method)
    payout.full_clean()
    payout.save()
    return payout


def _decide(*, payout_id: Any, admin: Any, to: str, note: str | None) -> Payout:
    """Lock the payout and move it to `to`, if the state machine allows it."""
    if not is_admin(admin):
        raise ApplicationError(code="permission_denied", message="Only admins decide payouts.", status_code=403)
    payout = Payout.objects.select_for_update().select_related("tutor").filter(id=payout_id).first()
    if payout is None:
        raise ApplicationError(code="not_found", message="No such payout.", status_code=404)
    if payout.status not in _NEXT[to]:
        raise ApplicationError(code="invalid_transition", status_code=409,
                               message=f"A payout that is {payout.get_status_display().lower()} cannot be "
                                       f"{PayoutStatus(to).label.lower()}.")
    note = (note or "").strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise _invalid("note", f"Keep the note under {MAX_NOTE_LENGTH} characters.")
    payout.status, payout.decided_by = to, admin
    if note:
        payout.note = note
    fields = ["status", "decided_by", "note", "updated_at"]
    if to == PayoutStatus.PAID:
        payout.paid_at = timezone.now()
        fields.append("paid_at")
    payout.save(update_fields=fields)
    return payout


@transaction.atomic
def payout_approve(*, payout_id: Any, admin: Any) -> Payout:
    return _decide(payout_id=payout_id, admin=admin, to=PayoutStatus.APPROVED, note=None)


@transaction.atomic
def payout_reject(*, payout_id: Any, admin: Any, note: str) -> Payout:
    """Refuse it (say why in `note`); the money goes back to what the tutor may ask for."""
    if not (note or "").strip():
        raise _invalid("note", "Tell the tutor why the payout was rejected.")
    payout = _decide(payout_id=payout_id, admin=admin, to=PayoutStatus.REJECTED, note=note)
    _notify_on_commit(payout)
    return payout


@transaction.atomic
def payout_mark_paid(*, payout_id: Any, admin: Any, note: str = "") -> Payout:
    """The money was sent (the note can carry the transfer reference): take it off the tutor's balance."""
    payout = _decide(payout_id=payout_id, admin=admin, to=PayoutStatus.PAID, note=note)
    tutor_account = ledger_account(kind=AccountKind.TUTOR, currency=payout.currency, owner=payout.tutor)
    payouts_account = ledger_account(kind=AccountKind.PAYOUTS, currency=payout.currency)
    ledger_post(reference=f"payout:{payout.id}", memo=f"Payout to {payout.method}"[:200],
                entries=[(tutor_account, payout.amount), (payouts_account, -payout.amount)])
    _notify_on_commit(payout)
    return payout


def payout_email_build(payout: Payout) -> EmailMessage:
    amount = f"{payout.currency} {payout.amount // 100:,}.{payout.amount % 100:02d}"
    if payout.status == PayoutStatus.PAID:
        subject = f"Your payout of {amount} has been sent"
        body = f"We have sent {amount} to {payout.method}."
    else:
        subject = f"Your payout request of {amount} was not approved"
        body = f"Your request to be paid {amount} to {payout.method} was rejected. The amount is available again."
    if payout.note:
        body += f"\n\nNote from Ustad: {payout.note}"
    return EmailMessage(subject=subject, body=f"Hello {payout.tutor.first_name},\n\n{body}\n", to=[payout.tutor.email])


def _notify_on_commit(payout: Payout) -> None:
    """Tell the tutor once the decision is saved; a mail server that is down must not undo a payout."""
    message = payout_email_build(payout)

    def send() -> None:
        try:
            message.send()
        except OSError:
            logger.warning("payout %s: could not e-mail the tutor", payout.id, exc_info=True)

    transaction.on_commit(send)
