"""Certificates of completion, verifiable by anyone at a public address."""

from __future__ import annotations

import secrets

from django.db import models

from ustad.core.models import BaseModel
from ustad.courses.models.course import Enrollment


def certificate_code() -> str:
    return secrets.token_hex(6).upper()


class Certificate(BaseModel):
    enrollment = models.OneToOneField(Enrollment, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(max_length=16, unique=True, default=certificate_code)
    issued_at = models.DateTimeField(auto_now_add=True)
    # What the certificate says, kept as issued even if names or titles change later.
    student_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=200)
    tutor_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.code}: {self.student_name}, {self.course_title}"
