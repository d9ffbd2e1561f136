"""The marketplace over REST: browse listings, sell your recordings, watch what you bought.

Views validate, call one service or selector and serialize; who may do what is decided in
`services/listings.py` and `selectors/listings.py`.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.payments.api.listing_serializers import (
    ListingContentSerializer,
    ListingDetailSerializer,
    ListingFilterSerializer,
    ListingInputSerializer,
    ListingSerializer,
)
from ustad.payments.models import Listing
from ustad.payments.selectors import listings as selectors
from ustad.payments.services import listings as services
from ustad.users.models import Role

TAGS = ["marketplace"]


class CanSell(BasePermission):
    """Tutors sell: the listing's tutor is who the ledger pays."""

    message = "Only tutors sell recordings in the marketplace."

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user.is_authenticated and getattr(request.user, "role", None) == Role.TUTOR)


def _detail(request: Request, slug: str, status_code: int = status.HTTP_200_OK) -> Response:
    listing = selectors.listing_get_for_user(slug=slug, user=request.user)
    context = {"can_edit": services.listing_can_edit(request.user, listing)}
    return Response(ListingDetailSerializer(listing, context=context).data, status=status_code)


def _editable(request: Request, slug: str) -> Listing:
    """The listing for its tutor and admins; 403 for others who can see it, 404 for everyone else."""
    listing = selectors.listing_get_for_user(slug=slug, user=request.user)
    if not services.listing_can_edit(request.user, listing):
        raise ApplicationError(code="permission_denied", status_code=status.HTTP_403_FORBIDDEN,
                               message="Only the listing's tutor can change it.")
    return listing


def _service_input(data: dict[str, Any]) -> dict[str, Any]:
    renamed = {"recordings": "recording_ids", "lessons": "lesson_ids"}
    return {renamed.get(key, key): value for key, value in data.items()}


class ListingCollectionView(generics.ListAPIView[Listing]):
    """GET: listings on sale (anyone). POST: a tutor drafts a new listing."""

    serializer_class = ListingSerializer
    queryset = Listing.objects.none()  # for the schema; get_queryset asks the selector

    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [CanSell()]

    def get_queryset(self) -> Any:
        params = ListingFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors.listing_list_public(user=self.request.user, search=params.validated_data["q"],
                                             tutor_id=params.validated_data["tutor"])

    @extend_schema(parameters=[ListingFilterSerializer], tags=TAGS, operation_id="listings_list",
                   description="Listings on sale, newest first, with the viewer's `owned` flag.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=ListingInputSerializer, responses={201: ListingDetailSerializer}, tags=TAGS,
                   operation_id="listings_create",
                   description="Draft a listing of your own ready class recordings and video lessons (tutors).")
    def post(self, request: Request) -> Response:
        data = validated_data(ListingInputSerializer, request)
        listing = services.listing_create(tutor=request_user(request), **_service_input(data))
        return _detail(request, listing.slug, status.HTTP_201_CREATED)


class ListingView(APIView):
    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(responses={200: ListingDetailSerializer}, tags=TAGS, operation_id="listings_retrieve",
                   description="One listing. Drafts are visible to their tutor and admins only (404 otherwise).")
    def get(self, request: Request, slug: str) -> Response:
        return _detail(request, slug)

    @extend_schema(request=ListingInputSerializer(partial=True), responses={
        200: ListingDetailSerializer,
        409: OpenApiResponse(description="`listing_has_buyers` (items cannot be taken out) or `listing_archived`")},
        tags=TAGS, operation_id="listings_partial_update",
        description="Change a listing (its tutor or admins). `recordings`/`lessons` replace the lists.")
    def patch(self, request: Request, slug: str) -> Response:
        listing = _editable(request, slug)
        data = validated_data(ListingInputSerializer, request, partial=True)
        services.listing_update(listing=listing, data=data)
        return _detail(request, slug)


class ListingPublishView(APIView):
    @extend_schema(request=None, responses={200: ListingDetailSerializer}, tags=TAGS, operation_id="listings_publish",
                   description="Put the listing on sale; 400 `listing_empty` without a recording or lesson.")
    def post(self, request: Request, slug: str) -> Response:
        services.listing_publish(listing=_editable(request, slug))
        return _detail(request, slug)


class ListingArchiveView(APIView):
    @extend_schema(request=None, responses={200: ListingDetailSerializer}, tags=TAGS, operation_id="listings_archive",
                   description="Stop selling the listing. Buyers keep their access.")
    def post(self, request: Request, slug: str) -> Response:
        services.listing_archive(listing=_editable(request, slug))
        return _detail(request, slug)


class ListingContentView(APIView):
    @extend_schema(responses={200: ListingContentSerializer,
                              403: OpenApiResponse(description="`payment_required`: buy the listing first")},
                   tags=TAGS, operation_id="listings_content",
                   description="Signed links to the listing's videos, for its buyers, its tutor and admins.")
    def get(self, request: Request, slug: str) -> Response:
        listing = selectors.listing_get_for_user(slug=slug, user=request.user)
        if not services.listing_can_open(request.user, listing):
            raise ApplicationError(code="payment_required", status_code=status.HTTP_403_FORBIDDEN,
                                   message=f"Buy “{listing.title}” to watch its recordings and lessons.")
        return Response(ListingContentSerializer(selectors.listing_content(listing=listing)).data)


class MyListingListView(generics.ListAPIView[Listing]):
    serializer_class = ListingSerializer
    queryset = Listing.objects.none()  # for the schema; get_queryset scopes to the caller

    @extend_schema(tags=TAGS, operation_id="me_listings_list",
                   description="The listings you bought and still own, most recent first.")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return selectors.listing_list_for_buyer(user=self.request.user)
