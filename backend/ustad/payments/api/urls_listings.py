"""Routes of the marketplace (recorded lessons sold on their own)."""

from django.urls import URLPattern, path

from ustad.payments.api import listings

urlpatterns: list[URLPattern] = [
    path("listings", listings.ListingCollectionView.as_view(), name="listing-list"),
    path("listings/<slug:slug>", listings.ListingView.as_view(), name="listing-detail"),
    path("listings/<slug:slug>/publish", listings.ListingPublishView.as_view(), name="listing-publish"),
    path("listings/<slug:slug>/archive", listings.ListingArchiveView.as_view(), name="listing-archive"),
    path("listings/<slug:slug>/content", listings.ListingContentView.as_view(), name="listing-content"),
    path("me/listings", listings.MyListingListView.as_view(), name="my-listings"),
]
