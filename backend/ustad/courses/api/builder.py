"""The course builder: tutors create and shape their courses."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses import permissions, selectors
from ustad.courses.api.catalogue import CourseDetailMixin, CourseListView, course_detail_response
from ustad.courses.api.serializers import (
    CourseCardSerializer,
    CourseDetailSerializer,
    CourseInputSerializer,
    CourseStudentSerializer,
    CourseUpdateInputSerializer,
    CoverInputSerializer,
    LessonInputSerializer,
    LessonSerializer,
    PublishCheckSerializer,
    SectionSerializer,
    SyllabusInputSerializer,
    TitleInputSerializer,
)
from ustad.courses.models import Course, Enrollment, Lesson, Section
from ustad.courses.permissions import CanTeach
from ustad.courses.services import courses, syllabus


def _editable(request: Request, slug: str) -> Course:
    return selectors.course_get_for_editor(slug=slug, user=request.user)


def _refetch(request: Request, course: Course, status_code: int = status.HTTP_200_OK) -> Response:
    fresh = selectors.course_get_for_user(slug=course.slug, user=request.user)
    return course_detail_response(fresh, request.user, status_code)


class TeachingCourseListView(generics.ListAPIView[Course]):
    permission_classes = [CanTeach]
    serializer_class = CourseCardSerializer
    queryset = Course.objects.none()  # for the schema; get_queryset scopes to the caller

    def get_queryset(self) -> Any:
        return selectors.course_list_for_teaching(user=self.request.user)


class CourseCollectionView(CourseListView):
    """GET: the catalogue (anyone). POST: a tutor starts a new draft course."""

    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [CanTeach()]

    @extend_schema(request=CourseInputSerializer, responses={201: CourseDetailSerializer}, tags=["teaching"])
    def post(self, request: Request) -> Response:
        course = courses.course_create(owner=request_user(request), data=validated_data(CourseInputSerializer, request))
        return _refetch(request, course, status.HTTP_201_CREATED)


class CourseView(CourseDetailMixin, APIView):
    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(request=CourseUpdateInputSerializer, responses={200: CourseDetailSerializer}, tags=["teaching"])
    def patch(self, request: Request, slug: str) -> Response:
        course = _editable(request, slug)
        data = validated_data(CourseUpdateInputSerializer, request, partial=True)
        return _refetch(request, courses.course_update(course=course, actor=request_user(request), data=data))

    @extend_schema(responses={204: None}, tags=["teaching"])
    def delete(self, request: Request, slug: str) -> Response:
        courses.course_delete(course=_editable(request, slug), actor=request_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _course_action(action: str) -> type[APIView]:
    """POST /courses/{slug}/<action>: one service call on an editable course, answering the course page."""
    services = {
        "publish": lambda course, user: courses.course_publish(course=course),
        "archive": lambda course, user: courses.course_archive(course=course),
        "restore": lambda course, user: courses.course_restore(course=course),
        "duplicate": lambda course, user: courses.course_duplicate(course=course, actor=user),
    }

    class CourseActionView(APIView):
        @extend_schema(request=None, responses={200: CourseDetailSerializer}, tags=["teaching"],
                       operation_id=f"courses_{action}")
        def post(self, request: Request, slug: str) -> Response:
            result = services[action](_editable(request, slug), request_user(request))
            return _refetch(request, result, status.HTTP_201_CREATED if action == "duplicate" else 200)

    CourseActionView.__name__ = f"Course{action.title()}View"
    return CourseActionView


CoursePublishView = _course_action("publish")
CourseArchiveView = _course_action("archive")
CourseRestoreView = _course_action("restore")
CourseDuplicateView = _course_action("duplicate")


class PublishCheckView(APIView):
    @extend_schema(responses={200: PublishCheckSerializer}, tags=["teaching"])
    def get(self, request: Request, slug: str) -> Response:
        missing = courses.publish_missing(course=_editable(request, slug))
        return Response({"ready": not missing, "missing": missing})


class CourseCoverView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": CoverInputSerializer}, responses={200: CourseDetailSerializer},
                   tags=["teaching"])
    def post(self, request: Request, slug: str) -> Response:
        course = _editable(request, slug)
        upload = validated_data(CoverInputSerializer, request)["cover"]
        return _refetch(request, courses.course_cover_set(course=course, upload=upload))

    @extend_schema(responses={200: CourseDetailSerializer}, tags=["teaching"])
    def delete(self, request: Request, slug: str) -> Response:
        return _refetch(request, courses.course_cover_remove(course=_editable(request, slug)))


class SectionCreateView(APIView):
    @extend_schema(request=TitleInputSerializer, responses={201: SectionSerializer}, tags=["teaching"])
    def post(self, request: Request, slug: str) -> Response:
        course = _editable(request, slug)
        title = validated_data(TitleInputSerializer, request)["title"]
        section = syllabus.section_create(course=course, title=title)
        return Response(SectionSerializer(section).data, status=status.HTTP_201_CREATED)


def _editable_section(request: Request, section_id: Any) -> Section:
    section = Section.objects.select_related("course").filter(id=section_id).first()
    if section is None or not permissions.can_edit_course(request.user, section.course):
        raise ApplicationError(code="not_found", message="No section here.", status_code=404)
    return section


def _editable_lesson(request: Request, lesson_id: Any) -> Lesson:
    lesson = selectors.lesson_get(lesson_id=lesson_id)
    if not permissions.can_edit_course(request.user, lesson.course):
        raise ApplicationError(code="not_found", message="No lesson here.", status_code=404)
    return lesson


class SectionView(APIView):
    @extend_schema(request=TitleInputSerializer, responses={200: SectionSerializer}, tags=["teaching"])
    def patch(self, request: Request, pk: Any) -> Response:
        section = _editable_section(request, pk)
        title = validated_data(TitleInputSerializer, request)["title"]
        return Response(SectionSerializer(syllabus.section_update(section=section, title=title)).data)

    @extend_schema(responses={204: None}, tags=["teaching"])
    def delete(self, request: Request, pk: Any) -> Response:
        syllabus.section_delete(section=_editable_section(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


def lesson_response(lesson: Lesson, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(LessonSerializer(lesson, context={"editor": True}).data, status=status_code)


class LessonCreateView(APIView):
    @extend_schema(request=LessonInputSerializer, responses={201: LessonSerializer}, tags=["teaching"])
    def post(self, request: Request, pk: Any) -> Response:
        section = _editable_section(request, pk)
        lesson = syllabus.lesson_create(section=section, data=validated_data(LessonInputSerializer, request))
        return lesson_response(lesson, status.HTTP_201_CREATED)


class SyllabusView(APIView):
    @extend_schema(request=SyllabusInputSerializer, responses={200: CourseDetailSerializer}, tags=["teaching"])
    def put(self, request: Request, slug: str) -> Response:
        course = _editable(request, slug)
        syllabus.syllabus_reorder(course=course, order=validated_data(SyllabusInputSerializer, request)["sections"])
        return _refetch(request, course)


class CourseStudentListView(generics.ListAPIView[Any]):
    serializer_class = CourseStudentSerializer
    queryset = Enrollment.objects.none()  # for the schema; get_queryset scopes to the course

    def get_queryset(self) -> Any:
        self.course = _editable(self.request, self.kwargs["slug"])
        return selectors.enrollment_list_for_course(course=self.course).order_by("-created_at")

    def get_serializer_context(self) -> dict[str, Any]:
        course = getattr(self, "course", None)
        return {**super().get_serializer_context(), "lesson_count": course.lesson_count if course else 0}

