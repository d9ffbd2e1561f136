"""Shapes of the scheduling API. No business rules here: services decide, serializers describe."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.classroom.models import MAX_CAPACITY, JoinPolicy, LiveSession, SessionStatus
from ustad.classroom.selectors import SessionViewer
from ustad.classroom.services import attendance
from ustad.core.fields import BoundedDateField, BoundedDateTimeField
from ustad.courses.api.serializers import PersonSerializer
from ustad.courses.models import Course

MAX_EXCEPTIONS = 200
ENTRY_REFUSALS = [
    ("session_cancelled", "The class was cancelled"),
    ("session_ended", "The tutor ended the class"),
    ("session_over", "The class's time is over"),
    ("not_invited", "Not an attendee of this class"),
    ("too_early", "Too early: students may enter 10 minutes before the start, tutors an hour before"),
]
class SessionCourseSerializer(serializers.ModelSerializer[Course]):
    class Meta:
        model = Course
        fields = ["slug", "title"]
        read_only_fields = fields


class SessionViewerSerializer(serializers.Serializer[SessionViewer]):
    can_manage = serializers.BooleanField(read_only=True, help_text="The caller teaches this class.")
    can_enter_now = serializers.BooleanField(read_only=True, help_text="The caller may open the room now.")
    entry_refusal = serializers.ChoiceField(choices=ENTRY_REFUSALS, read_only=True, allow_null=True,
                                            help_text="Why the caller may not enter the room now; null when "
                                                      "they may.")


class SessionSerializer(serializers.ModelSerializer[LiveSession]):
    """A scheduled live class as the caller sees it. Needs `viewers` ({session id: SessionViewer}) in context."""

    course = SessionCourseSerializer(read_only=True, allow_null=True)
    owner = PersonSerializer(read_only=True)
    series_id = serializers.UUIDField(read_only=True, allow_null=True)
    seats_taken = serializers.IntegerField(read_only=True, help_text="Seats booked (standalone classes).")
    viewer = serializers.SerializerMethodField()
    room_url = serializers.SerializerMethodField(help_text="Where the front end opens the live room.")

    class Meta:
        model = LiveSession
        fields = ["id", "title", "description", "course", "owner", "starts_at", "ends_at", "timezone", "capacity",
                  "join_policy", "waiting_room", "late_after_minutes", "present_min_percent", "face_presence",
                  "seat_price_amount", "seat_currency", "status", "series_id", "seats_taken", "viewer", "room_url"]
        read_only_fields = fields

    @extend_schema_field(SessionViewerSerializer)
    def get_viewer(self, session: LiveSession) -> dict[str, Any]:
        return dict(SessionViewerSerializer(self.context["viewers"][session.id]).data)

    def get_room_url(self, session: LiveSession) -> str:
        return f"/classroom/{session.id}"


class RecurrenceInputSerializer(serializers.Serializer[Any]):
    weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), min_length=1,
                                     max_length=7, help_text="0 = Monday … 6 = Sunday.")
    until = BoundedDateField(help_text="The last day a class may fall on (the tutor's local date).")
    exceptions = serializers.ListField(child=BoundedDateField(), required=False, default=list,
                                       max_length=MAX_EXCEPTIONS, help_text="Local dates with no class.")

    def validate_weekdays(self, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise serializers.ValidationError("Name each day once.")
        return sorted(value)


class SessionFieldsInputSerializer(serializers.Serializer[Any]):
    """Fields a tutor sets when scheduling and may change later. Naive times are read in the tutor's zone."""

    title = serializers.CharField(max_length=160)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    starts_at = BoundedDateTimeField()
    ends_at = BoundedDateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=MAX_CAPACITY, required=False, allow_null=True,
                                        help_text="Most seats a standalone class offers; null for no limit.")
    waiting_room = serializers.BooleanField(required=False, help_text="Students wait until a tutor admits them.")
    late_after_minutes = serializers.IntegerField(min_value=0, max_value=240, required=False)
    present_min_percent = serializers.IntegerField(min_value=0, max_value=100, required=False)
    face_presence = serializers.BooleanField(required=False, help_text="Students who consent send a webcam frame "
                                             "a minute; the attendance report counts the frames with a face.")
    seat_price_amount = serializers.IntegerField(min_value=0, max_value=100_000_000, required=False,
                                                 help_text="Price of a seat in a standalone class, in minor units; "
                                                           "0 for free.")
    seat_currency = serializers.ChoiceField(choices=["PKR", "USD"], required=False)


class SessionInputSerializer(SessionFieldsInputSerializer):
    """A new class, or a weekly series. Naive times are read in the tutor's zone."""

    course = serializers.SlugField(required=False, allow_null=True, max_length=200,
                                   help_text="The course it belongs to (you must teach it); omit for a standalone "
                                             "class that students book seats in.")
    join_policy = serializers.ChoiceField(choices=JoinPolicy.choices, required=False,
                                          help_text="Who may join a course's class: its students, or seat holders.")
    recurrence = RecurrenceInputSerializer(required=False, allow_null=True,
                                           help_text="Repeat weekly at the same local time until a date.")


class SessionUpdateInputSerializer(SessionFieldsInputSerializer):
    """Every field optional (PATCH). The course and who may join stay as scheduled."""


class SessionFilterSerializer(serializers.Serializer[Any]):
    """Query parameters of session lists. `from` is a Python keyword, hence `get_fields`."""

    to = BoundedDateTimeField(required=False, help_text="Only sessions starting before this.")
    course = serializers.SlugField(required=False, allow_blank=True, max_length=200, help_text="A course slug.")
    status = serializers.ChoiceField(choices=SessionStatus.choices, required=False, allow_blank=True)

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        fields["from"] = BoundedDateTimeField(required=False,
                                                   help_text="Only sessions still running at or after this.")
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("from"), attrs.get("to")
        if start is not None and end is not None and end <= start:
            raise serializers.ValidationError({"to": ["Must come after `from`."]})
        return attrs


class CalendarLinkSerializer(serializers.Serializer[Any]):
    url = serializers.URLField(read_only=True, help_text="The private iCalendar address; keep it secret.")
    webcal_url = serializers.CharField(read_only=True, help_text="The same address for one-click subscribing.")


class AttendanceRowSerializer(serializers.Serializer[Any]):
    user_id = serializers.UUIDField()
    name = serializers.CharField()
    email = serializers.EmailField()
    first_joined_at = serializers.DateTimeField(allow_null=True)
    minutes_present = serializers.IntegerField()
    percent_present = serializers.IntegerField()
    status = serializers.ChoiceField(choices=[attendance.PRESENT, attendance.LATE, attendance.ABSENT])
    face_checks = serializers.IntegerField(help_text="Webcam frames checked for a face (face presence).")
    face_seen = serializers.IntegerField(help_text="Frames with a face in them.")
    face_ratio = serializers.FloatField(allow_null=True, help_text="face_seen / face_checks; null with no frames.")

