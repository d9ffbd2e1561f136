"""Assignments API: tutors set and grade work, students hand it in."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.core.files.signing import private_file_url
from ustad.core.files.uploads import upload_session_claim
from ustad.courses import permissions, selectors, selectors_coursework
from ustad.courses.api.assignment_serializers import (
    AssignmentInputSerializer,
    AssignmentSerializer,
    AssignmentUpdateInputSerializer,
    GradeInputSerializer,
    SubmissionForTutorSerializer,
    SubmissionSerializer,
    SubmitInputSerializer,
)
from ustad.courses.api.media import DownloadLinkSerializer
from ustad.courses.models import SUBMISSION_FILE_KINDS, Assignment, Submission, SubmissionFile, SubmissionStatus
from ustad.courses.services import assignments


def _in_timezone_of(request: Request, serializer_class: type, *, partial: bool = False) -> dict[str, Any]:
    """Validate with naive dates read in the caller's own time zone (a tutor types "Friday 17:00", not UTC)."""
    with timezone.override(getattr(request.user, "timezone", None) or "UTC"):
        return validated_data(serializer_class, request, partial=partial)


class CourseAssignmentListView(APIView):
    @extend_schema(responses={200: AssignmentSerializer(many=True)}, tags=["assignments"])
    def get(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_user(slug=slug, user=request.user)
        editor = permissions.can_edit_course(request.user, course)
        if not editor and permissions.active_enrollment(request.user, course) is None:
            raise ApplicationError(code="not_enrolled", message="Enrol to see the assignments.", status_code=403)
        items = selectors_coursework.assignment_list_for_user(user=request.user, course=course, editor=editor)
        return Response(AssignmentSerializer(items, many=True).data)

    @extend_schema(request=AssignmentInputSerializer, responses={201: AssignmentSerializer}, tags=["assignments"])
    def post(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_editor(slug=slug, user=request.user)
        assignment = assignments.assignment_create(course=course, data=_in_timezone_of(request,
                                                                                      AssignmentInputSerializer))
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


def _editable_assignment(request: Request, pk: Any) -> Assignment:
    access = selectors_coursework.assignment_get_for_user(user=request.user, assignment_id=pk)
    if not access.editor:
        raise ApplicationError(code="permission_denied", message="Only this course's tutors can change it.",
                               status_code=403)
    return access.assignment


class AssignmentView(APIView):
    @extend_schema(responses={200: AssignmentSerializer}, tags=["assignments"])
    def get(self, request: Request, pk: Any) -> Response:
        access = selectors_coursework.assignment_get_for_user(user=request.user, assignment_id=pk)
        return Response(AssignmentSerializer(access.assignment).data)

    @extend_schema(request=AssignmentUpdateInputSerializer, responses={200: AssignmentSerializer},
                   tags=["assignments"])
    def patch(self, request: Request, pk: Any) -> Response:
        assignment = _editable_assignment(request, pk)
        data = _in_timezone_of(request, AssignmentUpdateInputSerializer, partial=True)
        return Response(AssignmentSerializer(assignments.assignment_update(assignment=assignment, data=data)).data)

    @extend_schema(responses={204: None}, tags=["assignments"])
    def delete(self, request: Request, pk: Any) -> Response:
        assignments.assignment_delete(assignment=_editable_assignment(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MySubmissionView(APIView):
    @extend_schema(responses={200: SubmissionSerializer}, tags=["assignments"])
    def get(self, request: Request, pk: Any) -> Response:
        access = selectors_coursework.assignment_get_for_user(user=request.user, assignment_id=pk)
        submission = Submission.objects.filter(assignment=access.assignment, student=request_user(request)).first()
        if submission is None:
            raise ApplicationError(code="not_found", message="Nothing handed in yet.", status_code=404)
        return Response(SubmissionSerializer(submission).data)

    @extend_schema(request=SubmitInputSerializer, responses={200: SubmissionSerializer}, tags=["assignments"])
    def post(self, request: Request, pk: Any) -> Response:
        access = selectors_coursework.assignment_get_for_user(user=request.user, assignment_id=pk)
        data = validated_data(SubmitInputSerializer, request)
        student = request_user(request)
        assignment = access.assignment
        allowed = assignment.allowed_file_kinds or list(SUBMISSION_FILE_KINDS)
        # Claims and the hand-in commit together: a refused hand-in leaves the uploads free to send again.
        with transaction.atomic():
            files = None
            if data["upload_ids"] is not None:
                files = []
                for upload_id in data["upload_ids"]:
                    stored = upload_session_claim(user=student, upload_id=upload_id, allowed=allowed)
                    files.append({"stored_name": stored.name, "original_name": stored.original_filename,
                                  "content_type": stored.content_type, "size": stored.size})
            submission = assignments.submission_submit(assignment=assignment, student=student, text=data["text"],
                                                       files=files)
        return Response(SubmissionSerializer(submission).data)


class SubmissionFilterSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=SubmissionStatus.choices, required=False, allow_blank=True, default="")


class AssignmentSubmissionListView(generics.ListAPIView[Submission]):
    serializer_class = SubmissionForTutorSerializer
    queryset = Submission.objects.none()  # for the schema; get_queryset scopes to the assignment

    @extend_schema(parameters=[SubmissionFilterSerializer], tags=["assignments"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        assignment = _editable_assignment(self.request, self.kwargs["pk"])
        params = SubmissionFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors_coursework.submission_list_for_assignment(assignment=assignment,
                                                                   status=params.validated_data["status"])

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "editor": True}


class SubmissionView(APIView):
    @extend_schema(responses={200: SubmissionForTutorSerializer}, tags=["assignments"])
    def get(self, request: Request, pk: Any) -> Response:
        submission, editor = selectors_coursework.submission_get_for_user(user=request.user, submission_id=pk)
        return Response(SubmissionForTutorSerializer(submission, context={"editor": editor}).data)


def _gradable(request: Request, pk: Any) -> Submission:
    submission, editor = selectors_coursework.submission_get_for_user(user=request.user, submission_id=pk)
    if not editor:
        raise ApplicationError(code="permission_denied", message="Only this course's tutors grade.", status_code=403)
    return submission


class SubmissionGradeView(APIView):
    @extend_schema(request=GradeInputSerializer, responses={200: SubmissionForTutorSerializer}, tags=["assignments"])
    def post(self, request: Request, pk: Any) -> Response:
        submission = _gradable(request, pk)
        data = validated_data(GradeInputSerializer, request)
        graded = assignments.submission_grade(submission=submission, grader=request_user(request),
                                              score=data.get("score"), rubric_scores=data.get("rubric_scores"),
                                              feedback=data["feedback"])
        return Response(SubmissionForTutorSerializer(graded, context={"editor": True}).data)


class SubmissionReturnView(APIView):
    @extend_schema(request=None, responses={200: SubmissionForTutorSerializer}, tags=["assignments"])
    def post(self, request: Request, pk: Any) -> Response:
        returned = assignments.submission_return(submission=_gradable(request, pk))
        return Response(SubmissionForTutorSerializer(returned, context={"editor": True}).data)


class SubmissionFileDownloadView(APIView):
    @extend_schema(responses={200: DownloadLinkSerializer}, tags=["assignments"],
                   description="A signed link valid for a few minutes.")
    def get(self, request: Request, pk: Any) -> Response:
        file = SubmissionFile.objects.filter(id=pk).select_related("submission").first()
        if file is None:
            raise ApplicationError(code="not_found", message="No file here.", status_code=404)
        selectors_coursework.submission_get_for_user(user=request.user, submission_id=file.submission_id)
        return Response({"url": private_file_url(name=file.stored_name, download_name=file.original_name)})


class GradesCsvView(APIView):
    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, tags=["assignments"])
    def get(self, request: Request, slug: str) -> HttpResponse:
        course = selectors.course_get_for_editor(slug=slug, user=request.user)
        response = HttpResponse(assignments.grades_csv(course=course), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{course.slug}-grades.csv"'
        return response
