"""Django admin for what staff set up by hand (coupons, plans) and read-only views of money records.

Orders, payments, the webhook log and the ledger change only through the payments services (refunds from
the Orders screen), so the admin shows them without edit or delete.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ustad.payments.models import Coupon, LedgerTransaction, Order, Payment, Plan, WebhookEvent


@admin.register(Coupon)
class CouponAdmin(admin.ModelAdmin[Coupon]):
    list_display = ["code", "kind", "value", "currency", "course", "tutor", "expires_at", "redemptions",
                    "max_redemptions"]
    search_fields = ["code"]
    raw_id_fields = ["course", "tutor", "created_by"]
    readonly_fields = ["redemptions"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin[Plan]):
    list_display = ["name", "slug", "price_amount", "currency", "active"]
    prepopulated_fields = {"slug": ("name",)}


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = ["id", "buyer", "status", "total", "currency", "refunded", "receipt_number", "created_at"]
    list_filter = ["status", "currency"]
    search_fields = ["buyer__email", "id"]


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["provider", "provider_ref", "status", "amount", "currency", "failure_code", "created_at"]
    list_filter = ["provider", "status"]
    search_fields = ["provider_ref", "provider_payment_ref"]


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdmin):
    list_display = ["provider", "event_type", "event_id", "outcome", "error", "created_at"]
    list_filter = ["provider", "outcome"]
    search_fields = ["event_id"]


@admin.register(LedgerTransaction)
class LedgerTransactionAdmin(ReadOnlyAdmin):
    list_display = ["reference", "memo", "order", "created_at"]
    search_fields = ["reference"]
