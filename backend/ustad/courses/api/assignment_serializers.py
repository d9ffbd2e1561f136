"""Shapes of assignments and submissions."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.core.fields import BoundedDateTimeField
from ustad.courses.api.serializers import PersonSerializer
from ustad.courses.markdown import markdown_to_safe_html
from ustad.courses.models import SUBMISSION_FILE_KINDS, Assignment, LatePolicy, Submission, SubmissionFile
from ustad.courses.services.assignments import final_score


class RubricCriterionSerializer(serializers.Serializer[Any]):
    id = serializers.SlugField(max_length=40)
    title = serializers.CharField(max_length=200)
    points = serializers.IntegerField(min_value=1, max_value=1000)


class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    course_slug = serializers.CharField(source="course.slug", read_only=True)
    lesson_id = serializers.UUIDField(read_only=True, allow_null=True)
    instructions_html = serializers.SerializerMethodField()
    rubric = RubricCriterionSerializer(many=True, read_only=True)
    allowed_file_kinds = serializers.ListField(child=serializers.ChoiceField(choices=SUBMISSION_FILE_KINDS),
                                               read_only=True)
    submission_count = serializers.SerializerMethodField(help_text="Handed in so far (tutors' list only).")
    graded_count = serializers.SerializerMethodField(help_text="Of those, graded (tutors' list only).")

    class Meta:
        model = Assignment
        fields = ["id", "course_slug", "lesson_id", "title", "instructions", "instructions_html", "due_at", "points",
                  "late_policy", "late_penalty_percent", "allowed_file_kinds", "max_files", "rubric",
                  "is_published", "created_at", "submission_count", "graded_count"]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_submission_count(self, assignment: Assignment) -> int | None:
        return getattr(assignment, "submission_count", None)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_graded_count(self, assignment: Assignment) -> int | None:
        return getattr(assignment, "graded_count", None)

    def get_instructions_html(self, assignment: Assignment) -> str:
        return markdown_to_safe_html(assignment.instructions)


class SubmissionFileSerializer(serializers.ModelSerializer[SubmissionFile]):
    class Meta:
        model = SubmissionFile
        fields = ["id", "original_name", "content_type", "size"]
        read_only_fields = fields


class SubmissionSerializer(serializers.ModelSerializer[Submission]):
    """What a student sees of their own work: the grade only once it is returned."""

    assignment_id = serializers.UUIDField(read_only=True)
    files = SubmissionFileSerializer(many=True, read_only=True)
    score = serializers.SerializerMethodField()
    final_score = serializers.SerializerMethodField()
    feedback = serializers.SerializerMethodField()
    rubric_scores = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ["id", "assignment_id", "text", "files", "status", "submitted_at", "attempt", "is_late", "score",
                  "final_score", "rubric_scores", "feedback", "graded_at", "returned_at"]
        read_only_fields = fields

    def _visible(self, submission: Submission) -> bool:
        return bool(self.context.get("editor")) or submission.status == "returned"

    @extend_schema_field(serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True))
    def get_score(self, submission: Submission) -> Any:
        return str(submission.score) if self._visible(submission) and submission.score is not None else None

    @extend_schema_field(serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True))
    def get_final_score(self, submission: Submission) -> Any:
        score = final_score(submission) if self._visible(submission) else None
        return None if score is None else str(score)

    @extend_schema_field(serializers.CharField())
    def get_feedback(self, submission: Submission) -> str:
        return submission.feedback if self._visible(submission) else ""

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_rubric_scores(self, submission: Submission) -> dict[str, Any]:
        return dict(submission.rubric_scores) if self._visible(submission) else {}


class SubmissionForTutorSerializer(SubmissionSerializer):
    student = PersonSerializer(read_only=True)

    class Meta(SubmissionSerializer.Meta):
        fields = [*SubmissionSerializer.Meta.fields, "student"]
        read_only_fields = fields


class AssignmentInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=160)
    instructions = serializers.CharField(max_length=20_000, required=False, allow_blank=True)
    due_at = BoundedDateTimeField(required=False, allow_null=True,
                                  help_text="ISO 8601; without an offset it is read in the tutor's time zone.")
    points = serializers.IntegerField(min_value=1, max_value=1000, required=False)
    late_policy = serializers.ChoiceField(choices=LatePolicy.choices, required=False)
    late_penalty_percent = serializers.IntegerField(min_value=0, max_value=100, required=False)
    allowed_file_kinds = serializers.ListField(child=serializers.ChoiceField(choices=SUBMISSION_FILE_KINDS),
                                               max_length=10, required=False)
    max_files = serializers.IntegerField(min_value=0, max_value=20, required=False)
    rubric = RubricCriterionSerializer(many=True, required=False)
    is_published = serializers.BooleanField(required=False)
    lesson_id = serializers.UUIDField(required=False, allow_null=True)


class AssignmentUpdateInputSerializer(AssignmentInputSerializer):
    title = serializers.CharField(max_length=160, required=False)


class SubmitInputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(max_length=50_000, required=False, allow_blank=True, default="")
    upload_ids = serializers.ListField(child=serializers.UUIDField(), max_length=20, required=False, allow_null=True,
                                       default=None, help_text="Completed uploads to attach; omit to keep files.")


class GradeInputSerializer(serializers.Serializer[Any]):
    score = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0, required=False, allow_null=True)
    rubric_scores = serializers.DictField(child=serializers.DecimalField(max_digits=7, decimal_places=2),
                                          required=False)
    feedback = serializers.CharField(max_length=20_000, required=False, allow_blank=True, default="")
