"""Buying: quotes, orders, paying at a provider, the local test gateway, provider webhooks and returns."""

from __future__ import annotations

import html
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.core.throttling import ScopedAddressThrottle
from ustad.courses.permissions import is_admin
from ustad.payments.api.order_serializers import (
    LocalChargeSerializer,
    LocalPayInputSerializer,
    LocalResultSerializer,
    OrderInputSerializer,
    OrderSerializer,
    PayInputSerializer,
    PaymentSerializer,
    PayStartSerializer,
    ProviderQuerySerializer,
    ProviderSerializer,
    QuoteSerializer,
    RedirectSerializer,
    RefundInputSerializer,
)
from ustad.payments.models import Order, OrderItem, Payment
from ustad.payments.providers import get_provider, provider_names_for
from ustad.payments.providers.base import ProviderUnavailableError, WebhookInvalidError
from ustad.payments.providers.local import TEST_CARDS
from ustad.payments.services import local_gateway
from ustad.payments.services.buyables import buyables_resolve
from ustad.payments.services.orders import order_create, order_quote
from ustad.payments.services.payments import payment_check, payment_start
from ustad.payments.services.receipt_links import receipt_order_id
from ustad.payments.services.receipts import receipt_url
from ustad.payments.services.refunds import order_refund
from ustad.payments.services.webhooks import events_process, webhook_receive

TAGS = ["payments"]
IDEMPOTENCY_HEADER = OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, required=True,
                                      description="One key per checkout click: repeating it returns the same order.")


def orders_with_details(queryset: QuerySet[Order]) -> QuerySet[Order]:
    return queryset.select_related("coupon").prefetch_related(
        Prefetch("items", queryset=OrderItem.objects.select_related("course", "listing")),
        Prefetch("payments", queryset=Payment.objects.order_by("-created_at")))


def order_get_for_user(*, user: Any, order_id: Any) -> Order:
    """The buyer's own order (admins see any); others get 404, never a hint that it exists."""
    queryset = orders_with_details(Order.objects.all())
    if not is_admin(user):
        queryset = queryset.filter(buyer=user)
    order = queryset.filter(id=order_id).first()
    if order is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such order.")
    return order


def _order_response(request: Request, order_id: Any, code: int = status.HTTP_200_OK) -> Response:
    order = order_get_for_user(user=request.user, order_id=order_id)
    return Response(OrderSerializer(order, context={"request": request}).data, status=code)


class ProviderListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(parameters=[ProviderQuerySerializer], responses={200: ProviderSerializer(many=True)}, tags=TAGS,
                   description="The ways to pay offered for a currency, in the order to show them.")
    def get(self, request: Request) -> Response:
        query = ProviderQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        names = provider_names_for(query.validated_data["currency"])
        return Response([{"name": name, "label": get_provider(name).label} for name in names])


class OrderQuoteView(APIView):
    @extend_schema(request=OrderInputSerializer, responses={200: QuoteSerializer}, tags=TAGS,
                   description="What the order would cost, with the coupon applied; nothing is stored.")
    def post(self, request: Request) -> Response:
        data = validated_data(OrderInputSerializer, request)
        buyer = request_user(request)
        quote = order_quote(buyer=buyer, buyables=buyables_resolve(buyer, data["items"]),
                            coupon_code=data.get("coupon"))
        return Response({"currency": quote.currency, "subtotal": quote.subtotal, "discount": quote.discount,
                         "total": quote.total,
                         "items": [{"kind": b.kind, "title": b.title, "unit_amount": b.unit_amount,
                                    "discount": discount, "amount": b.unit_amount - discount}
                                   for b, discount in quote.lines]})


class OrderListView(generics.ListAPIView[Order]):
    serializer_class = OrderSerializer
    queryset = Order.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_queryset(self) -> Any:
        return orders_with_details(Order.objects.filter(buyer=request_user(self.request)))

    @extend_schema(tags=TAGS, description="My orders, newest first.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=OrderInputSerializer, responses={200: OrderSerializer, 201: OrderSerializer}, tags=TAGS,
                   parameters=[IDEMPOTENCY_HEADER],
                   description="A pending order (201), or the same order again for a repeated key (200). 409 "
                               "`already_enrolled`, `own_course`, `free_course`, `idempotency_conflict`; 400 "
                               "`coupon_invalid`, `mixed_currencies`; 404 `not_found`.")
    def post(self, request: Request) -> Response:
        data = validated_data(OrderInputSerializer, request)
        order, created = order_create(buyer=request_user(request), items=data["items"],
                                      idempotency_key=request.headers.get("Idempotency-Key", "").strip(),
                                      coupon_code=data.get("coupon"))
        return _order_response(request, order.id, status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class OrderView(APIView):
    @extend_schema(responses={200: OrderSerializer}, tags=TAGS)
    def get(self, request: Request, pk: Any) -> Response:
        return _order_response(request, pk)


class OrderPayView(APIView):
    @extend_schema(request=PayInputSerializer, responses={201: PayStartSerializer}, tags=TAGS,
                   description="Start paying at a provider: send the buyer to `redirect_url` (POSTing "
                               "`form_fields` when there are any). 503 `provider_unavailable` keeps the order "
                               "pending; 409 `not_payable` for a paid order.")
    def post(self, request: Request, pk: Any) -> Response:
        order = order_get_for_user(user=request.user, order_id=pk)
        if order.buyer_id != request_user(request).id:
            raise ApplicationError(code="not_found", status_code=404, message="No such order.")
        data = validated_data(PayInputSerializer, request)
        payment, redirect_url, form_fields = payment_start(order=order, provider_name=data["provider"])
        return Response({"payment": None if payment is None else PaymentSerializer(payment).data,
                         "redirect_url": redirect_url, "form_fields": form_fields}, status=status.HTTP_201_CREATED)


class OrderCheckView(APIView):
    @extend_schema(request=None, responses={200: OrderSerializer}, tags=TAGS,
                   description="Ask the provider what became of the order's open payments.")
    def post(self, request: Request, pk: Any) -> Response:
        order = order_get_for_user(user=request.user, order_id=pk)
        payment_check(order=order)
        return _order_response(request, pk)


class OrderRefundView(APIView):
    @extend_schema(request=RefundInputSerializer, responses={200: OrderSerializer}, tags=TAGS,
                   description="Admins: refund (part of) a paid order through its provider. A full refund ends "
                               "access. 409 `not_refundable`.")
    def post(self, request: Request, pk: Any) -> Response:
        if not is_admin(request.user):
            raise ApplicationError(code="not_found", status_code=404, message="No such order.")
        data = validated_data(RefundInputSerializer, request)
        order = order_get_for_user(user=request.user, order_id=pk)
        order_refund(order=order, amount=data.get("amount"), reason=data.get("reason", ""), by=request.user)
        return _order_response(request, pk)


class ReceiptLinkView(APIView):
    """A receipt link from an order: the signature stands in for the buyer's sign-in (links are followed by
    the browser, which sends no token)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(responses={302: None}, tags=TAGS, description="302 to the PDF; 404 for a bad or old link.")
    def get(self, request: Request, token: str) -> HttpResponseRedirect:
        order_id = receipt_order_id(token)
        order = Order.objects.filter(id=order_id).first() if order_id else None
        if order is None or order.receipt_number is None:
            raise ApplicationError(code="not_found", status_code=404,
                                   message="This receipt link is not valid any more: open the order again.")
        return HttpResponseRedirect(receipt_url(order))


# --- The local test gateway --------------------------------------------------------------------------------

def _charge_data(charge: local_gateway.Charge) -> dict[str, Any]:
    return {"id": (charge.payment or charge.subscription).id,  # type: ignore[union-attr]
            "order_id": charge.payment.order_id if charge.payment else None,
            "subscription_id": charge.subscription.id if charge.subscription else None,
            "amount": charge.amount, "currency": charge.currency, "description": charge.description,
            "status": charge.status, "merchant": "Ustad test gateway",
            "test_cards": [{"number": " ".join(card.number[i:i + 4] for i in range(0, 16, 4)),
                            "outcome": card.outcome} for card in TEST_CARDS]}


class LocalChargeView(APIView):
    @extend_schema(responses={200: LocalChargeSerializer}, tags=TAGS,
                   description="The local gateway's page: what is being paid for (its buyer only).")
    def get(self, request: Request, pk: Any) -> Response:
        return Response(_charge_data(local_gateway.charge_get(charge_id=pk, user=request.user)))


class LocalPayView(APIView):
    throttle_classes = [ScopedAddressThrottle]
    throttle_scope = "card_attempts"

    @extend_schema(request=LocalPayInputSerializer, responses={200: LocalResultSerializer}, tags=TAGS,
                   description="Pay with a test card. The result reaches Ustad as a signed webhook, as from "
                               "any provider. 400 `validation_error` for a malformed card.")
    def post(self, request: Request, pk: Any) -> Response:
        charge = local_gateway.charge_get(charge_id=pk, user=request.user)
        data = validated_data(LocalPayInputSerializer, request)
        result = local_gateway.charge_pay(charge=charge, card_number=data["card_number"], expiry=data["expiry"],
                                          cvc=data["cvc"], name=data["name"], otp=data.get("otp") or None)
        return Response({"status": result.status, "message": result.message, "redirect_url": result.redirect_url})


class LocalCancelView(APIView):
    @extend_schema(request=None, responses={200: RedirectSerializer}, tags=TAGS)
    def post(self, request: Request, pk: Any) -> Response:
        charge = local_gateway.charge_get(charge_id=pk, user=request.user)
        return Response({"redirect_url": local_gateway.charge_cancel(charge=charge)})


# --- Providers reporting back --------------------------------------------------------------------------------

class WebhookView(APIView):
    """Deliveries from providers: no user, verified by the provider's signature instead."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    parser_classes: list[Any] = []  # the raw body is what the signature covers

    @extend_schema(request=None, responses={200: None}, tags=TAGS,
                   description="Provider webhooks. 400 `webhook_invalid` for a bad or missing signature (logged, "
                               "nothing changes); 409 `event_out_of_order` asks the provider to deliver it again.")
    def post(self, request: Request, provider: str) -> Response:
        remote_addr = request.META.get("REMOTE_ADDR")
        headers = {key: value for key, value in request.headers.items()}
        applied = webhook_receive(provider_name=provider, headers=headers, body=request.body,
                                  remote_addr=remote_addr)
        return Response({"received": True, "applied": applied})


def _auto_post_page(url: str, fields: dict[str, str]) -> HttpResponse:
    """An HTML form that posts itself on to the provider (their checkout continues with a POST)."""
    inputs = "".join(f'<input type="hidden" name="{html.escape(key)}" value="{html.escape(value)}">'
                     for key, value in fields.items())
    body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Continuing to payment…</title></head>'
            f'<body><form id="next" method="post" action="{html.escape(url)}">{inputs}'
            f'<noscript><button type="submit">Continue</button></noscript></form>'
            f'<script>document.getElementById("next").submit()</script></body></html>')
    return HttpResponse(body, content_type="text/html; charset=utf-8")


class ProviderReturnView(APIView):
    """Where a provider sends the buyer's browser back: settle what the return proves, then show the result."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    parser_classes = [FormParser, MultiPartParser, JSONParser]

    @extend_schema(exclude=True)
    def get(self, request: Request, provider: str) -> HttpResponse:
        return self._settle(request, provider, {key: str(value) for key, value in request.query_params.items()})

    @extend_schema(exclude=True)
    def post(self, request: Request, provider: str) -> HttpResponse:
        form = request.data if isinstance(request.data, dict) else {}
        params = {key: str(value) for key, value in [*request.query_params.items(), *form.items()]}
        return self._settle(request, provider, params)

    def _settle(self, request: Request, provider_name: str, params: dict[str, str]) -> HttpResponse:
        provider = get_provider(provider_name)
        confirm = getattr(provider, "confirm_form", None)
        if confirm is not None:
            step = confirm(params)
            if step is not None:
                return _auto_post_page(step.redirect_url, dict(step.form_fields))
        try:
            events = provider.handle_return(params=params)
            events_process(provider_name=provider_name, events=events, payload="(buyer's return)",
                           remote_addr=request.META.get("REMOTE_ADDR"))
        except (ApplicationError, WebhookInvalidError, ProviderUnavailableError):
            pass  # the result page asks the provider again, and the webhook still comes
        order = params.get("order", "").split("?", 1)[0]
        return HttpResponseRedirect(f"{settings.SITE_URL}/checkout/result?order={html.escape(order)}")


