"""Routes for buying, paying, providers reporting back, and subscriptions."""

from django.urls import path

from ustad.payments.api import checkout, subscriptions

urlpatterns = [
    path("payments/providers", checkout.ProviderListView.as_view(), name="payment-providers"),
    path("orders", checkout.OrderListView.as_view(), name="order-list"),
    path("orders/quote", checkout.OrderQuoteView.as_view(), name="order-quote"),
    path("orders/<uuid:pk>", checkout.OrderView.as_view(), name="order-detail"),
    path("orders/<uuid:pk>/pay", checkout.OrderPayView.as_view(), name="order-pay"),
    path("orders/<uuid:pk>/check", checkout.OrderCheckView.as_view(), name="order-check"),
    path("orders/<uuid:pk>/refund", checkout.OrderRefundView.as_view(), name="order-refund"),
    path("receipts/<str:token>", checkout.ReceiptLinkView.as_view(), name="receipt-link"),
    path("payments/local/<uuid:pk>", checkout.LocalChargeView.as_view(), name="local-charge"),
    path("payments/local/<uuid:pk>/pay", checkout.LocalPayView.as_view(), name="local-pay"),
    path("payments/local/<uuid:pk>/cancel", checkout.LocalCancelView.as_view(), name="local-cancel"),
    path("payments/return/<slug:provider>", checkout.ProviderReturnView.as_view(), name="payment-return"),
    path("webhooks/<slug:provider>", checkout.WebhookView.as_view(), name="payment-webhook"),
    path("plans", subscriptions.PlanListView.as_view(), name="plan-list"),
    path("plans/<slug:slug>/courses", subscriptions.PlanCourseListView.as_view(), name="plan-courses"),
    path("subscriptions", subscriptions.SubscriptionListView.as_view(), name="subscription-list"),
    path("subscriptions/enrol", subscriptions.SubscriptionEnrolView.as_view(), name="subscription-enrol"),
    path("subscriptions/<uuid:pk>/cancel", subscriptions.SubscriptionCancelView.as_view(),
         name="subscription-cancel"),
    path("subscriptions/<uuid:pk>/resume", subscriptions.SubscriptionResumeView.as_view(),
         name="subscription-resume"),
]
