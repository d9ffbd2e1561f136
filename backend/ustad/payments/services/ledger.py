"""The double-entry ledger: money moves in balanced transactions; a balance is the sum of its entries.

Debits are positive and credits negative. Money a provider collected for us sits on the provider's
account as a debit; what it is owed to sits on the platform's, tutors' and referrers' accounts as credits.
Posting the same `reference` twice returns the first transaction, so a duplicated webhook moves money once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum

from ustad.payments.models import AccountKind, LedgerAccount, LedgerEntry, LedgerTransaction, Order


def ledger_account(*, kind: str, currency: str, owner: Any = None, provider: str = "") -> LedgerAccount:
    account, _ = LedgerAccount.objects.get_or_create(kind=kind, currency=currency, owner=owner, provider=provider)
    return account


def account_balance(account: LedgerAccount) -> int:
    """Debits less credits: positive for money held, negative for money owed to the account's owner."""
    return int(account.entries.aggregate(total=Sum("amount"))["total"] or 0)


def earnings_balance(*, owner: Any, currency: str, kind: str = AccountKind.TUTOR) -> int:
    """What the platform owes this tutor (or referrer), as a positive number."""
    account = LedgerAccount.objects.filter(kind=kind, owner=owner, currency=currency).first()
    return -account_balance(account) if account else 0


@transaction.atomic
def ledger_post(*, reference: str, memo: str, entries: Sequence[tuple[LedgerAccount, int]],
                order: Order | None = None) -> LedgerTransaction:
    """Record one balanced movement of money, once per `reference`."""
    existing = LedgerTransaction.objects.filter(reference=reference).first()
    if existing is not None:
        return existing
    lines = [(account, amount) for account, amount in entries if amount != 0]
    if not lines:
        raise ValueError("a ledger transaction moves some money")
    if len({account.currency for account, _ in lines}) != 1:
        raise ValueError("a ledger transaction stays in one currency")
    if sum(amount for _, amount in lines) != 0:
        raise ValueError("a ledger transaction balances: its entries sum to zero")
    try:
        with transaction.atomic():
            posted = LedgerTransaction.objects.create(reference=reference, memo=memo[:200], order=order)
    except IntegrityError:  # the same reference posted at the same moment elsewhere
        return LedgerTransaction.objects.get(reference=reference)
    LedgerEntry.objects.bulk_create([LedgerEntry(transaction=posted, account=account, amount=amount)
                                     for account, amount in lines])
    return posted
