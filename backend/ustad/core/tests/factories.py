from __future__ import annotations

import factory
from django.conf import settings
from django.utils import timezone

from ustad.core.models import UploadSession
from ustad.users.tests.factories import StudentFactory


class UploadSessionFactory(factory.django.DjangoModelFactory[UploadSession]):
    class Meta:
        model = UploadSession

    owner = factory.SubFactory(StudentFactory)
    filename = "lesson-1.mp4"
    size = 1024
    kind = "video"
    expires_at = factory.LazyFunction(lambda: timezone.now() + settings.UPLOAD_SESSION_LIFETIME)
