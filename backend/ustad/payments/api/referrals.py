"""Referrals API: the signed-in user's own affiliate page."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user
from ustad.payments.selectors.referrals import affiliate_summary_for_user


class ReferralEarningsSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    pending = serializers.IntegerField(help_text="Waiting for the refund window to close, in minor units.")
    credited = serializers.IntegerField(help_text="Credited to the referrer's balance, in minor units.")


class ReferralActivitySerializer(serializers.Serializer[Any]):
    date = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=["click", "signup", "conversion"])
    amount = serializers.IntegerField(allow_null=True)
    currency = serializers.CharField(allow_null=True)


class AffiliateSummarySerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    link = serializers.CharField(help_text="Share this: it records the click and remembers the referrer for "
                                           "30 days.")
    clicks = serializers.IntegerField()
    signups = serializers.IntegerField()
    conversions = serializers.IntegerField(help_text="Referred users' first purchases that were not refunded.")
    earnings = ReferralEarningsSerializer(many=True)
    recent = ReferralActivitySerializer(many=True)


class MyReferralsView(APIView):
    @extend_schema(responses={200: AffiliateSummarySerializer}, tags=["referrals"])
    def get(self, request: Request) -> Response:
        summary = affiliate_summary_for_user(user=request_user(request))
        return Response(AffiliateSummarySerializer(summary).data)
