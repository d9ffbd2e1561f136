"""Routes of this part of the payments API: earnings, payouts, the admin's order list and receipts."""

from django.urls import path

from ustad.payments.api import payouts

urlpatterns = [
    path("earnings", payouts.EarningsView.as_view(), name="earnings"),
    path("payouts", payouts.PayoutListView.as_view(), name="payout-list"),
    path("payouts/<uuid:pk>", payouts.PayoutView.as_view(), name="payout-detail"),
    path("payouts/<uuid:pk>/approve", payouts.PayoutApproveView.as_view(), name="payout-approve"),
    path("payouts/<uuid:pk>/reject", payouts.PayoutRejectView.as_view(), name="payout-reject"),
    path("payouts/<uuid:pk>/mark-paid", payouts.PayoutMarkPaidView.as_view(), name="payout-mark-paid"),
    path("admin/orders", payouts.AdminOrderListView.as_view(), name="admin-order-list"),
    path("orders/<uuid:pk>/receipt", payouts.OrderReceiptView.as_view(), name="order-receipt"),
]
