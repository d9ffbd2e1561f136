"""Every API endpoint × every kind of caller.

The matrix lists, for each named route and method, the status each actor gets for a minimal
request. A new endpoint without a row fails `test_every_api_route_is_in_the_matrix`, so nobody
can add an endpoint without deciding who may call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import client_for
from ustad.classroom.models import BoardFile, BoardPage, LiveSession, Recording
from ustad.classroom.services.schedule import calendar_feed_token
from ustad.core.tests.factories import UploadSessionFactory
from ustad.core.tests.samples import image
from ustad.courses.models import (
    Assignment,
    Certificate,
    Enrollment,
    Lesson,
    Note,
    Question,
    Quiz,
    QuizAttempt,
    Resource,
    Submission,
    SubmissionFile,
)
from ustad.courses.tests.factories import EnrollmentFactory, course_with_lessons
from ustad.payments.models import Listing, Order, OrderItem, Payment, Payout, Plan, Subscription
from ustad.payments.services.listings import listing_access_grant
from ustad.payments.services.orders import order_create_for_courses, order_mark_paid
from ustad.payments.services.payments import payment_start
from ustad.payments.services.receipt_links import receipt_link
from ustad.users.tests.factories import StudentFactory, TutorFactory, UserFactory

ACTORS = ("anonymous", "student", "other_student", "tutor", "other_tutor", "admin")
PUBLIC_400 = dict.fromkeys(ACTORS, 400)


def signed_in(code: int) -> dict[str, int]:
    return {"anonymous": 401, **dict.fromkeys(ACTORS[1:], code)}


def editors(code: int, outsiders: int = 403) -> dict[str, int]:
    """Course tutor and admin get `code`; students and other tutors get `outsiders`."""
    return {"anonymous": 401, "student": outsiders, "other_student": outsiders, "tutor": code,
            "other_tutor": outsiders, "admin": code}


def row(anonymous: int, student: int, other_student: int, tutor: int, other_tutor: int, admin: int) -> dict[str, int]:
    return dict(zip(ACTORS, (anonymous, student, other_student, tutor, other_tutor, admin), strict=True))


# (route name, method) -> {actor: expected status} for a minimal request (empty body) in a fresh world:
# "tutor" owns a published free course with three lessons (the first a free preview) in which "student"
# is enrolled and has written a note; nobody else is related to it.
MATRIX: dict[tuple[str, str], dict[str, int]] = {
    ("auth-signup", "post"): PUBLIC_400,
    ("auth-verify-email", "post"): PUBLIC_400,
    ("auth-verify-email-resend", "post"): PUBLIC_400,
    ("auth-login", "post"): PUBLIC_400,
    ("auth-refresh", "post"): dict.fromkeys(ACTORS, 401),
    ("auth-logout", "post"): dict.fromkeys(ACTORS, 204),
    ("auth-password-reset", "post"): PUBLIC_400,
    ("auth-password-reset-confirm", "post"): PUBLIC_400,
    ("auth-password-change", "post"): signed_in(400),
    ("me", "get"): signed_in(200),
    ("me", "patch"): signed_in(200),
    ("me-avatar", "post"): signed_in(400),
    ("me-avatar", "delete"): signed_in(200),
    ("subject-list", "get"): dict.fromkeys(ACTORS, 200),
    ("tutor-list", "get"): dict.fromkeys(ACTORS, 200),
    ("tutor-detail", "get"): dict.fromkeys(ACTORS, 200),
    ("ws-ticket", "post"): signed_in(200),
    # Courses: catalogue and course page
    ("category-list", "get"): dict.fromkeys(ACTORS, 200),
    ("course-list", "get"): dict.fromkeys(ACTORS, 200),
    ("course-list", "post"): row(401, 403, 403, 400, 400, 400),
    ("course-detail", "get"): dict.fromkeys(ACTORS, 200),
    ("course-detail", "patch"): editors(200),
    ("course-detail", "delete"): editors(409),  # a student is enrolled: archive instead
    ("course-reviews", "get"): dict.fromkeys(ACTORS, 200),
    ("course-reviews", "post"): row(401, 400, 403, 403, 403, 403),
    ("course-review-mine", "delete"): signed_in(404),
    ("course-enroll", "post"): row(401, 200, 201, 400, 201, 201),
    # Course builder
    ("course-publish", "post"): editors(200),
    ("course-publish-check", "get"): editors(200),
    ("course-archive", "post"): editors(200),
    ("course-restore", "post"): editors(200),
    ("course-duplicate", "post"): editors(201),
    ("course-cover", "post"): editors(400),
    ("course-cover", "delete"): editors(400),  # a published course keeps its cover
    ("course-sections", "post"): editors(400),
    ("course-syllabus", "put"): editors(400),
    ("course-students", "get"): editors(200),
    ("section-detail", "patch"): editors(400, outsiders=404),
    ("section-detail", "delete"): editors(409, outsiders=404),  # the only section of a published course
    ("section-lessons", "post"): editors(400, outsiders=404),
    ("teaching-courses", "get"): row(401, 403, 403, 200, 200, 200),
    # Learning
    ("lesson-detail", "get"): row(403, 200, 403, 200, 403, 200),
    ("lesson-detail", "patch"): editors(200, outsiders=404),
    ("lesson-detail", "delete"): editors(204, outsiders=404),
    ("lesson-progress", "post"): row(401, 200, 403, 403, 403, 403),
    ("lesson-notes", "get"): row(401, 200, 403, 200, 403, 200),
    ("lesson-notes", "post"): row(401, 400, 403, 400, 403, 400),
    ("note-detail", "patch"): row(401, 200, 404, 404, 404, 404),
    ("note-detail", "delete"): row(401, 204, 404, 404, 404, 404),
    ("my-enrollments", "get"): signed_in(200),
    ("certificate-detail", "get"): dict.fromkeys(ACTORS, 200),  # public verification
    ("certificate-pdf", "get"): dict.fromkeys(ACTORS, 200),
    ("my-certificates", "get"): signed_in(200),
    # Course files: a resource attached to the locked lesson
    ("course-resources", "get"): editors(200),
    ("course-resources", "post"): editors(400),
    ("resource-detail", "delete"): editors(204, outsiders=404),
    ("resource-download", "get"): row(403, 200, 403, 200, 403, 200),
    ("lesson-video", "post"): editors(400, outsiders=404),
    ("lesson-video", "delete"): editors(200, outsiders=404),
    # Assignments: "student" has handed work (with a file) in to a published assignment
    ("course-assignments", "get"): row(401, 200, 403, 200, 403, 200),
    ("course-assignments", "post"): editors(400),
    ("course-grades-csv", "get"): editors(200),
    ("assignment-detail", "get"): row(401, 200, 404, 200, 404, 200),
    ("assignment-detail", "patch"): row(401, 403, 404, 200, 404, 200),
    ("assignment-detail", "delete"): row(401, 403, 404, 409, 404, 409),  # work was handed in
    ("my-submission", "get"): row(401, 200, 404, 404, 404, 404),
    ("my-submission", "post"): row(401, 200, 404, 403, 404, 403),  # resubmits, keeping the file
    ("assignment-submissions", "get"): row(401, 403, 404, 200, 404, 200),
    ("submission-detail", "get"): row(401, 200, 404, 200, 404, 200),
    ("submission-grade", "post"): row(401, 403, 404, 400, 404, 400),
    ("submission-return", "post"): row(401, 403, 404, 409, 404, 409),  # not graded yet
    ("submission-file-download", "get"): row(401, 200, 404, 200, 404, 200),
    # Uploads: "student" has an open upload with nothing received yet; nobody else may see it
    ("upload-list", "get"): signed_in(200),
    ("upload-list", "post"): signed_in(400),
    ("upload-detail", "get"): row(401, 200, 404, 404, 404, 404),
    ("upload-detail", "put"): row(401, 415, 404, 404, 404, 404),  # a JSON body is not a chunk
    ("upload-detail", "delete"): row(401, 204, 404, 404, 404, 404),
    ("upload-complete", "post"): row(401, 409, 404, 404, 404, 404),  # no bytes yet
    # Quizzes: a published quiz with one question; "student" has an attempt open
    ("course-quizzes", "get"): row(401, 200, 403, 200, 403, 200),
    ("course-quizzes", "post"): editors(400),
    ("quiz-detail", "get"): row(401, 200, 403, 200, 403, 200),
    ("quiz-detail", "patch"): editors(200, outsiders=404),
    ("quiz-detail", "delete"): editors(409, outsiders=404),  # a student has attempted it
    ("quiz-questions", "post"): editors(400, outsiders=404),
    ("question-detail", "patch"): editors(200, outsiders=404),
    ("question-detail", "delete"): editors(409, outsiders=404),  # the only question of a published quiz
    ("quiz-attempts", "get"): row(401, 200, 403, 200, 403, 200),
    ("quiz-attempts", "post"): row(401, 200, 403, 403, 403, 403),  # resumes the open attempt
    ("attempt-detail", "get"): row(401, 200, 404, 200, 404, 200),
    ("attempt-detail", "patch"): row(401, 400, 404, 403, 404, 403),
    ("attempt-submit", "post"): row(401, 200, 404, 403, 404, 403),
    # Live classes: a class of the course tomorrow, and a standalone class by "tutor" nobody has booked yet
    ("session-list", "get"): signed_in(200),
    ("session-list", "post"): row(401, 403, 403, 400, 400, 400),
    ("session-detail", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-detail", "patch"): row(401, 403, 404, 200, 404, 200),
    ("session-cancel", "post"): row(401, 403, 404, 200, 404, 200),
    ("session-seat", "post"): row(401, 201, 201, 409, 201, 409),  # tutors of the class need no seat
    ("course-sessions", "get"): row(401, 200, 403, 200, 403, 200),
    ("session-attendance", "get"): row(401, 403, 404, 200, 404, 200),
    ("session-attendance-csv", "get"): row(401, 403, 404, 200, 404, 200),
    ("course-attendance-csv", "get"): editors(200),
    ("my-calendar", "get"): signed_in(200),
    ("my-calendar-rotate", "post"): signed_in(200),
    ("calendar-feed", "get"): dict.fromkeys(ACTORS, 200),  # "student"'s private address: the address is the key
    # The class's whiteboard: a main page with an image on it; "student" has not entered the room yet
    ("session-recap", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-board", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-board-page", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-board-files", "post"): row(401, 403, 404, 400, 404, 400),  # students draw once allowed in class
    ("session-board-file", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-board-export", "post"): row(401, 403, 404, 400, 404, 400),
    # Media: the class is tomorrow, so nobody may enter yet; it does not count face presence
    ("session-media", "get"): row(401, 403, 404, 403, 404, 403),
    ("session-presence", "post"): row(401, 409, 404, 403, 404, 403),
    # Recordings: one ready recording of that class (recording starts only once the class is live)
    ("session-recordings", "get"): row(401, 200, 404, 200, 404, 200),
    ("session-recordings", "post"): row(401, 403, 404, 409, 404, 409),
    ("recording-chunk", "put"): row(401, 403, 404, 415, 404, 415),  # a JSON body is not a WebM chunk
    ("recording-stop", "post"): row(401, 403, 404, 200, 404, 200),
    ("recording-detail", "get"): row(401, 200, 404, 200, 404, 200),
    ("recording-detail", "delete"): row(401, 403, 404, 204, 404, 204),
    ("recording-lesson", "post"): row(401, 403, 404, 400, 404, 400),
    ("course-recordings", "get"): row(401, 200, 403, 200, 403, 200),
    # Payments: "student" holds a paid order (and its receipt), a pending one with a local payment, and an
    # active subscription; "tutor" sold the course, asked for a payout and sells a recording "student" bought.
    ("payment-providers", "get"): PUBLIC_400,  # the currency is required
    ("order-list", "get"): signed_in(200),
    ("order-list", "post"): signed_in(400),
    ("order-quote", "post"): signed_in(400),
    ("order-detail", "get"): row(401, 200, 404, 404, 404, 200),
    ("order-pay", "post"): row(401, 400, 404, 404, 404, 404),
    ("order-check", "post"): row(401, 200, 404, 404, 404, 200),
    ("order-refund", "post"): row(401, 404, 404, 404, 404, 200),
    ("order-receipt", "get"): row(401, 302, 404, 404, 404, 302),
    ("receipt-link", "get"): dict.fromkeys(ACTORS, 302),  # the signed link is the key
    ("local-charge", "get"): row(401, 200, 404, 404, 404, 404),
    ("local-pay", "post"): row(401, 400, 404, 404, 404, 404),
    ("local-cancel", "post"): row(401, 200, 404, 404, 404, 404),
    ("payment-return", "get"): dict.fromkeys(ACTORS, 302),
    ("payment-return", "post"): dict.fromkeys(ACTORS, 302),
    ("payment-webhook", "post"): PUBLIC_400,  # no signature: refused, whoever sends it
    ("plan-list", "get"): dict.fromkeys(ACTORS, 200),
    ("plan-courses", "get"): dict.fromkeys(ACTORS, 200),
    ("subscription-list", "get"): signed_in(200),
    ("subscription-list", "post"): signed_in(400),
    ("subscription-enrol", "post"): signed_in(400),
    ("subscription-cancel", "post"): row(401, 200, 404, 404, 404, 404),
    ("subscription-resume", "post"): row(401, 409, 404, 404, 404, 404),  # not cancelled
    ("earnings", "get"): row(401, 403, 403, 200, 200, 200),
    ("payout-list", "get"): row(401, 403, 403, 200, 200, 200),
    ("payout-list", "post"): row(401, 403, 403, 400, 400, 403),
    ("payout-detail", "get"): row(401, 403, 403, 200, 404, 200),
    ("payout-approve", "post"): row(401, 403, 403, 403, 403, 200),
    ("payout-reject", "post"): row(401, 403, 403, 403, 403, 400),  # a note is required
    ("payout-mark-paid", "post"): row(401, 403, 403, 403, 403, 409),  # not approved yet
    ("admin-order-list", "get"): row(401, 403, 403, 403, 403, 200),
    ("referrals-me", "get"): signed_in(200),
    ("listing-list", "get"): dict.fromkeys(ACTORS, 200),
    ("listing-list", "post"): row(401, 403, 403, 400, 400, 403),
    ("listing-detail", "get"): dict.fromkeys(ACTORS, 200),
    ("listing-detail", "patch"): row(401, 403, 403, 200, 403, 200),
    ("listing-publish", "post"): row(401, 403, 403, 200, 403, 200),
    ("listing-archive", "post"): row(401, 403, 403, 200, 403, 200),
    ("listing-content", "get"): row(401, 200, 403, 200, 403, 200),
    ("my-listings", "get"): signed_in(200),
}

URL_KWARGS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "tutor-detail": lambda world: {"pk": world["other_tutor"].id},
    **{name: (lambda world: {"slug": world["course"].slug}) for name in (
        "course-detail", "course-reviews", "course-review-mine", "course-enroll", "course-publish",
        "course-publish-check", "course-archive", "course-restore", "course-duplicate", "course-cover",
        "course-sections", "course-syllabus", "course-students")},
    "section-detail": lambda world: {"pk": world["section"].id},
    "section-lessons": lambda world: {"pk": world["section"].id},
    "lesson-detail": lambda world: {"pk": world["locked_lesson"].id},
    "lesson-progress": lambda world: {"pk": world["locked_lesson"].id},
    "lesson-notes": lambda world: {"pk": world["locked_lesson"].id},
    "note-detail": lambda world: {"pk": world["note"].id},
    **{name: (lambda world: {"pk": world["assignment"].id}) for name in (
        "assignment-detail", "my-submission", "assignment-submissions")},
    "course-assignments": lambda world: {"slug": world["course"].slug},
    "course-resources": lambda world: {"slug": world["course"].slug},
    "certificate-detail": lambda world: {"code": world["certificate"].code},
    "certificate-pdf": lambda world: {"code": world["certificate"].code},
    "resource-detail": lambda world: {"pk": world["resource"].id},
    "resource-download": lambda world: {"pk": world["resource"].id},
    "lesson-video": lambda world: {"pk": world["locked_lesson"].id},
    "course-grades-csv": lambda world: {"slug": world["course"].slug},
    **{name: (lambda world: {"pk": world["submission"].id}) for name in (
        "submission-detail", "submission-grade", "submission-return")},
    "submission-file-download": lambda world: {"pk": world["submission_file"].id},
    **{name: (lambda world: {"pk": UploadSessionFactory(owner=world["student"]).id}) for name in (
        "upload-detail", "upload-complete")},
    "course-quizzes": lambda world: {"slug": world["course"].slug},
    **{name: (lambda world: {"pk": world["quiz"].id}) for name in ("quiz-detail", "quiz-questions", "quiz-attempts")},
    "question-detail": lambda world: {"pk": world["question"].id},
    **{name: (lambda world: {"pk": world["attempt"].id}) for name in ("attempt-detail", "attempt-submit")},
    **{name: (lambda world: {"pk": world["session"].id}) for name in (
        "session-detail", "session-cancel", "session-attendance", "session-attendance-csv", "session-board",
        "session-recap", "session-board-files", "session-board-export", "session-media", "session-presence")},
    "session-board-page": lambda world: {"pk": world["session"].id, "page_id": world["board_page"].id},
    "session-board-file": lambda world: {"pk": world["session"].id, "file_id": world["board_file"].file_id},
    "session-seat": lambda world: {"pk": world["standalone_session"].id},
    "session-recordings": lambda world: {"pk": world["session"].id},
    "recording-chunk": lambda world: {"pk": world["session"].id, "recording_id": world["recording"].id,
                                      "part": 0, "index": 0},
    "recording-stop": lambda world: {"pk": world["session"].id, "recording_id": world["recording"].id},
    **{name: (lambda world: {"recording_id": world["recording"].id}) for name in (
        "recording-detail", "recording-lesson")},
    "course-recordings": lambda world: {"slug": world["course"].slug},
    "course-sessions": lambda world: {"slug": world["course"].slug},
    "course-attendance-csv": lambda world: {"slug": world["course"].slug},
    "calendar-feed": lambda world: {"token": calendar_feed_token(user=world["student"])},
    **{name: (lambda world: {"pk": world["paid_order"].id}) for name in (
        "order-detail", "order-refund", "order-receipt")},
    **{name: (lambda world: {"pk": world["pending_order"].id}) for name in ("order-pay", "order-check")},
    "receipt-link": lambda world: {"token": receipt_link(world["paid_order"]).rsplit("/", 1)[1]},
    **{name: (lambda world: {"pk": world["payment"].id}) for name in ("local-charge", "local-pay", "local-cancel")},
    **{name: (lambda world: {"provider": "local"}) for name in ("payment-return", "payment-webhook")},
    "plan-courses": lambda world: {"slug": world["plan"].slug},
    **{name: (lambda world: {"pk": world["subscription"].id}) for name in (
        "subscription-cancel", "subscription-resume")},
    **{name: (lambda world: {"pk": world["payout"].id}) for name in (
        "payout-detail", "payout-approve", "payout-reject", "payout-mark-paid")},
    **{name: (lambda world: {"slug": world["listing"].slug}) for name in (
        "listing-detail", "listing-publish", "listing-archive", "listing-content")},
}
MULTIPART_ROUTES = {"me-avatar", "course-cover", "session-board-files", "session-board-export", "session-presence"}


def _api_routes(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
        elif namespace.startswith("v1:") and pattern.name:
            yield pattern.name, pattern


def _methods(pattern: URLPattern) -> set[str]:
    view_class = getattr(pattern.callback, "view_class", None)
    assert view_class is not None, f"{pattern.name} is not a class-based view"
    return {m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m)}


def test_every_api_route_is_in_the_matrix() -> None:
    declared = {(name, method) for name, pattern in _api_routes(get_resolver()) for method in _methods(pattern)}
    assert declared == set(MATRIX), (
        f"missing from the matrix: {sorted(declared - set(MATRIX))}; stale rows: {sorted(set(MATRIX) - declared)}")


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    tutor = TutorFactory()
    course = course_with_lessons(owner=tutor, lessons=3)
    student = StudentFactory()
    EnrollmentFactory(student=student, course=course)
    lessons = list(Lesson.objects.filter(course=course).order_by("position"))
    return {
        "student": student, "other_student": StudentFactory(),
        "tutor": tutor, "other_tutor": TutorFactory(),
        "admin": UserFactory(role="admin", is_staff=True, is_superuser=True),
        "course": course, "section": lessons[0].section, "locked_lesson": lessons[1],
        "note": Note.objects.create(student=student, lesson=lessons[1], body="Mine"),
        **_coursework(course, student),
        **_quizzes(course, student),
        **(classes := _live_classes(course)),
        **_payments(tutor, student, classes["recording"]),
        "resource": Resource.objects.create(course=course, lesson=lessons[1], title="Slides", kind="slides",
                                            stored_name="resources/slides.pdf", original_name="slides.pdf",
                                            content_type="application/pdf", size=10),
    }


def _coursework(course: Any, student: Any) -> dict[str, Any]:
    assignment = Assignment.objects.create(course=course, title="Set 1", points=10,
                                           due_at=timezone.now() + timedelta(days=3))
    submission = Submission.objects.create(assignment=assignment, student=student, text="Work",
                                           submitted_at=timezone.now())
    submission_file = SubmissionFile.objects.create(submission=submission, stored_name="submissions/x.pdf",
                                                    original_name="x.pdf", content_type="application/pdf", size=10)
    certificate = Certificate.objects.create(enrollment=Enrollment.objects.get(student=student, course=course),
                                             student_name=student.full_name, course_title=course.title,
                                             tutor_name=course.owner.full_name)
    return {"assignment": assignment, "submission": submission, "submission_file": submission_file,
            "certificate": certificate}


def _quizzes(course: Any, student: Any) -> dict[str, Any]:
    quiz = Quiz.objects.create(course=course, title="Check", is_published=True)
    question = Question.objects.create(quiz=quiz, kind="true_false", prompt="Sure?", correct_choice_ids=["true"],
                                       choices=[{"id": "true", "text": "True"}, {"id": "false", "text": "False"}])
    attempt = QuizAttempt.objects.create(quiz=quiz, student=student, number=1, started_at=timezone.now())
    return {"quiz": quiz, "question": question, "attempt": attempt}


def _live_classes(course: Any) -> dict[str, Any]:
    starts = timezone.now() + timedelta(days=1)
    fields = {"owner": course.owner, "timezone": "Asia/Karachi", "starts_at": starts,
              "ends_at": starts + timedelta(hours=1)}
    session = LiveSession.objects.create(course=course, title="Live", **fields)
    return {"session": session,
            "standalone_session": LiveSession.objects.create(title="Open class", join_policy="seats", **fields),
            "board_page": BoardPage.objects.create(session=session, position=1, title="Page 1"),
            "board_file": BoardFile.objects.create(session=session, file_id="f1", mime_type="image/png",
                                                   data=image("PNG"), size=100),
            "recording": Recording.objects.create(session=session, course=course, title="Live", status="ready",
                                                  started_at=starts)}


def _payments(tutor: Any, student: Any, recording: Any) -> dict[str, Any]:
    course = course_with_lessons(owner=tutor, lessons=1, price_amount=100_000)
    paid = order_create_for_courses(buyer=student, courses=[course], idempotency_key="matrix-paid")
    Payment.objects.create(order=paid, provider="local", amount=paid.total, currency=paid.currency,
                           provider_ref="lp_matrix", provider_payment_ref="lch_matrix", status="succeeded")
    paid = order_mark_paid(order_id=paid.id, provider="local", amount=paid.total, currency="PKR", reference="m")
    pending = order_create_for_courses(buyer=student, courses=[course_with_lessons(owner=tutor, lessons=1,
                                       price_amount=50_000)], idempotency_key="matrix-pending")
    payment, _, _ = payment_start(order=pending, provider_name="local")
    plan = Plan.objects.create(slug="all-access", name="All access", currency="PKR", price_amount=150_000)
    subscription = Subscription.objects.create(user=student, plan=plan, provider="local", status="active",
                                               provider_ref="lsub_matrix",
                                               current_period_end=timezone.now() + timedelta(days=20))
    Recording.objects.filter(id=recording.id).update(video_name="recordings/class.mp4")
    listing = Listing.objects.create(tutor=tutor, slug="algebra-recorded", title="Algebra, recorded",
                                     currency="PKR", price_amount=150_000, status="published")
    listing.recordings.add(recording)
    bought = Order.objects.create(buyer=student, currency="PKR", subtotal=150_000, total=150_000, status="paid",
                                  paid_at=timezone.now(), idempotency_key="matrix-listing")
    OrderItem.objects.create(order=bought, kind="listing", listing=listing, seller=tutor, title=listing.title,
                             unit_amount=150_000, amount=150_000)
    listing_access_grant(user=student, listing=listing, order=bought)
    return {"paid_order": paid, "pending_order": pending, "payment": payment, "plan": plan,
            "subscription": subscription, "listing": listing,
            "payout": Payout.objects.create(tutor=tutor, amount=60_000, currency="PKR", method="Bank")}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("route", "method"), sorted(MATRIX))
def test_permission_matrix(world: dict[str, Any], route: str, method: str, actor: str, settings: Any) -> None:
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "1000/minute")
    kwargs = URL_KWARGS.get(route, lambda _: {})(world)
    url = reverse(f"v1:{route}", kwargs=kwargs)
    client = APIClient() if actor == "anonymous" else client_for(world[actor])
    body_format = "multipart" if route in MULTIPART_ROUTES else "json"
    response = getattr(client, method)(url, {}, format=body_format)
    expected = MATRIX[(route, method)][actor]
    assert response.status_code == expected, (
        f"{actor} {method.upper()} {url}: {response.status_code} {response.content[:300]!r}")
    if response.status_code >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}


@pytest.mark.parametrize("actor", ACTORS[1:])
def test_me_is_always_the_caller(world: dict[str, Any], actor: str) -> None:
    response = client_for(world[actor]).get(reverse("v1:me"))
    assert response.json()["id"] == str(world[actor].id)


def test_tutor_detail_never_shows_non_tutors(world: dict[str, Any]) -> None:
    for who in ("student", "admin"):
        url = reverse("v1:tutor-detail", kwargs={"pk": world[who].id})
        assert client_for(world["tutor"]).get(url).status_code == 404
