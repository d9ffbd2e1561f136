"""The demo school's people: an admin, two tutors, five students, and the subjects they teach."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ustad.users.models import Role, Subject, TutorProfile, User

DEMO_PASSWORD = "ustad-demo-2026"  # noqa: S105 - printed on the console on purpose

SUBJECTS = [
    ("mathematics", "Mathematics"), ("physics", "Physics"), ("chemistry", "Chemistry"), ("biology", "Biology"),
    ("english", "English"), ("urdu", "Urdu"), ("computer-science", "Computer Science"), ("python", "Python"),
    ("web-development", "Web Development"), ("data-science", "Data Science"), ("economics", "Economics"),
    ("accounting", "Accounting"),
]

PEOPLE: list[dict[str, Any]] = [
    {"email": "admin@ustad.test", "first_name": "Amina", "last_name": "Siddiqui", "role": Role.ADMIN,
     "headline": "School administrator"},
    {"email": "tutor1@ustad.test", "first_name": "Bilal", "last_name": "Ahmed", "role": Role.TUTOR,
     "headline": "A-level mathematics and physics, 9 years of teaching",
     "bio": "I help students turn formulas into intuition. Former lecturer at a Lahore college.",
     "tutor": {"subjects": ["mathematics", "physics"], "hourly_rate": 300000, "currency": "PKR",
               "experience_years": 9}},
    {"email": "tutor2@ustad.test", "first_name": "Sara", "last_name": "Malik", "role": Role.TUTOR,
     "headline": "Python and web development for beginners", "language": "ur",
     "bio": "Software engineer teaching Python, Django and React with real projects.",
     "tutor": {"subjects": ["python", "web-development", "computer-science"], "hourly_rate": 2500,
               "currency": "USD", "experience_years": 6}},
    {"email": "student1@ustad.test", "first_name": "Hamza", "last_name": "Qureshi", "role": Role.STUDENT},
    {"email": "student2@ustad.test", "first_name": "Fatima", "last_name": "Raza", "role": Role.STUDENT,
     "language": "ur"},
    {"email": "student3@ustad.test", "first_name": "Usman", "last_name": "Tariq", "role": Role.STUDENT},
    {"email": "student4@ustad.test", "first_name": "Zainab", "last_name": "Hussain", "role": Role.STUDENT},
    {"email": "student5@ustad.test", "first_name": "Ali", "last_name": "Khan", "role": Role.STUDENT,
     "timezone": "Asia/Dubai"},
]


@transaction.atomic
def load_demo_people() -> int:
    """Create the demo accounts that do not exist yet (passwords of existing ones are left alone)."""
    subjects = {slug: Subject.objects.update_or_create(slug=slug, defaults={"name": name})[0]
                for slug, name in SUBJECTS}
    created = 0
    for person in PEOPLE:
        fields = {k: v for k, v in person.items() if k not in ("email", "tutor")}
        user = User.objects.filter(email=person["email"]).first()
        if user is None:
            user = User(email=person["email"], email_verified_at=timezone.now(), **fields)
            user.is_staff = user.is_superuser = person["role"] == Role.ADMIN
            user.set_password(DEMO_PASSWORD)
            user.save()
            created += 1
        tutor = person.get("tutor")
        if tutor:
            profile, made = TutorProfile.objects.get_or_create(
                user=user, defaults={k: tutor[k] for k in ("hourly_rate", "currency", "experience_years")})
            if made:
                profile.subjects.set([subjects[slug] for slug in tutor["subjects"]])
    return created
