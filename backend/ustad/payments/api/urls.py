from django.urls import include, path

urlpatterns = [
    path("", include("ustad.payments.api.urls_checkout")),
    path("", include("ustad.payments.api.urls_payouts")),
    path("", include("ustad.payments.api.urls_referrals")),
    path("", include("ustad.payments.api.urls_listings")),
]
