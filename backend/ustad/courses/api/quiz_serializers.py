"""Shapes of the quizzes API. Correct answers are written out only when the context says `reveal_answers`."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.courses.api.serializers import PersonSerializer
from ustad.courses.models import (
    QuestionKind,
    Quiz,
    QuizAttempt,
    QuizAttemptStatus,
)
from ustad.courses.models.quizzes import QUESTION_MAX_POINTS, QUIZ_MAX_ATTEMPTS, QUIZ_TIME_LIMIT_MAX_SECONDS

ANSWER_KEYS = ("correct_choice_ids", "accepted_answers")


class ChoiceSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    text = serializers.CharField()


class QuizQuestionSerializer(serializers.Serializer[Any]):
    """A question; `correct_choice_ids` and `accepted_answers` are left out unless answers may be revealed."""

    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    prompt = serializers.CharField()
    position = serializers.IntegerField()
    points = serializers.IntegerField()
    choices = ChoiceSerializer(many=True)
    correct_choice_ids = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Only for the course's tutors, and for a student once the attempt is submitted.")
    accepted_answers = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Short answers that count as right; present when correct_choice_ids is.")

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("reveal_answers"):
            for key in ANSWER_KEYS:
                data.pop(key, None)
        return dict(data)


class QuizStandingSerializer(serializers.Serializer[Any]):
    attempts_used = serializers.IntegerField()
    attempts_left = serializers.IntegerField()
    best_score_percent = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    passed = serializers.BooleanField()
    open_attempt_id = serializers.UUIDField(allow_null=True)


class QuizSerializer(serializers.ModelSerializer[Quiz]):
    course_slug = serializers.CharField(source="course.slug", read_only=True)
    lesson_id = serializers.UUIDField(read_only=True, allow_null=True)
    question_count = serializers.SerializerMethodField()
    total_points = serializers.SerializerMethodField()
    viewer = serializers.SerializerMethodField()

    class Meta:
        model = Quiz
        fields = ["id", "course_slug", "lesson_id", "title", "instructions", "time_limit_seconds",
                  "attempts_allowed", "passing_score_percent", "required_for_certificate", "is_published",
                  "question_count", "total_points", "viewer", "created_at", "updated_at"]
        read_only_fields = fields

    def get_question_count(self, quiz: Quiz) -> int:
        return int(getattr(quiz, "question_count", 0) or 0)

    def get_total_points(self, quiz: Quiz) -> int:
        return int(getattr(quiz, "total_points", 0) or 0)

    @extend_schema_field(QuizStandingSerializer(allow_null=True))
    def get_viewer(self, quiz: Quiz) -> dict[str, Any] | None:
        standing = self.context.get("standings", {}).get(quiz.id)
        return None if standing is None else dict(QuizStandingSerializer(standing).data)


class QuizDetailSerializer(QuizSerializer):
    questions = serializers.SerializerMethodField()

    class Meta(QuizSerializer.Meta):
        fields = [*QuizSerializer.Meta.fields, "questions"]
        read_only_fields = fields

    @extend_schema_field(QuizQuestionSerializer(many=True))
    def get_questions(self, quiz: Quiz) -> list[dict[str, Any]]:
        context = {"reveal_answers": bool(self.context.get("editor"))}
        return list(QuizQuestionSerializer(self.context["questions"], many=True, context=context).data)


class AttemptAnswerSerializer(serializers.Serializer[Any]):
    question_id = serializers.UUIDField()
    choice_ids = serializers.ListField(child=serializers.CharField())
    text = serializers.CharField(allow_blank=True)


class QuestionResultSerializer(serializers.Serializer[Any]):
    question_id = serializers.UUIDField()
    correct = serializers.BooleanField()
    points_awarded = serializers.IntegerField()
    points = serializers.IntegerField()


class QuizAttemptSummarySerializer(serializers.ModelSerializer[QuizAttempt]):
    """Scores are null until the attempt is submitted."""

    quiz_id = serializers.UUIDField(read_only=True)
    student = PersonSerializer(read_only=True)
    status = serializers.SerializerMethodField()
    seconds_left = serializers.SerializerMethodField()
    score_points = serializers.SerializerMethodField()
    max_points = serializers.SerializerMethodField()
    score_percent = serializers.SerializerMethodField()
    passed = serializers.SerializerMethodField()

    class Meta:
        model = QuizAttempt
        fields = ["id", "quiz_id", "student", "number", "status", "started_at", "deadline_at", "seconds_left",
                  "submitted_at", "score_points", "max_points", "score_percent", "passed"]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=QuizAttemptStatus.choices))
    def get_status(self, attempt: QuizAttempt) -> str:
        return QuizAttemptStatus.SUBMITTED if attempt.is_submitted else QuizAttemptStatus.OPEN

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_seconds_left(self, attempt: QuizAttempt) -> int | None:
        """Time left by the server's clock, so a wrong clock on the device cannot stretch the limit."""
        if attempt.is_submitted or attempt.deadline_at is None:
            return None
        return max(0, int((attempt.deadline_at - timezone.now()).total_seconds()))

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_score_points(self, attempt: QuizAttempt) -> int | None:
        return attempt.score_points if attempt.is_submitted else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_max_points(self, attempt: QuizAttempt) -> int | None:
        return attempt.max_points if attempt.is_submitted else None

    @extend_schema_field(serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True))
    def get_score_percent(self, attempt: QuizAttempt) -> str | None:
        return f"{attempt.score_percent:.2f}" if attempt.is_submitted else None

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_passed(self, attempt: QuizAttempt) -> bool | None:
        return attempt.passed if attempt.is_submitted else None


class QuizAttemptSerializer(QuizAttemptSummarySerializer):
    """An attempt with its questions; correct answers and results only once it is submitted."""

    answers = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()

    class Meta(QuizAttemptSummarySerializer.Meta):
        fields = [*QuizAttemptSummarySerializer.Meta.fields, "answers", "questions", "results"]
        read_only_fields = fields

    @extend_schema_field(AttemptAnswerSerializer(many=True))
    def get_answers(self, attempt: QuizAttempt) -> list[dict[str, Any]]:
        return [{"question_id": question_id, "choice_ids": answer.get("choice_ids", []),
                 "text": answer.get("text", "")} for question_id, answer in attempt.answers.items()]

    @extend_schema_field(QuizQuestionSerializer(many=True))
    def get_questions(self, attempt: QuizAttempt) -> list[dict[str, Any]]:
        context = {"reveal_answers": attempt.is_submitted or bool(self.context.get("editor"))}
        return list(QuizQuestionSerializer(self.context["questions"], many=True, context=context).data)

    @extend_schema_field(QuestionResultSerializer(many=True, allow_null=True))
    def get_results(self, attempt: QuizAttempt) -> list[dict[str, Any]] | None:
        return list(attempt.results) if attempt.is_submitted else None


# --- Inputs -------------------------------------------------------------------------------------

class QuizInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=160)
    instructions = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    lesson_id = serializers.UUIDField(required=False, allow_null=True,
                                      help_text="A lesson of kind quiz in the same course, or null.")
    time_limit_seconds = serializers.IntegerField(min_value=60, max_value=QUIZ_TIME_LIMIT_MAX_SECONDS, required=False,
                                                  allow_null=True, help_text="Null for no time limit.")
    attempts_allowed = serializers.IntegerField(min_value=1, max_value=QUIZ_MAX_ATTEMPTS, required=False)
    passing_score_percent = serializers.IntegerField(min_value=0, max_value=100, required=False)
    required_for_certificate = serializers.BooleanField(required=False)
    is_published = serializers.BooleanField(required=False)


class QuizUpdateInputSerializer(QuizInputSerializer):
    title = serializers.CharField(max_length=160, required=False)
    question_ids = serializers.ListField(child=serializers.UUIDField(), max_length=500, required=False,
                                         help_text="The whole new order of the questions, each exactly once.")


class ChoiceInputSerializer(serializers.Serializer[Any]):
    id = serializers.CharField(max_length=32, required=False, allow_blank=True,
                               help_text="Letters, digits, - or _; given the next free letter when left out.")
    text = serializers.CharField(max_length=500)


class QuestionInputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    prompt = serializers.CharField(max_length=5000)
    points = serializers.IntegerField(min_value=1, max_value=QUESTION_MAX_POINTS, required=False)
    choices = serializers.ListField(child=ChoiceInputSerializer(), max_length=50, required=False,
                                    help_text="2 to 10 for single and multiple choice; ignored otherwise.")
    correct_choice_ids = serializers.ListField(child=serializers.CharField(max_length=32), max_length=50,
                                               required=False)
    accepted_answers = serializers.ListField(child=serializers.CharField(max_length=200), max_length=50,
                                             required=False, help_text="For short answers: 1 to 20.")


class QuestionUpdateInputSerializer(QuestionInputSerializer):
    kind = serializers.ChoiceField(choices=QuestionKind.choices, required=False)
    prompt = serializers.CharField(max_length=5000, required=False)


class AnswerInputSerializer(serializers.Serializer[Any]):
    question_id = serializers.UUIDField()
    choice_ids = serializers.ListField(child=serializers.CharField(max_length=64), max_length=50, required=False,
                                       help_text="For choice questions; empty clears the answer.")
    text = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                 help_text="For short answers; empty clears the answer.")


class AnswersInputSerializer(serializers.Serializer[Any]):
    answers = serializers.ListField(child=AnswerInputSerializer(), max_length=500)


class AttemptSubmitInputSerializer(serializers.Serializer[Any]):
    answers = serializers.ListField(child=AnswerInputSerializer(), max_length=500, required=False,
                                    help_text="Merged into the saved answers before grading.")
