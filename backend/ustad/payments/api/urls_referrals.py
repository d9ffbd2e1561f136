"""Routes of this part of the payments API."""

from django.urls import URLPattern, path

from ustad.payments.api import referrals

urlpatterns: list[URLPattern] = [
    path("referrals/me", referrals.MyReferralsView.as_view(), name="referrals-me"),
]
