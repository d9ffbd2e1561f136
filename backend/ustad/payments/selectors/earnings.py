"""A tutor's earnings per currency, their recent ledger movements and their payouts, in few queries.

Everything is read from the ledger (sales less refunds, less what was paid out) and from the open
payouts (asked for or approved, not yet paid), so the numbers always add up:
`available = earned − paid_out − pending_payouts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, Sum

from ustad.core.errors import ApplicationError
from ustad.courses.permissions import is_admin
from ustad.payments.models import AccountKind, LedgerEntry, Payout
from ustad.payments.services.payouts import OPEN_STATUSES

RECENT_MOVEMENTS = 20
PAYOUT_PREFIX = "payout:"


@dataclass(frozen=True)
class Balance:
    currency: str
    earned: int  # sales less refunds, all time
    paid_out: int
    pending_payouts: int  # asked for or approved, not yet sent
    available: int  # what may be asked for now (negative when refunds came after a payout)


@dataclass(frozen=True)
class Movement:
    date: datetime
    memo: str
    amount: int  # positive: money earned; negative: a refund or a payout
    currency: str


def earnings_balances(*, tutor: Any) -> list[Balance]:
    """One row per currency the tutor has earned in or asked a payout in (two queries)."""
    rows = (LedgerEntry.objects.filter(account__kind=AccountKind.TUTOR, account__owner=tutor)
            .values("account__currency")
            .annotate(total=Sum("amount"),
                      payouts=Sum("amount", filter=Q(transaction__reference__startswith=PAYOUT_PREFIX))))
    ledger = {row["account__currency"]: (-int(row["total"] or 0), int(row["payouts"] or 0)) for row in rows}
    pending = {row["currency"]: int(row["total"] or 0) for row in
               Payout.objects.filter(tutor=tutor, status__in=OPEN_STATUSES).values("currency")
               .annotate(total=Sum("amount"))}
    balances = []
    for currency in sorted(set(ledger) | set(pending)):
        balance, paid_out = ledger.get(currency, (0, 0))
        earned = balance + paid_out
        waiting = pending.get(currency, 0)
        balances.append(Balance(currency=currency, earned=earned, paid_out=paid_out, pending_payouts=waiting,
                                available=balance - waiting))
    return balances


def earnings_recent(*, tutor: Any, limit: int = RECENT_MOVEMENTS) -> list[Movement]:
    """The latest movements on the tutor's accounts, newest first, as the tutor sees them (one query)."""
    entries = (LedgerEntry.objects.filter(account__kind=AccountKind.TUTOR, account__owner=tutor)
               .select_related("transaction", "account")
               .order_by("-transaction__created_at", "-id")[:limit])
    return [Movement(date=entry.transaction.created_at, memo=entry.transaction.memo, amount=-entry.amount,
                     currency=entry.account.currency) for entry in entries]


def payout_list_for_user(*, user: Any, status: str = "") -> Any:
    """A tutor's own payouts; every payout for admins. Newest first, with the tutor joined."""
    payouts = Payout.objects.select_related("tutor").order_by("-created_at")
    if not is_admin(user):
        payouts = payouts.filter(tutor=user)
    return payouts.filter(status=status) if status else payouts


def payout_get_for_user(*, user: Any, payout_id: Any) -> Payout:
    """The payout, or the same not-found for one that is missing and one that is someone else's."""
    payout = payout_list_for_user(user=user).filter(id=payout_id).first()
    if payout is None:
        raise ApplicationError(code="not_found", message="No such payout.", status_code=404)
    return payout
