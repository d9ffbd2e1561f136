"""Base models every app builds on: UUID keys (unguessable in URLs) and timestamps."""

import uuid

from django.conf import settings
from django.db import models


class BaseModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UploadStatus(models.TextChoices):
    OPEN = "open", "Receiving chunks"
    COMPLETE = "complete", "Stored"
    ABORTED = "aborted", "Cancelled"


class UploadSession(BaseModel):
    """A resumable upload of one large file, received in chunks (see ustad.core.files.uploads).

    Chunks go to a temporary file; completing checks what the file really is and moves it into private
    storage, where another app claims it once (`upload_session_claim`).
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="upload_sessions")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(help_text="Declared size in bytes.")
    kind = models.CharField(max_length=32, help_text="Declared kind or group, e.g. video, slides, pdf.")
    received_bytes = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=16, choices=UploadStatus.choices, default=UploadStatus.OPEN)
    expires_at = models.DateTimeField(db_index=True)
    stored_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content_kind = models.CharField(max_length=32, blank=True, help_text="What the file really is.")
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["owner", "status"], name="core_upload_owner_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gt=0), name="core_upload_size_positive"),
            models.CheckConstraint(condition=models.Q(received_bytes__lte=models.F("size")),
                                   name="core_upload_received_within_size"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"
