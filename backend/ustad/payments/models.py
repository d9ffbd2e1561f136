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
    receipt_number = models.PositiveBigIntegerField(null=True, blank=True, unique=True,
                                                    help_text="Numbered from a database sequence when paid.")
    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="referred_orders",
                                 help_text="Who referred the buyer, when this is their first purchase.")

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

    @property
    def receipt_code(self) -> str:
        """How receipts, statements and the ledger name a paid order."""
        return f"UST-{self.receipt_number}"


class ItemKind(models.TextChoices):
    COURSE = "course", "A course"
    LIVE_SEAT = "live_seat", "A seat in a live class"
    LISTING = "listing", "Recorded lessons from the marketplace"
    PLAN = "plan", "A month of a subscription plan"


class OrderItem(BaseModel):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=16, choices=ItemKind.choices)
    course = models.ForeignKey("courses.Course", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="order_items")
    session = models.ForeignKey("classroom.LiveSession", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="order_items")
    listing = models.ForeignKey("Listing", on_delete=models.PROTECT, null=True, blank=True, related_name="order_items")
    subscription = models.ForeignKey("Subscription", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="order_items")
    seller = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="sold_items",
                               help_text="The tutor who earns from this item; none for the platform's plans.")
    title = models.CharField(max_length=200, help_text="What was bought, as it was called then.")
    unit_amount = models.BigIntegerField()
    discount = models.BigIntegerField(default=0)
    amount = models.BigIntegerField()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ItemKind.values), name="payments_item_kind_known"),
            models.CheckConstraint(
                condition=(Q(kind=ItemKind.COURSE, course__isnull=False, session__isnull=True,
                             listing__isnull=True, subscription__isnull=True, seller__isnull=False)
                           | Q(kind=ItemKind.LIVE_SEAT, session__isnull=False, course__isnull=True,
                               listing__isnull=True, subscription__isnull=True, seller__isnull=False)
                           | Q(kind=ItemKind.LISTING, listing__isnull=False, course__isnull=True,
                               session__isnull=True, subscription__isnull=True, seller__isnull=False)
                           | Q(kind=ItemKind.PLAN, subscription__isnull=False, course__isnull=True,
                               session__isnull=True, listing__isnull=True, seller__isnull=True)),
                name="payments_item_names_one_thing_of_its_kind_v2"),
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


class PaymentStatus(models.TextChoices):
    CREATED = "created", "Waiting for the buyer"
    PROCESSING = "processing", "Processing"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


class Payment(BaseModel):
    """One attempt to pay an order at one provider; an order may need several (a declined card, a retry)."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(max_length=16)
    status = models.CharField(max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.CREATED)
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    provider_ref = models.CharField(max_length=120, help_text="The provider's id: a Checkout Session, a PayPal "
                                                             "order, a JazzCash transaction reference.")
    provider_payment_ref = models.CharField(max_length=120, blank=True,
                                            help_text="The captured charge, needed to refund it.")
    redirect_url = models.URLField(max_length=2000, blank=True)
    form_fields = models.JSONField(default=dict, blank=True, help_text="For providers whose checkout is a POST.")
    failure_code = models.CharField(max_length=40, blank=True)
    failure_message = models.CharField(max_length=300, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True, help_text="Last status inquiry at the provider.")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "provider_ref"], name="payments_payment_ref_once"),
            models.CheckConstraint(condition=Q(amount__gt=0, amount__lte=MAX_AMOUNT),
                                   name="payments_payment_amount_sane"),
            models.CheckConstraint(condition=Q(status__in=PaymentStatus.values), name="payments_payment_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.provider_ref} {self.status}"


class WebhookOutcome(models.TextChoices):
    PROCESSED = "processed", "Processed"
    IGNORED = "ignored", "Nothing to do"
    REJECTED = "rejected", "Rejected: bad signature or body"
    FAILED = "failed", "Failed; the provider will retry"


class WebhookEvent(BaseModel):
    """Every delivery, kept: verified events once per provider event id; rejected ones for the audit."""

    provider = models.CharField(max_length=16)
    event_id = models.CharField(max_length=120, blank=True)
    event_type = models.CharField(max_length=80, blank=True)
    outcome = models.CharField(max_length=16, choices=WebhookOutcome.choices)
    error = models.CharField(max_length=300, blank=True)
    payload = models.TextField(blank=True, help_text="The body as received (cut at 64 KB).")
    remote_addr = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], condition=~Q(event_id=""),
                                    name="payments_webhook_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_type} {self.outcome}"


class RefundKind(models.TextChoices):
    REFUND = "refund", "Refund"
    CHARGEBACK = "chargeback", "Chargeback"


class Refund(BaseModel):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="refunds")
    kind = models.CharField(max_length=16, choices=RefundKind.choices, default=RefundKind.REFUND)
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    reason = models.CharField(max_length=300, blank=True)
    provider_ref = models.CharField(max_length=120, help_text="The provider's refund or dispute id.")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["order", "provider_ref"], name="payments_refund_once"),
            models.CheckConstraint(condition=Q(amount__gt=0, amount__lte=MAX_AMOUNT),
                                   name="payments_refund_amount_sane"),
        ]


class Plan(BaseModel):
    """A monthly subscription: every course marked as included, for as long as it is paid."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=2000, blank=True)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    price_amount = models.BigIntegerField(help_text="Per month, in minor units.")
    active = models.BooleanField(default=True)
    stripe_price_id = models.CharField(max_length=80, blank=True)
    paypal_plan_id = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["price_amount"]
        constraints = [
            models.CheckConstraint(condition=Q(price_amount__gt=0, price_amount__lte=MAX_AMOUNT),
                                   name="payments_plan_price_sane"),
        ]

    def __str__(self) -> str:
        return self.name


class SubscriptionStatus(models.TextChoices):
    INCOMPLETE = "incomplete", "Waiting for the first payment"
    ACTIVE = "active", "Active"
    PAST_DUE = "past_due", "Renewal failed; in the grace period"
    ENDED = "ended", "Ended"


class Subscription(BaseModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="subscriptions")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="subscriptions")
    provider = models.CharField(max_length=16)
    provider_ref = models.CharField(max_length=120, blank=True, help_text="The provider's subscription id.")
    status = models.CharField(max_length=16, choices=SubscriptionStatus.choices,
                              default=SubscriptionStatus.INCOMPLETE)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    past_due_since = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "plan"], condition=~Q(status="ended"),
                                    name="payments_subscription_one_live_per_plan"),
            models.UniqueConstraint(fields=["provider", "provider_ref"], condition=~Q(provider_ref=""),
                                    name="payments_subscription_ref_once"),
            models.CheckConstraint(condition=Q(status__in=SubscriptionStatus.values),
                                   name="payments_subscription_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} for {self.user_id} ({self.status})"


class ListingStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "On sale"
    ARCHIVED = "archived", "No longer sold"


class Listing(BaseModel):
    """Recorded lessons sold on their own: a class recording, or a bundle of lessons; lifetime access."""

    tutor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="listings")
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=160)
    description = models.TextField(max_length=5000, blank=True)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    price_amount = models.BigIntegerField()
    status = models.CharField(max_length=16, choices=ListingStatus.choices, default=ListingStatus.DRAFT)
    recordings = models.ManyToManyField("classroom.Recording", blank=True, related_name="listings")
    lessons = models.ManyToManyField("courses.Lesson", blank=True, related_name="listings")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(price_amount__gt=0, price_amount__lte=MAX_AMOUNT),
                                   name="payments_listing_price_sane"),
            models.CheckConstraint(condition=Q(status__in=ListingStatus.values), name="payments_listing_status_known"),
        ]

    def __str__(self) -> str:
        return self.title


class ListingAccess(BaseModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listing_access")
    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="buyers")
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "listing"], name="payments_listing_access_once")]


class ReferralVisit(BaseModel):
    """A click on someone's referral link (no personal data of the visitor is kept)."""

    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referral_visits")


class ReferralAttribution(BaseModel):
    """The referred user's sign-up, credited to the referrer whose link they followed in the last 30 days."""

    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referrals")
    referred = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referred_by")


class CommissionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the refund window to close"
    CREDITED = "credited", "Credited"
    CANCELLED = "cancelled", "Cancelled: the order was refunded"


class Commission(BaseModel):
    referrer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="commissions")
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="commission")
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    status = models.CharField(max_length=16, choices=CommissionStatus.choices, default=CommissionStatus.PENDING)
    credit_after = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payments_commission_positive"),
        ]


class PayoutStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    PAID = "paid", "Paid"
    REJECTED = "rejected", "Rejected"


class Payout(BaseModel):
    tutor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payouts")
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    status = models.CharField(max_length=16, choices=PayoutStatus.choices, default=PayoutStatus.REQUESTED)
    method = models.CharField(max_length=300, help_text="Where to send it: a bank account or a wallet number.")
    note = models.CharField(max_length=300, blank=True, help_text="The admin's note, e.g. a transfer reference.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0, amount__lte=MAX_AMOUNT),
                                   name="payments_payout_amount_sane"),
            models.CheckConstraint(condition=Q(status__in=PayoutStatus.values), name="payments_payout_status_known"),
        ]
