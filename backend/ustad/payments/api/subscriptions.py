"""Subscriptions: the plans, starting one at a provider, cancelling and resuming, enrolling with one."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses.api.serializers import CourseCardSerializer, EnrollmentSerializer
from ustad.courses.models import Course, CourseStatus
from ustad.courses.selectors import course_get_for_user
from ustad.payments.api.order_serializers import (
    PlanSerializer,
    SubscriptionEnrolInputSerializer,
    SubscriptionInputSerializer,
    SubscriptionSerializer,
    SubscriptionStartSerializer,
)
from ustad.payments.models import Plan, Subscription
from ustad.payments.services import subscriptions

TAGS = ["subscriptions"]


def included_courses() -> Any:
    return (Course.objects.filter(status=CourseStatus.PUBLISHED, included_in_subscription=True)
            .select_related("owner", "category").defer("description", "search_vector").order_by("title"))


class PlanListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: PlanSerializer(many=True)}, tags=TAGS)
    def get(self, request: Request) -> Response:
        count = included_courses().count()
        plans = Plan.objects.filter(active=True)
        for plan in plans:
            plan.included_course_count = count  # type: ignore[attr-defined]
        return Response(PlanSerializer(plans, many=True).data)


class PlanCourseListView(generics.ListAPIView[Course]):
    permission_classes = [AllowAny]
    serializer_class = CourseCardSerializer
    queryset = Course.objects.none()

    def get_queryset(self) -> Any:
        if not Plan.objects.filter(slug=self.kwargs["slug"], active=True).exists():
            raise ApplicationError(code="not_found", status_code=404, message="No such plan.")
        return included_courses()

    @extend_schema(tags=TAGS, description="The courses a plan opens.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


def subscription_get_for_user(*, user: Any, subscription_id: Any) -> Subscription:
    found = Subscription.objects.filter(id=subscription_id, user=user).select_related("plan").first()
    if found is None:
        raise ApplicationError(code="not_found", status_code=404, message="No such subscription.")
    return found


class SubscriptionListView(APIView):
    @extend_schema(responses={200: SubscriptionSerializer(many=True)}, tags=TAGS, description="My subscriptions.")
    def get(self, request: Request) -> Response:
        mine = (Subscription.objects.filter(user=request_user(request)).exclude(status="incomplete")
                .select_related("plan").order_by("-created_at")[:50])
        return Response(SubscriptionSerializer(mine, many=True).data)

    @extend_schema(request=SubscriptionInputSerializer, responses={201: SubscriptionStartSerializer}, tags=TAGS,
                   description="Start a subscription: send the buyer to `redirect_url`. 409 `already_subscribed`; "
                               "503 `provider_unavailable`.")
    def post(self, request: Request) -> Response:
        data = validated_data(SubscriptionInputSerializer, request)
        subscription, redirect_url, form_fields = subscriptions.subscription_start(
            user=request_user(request), plan_slug=data["plan"], provider_name=data["provider"])
        return Response({"subscription": SubscriptionSerializer(subscription).data, "redirect_url": redirect_url,
                         "form_fields": form_fields}, status=status.HTTP_201_CREATED)


class SubscriptionCancelView(APIView):
    @extend_schema(request=None, responses={200: SubscriptionSerializer}, tags=TAGS,
                   description="Stop renewing; access continues until `current_period_end`.")
    def post(self, request: Request, pk: Any) -> Response:
        subscription = subscription_get_for_user(user=request.user, subscription_id=pk)
        return Response(SubscriptionSerializer(subscriptions.subscription_cancel(subscription=subscription)).data)


class SubscriptionResumeView(APIView):
    @extend_schema(request=None, responses={200: SubscriptionSerializer}, tags=TAGS)
    def post(self, request: Request, pk: Any) -> Response:
        subscription = subscription_get_for_user(user=request.user, subscription_id=pk)
        return Response(SubscriptionSerializer(subscriptions.subscription_resume(subscription=subscription)).data)


class SubscriptionEnrolView(APIView):
    @extend_schema(request=SubscriptionEnrolInputSerializer, responses={201: EnrollmentSerializer}, tags=TAGS,
                   description="Open an included course with the subscription. 402 `subscription_required` or "
                               "`not_included`.")
    def post(self, request: Request) -> Response:
        data = validated_data(SubscriptionEnrolInputSerializer, request)
        course = course_get_for_user(slug=data["course"], user=request.user)
        enrollment = subscriptions.subscription_enrol(user=request_user(request), course=course)
        return Response(EnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED)
