"""Certificates: public verification and the PDF; a student's own list."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user
from ustad.core.errors import ApplicationError
from ustad.courses.models import Certificate
from ustad.courses.services.certificates import certificate_pdf, certificate_verify_url


class CertificateSerializer(serializers.ModelSerializer[Certificate]):
    course_slug = serializers.CharField(source="enrollment.course.slug", read_only=True)
    verify_url = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = ["code", "student_name", "course_title", "tutor_name", "issued_at", "course_slug", "verify_url"]
        read_only_fields = fields

    def get_verify_url(self, certificate: Certificate) -> str:
        return certificate_verify_url(certificate)


def _certificate(code: str) -> Certificate:
    certificate = Certificate.objects.select_related("enrollment__course").filter(code=code.upper()).first()
    if certificate is None:
        raise ApplicationError(code="not_found", message="No certificate has this code.", status_code=404)
    return certificate


class CertificateView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: CertificateSerializer}, tags=["certificates"])
    def get(self, request: Request, code: str) -> Response:
        return Response(CertificateSerializer(_certificate(code)).data)


class CertificatePdfView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=["certificates"])
    def get(self, request: Request, code: str) -> HttpResponse:
        certificate = _certificate(code)
        response = HttpResponse(certificate_pdf(certificate=certificate), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="ustad-certificate-{certificate.code}.pdf"'
        return response


class MyCertificateListView(generics.ListAPIView[Certificate]):
    serializer_class = CertificateSerializer
    queryset = Certificate.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_queryset(self) -> Any:
        return Certificate.objects.filter(enrollment__student=request_user(self.request)).select_related(
            "enrollment__course")
