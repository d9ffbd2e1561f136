"""Fill the database with a large catalogue for the benchmark in bench/catalogue.py (not for production)."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from ustad.courses.models import Category, Course, CourseStatus, Enrollment
from ustad.courses.services.course_stats import course_search_refresh
from ustad.users.models import Role, User

WORDS = (
    "python", "algebra", "physics", "chemistry", "biology", "urdu", "english", "calculus", "statistics", "django",
    "react", "data", "science", "accounting", "economics", "history", "geography", "poetry", "grammar", "writing",
    "speaking", "design", "drawing", "music",
)


class Command(BaseCommand):
    help = "Create N courses and M enrolments of synthetic data (for benchmarks)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--courses", type=int, default=10_000)
        parser.add_argument("--enrollments", type=int, default=100_000)
        parser.add_argument("--students", type=int, default=5_000)

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(42)
        password = make_password(None)
        categories = [Category.objects.get_or_create(slug=f"bench-{w}", defaults={"name": w.title()})[0]
                      for w in WORDS[:12]]
        tutors = User.objects.bulk_create([
            User(email=f"bench-tutor-{i}@example.com", first_name=f"Tutor{i}", role=Role.TUTOR, password=password,
                 email_verified_at=timezone.now()) for i in range(200)])
        students = User.objects.bulk_create([
            User(email=f"bench-student-{i}@example.com", first_name=f"Student{i}", role=Role.STUDENT,
                 password=password, email_verified_at=timezone.now()) for i in range(options["students"])])
        now = timezone.now()
        courses = Course.objects.bulk_create([
            Course(owner=rng.choice(tutors), slug=f"bench-course-{i}", category=rng.choice(categories),
                   title=" ".join(rng.sample(WORDS, 3)).title() + f" {i}", subtitle=" ".join(rng.sample(WORDS, 6)),
                   description=" ".join(rng.choices(WORDS, k=60)), level=rng.choice(["beginner", "intermediate",
                                                                                      "advanced"]),
                   price_amount=rng.choice([0, 0, 99900, 250000, 499900]), status=CourseStatus.PUBLISHED,
                   published_at=now, rating_average=round(rng.uniform(2.5, 5), 2), rating_count=rng.randint(0, 300),
                   duration_seconds=rng.randint(600, 36000), lesson_count=rng.randint(3, 80), cover="covers/x.webp")
            for i in range(options["courses"])], batch_size=2000)
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < options["enrollments"]:
            pairs.add((rng.randrange(len(students)), rng.randrange(len(courses))))
        Enrollment.objects.bulk_create([
            Enrollment(student=students[s], course=courses[c], source="free") for s, c in pairs], batch_size=5000)
        with connection.cursor() as cursor:
            cursor.execute("""UPDATE courses_course c SET enrollment_count = e.n FROM
                              (SELECT course_id, count(*) n FROM courses_enrollment GROUP BY course_id) e
                              WHERE e.course_id = c.id""")
        for course in courses:
            course_search_refresh(course=course)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"{len(courses)} courses, {len(pairs)} enrolments, {len(students)} students")
