from __future__ import annotations

import pytest
from django.core.management import call_command

from ustad.core.files.storage import private_storage
from ustad.courses.models import Assignment, Course, Enrollment, Lesson, Quiz, Resource, Review
from ustad.users.demo import DEMO_PASSWORD, load_demo_people
from ustad.users.models import Role, TutorProfile, User


@pytest.mark.django_db
def test_seed_demo_creates_a_living_school_once_and_prints_logins(capsys):
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    assert User.objects.filter(role=Role.ADMIN).count() == 1
    assert User.objects.filter(role=Role.TUTOR).count() == 2
    assert User.objects.filter(role=Role.STUDENT).count() == 5
    assert TutorProfile.objects.filter(subjects__isnull=False).distinct().count() == 2
    admin = User.objects.get(email="admin@ustad.test")
    assert admin.is_staff and admin.check_password(DEMO_PASSWORD) and admin.email_verified
    output = capsys.readouterr().out
    assert "student1@ustad.test" in output and DEMO_PASSWORD in output

    assert Course.objects.filter(status="published").count() == 6
    video = Lesson.objects.get(course__slug="python-from-zero", kind="video")
    assert video.video_content_type == "video/mp4" and video.duration_seconds > 10
    assert private_storage().size(video.video_name) > 50_000  # a real encoded lecture
    slides = Resource.objects.get(course__slug="python-from-zero")
    assert slides.content_type == "application/pdf"
    assert private_storage().open(slides.stored_name).read(5) == b"%PDF-"
    assert Assignment.objects.filter(course__slug="python-from-zero").count() == 1
    quiz = Quiz.objects.get(course__slug="python-from-zero")
    assert quiz.is_published and quiz.questions.count() == 4
    assert Enrollment.objects.filter(course__slug="python-from-zero").count() == 5
    assert Review.objects.count() == 2
    assert Course.objects.get(slug="python-from-zero").cover

    from django.utils import timezone

    from ustad.classroom.models import ChatMessage, LiveSession
    soon = LiveSession.objects.get(course__slug="python-from-zero")
    assert soon.status == "scheduled" and soon.starts_at > timezone.now()  # a room to enter in minutes
    past = LiveSession.objects.get(course__slug="o-level-algebra-essentials")
    assert past.status == "ended" and ChatMessage.objects.filter(session=past).count() >= 3
    assert past.attendance.count() >= 1 and past.last_seq == past.events.count()
    poll = past.polls.get()
    assert poll.status == "closed" and poll.votes.count() >= 1  # its results are kept with the class
    assert past.board_pages.get().elements.filter(is_deleted=False).count() >= 5  # and its board
    recording = past.recordings.get()  # and a real recording, made by the recording pipeline
    assert recording.status == "ready" and 19 <= (recording.duration_seconds or 0) <= 23
    assert private_storage().open(recording.video_name).read(8)[4:] == b"ftyp"
    assert private_storage().size(recording.thumbnail_name) > 1000 and not recording.chunks.exists()

    # Its money, made through the real checkout: paid orders, a subscription, coupons, a payout, a listing.
    from ustad.payments.models import Coupon, Listing, Order, Payout, Subscription
    from ustad.payments.services.ledger import earnings_balance
    paid = Order.objects.filter(status="paid")
    assert paid.count() == 4  # three courses and a month of the plan
    assert Enrollment.objects.filter(student__email="student1@ustad.test",
                                     course__slug="a-level-physics-mechanics", source="purchase").exists()
    assert Subscription.objects.get(user__email="student3@ustad.test").status == "active"
    assert Coupon.objects.get(code="PHYSICS500").redemptions == 1
    tutor1 = User.objects.get(email="tutor1@ustad.test")
    assert earnings_balance(owner=tutor1, currency="PKR") == (300_000 - 50_000) * 80 // 100
    assert Payout.objects.get(tutor=tutor1).status == "requested"
    assert Listing.objects.get().status == "published"


@pytest.mark.django_db
def test_seed_demo_does_not_reset_changed_passwords():
    load_demo_people()
    user = User.objects.get(email="student1@ustad.test")
    user.set_password("my-own-secret-pass-1")
    user.save()
    load_demo_people()
    user.refresh_from_db()
    assert user.check_password("my-own-secret-pass-1")
