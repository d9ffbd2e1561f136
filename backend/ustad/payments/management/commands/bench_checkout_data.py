"""Buyers and paid courses for the benchmark in bench/checkout.py (not for production).

Prints one JSON line: each buyer's access token and the slugs of the courses for sale.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.utils import timezone

from ustad.courses.models import Course, CourseStatus
from ustad.users.models import Role, User
from ustad.users.tokens import token_pair_issue


class Command(BaseCommand):
    help = "Create N buyers and M paid courses and print the buyers' access tokens (for benchmarks)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--buyers", type=int, default=200)
        parser.add_argument("--courses", type=int, default=10)

    def handle(self, *args: Any, **options: Any) -> None:
        password = make_password(None)
        tutor = User.objects.create(email="bench-seller@example.com", first_name="Seller", role=Role.TUTOR,
                                    password=password, email_verified_at=timezone.now())
        courses = [Course.objects.create(owner=tutor, price_amount=150_000 + index, currency="PKR",
                                         status=CourseStatus.PUBLISHED, published_at=timezone.now(),
                                         title=f"Bench course {index}", slug=f"bench-{index}")
                   for index in range(options["courses"])]
        buyers = User.objects.bulk_create([
            User(email=f"bench-buyer-{i}@example.com", first_name=f"Buyer{i}", role=Role.STUDENT, password=password,
                 email_verified_at=timezone.now()) for i in range(options["buyers"])])
        self.stdout.write(json.dumps({"tokens": [token_pair_issue(user=buyer).access for buyer in buyers],
                                      "courses": [course.slug for course in courses]}))
