"""Quizzes API: tutors build quizzes, students take them; grading happens here on the server only."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError
from ustad.courses import permissions, selectors, selectors_quizzes
from ustad.courses.api.quiz_serializers import (
    AnswersInputSerializer,
    AttemptSubmitInputSerializer,
    QuestionInputSerializer,
    QuestionUpdateInputSerializer,
    QuizAttemptSerializer,
    QuizAttemptSummarySerializer,
    QuizDetailSerializer,
    QuizInputSerializer,
    QuizQuestionSerializer,
    QuizSerializer,
    QuizUpdateInputSerializer,
)
from ustad.courses.models import Question, Quiz, QuizAttempt
from ustad.courses.services import quizzes

TAGS = ["quizzes"]


def _quiz_response(request: Request, quiz: Quiz, *, editor: bool, status_code: int = status.HTTP_200_OK) -> Response:
    standings = {} if editor else selectors_quizzes.quiz_standings(student=request.user, quizzes=[quiz])
    context = {"editor": editor, "standings": standings, "questions": selectors_quizzes.quiz_questions(quiz=quiz)}
    return Response(QuizDetailSerializer(quiz, context=context).data, status=status_code)


def _editor_quiz_response(request: Request, quiz: Quiz, status_code: int = status.HTTP_200_OK) -> Response:
    fresh = selectors_quizzes.quiz_get_for_editor(quiz_id=quiz.id, user=request.user)
    return _quiz_response(request, fresh, editor=True, status_code=status_code)


class CourseQuizListView(APIView):
    @extend_schema(responses={200: QuizSerializer(many=True)}, tags=TAGS)
    def get(self, request: Request, slug: str) -> Response:
        """The course's quizzes: all for its tutors, the published ones for its students."""
        course = selectors_quizzes.quiz_course_get_for_user(slug=slug, user=request.user)
        editor = permissions.can_edit_course(request.user, course)
        if not editor and permissions.active_enrollment(request.user, course) is None:
            raise ApplicationError(code="not_enrolled", message="Enrol in this course to take its quizzes.",
                                   status_code=403)
        items = list(selectors_quizzes.quiz_list_for_course(course=course, editor=editor))
        standings = {} if editor else selectors_quizzes.quiz_standings(student=request.user, quizzes=items)
        return Response(QuizSerializer(items, many=True, context={"standings": standings}).data)

    @extend_schema(request=QuizInputSerializer, responses={201: QuizDetailSerializer}, tags=TAGS)
    def post(self, request: Request, slug: str) -> Response:
        course = selectors.course_get_for_editor(slug=slug, user=request.user)
        quiz = quizzes.quiz_create(course=course, data=validated_data(QuizInputSerializer, request))
        return _editor_quiz_response(request, quiz, status.HTTP_201_CREATED)


class QuizView(APIView):
    @extend_schema(responses={200: QuizDetailSerializer}, tags=TAGS)
    def get(self, request: Request, pk: Any) -> Response:
        """Tutors see the correct answers; students see the questions without them."""
        access = selectors_quizzes.quiz_get_for_user(quiz_id=pk, user=request.user)
        return _quiz_response(request, access.quiz, editor=access.editor)

    @extend_schema(request=QuizUpdateInputSerializer, responses={200: QuizDetailSerializer}, tags=TAGS)
    def patch(self, request: Request, pk: Any) -> Response:
        quiz = selectors_quizzes.quiz_get_for_editor(quiz_id=pk, user=request.user)
        data = validated_data(QuizUpdateInputSerializer, request, partial=True)
        return _editor_quiz_response(request, quizzes.quiz_update(quiz=quiz, data=data))

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request: Request, pk: Any) -> Response:
        quizzes.quiz_delete(quiz=selectors_quizzes.quiz_get_for_editor(quiz_id=pk, user=request.user))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _question_response(question: Question, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(QuizQuestionSerializer(question, context={"reveal_answers": True}).data, status=status_code)


class QuizQuestionCreateView(APIView):
    @extend_schema(request=QuestionInputSerializer, responses={201: QuizQuestionSerializer}, tags=TAGS)
    def post(self, request: Request, pk: Any) -> Response:
        quiz = selectors_quizzes.quiz_get_for_editor(quiz_id=pk, user=request.user)
        question = quizzes.question_create(quiz=quiz, data=validated_data(QuestionInputSerializer, request))
        return _question_response(question, status.HTTP_201_CREATED)


class QuestionView(APIView):
    @extend_schema(request=QuestionUpdateInputSerializer, responses={200: QuizQuestionSerializer}, tags=TAGS)
    def patch(self, request: Request, pk: Any) -> Response:
        question = selectors_quizzes.question_get_for_editor(question_id=pk, user=request.user)
        data = validated_data(QuestionUpdateInputSerializer, request, partial=True)
        return _question_response(quizzes.question_update(question=question, data=data))

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request: Request, pk: Any) -> Response:
        quizzes.question_delete(question=selectors_quizzes.question_get_for_editor(question_id=pk, user=request.user))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _attempt_response(attempt: QuizAttempt, *, editor: bool, status_code: int = status.HTTP_200_OK) -> Response:
    context = {"editor": editor, "questions": selectors_quizzes.quiz_questions(quiz=attempt.quiz)}
    return Response(QuizAttemptSerializer(attempt, context=context).data, status=status_code)


class QuizAttemptListView(generics.ListAPIView[QuizAttempt]):
    """GET: the caller's attempts (a tutor: everyone's). POST: start an attempt, or resume the open one."""

    serializer_class = QuizAttemptSummarySerializer
    queryset = QuizAttempt.objects.none()  # for the schema; get_queryset scopes to the quiz and caller

    def get_queryset(self) -> Any:
        access = selectors_quizzes.quiz_get_for_user(quiz_id=self.kwargs["pk"], user=self.request.user)
        student = None if access.editor else request_user(self.request)
        quizzes.quiz_attempts_close_expired(quiz=access.quiz, student=student)
        return selectors_quizzes.quiz_attempt_list(quiz=access.quiz, student=student)

    @extend_schema(request=None, responses={200: QuizAttemptSerializer, 201: QuizAttemptSerializer}, tags=TAGS)
    def post(self, request: Request, pk: Any) -> Response:
        access = selectors_quizzes.quiz_get_for_user(quiz_id=pk, user=request.user)
        attempt, started = quizzes.quiz_attempt_start(student=request_user(request), quiz=access.quiz)
        return _attempt_response(attempt, editor=False,
                                 status_code=status.HTTP_201_CREATED if started else status.HTTP_200_OK)


def _own_attempt(request: Request, pk: Any) -> QuizAttempt:
    """The caller's own attempt; the course's tutors may look at it but never answer for the student."""
    access = selectors_quizzes.quiz_attempt_get_for_user(attempt_id=pk, user=request.user)
    if access.editor:
        raise ApplicationError(code="permission_denied", status_code=403,
                               message="Only the student taking this attempt can answer it.")
    return access.attempt


class QuizAttemptView(APIView):
    @extend_schema(responses={200: QuizAttemptSerializer}, tags=TAGS)
    def get(self, request: Request, pk: Any) -> Response:
        access = selectors_quizzes.quiz_attempt_get_for_user(attempt_id=pk, user=request.user)
        attempt = quizzes.quiz_attempt_close_if_expired(attempt=access.attempt)
        return _attempt_response(attempt, editor=access.editor)

    @extend_schema(request=AnswersInputSerializer, responses={200: QuizAttemptSerializer}, tags=TAGS)
    def patch(self, request: Request, pk: Any) -> Response:
        """Save progress before the deadline (409 `time_up` after it)."""
        attempt = _own_attempt(request, pk)
        answers = validated_data(AnswersInputSerializer, request)["answers"]
        attempt = quizzes.quiz_attempt_save_answers(attempt=attempt, student=request_user(request), answers=answers)
        return _attempt_response(attempt, editor=False)


class QuizAttemptSubmitView(APIView):
    @extend_schema(request=AttemptSubmitInputSerializer, responses={200: QuizAttemptSerializer}, tags=TAGS)
    def post(self, request: Request, pk: Any) -> Response:
        """Grade and close the attempt; the answers are merged into the saved ones first."""
        attempt = _own_attempt(request, pk)
        answers = validated_data(AttemptSubmitInputSerializer, request).get("answers")
        attempt = quizzes.quiz_attempt_submit(attempt=attempt, student=request_user(request), answers=answers)
        return _attempt_response(attempt, editor=False)
