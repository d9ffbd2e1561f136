"""Shapes of the courses API. No business rules here: services decide, serializers describe."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.courses.markdown import markdown_to_safe_html
from ustad.courses.models import (
    MAX_PRICE_MINOR,
    Category,
    Course,
    Enrollment,
    Lesson,
    LessonKind,
    Level,
    Note,
    ResourceKind,
    Review,
    Section,
)
from ustad.users.models import Currency, Language, User


class CategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["slug", "name"]


class PersonSerializer(serializers.ModelSerializer[User]):
    full_name = serializers.CharField(read_only=True)
    avatar_url = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "full_name", "avatar_url"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_avatar_url(self, user: User) -> str | None:
        return user.avatar.url if user.avatar else None


class CourseCardSerializer(serializers.ModelSerializer[Course]):
    tutor = PersonSerializer(source="owner", read_only=True)
    category = CategorySerializer(read_only=True, allow_null=True)
    cover_url = serializers.SerializerMethodField()
    is_free = serializers.BooleanField(read_only=True)

    class Meta:
        model = Course
        fields = ["id", "slug", "title", "subtitle", "cover_url", "tutor", "category", "level", "language",
                  "rating_average", "rating_count", "enrollment_count", "duration_seconds", "lesson_count",
                  "price_amount", "currency", "is_free", "included_in_subscription", "status", "published_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_cover_url(self, course: Course) -> str | None:
        return course.cover.url if course.cover else None


class SyllabusLessonSerializer(serializers.ModelSerializer[Lesson]):
    is_locked = serializers.SerializerMethodField()
    completed = serializers.SerializerMethodField(help_text="Whether the viewer has finished it (enrolled only).")

    class Meta:
        model = Lesson
        fields = ["id", "title", "kind", "position", "duration_seconds", "is_preview", "is_locked", "completed"]
        read_only_fields = fields

    def get_is_locked(self, lesson: Lesson) -> bool:
        return not (self.context.get("can_open_all") or lesson.is_preview)

    def get_completed(self, lesson: Lesson) -> bool:
        return lesson.id in self.context.get("completed_lesson_ids", ())


class SyllabusSectionSerializer(serializers.ModelSerializer[Section]):
    lessons = SyllabusLessonSerializer(many=True, read_only=True)

    class Meta:
        model = Section
        fields = ["id", "title", "position", "lessons"]
        read_only_fields = fields


class ReviewSerializer(serializers.ModelSerializer[Review]):
    student = PersonSerializer(read_only=True)

    class Meta:
        model = Review
        fields = ["id", "rating", "body", "student", "created_at"]
        read_only_fields = fields


class ViewerSerializer(serializers.Serializer[Any]):
    can_edit = serializers.BooleanField()
    is_enrolled = serializers.BooleanField()
    progress_percent = serializers.IntegerField()
    can_review = serializers.BooleanField()
    my_review = ReviewSerializer(allow_null=True)


class CourseDetailSerializer(CourseCardSerializer):
    description_html = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    co_tutors = PersonSerializer(many=True, read_only=True)
    sections = SyllabusSectionSerializer(many=True, read_only=True)
    viewer = serializers.SerializerMethodField()

    class Meta(CourseCardSerializer.Meta):
        fields = [*CourseCardSerializer.Meta.fields, "description_html", "description", "tags", "co_tutors",
                  "sections", "viewer"]
        read_only_fields = fields

    def get_description_html(self, course: Course) -> str:
        return markdown_to_safe_html(course.description)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_description(self, course: Course) -> str | None:
        return course.description if self.context.get("viewer", {}).get("can_edit") else None

    @extend_schema_field(ViewerSerializer)
    def get_viewer(self, course: Course) -> dict[str, Any]:
        return dict(ViewerSerializer(self.context["viewer"]).data)


class ResourceSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=ResourceKind.choices)
    size = serializers.IntegerField()
    content_type = serializers.CharField()
    lesson_id = serializers.UUIDField(allow_null=True)


class ProgressSerializer(serializers.Serializer[Any]):
    position_seconds = serializers.IntegerField()
    completed = serializers.BooleanField()


class LessonSerializer(serializers.ModelSerializer[Lesson]):
    course_slug = serializers.CharField(source="course.slug", read_only=True)
    section_id = serializers.UUIDField(read_only=True)
    body_html = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    video_url = serializers.SerializerMethodField()
    resources = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    previous_lesson_id = serializers.SerializerMethodField()
    next_lesson_id = serializers.SerializerMethodField()
    quiz_id = serializers.SerializerMethodField(help_text="The quiz this lesson opens (published, or for editors).")
    assignment_id = serializers.SerializerMethodField(
        help_text="The assignment this lesson opens (published, or for editors).")

    class Meta:
        model = Lesson
        fields = ["id", "course_slug", "section_id", "title", "kind", "position", "is_preview", "duration_seconds",
                  "body_html", "body", "live_url", "video_url", "video_content_type", "resources", "progress",
                  "previous_lesson_id", "next_lesson_id", "quiz_id", "assignment_id"]
        read_only_fields = fields

    def get_body_html(self, lesson: Lesson) -> str:
        return markdown_to_safe_html(lesson.body)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_body(self, lesson: Lesson) -> str | None:
        return lesson.body if self.context.get("editor") else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_video_url(self, lesson: Lesson) -> str | None:
        return self.context.get("video_url")

    @extend_schema_field(ResourceSerializer(many=True))
    def get_resources(self, lesson: Lesson) -> list[dict[str, Any]]:
        return list(self.context.get("resources", []))

    @extend_schema_field(ProgressSerializer(allow_null=True))
    def get_progress(self, lesson: Lesson) -> dict[str, Any] | None:
        return self.context.get("progress")

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_previous_lesson_id(self, lesson: Lesson) -> Any:
        return self.context.get("previous_lesson_id")

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_next_lesson_id(self, lesson: Lesson) -> Any:
        return self.context.get("next_lesson_id")

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_quiz_id(self, lesson: Lesson) -> Any:
        return self._linked_id(lesson, "quiz")

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_assignment_id(self, lesson: Lesson) -> Any:
        return self._linked_id(lesson, "assignment")

    def _linked_id(self, lesson: Lesson, relation: str) -> Any:
        """The id of a quiz or assignment opened from this lesson; hidden from students until it is published."""
        if lesson.kind != relation:
            return None
        linked = getattr(lesson, relation, None)
        if linked is None or not (linked.is_published or self.context.get("editor")):
            return None
        return linked.id


class SectionSerializer(serializers.ModelSerializer[Section]):
    class Meta:
        model = Section
        fields = ["id", "title", "position"]
        read_only_fields = fields


class NoteSerializer(serializers.ModelSerializer[Note]):
    lesson_id = serializers.UUIDField(read_only=True)

    class Meta:
        model = Note
        fields = ["id", "lesson_id", "body", "timestamp_seconds", "created_at", "updated_at"]
        read_only_fields = fields


class EnrollmentSerializer(serializers.ModelSerializer[Enrollment]):
    course = CourseCardSerializer(read_only=True)
    progress_percent = serializers.SerializerMethodField()
    last_lesson_id = serializers.UUIDField(read_only=True, allow_null=True)

    class Meta:
        model = Enrollment
        fields = ["id", "course", "source", "progress_percent", "completed_lessons", "last_lesson_id",
                  "completed_at", "created_at"]
        read_only_fields = fields

    def get_progress_percent(self, enrollment: Enrollment) -> int:
        from ustad.courses.selectors import progress_percent

        return progress_percent(enrollment, enrollment.course.lesson_count)


class StudentContactSerializer(PersonSerializer):
    """A student as their tutors see them: with the e-mail address to reach them."""

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "email"]


class CourseStudentSerializer(serializers.ModelSerializer[Enrollment]):
    student = StudentContactSerializer(read_only=True)
    enrolled_at = serializers.DateTimeField(source="created_at", read_only=True)
    last_active_at = serializers.DateTimeField(source="updated_at", read_only=True)
    progress_percent = serializers.SerializerMethodField()

    class Meta:
        model = Enrollment
        fields = ["student", "enrolled_at", "progress_percent", "completed_lessons", "last_active_at"]
        read_only_fields = fields

    def get_progress_percent(self, enrollment: Enrollment) -> int:
        from ustad.courses.selectors import progress_percent

        return progress_percent(enrollment, self.context["lesson_count"])


class PublishCheckSerializer(serializers.Serializer[Any]):
    ready = serializers.BooleanField()
    missing = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))


# --- Inputs -------------------------------------------------------------------------------------

class CourseInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=120)
    subtitle = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=20_000, required=False, allow_blank=True)
    category = serializers.SlugField(required=False, allow_null=True, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=32), max_length=12, required=False)
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    price_amount = serializers.IntegerField(min_value=0, max_value=MAX_PRICE_MINOR, required=False,
                                            help_text="Minor units (paisa, cents); 0 is free.")
    currency = serializers.ChoiceField(choices=Currency.choices, required=False)
    included_in_subscription = serializers.BooleanField(required=False)


class CourseUpdateInputSerializer(CourseInputSerializer):
    title = serializers.CharField(max_length=120, required=False)
    slug = serializers.SlugField(max_length=140, required=False)
    co_tutor_ids = serializers.ListField(child=serializers.UUIDField(), max_length=10, required=False)


class CoverInputSerializer(serializers.Serializer[Any]):
    cover = serializers.FileField(allow_empty_file=True)


class TitleInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=120)


class LessonInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=LessonKind.choices, default=LessonKind.ARTICLE)
    is_preview = serializers.BooleanField(required=False)
    body = serializers.CharField(max_length=50_000, required=False, allow_blank=True)
    duration_seconds = serializers.IntegerField(min_value=0, max_value=24 * 3600, required=False)
    live_url = serializers.URLField(required=False, allow_blank=True)


class LessonUpdateInputSerializer(LessonInputSerializer):
    title = serializers.CharField(max_length=120, required=False)
    kind = serializers.ChoiceField(choices=LessonKind.choices, required=False)


class SyllabusSectionInputSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    lessons = serializers.ListField(child=serializers.UUIDField(), max_length=500)


class SyllabusInputSerializer(serializers.Serializer[Any]):
    sections = serializers.ListField(child=SyllabusSectionInputSerializer(), max_length=200)


class ReviewInputSerializer(serializers.Serializer[Any]):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    body = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class ProgressInputSerializer(serializers.Serializer[Any]):
    position_seconds = serializers.IntegerField(min_value=0, max_value=24 * 3600, required=False)
    completed = serializers.BooleanField(required=False)


class ProgressOutputSerializer(ProgressSerializer):
    course_progress_percent = serializers.IntegerField()


class NoteInputSerializer(serializers.Serializer[Any]):
    body = serializers.CharField(max_length=10_000)
    timestamp_seconds = serializers.IntegerField(min_value=0, max_value=24 * 3600, required=False, allow_null=True)


class NoteUpdateInputSerializer(NoteInputSerializer):
    body = serializers.CharField(max_length=10_000, required=False)
