"""Students learning: enrolment, lessons, progress and private notes."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url
from ustad.courses import selectors
from ustad.courses.api.builder import _editable_lesson, lesson_response
from ustad.courses.api.serializers import (
    EnrollmentSerializer,
    LessonSerializer,
    LessonUpdateInputSerializer,
    NoteInputSerializer,
    NoteSerializer,
    NoteUpdateInputSerializer,
    ProgressInputSerializer,
    ProgressOutputSerializer,
    ResourceSerializer,
)
from ustad.courses.models import Enrollment, Note
from ustad.courses.services import enrollment as enrollment_services
from ustad.courses.services import notes, syllabus

# Long enough to watch a whole lesson: the player asks for byte ranges with the same link throughout.
VIDEO_LINK_SECONDS = 4 * 3600


class EnrollView(APIView):
    @extend_schema(request=None, responses={200: EnrollmentSerializer, 201: EnrollmentSerializer}, tags=["learning"])
    def post(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_user(slug=slug, user=request.user)
        enrollment, created = enrollment_services.enroll_free(student=request_user(request), course=course)
        enrollment.course.refresh_from_db()
        return Response(EnrollmentSerializer(enrollment).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class MyEnrollmentListView(generics.ListAPIView[Enrollment]):
    serializer_class = EnrollmentSerializer
    queryset = Enrollment.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_queryset(self) -> Any:
        return selectors.enrollment_list_for_student(user=self.request.user)


def lesson_context(access: selectors.LessonAccess) -> dict[str, Any]:
    lesson = access.lesson
    progress = selectors.progress_for(enrollment=access.enrollment, lesson_ids=[lesson.id]).get(lesson.id)
    previous_id, next_id = selectors.lesson_neighbours(lesson=lesson)
    resources = [ResourceSerializer(resource).data for resource in selectors.lesson_resources(lesson=lesson)]
    return {
        "editor": access.editor,
        "resources": resources,
        "video_url": private_file_url(
            name=lesson.video_name, ttl=VIDEO_LINK_SECONDS,
            download_name=f"{lesson.title}{'.webm' if 'webm' in lesson.video_content_type else '.mp4'}",
        ) if lesson.video_name else None,
        "progress": None if access.enrollment is None else {
            "position_seconds": progress.position_seconds if progress else 0,
            "completed": bool(progress and progress.completed_at),
        },
        "previous_lesson_id": previous_id,
        "next_lesson_id": next_id,
    }


class LessonView(APIView):
    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(responses={200: LessonSerializer}, tags=["learning"])
    def get(self, request: Request, pk: Any) -> Response:
        access = selectors.lesson_get_for_user(lesson_id=pk, user=request.user)
        return Response(LessonSerializer(access.lesson, context=lesson_context(access)).data)

    @extend_schema(request=LessonUpdateInputSerializer, responses={200: LessonSerializer}, tags=["teaching"])
    def patch(self, request: Request, pk: Any) -> Response:
        lesson = _editable_lesson(request, pk)
        data = validated_data(LessonUpdateInputSerializer, request, partial=True)
        return lesson_response(syllabus.lesson_update(lesson=lesson, data=data))

    @extend_schema(responses={204: None}, tags=["teaching"])
    def delete(self, request: Request, pk: Any) -> Response:
        syllabus.lesson_delete(lesson=_editable_lesson(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class LessonProgressView(APIView):
    @extend_schema(request=ProgressInputSerializer, responses={200: ProgressOutputSerializer}, tags=["learning"])
    def post(self, request: Request, pk: Any) -> Response:
        access = selectors.lesson_get_for_user(lesson_id=pk, user=request.user)
        if access.enrollment is None:
            raise ApplicationError(code="not_enrolled", message="Enrol in this course to track progress.",
                                   status_code=403)
        data = validated_data(ProgressInputSerializer, request)
        progress = enrollment_services.lesson_progress_record(
            enrollment=access.enrollment, lesson=access.lesson, position_seconds=data.get("position_seconds"),
            completed=data.get("completed"))
        enrollment = Enrollment.objects.select_related("course").get(id=access.enrollment.id)
        return Response({
            "position_seconds": progress.position_seconds,
            "completed": progress.completed_at is not None,
            "course_progress_percent": selectors.progress_percent(enrollment, enrollment.course.lesson_count),
        })


class LessonNoteListView(generics.ListCreateAPIView[Note]):
    serializer_class = NoteSerializer
    queryset = Note.objects.none()  # for the schema; get_queryset scopes to the caller and lesson
    pagination_class = None

    def _lesson(self) -> Any:
        return selectors.lesson_get_for_user(lesson_id=self.kwargs["pk"], user=self.request.user).lesson

    def get_queryset(self) -> Any:
        return selectors.note_list_for_user(user=self.request.user, lesson=self._lesson())

    @extend_schema(request=NoteInputSerializer, responses={201: NoteSerializer}, tags=["learning"])
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        lesson = self._lesson()
        data = validated_data(NoteInputSerializer, request)
        note = notes.note_create(student=request_user(request), lesson=lesson, body=data["body"],
                                 timestamp_seconds=data.get("timestamp_seconds"))
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


class NoteView(APIView):
    @extend_schema(request=NoteUpdateInputSerializer, responses={200: NoteSerializer}, tags=["learning"])
    def patch(self, request: Request, pk: Any) -> Response:
        note = selectors.note_get_for_user(user=request.user, note_id=pk)
        data = validated_data(NoteUpdateInputSerializer, request, partial=True)
        note = notes.note_update(note=note, body=data.get("body"), timestamp_seconds=data.get("timestamp_seconds"),
                                 clear_timestamp="timestamp_seconds" in data and data["timestamp_seconds"] is None)
        return Response(NoteSerializer(note).data)

    @extend_schema(responses={204: None}, tags=["learning"])
    def delete(self, request: Request, pk: Any) -> Response:
        notes.note_delete(note=selectors.note_get_for_user(user=request.user, note_id=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
