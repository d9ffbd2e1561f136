"""Course files: resources to download and lesson videos, always behind signed links."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url
from ustad.courses import permissions, selectors
from ustad.courses.api.builder import _editable_lesson, lesson_response
from ustad.courses.api.serializers import LessonSerializer, ResourceSerializer
from ustad.courses.models import Resource, ResourceKind
from ustad.courses.services import resources

DOWNLOAD_LINK_SECONDS = 300


class ResourceInputSerializer(serializers.Serializer[Any]):
    upload_id = serializers.UUIDField()
    title = serializers.CharField(max_length=160, required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=ResourceKind.choices)
    lesson_id = serializers.UUIDField(required=False, allow_null=True)


class VideoInputSerializer(serializers.Serializer[Any]):
    upload_id = serializers.UUIDField()
    duration_seconds = serializers.IntegerField(min_value=1, max_value=24 * 3600, required=False)


class DownloadLinkSerializer(serializers.Serializer[Any]):
    url = serializers.CharField()


class CourseResourceListView(APIView):
    @extend_schema(responses={200: ResourceSerializer(many=True)}, tags=["teaching"])
    def get(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_editor(slug=slug, user=request.user)
        return Response(ResourceSerializer(Resource.objects.filter(course=course), many=True).data)

    @extend_schema(request=ResourceInputSerializer, responses={201: ResourceSerializer}, tags=["teaching"])
    def post(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_editor(slug=slug, user=request.user)
        data = validated_data(ResourceInputSerializer, request)
        resource = resources.resource_create(course=course, actor=request_user(request), **data)
        return Response(ResourceSerializer(resource).data, status=status.HTTP_201_CREATED)


def _resource(pk: Any) -> Resource:
    resource = Resource.objects.select_related("course", "lesson", "lesson__course").filter(id=pk).first()
    if resource is None:
        raise ApplicationError(code="not_found", message="No file here.", status_code=404)
    return resource


class ResourceView(APIView):
    @extend_schema(responses={204: None}, tags=["teaching"])
    def delete(self, request: Request, pk: Any) -> Response:
        resource = _resource(pk)
        if not permissions.can_edit_course(request.user, resource.course):
            raise ApplicationError(code="not_found", message="No file here.", status_code=404)
        resources.resource_delete(resource=resource)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResourceDownloadView(APIView):
    permission_classes: list[Any] = []

    @extend_schema(responses={200: DownloadLinkSerializer}, tags=["learning"])
    def get(self, request: Request, pk: Any) -> Response:
        resource = _resource(pk)
        if resource.lesson is not None:
            selectors.lesson_get_for_user(lesson_id=resource.lesson_id, user=request.user)  # 404 / 403 as lessons
        else:
            course = resource.course
            if not permissions.can_see_course(request.user, course):
                raise ApplicationError(code="not_found", message="No file here.", status_code=404)
            if not (permissions.can_edit_course(request.user, course)
                    or permissions.active_enrollment(request.user, course)):
                raise ApplicationError(code="not_enrolled", message="Enrol in this course to download its files.",
                                       status_code=403)
        url = private_file_url(name=resource.stored_name, download_name=resource.original_name,
                               ttl=DOWNLOAD_LINK_SECONDS)
        return Response({"url": url})


class LessonVideoView(APIView):
    @extend_schema(request=VideoInputSerializer, responses={200: LessonSerializer}, tags=["teaching"])
    def post(self, request: Request, pk: Any) -> Response:
        lesson = _editable_lesson(request, pk)
        data = validated_data(VideoInputSerializer, request)
        return lesson_response(resources.lesson_video_set(
            lesson=lesson, actor=request_user(request), upload_id=data["upload_id"],
            duration_seconds=data.get("duration_seconds")))

    @extend_schema(responses={200: LessonSerializer}, tags=["teaching"])
    def delete(self, request: Request, pk: Any) -> Response:
        return lesson_response(resources.lesson_video_remove(lesson=_editable_lesson(request, pk)))
