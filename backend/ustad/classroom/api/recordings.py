"""Class recordings over REST: start, chunks, stop, list, watch, download, delete, make a lesson.

The tutor's browser records and uploads while the class runs; see docs/classroom.md, "Recording".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.classroom import permissions, selectors, selectors_recordings
from ustad.classroom.models import LiveSession, Recording
from ustad.classroom.services import recording as recording_services
from ustad.core.api import request_user
from ustad.core.errors import ApplicationError
from ustad.core.files.parsers import ChunkBody, OctetStreamParser, WebmParser
from ustad.courses import permissions as course_permissions
from ustad.courses import selectors as course_selectors

TAGS = ["classroom"]


class RecordingCourseSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    title = serializers.CharField()


class RecordingSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    session_id = serializers.UUIDField()
    course = RecordingCourseSerializer(allow_null=True)
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=["recording", "processing", "ready", "failed"])
    started_at = serializers.DateTimeField()
    started_by = serializers.UUIDField(allow_null=True)
    stopped_at = serializers.DateTimeField(allow_null=True)
    duration_seconds = serializers.FloatField(allow_null=True)
    progress = serializers.IntegerField(help_text="Processing progress, 0–100.")
    error = serializers.CharField(allow_blank=True)
    size = serializers.IntegerField(allow_null=True, help_text="Bytes of the MP4.")
    lesson_id = serializers.UUIDField(allow_null=True)
    video_url = serializers.CharField(allow_null=True, help_text="Signed link; answers range requests.")
    audio_url = serializers.CharField(allow_null=True, help_text="Signed link to the M4A audio track.")
    thumbnail_url = serializers.CharField(allow_null=True)
    download_url = serializers.CharField(allow_null=True, help_text="Signed link that downloads the MP4.")


class RecordingStartSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(required=False, allow_blank=True, max_length=200)


class ChunkStoredSerializer(serializers.Serializer[Any]):
    part = serializers.IntegerField()
    index = serializers.IntegerField()
    size = serializers.IntegerField()


class RecordingLessonInputSerializer(serializers.Serializer[Any]):
    section_id = serializers.UUIDField()
    title = serializers.CharField(required=False, allow_blank=True, max_length=120)


class RecordingLessonSerializer(serializers.Serializer[Any]):
    lesson_id = serializers.UUIDField()


def _managed_session(request: Request, session_id: Any) -> LiveSession:
    """The class, for its tutors; attendees get 403 and everyone else 404."""
    user = request_user(request)
    session = selectors.session_get_for_user(user=user, session_id=session_id)
    if not permissions.can_manage_session(user, session):
        raise ApplicationError(code="permission_denied", status_code=status.HTTP_403_FORBIDDEN,
                               message="Only the class's tutors can do that.")
    return session


def _session_recording(session: LiveSession, recording_id: Any) -> Recording:
    recording = Recording.objects.select_related("course").filter(id=recording_id, session=session).first()
    if recording is None:
        raise ApplicationError(code="not_found", status_code=status.HTTP_404_NOT_FOUND, message="No recording here.")
    return recording


def _managed_recording(request: Request, recording_id: Any) -> Recording:
    recording, tutor = selectors_recordings.recording_get_for_user(user=request_user(request),
                                                                   recording_id=recording_id)
    if not tutor:
        raise ApplicationError(code="permission_denied", status_code=status.HTTP_403_FORBIDDEN,
                               message="Only the class's tutors can do that.")
    return recording


class SessionRecordingCollectionView(APIView):
    @extend_schema(responses={200: RecordingSerializer(many=True)}, tags=TAGS,
                   description="The class's recordings: tutors see all, attendees the ready ones.")
    def get(self, request: Request, pk: Any) -> Response:
        user = request_user(request)
        session = selectors.session_get_for_user(user=user, session_id=pk)
        tutor = permissions.can_manage_session(user, session)
        recordings = selectors_recordings.recordings_of_session(session=session, tutor=tutor)
        return Response([selectors_recordings.recording_dict(recording) for recording in recordings])

    @extend_schema(request=RecordingStartSerializer, responses={
        201: RecordingSerializer,
        409: OpenApiResponse(description="`already_recording` (the running one in `fields.recording_id`) or "
                                         "`session_not_live`")}, tags=TAGS,
        description="Start recording a live class (its tutors). Everyone in the room sees `recording.started`.")
    def post(self, request: Request, pk: Any) -> Response:
        session = _managed_session(request, pk)
        data = RecordingStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recording = recording_services.recording_start(session=session, tutor=request_user(request),
                                                       title=data.validated_data.get("title"))
        return Response(selectors_recordings.recording_dict(recording), status=status.HTTP_201_CREATED)


class RecordingChunkView(APIView):
    parser_classes = [WebmParser, OctetStreamParser]

    @extend_schema(request={"video/webm": OpenApiTypes.BINARY, "application/octet-stream": OpenApiTypes.BINARY},
                   responses={201: ChunkStoredSerializer, 200: ChunkStoredSerializer,
                              409: OpenApiResponse(description="`recording_stopped`"),
                              413: OpenApiResponse(description="`chunk_too_large`"),
                              415: OpenApiResponse(description="The first chunk of a part is not WebM")},
                   tags=TAGS,
                   description="Store one MediaRecorder chunk (1 byte–8 MB). The same chunk again answers 200 "
                               "and changes nothing; a reloaded recorder continues with a new `part`.")
    def put(self, request: Request, pk: Any, recording_id: Any, part: int, index: int) -> Response:
        session = _managed_session(request, pk)
        recording = _session_recording(session, recording_id)
        body = request.data
        limit = settings.RECORDING_CHUNK_MAX_BYTES
        data = body.stream.read(limit + 1) if isinstance(body, ChunkBody) and body.length > 0 else b""
        chunk, created = recording_services.recording_chunk_store(recording=recording, part=part, index=index,
                                                                  data=data)
        return Response({"part": chunk.part, "index": chunk.index, "size": chunk.size},
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class RecordingStopView(APIView):
    @extend_schema(request=None, responses={200: RecordingSerializer}, tags=TAGS,
                   description="Stop recording; the MP4 is made in the background (`progress`). Safe to repeat.")
    def post(self, request: Request, pk: Any, recording_id: Any) -> Response:
        session = _managed_session(request, pk)
        recording = recording_services.recording_stop(recording=_session_recording(session, recording_id),
                                                      by=request_user(request))
        return Response(selectors_recordings.recording_dict(recording))


class RecordingView(APIView):
    @extend_schema(responses={200: RecordingSerializer}, tags=TAGS,
                   description="One recording: its tutors always, its attendees once it is ready.")
    def get(self, request: Request, recording_id: Any) -> Response:
        recording, _ = selectors_recordings.recording_get_for_user(user=request_user(request),
                                                                   recording_id=recording_id)
        return Response(selectors_recordings.recording_dict(recording))

    @extend_schema(responses={204: None, 409: OpenApiResponse(description="`still_recording`")}, tags=TAGS,
                   description="Delete a recording and its files (the class's tutors).")
    def delete(self, request: Request, recording_id: Any) -> Response:
        recording_services.recording_delete(recording=_managed_recording(request, recording_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecordingLessonView(APIView):
    @extend_schema(request=RecordingLessonInputSerializer, responses={
        201: RecordingLessonSerializer, 409: OpenApiResponse(description="`already_published`, "
                                                                         "`recording_not_ready`")}, tags=TAGS,
        description="Make a video lesson of the recording in a section of its course (the course's tutors).")
    def post(self, request: Request, recording_id: Any) -> Response:
        recording = _managed_recording(request, recording_id)
        if recording.course is None or not course_permissions.can_edit_course(request_user(request),
                                                                               recording.course):
            raise ApplicationError(code="permission_denied", status_code=status.HTTP_403_FORBIDDEN,
                                   message="Only the course's tutors can add lessons to it.")
        data = RecordingLessonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lesson = recording_services.recording_lesson_create(recording=recording,
                                                            section_id=data.validated_data["section_id"],
                                                            title=data.validated_data.get("title"))
        return Response({"lesson_id": str(lesson.id)}, status=status.HTTP_201_CREATED)


class CourseRecordingListView(APIView):
    @extend_schema(responses={200: RecordingSerializer(many=True)}, tags=TAGS,
                   description="The ready recordings of a course's classes, for its tutors and active students "
                               "(403 `not_enrolled` for others who can see the course).")
    def get(self, request: Request, slug: str) -> Response:
        user = request_user(request)
        course = course_selectors.course_get_for_user(slug=slug, user=user)
        if not course_permissions.can_edit_course(user, course) and \
                course_permissions.active_enrollment(user, course) is None:
            raise ApplicationError(code="not_enrolled", status_code=status.HTTP_403_FORBIDDEN,
                                   message="Enrol in the course to watch its class recordings.")
        recordings = Recording.objects.filter(course=course, status="ready").select_related("course")
        return Response([selectors_recordings.recording_dict(recording) for recording in recordings])
