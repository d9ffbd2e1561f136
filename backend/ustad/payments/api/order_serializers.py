"""How orders, payments, plans and subscriptions look to API callers."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ustad.payments.models import (
    ItemKind,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    Plan,
    Subscription,
)
from ustad.payments.services.receipt_links import receipt_link
from ustad.payments.services.subscriptions import grace_ends_at
from ustad.users.models import Currency

ITEM_KINDS = [ItemKind.COURSE, ItemKind.LIVE_SEAT, ItemKind.LISTING]


class OrderItemSerializer(serializers.ModelSerializer[OrderItem]):
    course_slug = serializers.SlugField(source="course.slug", read_only=True, allow_null=True, default=None)
    session_id = serializers.UUIDField(read_only=True, allow_null=True)
    listing_slug = serializers.SlugField(source="listing.slug", read_only=True, allow_null=True, default=None)

    class Meta:
        model = OrderItem
        fields = ["kind", "title", "unit_amount", "discount", "amount", "course_slug", "session_id", "listing_slug"]
        read_only_fields = fields


class PaymentSerializer(serializers.ModelSerializer[Payment]):
    class Meta:
        model = Payment
        fields = ["id", "provider", "status", "failure_code", "failure_message", "created_at"]
        read_only_fields = fields


class OrderSerializer(serializers.ModelSerializer[Order]):
    coupon_code = serializers.CharField(source="coupon.code", read_only=True, allow_null=True, default=None)
    items = OrderItemSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)
    can_pay = serializers.SerializerMethodField()
    can_refund = serializers.SerializerMethodField()
    receipt_url = serializers.SerializerMethodField(help_text="A signed link to the PDF receipt, when paid.")

    class Meta:
        model = Order
        fields = ["id", "status", "currency", "subtotal", "discount", "total", "refunded", "coupon_code",
                  "created_at", "paid_at", "receipt_number", "items", "payments", "can_pay", "can_refund",
                  "receipt_url"]
        read_only_fields = fields

    def get_can_pay(self, order: Order) -> bool:
        viewer = self.context["request"].user
        return order.status in (OrderStatus.PENDING, OrderStatus.FAILED) and order.buyer_id == viewer.id

    def get_can_refund(self, order: Order) -> bool:
        viewer = self.context["request"].user
        return (bool(getattr(viewer, "is_staff", False)) and order.refunded < order.total
                and order.status in (OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED))

    def get_receipt_url(self, order: Order) -> str | None:
        if order.receipt_number is None or order.status not in (OrderStatus.PAID, OrderStatus.REFUNDED,
                                                                OrderStatus.PARTIALLY_REFUNDED):
            return None
        return receipt_link(order)


class ItemInputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=ITEM_KINDS)
    course = serializers.SlugField(required=False, max_length=200)
    session = serializers.UUIDField(required=False)
    listing = serializers.SlugField(required=False, max_length=200)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        field = {ItemKind.COURSE: "course", ItemKind.LIVE_SEAT: "session", ItemKind.LISTING: "listing"}[attrs["kind"]]
        if not attrs.get(field):
            raise serializers.ValidationError({field: f"Name the {field} to buy."})
        return {"kind": attrs["kind"], field: str(attrs[field])}


class OrderInputSerializer(serializers.Serializer[Any]):
    items = serializers.ListField(child=ItemInputSerializer(), allow_empty=False, max_length=20)
    coupon = serializers.CharField(required=False, allow_blank=True, max_length=32)


class QuoteLineSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    title = serializers.CharField()
    unit_amount = serializers.IntegerField()
    discount = serializers.IntegerField()
    amount = serializers.IntegerField()


class QuoteSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    subtotal = serializers.IntegerField()
    discount = serializers.IntegerField()
    total = serializers.IntegerField()
    items = QuoteLineSerializer(many=True)


class PayInputSerializer(serializers.Serializer[Any]):
    provider = serializers.CharField(max_length=16)


class PayStartSerializer(serializers.Serializer[Any]):
    payment = PaymentSerializer(allow_null=True)
    redirect_url = serializers.CharField()
    form_fields = serializers.DictField(child=serializers.CharField())


class RefundInputSerializer(serializers.Serializer[Any]):
    amount = serializers.IntegerField(required=False, min_value=1, help_text="Minor units; default: all that is left.")
    reason = serializers.CharField(max_length=300, allow_blank=True, required=False, default="")


class ProviderSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    label = serializers.CharField(help_text="What the buyer sees.")  # type: ignore[assignment]


class ProviderQuerySerializer(serializers.Serializer[Any]):
    currency = serializers.ChoiceField(choices=Currency.choices)


class TestCardSerializer(serializers.Serializer[Any]):
    number = serializers.CharField()
    outcome = serializers.CharField(help_text="What happens when it is used.")


class LocalChargeSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    order_id = serializers.UUIDField(allow_null=True)
    subscription_id = serializers.UUIDField(allow_null=True)
    amount = serializers.IntegerField()
    currency = serializers.CharField()
    description = serializers.CharField()
    status = serializers.CharField()
    merchant = serializers.CharField()
    test_cards = TestCardSerializer(many=True)


class LocalPayInputSerializer(serializers.Serializer[Any]):
    card_number = serializers.CharField(max_length=32)
    expiry = serializers.CharField(max_length=7)
    cvc = serializers.CharField(max_length=4)
    name = serializers.CharField(max_length=100)
    otp = serializers.CharField(max_length=12, required=False, allow_blank=True)


class LocalResultSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["succeeded", "failed", "requires_authentication"])
    message = serializers.CharField()
    redirect_url = serializers.CharField(allow_blank=True)


class RedirectSerializer(serializers.Serializer[Any]):
    redirect_url = serializers.CharField()


class PlanSerializer(serializers.ModelSerializer[Plan]):
    included_course_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "slug", "name", "description", "currency", "price_amount", "included_course_count"]
        read_only_fields = fields


class PlanBriefSerializer(serializers.ModelSerializer[Plan]):
    class Meta:
        model = Plan
        fields = ["slug", "name", "currency", "price_amount"]
        read_only_fields = fields


class SubscriptionSerializer(serializers.ModelSerializer[Subscription]):
    plan = PlanBriefSerializer(read_only=True)
    grace_ends_at = serializers.SerializerMethodField()

    class Meta:
        model = Subscription
        fields = ["id", "plan", "provider", "status", "current_period_end", "cancel_at_period_end",
                  "past_due_since", "grace_ends_at", "ended_at", "created_at"]
        read_only_fields = fields

    def get_grace_ends_at(self, subscription: Subscription) -> str | None:
        moment = grace_ends_at(subscription)
        return moment.isoformat() if moment else None


class SubscriptionInputSerializer(serializers.Serializer[Any]):
    plan = serializers.SlugField(max_length=60)
    provider = serializers.CharField(max_length=16)


class SubscriptionStartSerializer(serializers.Serializer[Any]):
    subscription = SubscriptionSerializer()
    redirect_url = serializers.CharField()
    form_fields = serializers.DictField(child=serializers.CharField())


class SubscriptionEnrolInputSerializer(serializers.Serializer[Any]):
    course = serializers.SlugField(max_length=200)
