"""The public side of courses: catalogue, course page and reviews."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses import catalogue_cache, permissions, selectors
from ustad.courses.api.serializers import (
    CategorySerializer,
    CourseCardSerializer,
    CourseDetailSerializer,
    ReviewInputSerializer,
    ReviewSerializer,
)
from ustad.courses.models import Category, Course, Level, Review
from ustad.courses.services import reviews
from ustad.users.models import Language


def course_detail_response(course: Course, user: Any, status_code: int = status.HTTP_200_OK) -> Response:
    """The course page as this viewer sees it (what they may open, edit or review)."""
    editor = permissions.can_edit_course(user, course)
    enrollment = permissions.active_enrollment(user, course)
    my_review = Review.objects.filter(course=course, student=user).select_related("student").first() \
        if user.is_authenticated else None
    viewer = {
        "can_edit": editor,
        "is_enrolled": enrollment is not None,
        "progress_percent": selectors.progress_percent(enrollment, course.lesson_count),
        "can_review": enrollment is not None,
        "my_review": my_review,
    }
    context = {
        "viewer": viewer,
        "can_open_all": editor or enrollment is not None,
        "completed_lesson_ids": selectors.completed_lesson_ids(enrollment=enrollment),
    }
    return Response(CourseDetailSerializer(course, context=context).data, status=status_code)


class CategoryListView(generics.ListAPIView[Category]):
    permission_classes = [AllowAny]
    pagination_class = None
    serializer_class = CategorySerializer
    queryset = Category.objects.order_by("name")


class CatalogueFilterSerializer(serializers.Serializer[Any]):
    search = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    category = serializers.SlugField(required=False, allow_blank=True, default="")
    level = serializers.ChoiceField(choices=Level.choices, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(choices=Language.choices, required=False, allow_blank=True, default="")
    price = serializers.ChoiceField(choices=["free", "paid"], required=False, allow_blank=True, default="")
    price_min = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)
    price_max = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)
    rating_min = serializers.FloatField(min_value=0, max_value=5, required=False, allow_null=True, default=None)
    sort = serializers.ChoiceField(choices=["relevance", "newest", "rating", "popular", "price_asc", "price_desc"],
                                   required=False, allow_blank=True, default="")


class CourseListView(generics.ListAPIView[Course]):
    permission_classes = [AllowAny]
    serializer_class = CourseCardSerializer

    @extend_schema(parameters=[CatalogueFilterSerializer], tags=["catalogue"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def _filters(self) -> dict[str, Any]:
        params = CatalogueFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return dict(params.validated_data)

    def get_queryset(self) -> Any:
        return selectors.course_list_for_catalogue(filters=selectors.CatalogueFilters(**self._filters()))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Pages are the same for everyone, so they come from the catalogue cache (see `catalogue_cache`)."""
        query = request.query_params
        key = catalogue_cache.page_key(origin=request.build_absolute_uri("/"), params={
            **self._filters(), "page": query.get("page", "")[:12], "page_size": query.get("page_size", "")[:6],
        })
        return Response(catalogue_cache.cached_page(key=key, build=lambda: super(CourseListView, self).list(
            request, *args, **kwargs).data))


class CourseReviewListView(generics.ListAPIView[Review]):
    permission_classes = [AllowAny]
    serializer_class = ReviewSerializer
    queryset = Review.objects.none()  # for the schema; get_queryset scopes to the course

    def get_permissions(self) -> list[Any]:
        return [IsAuthenticated()] if self.request.method == "POST" else [AllowAny()]

    def get_queryset(self) -> Any:
        course = selectors.course_get_for_user(slug=self.kwargs["slug"], user=self.request.user)
        return Review.objects.filter(course=course).select_related("student").order_by("-created_at")

    @extend_schema(request=ReviewInputSerializer, responses={200: ReviewSerializer}, tags=["catalogue"])
    def post(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_user(slug=slug, user=request.user)
        reviews.review_check_allowed(student=request_user(request), course=course)
        data = validated_data(ReviewInputSerializer, request)
        review = reviews.review_upsert(student=request_user(request), course=course, rating=data["rating"],
                                       body=data["body"])
        return Response(ReviewSerializer(review).data)


class MyReviewView(APIView):
    @extend_schema(responses={204: None}, tags=["catalogue"])
    def delete(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_user(slug=slug, user=request.user)
        reviews.review_delete(student=request_user(request), course=course)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CourseDetailMixin:
    """Course page read by anyone allowed to see it."""

    @extend_schema(responses={200: CourseDetailSerializer},
                   parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)], tags=["catalogue"])
    def get(self, request: Request, slug: str) -> Response:
        return course_detail_response(selectors.course_get_for_user(slug=slug, user=request.user), request.user)


def not_found_unless(condition: bool) -> None:
    if not condition:
        raise ApplicationError(code="not_found", message="Not found.", status_code=404)
