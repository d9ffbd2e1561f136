"""Shapes of the marketplace API. Input serializers check types only; the rules live in the service."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ustad.payments.models import ListingStatus
from ustad.payments.services.listings import MAX_ITEMS
from ustad.users.models import Currency


class ListingTutorSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    name = serializers.CharField(source="full_name")


class ListingSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    description = serializers.CharField()
    currency = serializers.ChoiceField(choices=Currency.choices)
    price_amount = serializers.IntegerField(help_text="Minor units (paisa, cents).")
    status = serializers.ChoiceField(choices=ListingStatus.choices)
    tutor = ListingTutorSerializer()
    recording_count = serializers.IntegerField()
    lesson_count = serializers.IntegerField()
    owned = serializers.BooleanField(help_text="The viewer bought it and has not been refunded.")


class ListingItemSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    duration_seconds = serializers.FloatField(allow_null=True)


class ListingDetailSerializer(ListingSerializer):
    recordings = ListingItemSerializer(many=True, help_text="What the listing holds (no links: see /content).")
    lessons = ListingItemSerializer(many=True)
    can_edit = serializers.SerializerMethodField()

    def get_can_edit(self, listing: Any) -> bool:
        return bool(self.context.get("can_edit"))


class ListingRecordingContentSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    duration_seconds = serializers.FloatField(allow_null=True)
    video_url = serializers.CharField(allow_null=True, help_text="Signed link; answers range requests.")
    thumbnail_url = serializers.CharField(allow_null=True)


class ListingLessonContentSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    duration_seconds = serializers.IntegerField()
    video_url = serializers.CharField(allow_null=True, help_text="Signed link; answers range requests.")


class ListingContentSerializer(serializers.Serializer[Any]):
    recordings = ListingRecordingContentSerializer(many=True)
    lessons = ListingLessonContentSerializer(many=True)


class ListingInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=6000, required=False, allow_blank=True, default="")
    currency = serializers.CharField(max_length=3)
    price_amount = serializers.IntegerField(help_text="Minor units (paisa, cents); above zero.")
    recordings = serializers.ListField(child=serializers.UUIDField(), max_length=MAX_ITEMS, required=False,
                                       default=list, help_text="Ready recordings of your own classes.")
    lessons = serializers.ListField(child=serializers.UUIDField(), max_length=MAX_ITEMS, required=False,
                                    default=list, help_text="Video lessons of your own courses.")


class ListingFilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(max_length=100, required=False, allow_blank=True, default="",
                              help_text="Words of the title.")
    tutor = serializers.UUIDField(required=False, allow_null=True, default=None,
                                  help_text="One tutor's listings; your own id also shows your drafts.")
