"""Load the demo school: people, then courses with real slides, a real lecture video, coursework and
students' progress, then live classes (one starting soon, one past, with its recording), then its money
(paid orders, a subscription, coupons, a payout request, a recording on sale). Safe to run again: what
exists is left as it is."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ustad.classroom.demo import load_demo_classes
from ustad.classroom.demo_recording import load_demo_recording
from ustad.courses.demo import load_demo_courses
from ustad.payments.demo import load_demo_payments
from ustad.users.demo import DEMO_PASSWORD, PEOPLE, load_demo_people


class Command(BaseCommand):
    help = "Create the demo school (idempotent) and print its logins."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo_people()
        courses = load_demo_courses(log=lambda line: self.stdout.write(f"  {line}"))
        load_demo_classes(log=lambda line: self.stdout.write(f"  {line}"))
        load_demo_recording(log=lambda line: self.stdout.write(f"  {line}"))
        load_demo_payments(log=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(f"Demo school ready ({created} new accounts, {courses} new courses). "
                          f"Logins, password “{DEMO_PASSWORD}”:")
        for person in PEOPLE:
            self.stdout.write(f"  {person['role']:<8} {person['email']}")
