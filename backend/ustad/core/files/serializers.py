"""Upload sessions in and out. No rules here: the services decide."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.core.files.kinds import DECLARABLE
from ustad.core.models import UploadSession


class UploadCreateInputSerializer(serializers.Serializer[None]):
    filename = serializers.CharField(max_length=255, trim_whitespace=True)
    size = serializers.IntegerField(min_value=0, max_value=2**62, help_text="The whole file's size in bytes.")
    kind = serializers.ChoiceField(
        choices=DECLARABLE,
        help_text="What the file must be: a group (video, audio, slides, document, image, archive, text, code) "
                  "or one kind (pdf, pptx, video/mp4, …).")


class UploadSessionSerializer(serializers.ModelSerializer[UploadSession]):
    chunk_size = serializers.SerializerMethodField(help_text="Send chunks of at most this many bytes.")
    kind = serializers.ChoiceField(choices=DECLARABLE, read_only=True)

    class Meta:
        model = UploadSession
        fields = ["id", "filename", "size", "kind", "status", "received_bytes", "chunk_size", "expires_at",
                  "created_at", "stored_name", "content_type"]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField())
    def get_chunk_size(self, obj: UploadSession) -> int:
        return int(settings.UPLOAD_CHUNK_BYTES)
