"""Money: orders and their items, payment attempts per provider, coupons, and a double-entry ledger.

Amounts are integers in minor units (paisa, cents) with their currency, and the database checks the
arithmetic: an order's total is its subtotal less its discount, an item never costs less than nothing, and
every ledger transaction balances to zero (a deferred constraint trigger, checked at commit). Balances are
sums of ledger entries, never a stored number.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper

from ustad.core.models import BaseModel
from ustad.users.models import Currency

MAX_AMOUNT = 100_000_000_00  # a hundred million in major units: far above any real order


class OrderStatus(models.TextChoices):
    PENDING = "pending", "Waiting for payment"
    PAID = "paid", "Paid"
    FAILED = "failed", "Payment failed"
    REFUNDED = "refunded", "Refunded"
    PARTIALLY_REFUNDED = "partially_refunded", "Partly refunded"


class Order(BaseModel):
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders")
    currency = models.CharField(max_length=3, choices=Currency.choices)
    subtotal = models.BigIntegerField()
    discount = models.BigIntegerField(default=0)
    total = models.BigIntegerField()
    refunded = models.BigIntegerField(default=0)
    status = models.CharField(max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING)
    coupon = models.ForeignKey("Coupon", on_delete=models.PROTECT, null=True, blank=True, related_name="orders")
    idempotency_key = models.CharField(max_length=80, help_text="The checkout button's key: a double click "
                                                                  "makes one order.")
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["buyer", "idempotency_key"], name="payments_order_idempotent"),
            models.CheckConstraint(condition=Q(currency__in=Currency.values), name="payments_order_currency_known"),
            models.CheckConstraint(condition=Q(subtotal__gte=0, subtotal__lte=MAX_AMOUNT),
                                   name="payments_order_subtotal_sane"),
            models.CheckConstraint(condition=Q(discount__gte=0, discount__lte=F("subtotal")),
                                   name="payments_order_discount_within_subtotal"),
            models.CheckConstraint(condition=Q(total=F("subtotal") - F("discount")),
                                   name="payments_order_total_adds_up"),
            models.CheckConstraint(condition=Q(refunded__gte=0, refunded__lte=F("total")),
                                   name="payments_order_refund_within_total"),
            models.CheckConstraint(condition=Q(status__in=OrderStatus.values), name="payments_order_status_known"),
        ]

    def __str__(self) -> str:
        return f"order {self.id} {self.total} {self.currency} {self.status}"


class ItemKind(models.TextChoices):
    COURSE = "course", "A course"
    LIVE_SEAT = "live_seat", "A seat in a live class"


class OrderItem(BaseModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=16, choices=ItemKind.choices)
    course = models.ForeignKey("courses.Course", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="order_items")
    session = models.ForeignKey("classroom.LiveSession", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="order_items")
    seller = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sold_items",
                               help_text="The tutor who earns from this item.")
    title = models.CharField(max_length=200, help_text="What was bought, as it was called then.")
    unit_amount = models.BigIntegerField()
    discount = models.BigIntegerField(default=0)
    amount = models.BigIntegerField()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ItemKind.values), name="payments_item_kind_known"),
            models.CheckConstraint(
                condition=(Q(kind=ItemKind.COURSE, course__isnull=False, session__isnull=True)
                           | Q(kind=ItemKind.LIVE_SEAT, session__isnull=False, course__isnull=True)),
                name="payments_item_names_one_thing_of_its_kind"),
            models.CheckConstraint(condition=Q(unit_amount__gte=0, discount__gte=0, discount__lte=F("unit_amount")),
                                   name="payments_item_discount_within_price"),
            models.CheckConstraint(condition=Q(amount=F("unit_amount") - F("discount")),
                                   name="payments_item_amount_adds_up"),
        ]

    def __str__(self) -> str:
        return self.title


class CouponKind(models.TextChoices):
    PERCENT = "percent", "Percent off"
    FIXED = "fixed", "Fixed amount off"


class Coupon(BaseModel):
    code = models.CharField(max_length=32)
    kind = models.CharField(max_length=8, choices=CouponKind.choices)
    value = models.PositiveBigIntegerField(help_text="Percent (1–100), or minor units of `currency` off.")
    currency = models.CharField(max_length=3, choices=Currency.choices, blank=True,
                                help_text="For fixed amounts only.")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="coupons", help_text="Only for this course.")
    tutor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="coupons", help_text="Only for this tutor's courses and classes.")
    expires_at = models.DateTimeField(null=True, blank=True)
    max_redemptions = models.PositiveIntegerField(null=True, blank=True)
    redemptions = models.PositiveIntegerField(default=0, help_text="Paid orders that used it. Checked when an "
                                                                   "order is made; a paid order is always honoured.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(Upper("code"), name="payments_coupon_code_unique"),
            models.CheckConstraint(condition=Q(kind__in=CouponKind.values), name="payments_coupon_kind_known"),
            models.CheckConstraint(
                condition=(Q(kind=CouponKind.PERCENT, value__gte=1, value__lte=100, currency="")
                           | Q(kind=CouponKind.FIXED, value__gte=1, currency__in=Currency.values)),
                name="payments_coupon_value_sane"),
        ]

    def __str__(self) -> str:
        return self.code


class CouponRedemption(BaseModel):
    coupon = models.ForeignKey(Coupon, on_delete=models.PROTECT, related_name="uses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="redemption")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["coupon", "user"], name="payments_coupon_once_each")]


class AccountKind(models.TextChoices):
    PROVIDER = "provider", "Money held by a payment provider for us"
    PLATFORM = "platform", "The platform's fees"
    TUTOR = "tutor", "A tutor's earnings"
    REFERRER = "referrer", "A referrer's commission"
    PAYOUTS = "payouts", "Money paid out to tutors"


class LedgerAccount(BaseModel):
    kind = models.CharField(max_length=16, choices=AccountKind.choices)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="ledger_accounts")
    currency = models.CharField(max_length=3, choices=Currency.choices)
    provider = models.CharField(max_length=16, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "owner", "currency", "provider"], nulls_distinct=False,
                                    name="payments_account_once"),
            models.CheckConstraint(condition=Q(kind__in=AccountKind.values), name="payments_account_kind_known"),
            models.CheckConstraint(
                condition=Q(kind__in=[AccountKind.TUTOR, AccountKind.REFERRER], owner__isnull=False)
                | (~Q(kind__in=[AccountKind.TUTOR, AccountKind.REFERRER]) & Q(owner__isnull=True)),
                name="payments_account_owned_when_personal"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.currency}"


class LedgerTransaction(BaseModel):
    """One movement of money: its entries sum to zero (enforced at commit by a constraint trigger)."""

    memo = models.CharField(max_length=200)
    order = models.ForeignKey(Order, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger")
    reference = models.CharField(max_length=120, unique=True, help_text="What caused it, once: e.g. "
                                                                        "`paid:<order id>`.")

    def __str__(self) -> str:
        return self.memo


class LedgerEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    transaction = models.ForeignKey(LedgerTransaction, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(LedgerAccount, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField(help_text="Debit positive, credit negative, in the account's currency.")

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(amount=0), name="payments_entry_not_zero")]

    def __str__(self) -> str:
        return f"{self.amount}"
