"""Live classes: the schedule (sessions, weekly series, seats, calendar feeds) and the room's stored state.

Everything a late joiner needs is in PostgreSQL: the room's event log (`RoomEvent`, numbered per room),
participants and their state, attendance intervals and chat. Times are stored in UTC; each session keeps
the tutor's time zone so a weekly series stays at the same local hour across daylight-saving changes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from ustad.core.models import BaseModel

MAX_CAPACITY = 1000


class JoinPolicy(models.TextChoices):
    COURSE = "course", "Students enrolled in the course"
    SEATS = "seats", "Students holding a seat"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"
    ENDED = "ended", "Ended"
    CANCELLED = "cancelled", "Cancelled"


class SessionSeries(BaseModel):
    """A weekly class: the rule its sessions were made from, kept so the series can be edited or ended."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_series")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="session_series")
    weekdays = ArrayField(models.PositiveSmallIntegerField(validators=[MaxValueValidator(6)]), size=7,
                          help_text="0 = Monday … 6 = Sunday.")
    start_time = models.TimeField(help_text="Local time in `timezone`.")
    duration_minutes = models.PositiveIntegerField(validators=[MinValueValidator(5), MaxValueValidator(12 * 60)])
    first_date = models.DateField()
    until_date = models.DateField()
    exceptions = ArrayField(models.DateField(), default=list, blank=True, help_text="Local dates with no class.")
    timezone = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"weekly from {self.first_date} to {self.until_date}"


class LiveSession(BaseModel):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_sessions")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="live_sessions")
    series = models.ForeignKey(SessionSeries, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="sessions")
    title = models.CharField(max_length=160)
    description = models.TextField(max_length=5000, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, help_text="The tutor's zone when scheduling.")
    capacity = models.PositiveIntegerField(null=True, blank=True, validators=[MinValueValidator(1),
                                                                              MaxValueValidator(MAX_CAPACITY)])
    join_policy = models.CharField(max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.COURSE)
    seat_price_amount = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(100_000_000)],
                                                    help_text="Minor units for a seat (seats policy); 0 is free.")
    seat_currency = models.CharField(max_length=3, default="PKR", help_text="PKR or USD.")
    waiting_room = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    locked = models.BooleanField(default=False)
    spotlight = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    last_seq = models.BigIntegerField(default=0, help_text="The room's last event number.")
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    late_after_minutes = models.PositiveIntegerField(default=10, validators=[MaxValueValidator(240)],
                                                     help_text="Joining later than this counts as late.")
    present_min_percent = models.PositiveIntegerField(default=50, validators=[MaxValueValidator(100)],
                                                      help_text="Share of the class to count as present.")
    board_everyone = models.BooleanField(default=False, help_text="Every student may draw on the main board.")
    board_shown_page = models.ForeignKey("BoardPage", on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="+", help_text="The main-board page everyone follows.")
    face_presence = models.BooleanField(default=False, help_text="Students may share a webcam frame once a "
                                        "minute (with consent) to count face presence; off by default.")
    zoom_meeting_id = models.CharField(max_length=32, blank=True, help_text="When classes run on Zoom.")
    zoom_join_url = models.URLField(max_length=500, blank=True)
    zoom_start_url = models.URLField(max_length=2000, blank=True, help_text="The host's link; tutors only.")
    zoom_password = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["starts_at"], name="classroom_session_starts"),
            models.Index(fields=["course", "starts_at"], name="classroom_course_starts"),
            models.Index(fields=["owner", "starts_at"], name="classroom_owner_starts"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="classroom_session_ends_after_start"),
            models.CheckConstraint(condition=Q(course__isnull=False) | Q(join_policy="seats"),
                                   name="classroom_standalone_needs_seats"),
        ]

    def __str__(self) -> str:
        return self.title


class Seat(BaseModel):
    """A student's place in a session that is not open to a whole course (free booking now; paid later)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="seats")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seats")
    source = models.CharField(max_length=32, default="free")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "student"], name="classroom_one_seat_each")]


class CalendarFeed(BaseModel):
    """The secret in a user's private iCalendar URL; replacing it revokes the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)


class ParticipantRole(models.TextChoices):
    TUTOR = "tutor", "Tutor"
    STUDENT = "student", "Student"


class Admission(models.TextChoices):
    WAITING = "waiting", "In the waiting room"
    ADMITTED = "admitted", "In the room"
    REMOVED = "removed", "Removed by the tutor"


class Participant(BaseModel):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=16, choices=ParticipantRole.choices)
    admission = models.CharField(max_length=16, choices=Admission.choices, default=Admission.ADMITTED)
    connections = models.PositiveIntegerField(default=0, help_text="Open sockets (tabs) right now.")
    hand_raised_at = models.DateTimeField(null=True, blank=True)
    muted = models.BooleanField(default=False)
    breakout_room = models.ForeignKey("BreakoutRoom", on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="members", help_text="Where they are during a breakout.")
    can_draw = models.BooleanField(default=False, help_text="The tutor lets this student draw on the main board.")
    can_share_screen = models.BooleanField(default=False, help_text="The tutor lets this student share a screen.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="classroom_one_participant_each")]


class AttendanceInterval(BaseModel):
    """One stretch of presence; a dropped connection closes it, a reconnection opens another."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["session", "user"], name="classroom_attendance_user")]


class Audience(models.TextChoices):
    ALL = "all", "Everyone in the room"
    TUTORS = "tutors", "The tutors"
    STUDENTS = "students", "Everyone but the tutors (who get their own copy)"
    USER = "user", "One participant (and the tutors)"


class RoomEvent(models.Model):
    """The room's log: every change a client must hear, numbered per room, so a reconnecting client
    asks for everything after the last number it saw."""

    id = models.BigAutoField(primary_key=True)
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="events")
    seq = models.BigIntegerField()
    type = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    audience = models.CharField(max_length=8, choices=Audience.choices, default=Audience.ALL)
    audience_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                                      related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "seq"], name="classroom_event_seq_unique")]

    def __str__(self) -> str:
        return f"{self.seq} {self.type}"


class ChatMessage(BaseModel):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="chat")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=2000)
    to_tutors = models.BooleanField(default=False, help_text="Private to the tutors.")
    deleted_at = models.DateTimeField(null=True, blank=True)
    breakout_room = models.ForeignKey("BreakoutRoom", on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="chat", help_text="Said in a breakout room.")

    class Meta:
        ordering = ["created_at"]


class PollStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Poll(BaseModel):
    """A tutor's question to the room; results stay with the session after it closes."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(max_length=300)
    options = models.JSONField(help_text='[{"id": "a", "text": "…"}]')
    multiple = models.BooleanField(default=False, help_text="Several options may be chosen.")
    status = models.CharField(max_length=8, choices=PollStatus.choices, default=PollStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class PollVote(BaseModel):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    option_ids = ArrayField(models.CharField(max_length=8), size=10)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="classroom_one_vote_each")]


class RoomQuestion(BaseModel):
    """A question for the tutor (Q&A), optionally anonymous to classmates; classmates upvote."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=1000)
    anonymous = models.BooleanField(default=False)
    upvotes = models.PositiveIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class RoomQuestionVote(BaseModel):
    question = models.ForeignKey(RoomQuestion, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "user"], name="classroom_one_upvote_each")]


class BreakoutMode(models.TextChoices):
    RANDOM = "random", "Shared out at random"
    MANUAL = "manual", "Placed by the tutor"
    CHOOSE = "choose", "Students choose"


class BreakoutRound(BaseModel):
    """The tutor splits the class into rooms for a while; each room keeps its chat after the round."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="breakout_rounds")
    mode = models.CharField(max_length=8, choices=BreakoutMode.choices)
    ends_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class BreakoutRoom(BaseModel):
    round = models.ForeignKey(BreakoutRound, on_delete=models.CASCADE, related_name="rooms")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60)
    members_ever = ArrayField(models.UUIDField(), default=list, blank=True,
                              help_text="Everyone who was in the room, so they can read its board afterwards.")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="classroom_breakout_number")]


class BoardPage(BaseModel):
    """One page of a whiteboard: the class's main board, or a breakout room's board (kept after the round)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="board_pages")
    breakout_room = models.ForeignKey(BreakoutRoom, on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="board_pages")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=80)

    class Meta:
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return self.title


class BoardElement(models.Model):
    """One Excalidraw element of a page, merged by its version (see services/board.py)."""

    id = models.BigAutoField(primary_key=True)
    page = models.ForeignKey(BoardPage, on_delete=models.CASCADE, related_name="elements")
    element_id = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    version_nonce = models.BigIntegerField()
    is_deleted = models.BooleanField(default=False)
    order_key = models.CharField(max_length=200, blank=True, help_text="Excalidraw's fractional `index`.")
    data = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "element_id"], name="classroom_board_element_once")]

    def __str__(self) -> str:
        return f"{self.element_id} v{self.version}"


class BoardFile(BaseModel):
    """An image placed on a board (a slide, a photo), kept by Excalidraw's file id within the class."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="board_files")
    file_id = models.CharField(max_length=64)
    mime_type = models.CharField(max_length=32)
    data = models.BinaryField()
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "file_id"], name="classroom_board_file_once")]

    def __str__(self) -> str:
        return self.file_id


class RecordingStatus(models.TextChoices):
    RECORDING = "recording", "Recording"
    PROCESSING = "processing", "Processing"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Recording(BaseModel):
    """A class recorded in the tutor's browser: uploaded in chunks while it runs, then made into an MP4.

    Each reload of the recording tab starts a new `part` (a fresh WebM stream), so a dropped tab loses
    only the seconds it had not uploaded yet; processing joins the parts in order.
    """

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="recordings")
    course = models.ForeignKey("courses.Course", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="recordings")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=RecordingStatus.choices, default=RecordingStatus.RECORDING)
    started_at = models.DateTimeField()
    stopped_at = models.DateTimeField(null=True, blank=True)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)],
                                                help_text="Processing progress in percent.")
    error = models.CharField(max_length=300, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    video_name = models.CharField(max_length=255, blank=True, help_text="Private storage name of the MP4.")
    video_size = models.BigIntegerField(null=True, blank=True)
    audio_name = models.CharField(max_length=255, blank=True, help_text="The audio track alone (M4A).")
    thumbnail_name = models.CharField(max_length=255, blank=True)
    lesson = models.ForeignKey("courses.Lesson", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", help_text="The lesson made from this recording, if any.")

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RecordingStatus.values),
                                   name="classroom_recording_status_known"),
            # One recording at a time per class.
            models.UniqueConstraint(fields=["session"], condition=Q(status="recording"),
                                    name="classroom_one_running_recording"),
        ]

    def __str__(self) -> str:
        return self.title


class RecordingChunk(models.Model):
    """A few seconds of a recording as MediaRecorder handed them over, kept in private storage."""

    id = models.BigAutoField(primary_key=True)
    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="chunks")
    part = models.PositiveIntegerField()
    index = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["part", "index"]
        constraints = [models.UniqueConstraint(fields=["recording", "part", "index"],
                                               name="classroom_recording_chunk_once")]

    def __str__(self) -> str:
        return f"part {self.part} chunk {self.index}"


class FacePresenceSample(models.Model):
    """Whether a face was in a student's webcam frame at one moment. The image itself is never kept."""

    id = models.BigAutoField(primary_key=True)
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="face_samples")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()
    face = models.BooleanField()

    class Meta:
        indexes = [models.Index(fields=["session", "user"], name="classroom_face_sample_user")]

    def __str__(self) -> str:
        return f"{self.at:%H:%M} {'face' if self.face else 'no face'}"
