"""The affiliate page: what a user's referral link brought, in three queries however busy it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import BigIntegerField, CharField, Count, F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce

from ustad.payments.models import Commission, CommissionStatus, ReferralAttribution, ReferralVisit
from ustad.payments.services.referrals import referral_code_for, referral_link_for
from ustad.users.models import User

RECENT = 20


@dataclass(frozen=True)
class Earnings:
    currency: str
    pending: int
    credited: int


@dataclass(frozen=True)
class Activity:
    date: datetime
    kind: str  # click | signup | conversion
    amount: int | None
    currency: str | None


@dataclass(frozen=True)
class AffiliateSummary:
    code: str
    link: str
    clicks: int
    signups: int
    conversions: int
    earnings: list[Earnings]
    recent: list[Activity]


def _count_of(queryset: Any) -> Any:
    counted = queryset.filter(referrer=OuterRef("pk")).order_by().values("referrer").annotate(n=Count("*"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def _recent(user: Any, limit: int) -> list[Activity]:
    """Clicks, sign-ups and conversions newest first, as one UNION of three small, indexed reads."""
    no_amount = Cast(Value(None), BigIntegerField())  # typed NULLs: a UNION must agree on column types
    no_currency = Cast(Value(None), CharField())
    fields = ("at", "kind", "money", "money_currency")
    clicks = (ReferralVisit.objects.filter(referrer=user).order_by("-created_at")
              .annotate(at=F("created_at"), kind=Value("click", CharField()), money=no_amount,
                        money_currency=no_currency)
              .values_list(*fields)[:limit])
    signups = (ReferralAttribution.objects.filter(referrer=user).order_by("-created_at")
               .annotate(at=F("created_at"), kind=Value("signup", CharField()), money=no_amount,
                         money_currency=no_currency)
               .values_list(*fields)[:limit])
    conversions = (Commission.objects.filter(referrer=user).exclude(status=CommissionStatus.CANCELLED)
                   .order_by("-created_at")
                   .annotate(at=F("created_at"), kind=Value("conversion", CharField()), money=F("amount"),
                             money_currency=F("currency"))
                   .values_list(*fields)[:limit])
    rows = clicks.union(signups, conversions, all=True).order_by("-at")[:limit]
    return [Activity(date=date, kind=kind, amount=amount, currency=currency) for date, kind, amount, currency in rows]


def affiliate_summary_for_user(*, user: Any, recent: int = RECENT) -> AffiliateSummary:
    """Clicks, sign-ups and conversions (first purchases not refunded), and earnings per currency."""
    counts = User.objects.filter(pk=user.pk).annotate(
        clicks=_count_of(ReferralVisit.objects.all()),
        signups=_count_of(ReferralAttribution.objects.all()),
    ).values("clicks", "signups").get()
    by_currency: dict[str, dict[str, int]] = {}
    conversions = 0
    for row in (Commission.objects.filter(referrer=user).exclude(status=CommissionStatus.CANCELLED).order_by()
                .values("currency", "status").annotate(total=Sum("amount"), n=Count("id"))):
        by_currency.setdefault(row["currency"], {})[row["status"]] = int(row["total"])
        conversions += row["n"]
    earnings = [Earnings(currency=currency, pending=sums.get(CommissionStatus.PENDING, 0),
                         credited=sums.get(CommissionStatus.CREDITED, 0))
                for currency, sums in sorted(by_currency.items())]
    return AffiliateSummary(code=referral_code_for(user), link=referral_link_for(user), clicks=counts["clicks"],
                            signups=counts["signups"], conversions=conversions, earnings=earnings,
                            recent=_recent(user, recent))
