"""Earnings and payouts for tutors, the decisions on payouts and the order list for admins, and receipts."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses.permissions import CanTeach, is_admin
from ustad.payments.api.order_serializers import OrderSerializer
from ustad.payments.models import Order, OrderItem, OrderStatus, Payment, Payout, PayoutStatus
from ustad.payments.selectors.earnings import (
    earnings_balances,
    earnings_recent,
    payout_get_for_user,
    payout_list_for_user,
)
from ustad.payments.services import payouts
from ustad.payments.services.receipts import receipt_url
from ustad.users.models import Currency, Role

# --- Permissions -------------------------------------------------------------------------------------------


class IsTutor(BasePermission):
    message = "Only tutors can ask for payouts."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user.is_authenticated and getattr(request.user, "role", None) == Role.TUTOR)


class IsAdmin(BasePermission):
    message = "Only admins can do this."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return is_admin(request.user)


# --- Serializers -------------------------------------------------------------------------------------------


class PayoutTutorSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(source="full_name", read_only=True)


class OrderBuyerSerializer(PayoutTutorSerializer):
    email = serializers.EmailField(read_only=True)


class BalanceSerializer(serializers.Serializer[Any]):
    currency = serializers.ChoiceField(choices=Currency.choices, read_only=True)
    earned = serializers.IntegerField(read_only=True)
    paid_out = serializers.IntegerField(read_only=True)
    pending_payouts = serializers.IntegerField(read_only=True)
    available = serializers.IntegerField(read_only=True)


class MovementSerializer(serializers.Serializer[Any]):
    date = serializers.DateTimeField(read_only=True)
    memo = serializers.CharField(read_only=True)
    amount = serializers.IntegerField(read_only=True)
    currency = serializers.ChoiceField(choices=Currency.choices, read_only=True)


class EarningsSerializer(serializers.Serializer[Any]):
    balances = BalanceSerializer(many=True, read_only=True)
    recent = MovementSerializer(many=True, read_only=True)


class PayoutSerializer(serializers.ModelSerializer[Payout]):
    tutor = PayoutTutorSerializer(read_only=True)

    class Meta:
        model = Payout
        fields = ["id", "tutor", "amount", "currency", "status", "method", "note", "created_at", "paid_at"]
        read_only_fields = fields


class PayoutInputSerializer(serializers.Serializer[Any]):
    amount = serializers.IntegerField(help_text="Minor units (paisa, cents).")
    currency = serializers.ChoiceField(choices=Currency.choices)
    method = serializers.CharField(max_length=payouts.MAX_METHOD_LENGTH,
                                   help_text="Where to send it: a bank account (IBAN) or a wallet number.")


class PayoutFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=PayoutStatus.choices, required=False, allow_blank=True, default="")


class RejectInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=payouts.MAX_NOTE_LENGTH, help_text="Why, for the tutor.")


class MarkPaidInputSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=payouts.MAX_NOTE_LENGTH, required=False, allow_blank=True, default="",
                                 help_text="E.g. the bank transfer's reference.")


class AdminOrderSerializer(OrderSerializer):
    """The buyer's Order, with the buyer."""

    buyer = OrderBuyerSerializer(read_only=True)

    class Meta(OrderSerializer.Meta):
        fields = [*OrderSerializer.Meta.fields, "buyer"]
        read_only_fields = fields


class AdminOrderFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=OrderStatus.choices, required=False, allow_blank=True, default="")
    q = serializers.CharField(max_length=100, required=False, allow_blank=True, default="",
                              help_text="Words of the buyer's name or e-mail address.")


def _filters(serializer_class: type, request: Request) -> dict[str, Any]:
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return dict(params.validated_data)


# --- Earnings and payouts --------------------------------------------------------------------------------


class EarningsView(APIView):
    permission_classes = [CanTeach]

    @extend_schema(responses={200: EarningsSerializer}, tags=["payouts"])
    def get(self, request: Request) -> Response:
        user = request_user(request)
        return Response(EarningsSerializer({"balances": earnings_balances(tutor=user),
                                            "recent": earnings_recent(tutor=user)}).data)


class PayoutListView(generics.ListAPIView[Payout]):
    """GET: my payouts (admins: everyone's). POST: a tutor asks to be paid."""

    serializer_class = PayoutSerializer
    queryset = Payout.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_permissions(self) -> list[Any]:
        return [IsTutor()] if self.request.method == "POST" else [CanTeach()]

    def get_queryset(self) -> Any:
        return payout_list_for_user(user=self.request.user, **_filters(PayoutFilterSerializer, self.request))

    @extend_schema(parameters=[PayoutFilterSerializer], tags=["payouts"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=PayoutInputSerializer, responses={201: PayoutSerializer}, tags=["payouts"])
    def post(self, request: Request) -> Response:
        data = validated_data(PayoutInputSerializer, request)
        payout = payouts.payout_request(tutor=request_user(request), amount=data["amount"],
                                        currency=data["currency"], method=data["method"])
        return Response(PayoutSerializer(payout).data, status=status.HTTP_201_CREATED)


class PayoutView(APIView):
    permission_classes = [CanTeach]

    @extend_schema(responses={200: PayoutSerializer}, tags=["payouts"])
    def get(self, request: Request, pk: Any) -> Response:
        return Response(PayoutSerializer(payout_get_for_user(user=request.user, payout_id=pk)).data)


class PayoutApproveView(APIView):
    permission_classes = [IsAdmin]

    @extend_schema(request=None, responses={200: PayoutSerializer}, tags=["payouts"])
    def post(self, request: Request, pk: Any) -> Response:
        return Response(PayoutSerializer(payouts.payout_approve(payout_id=pk, admin=request.user)).data)


class PayoutRejectView(APIView):
    permission_classes = [IsAdmin]

    @extend_schema(request=RejectInputSerializer, responses={200: PayoutSerializer}, tags=["payouts"])
    def post(self, request: Request, pk: Any) -> Response:
        data = validated_data(RejectInputSerializer, request)
        payout = payouts.payout_reject(payout_id=pk, admin=request.user, note=data["note"])
        return Response(PayoutSerializer(payout).data)


class PayoutMarkPaidView(APIView):
    permission_classes = [IsAdmin]

    @extend_schema(request=MarkPaidInputSerializer, responses={200: PayoutSerializer}, tags=["payouts"])
    def post(self, request: Request, pk: Any) -> Response:
        data = validated_data(MarkPaidInputSerializer, request)
        payout = payouts.payout_mark_paid(payout_id=pk, admin=request.user, note=data["note"])
        return Response(PayoutSerializer(payout).data)


# --- Admin: orders ------------------------------------------------------------------------------------------


def order_list_for_admin(*, status: str = "", q: str = "") -> Any:
    """Every order, newest first, with what its rows show joined or prefetched (a fixed number of queries)."""
    orders = Order.objects.select_related("buyer", "coupon").prefetch_related(
        Prefetch("items", queryset=OrderItem.objects.select_related("course", "listing").order_by("created_at")),
        Prefetch("payments", queryset=Payment.objects.order_by("-created_at")),
    ).order_by("-created_at")
    if status:
        orders = orders.filter(status=status)
    for word in q.split()[:5]:
        orders = orders.filter(Q(buyer__email__icontains=word) | Q(buyer__first_name__icontains=word)
                               | Q(buyer__last_name__icontains=word))
    return orders


class AdminOrderListView(generics.ListAPIView[Order]):
    permission_classes = [IsAdmin]
    serializer_class = AdminOrderSerializer
    queryset = Order.objects.none()  # for the schema

    def get_queryset(self) -> Any:
        return order_list_for_admin(**_filters(AdminOrderFilterSerializer, self.request))

    @extend_schema(parameters=[AdminOrderFilterSerializer], tags=["admin"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


# --- Receipts ----------------------------------------------------------------------------------------------


class OrderReceiptView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={302: None}, tags=["orders"],
                   description="Redirects to a short-lived signed link to the PDF receipt (409 not_paid "
                               "before the order is paid).")
    def get(self, request: Request, pk: Any) -> HttpResponseRedirect:
        user = request_user(request)
        order = Order.objects.select_related("buyer", "coupon").filter(id=pk).first()
        if order is None or not (order.buyer_id == user.id or is_admin(user)):
            raise ApplicationError(code="not_found", message="No such order.", status_code=404)
        return HttpResponseRedirect(receipt_url(order))
