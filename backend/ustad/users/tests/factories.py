from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from ustad.users.models import Role, Subject, TutorProfile, User

PASSWORD = "a-long-test-password-1"
_HASHES: dict[str, str] = {}


def _hashed(password: str) -> str:
    """Argon2 is slow on purpose; hash each test password once, not once per user."""
    from django.contrib.auth.hashers import make_password

    if password not in _HASHES:
        _HASHES[password] = make_password(password)
    return _HASHES[password]


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = Role.STUDENT
    email_verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.password = _hashed(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


class StudentFactory(UserFactory):
    role = Role.STUDENT


class SubjectFactory(factory.django.DjangoModelFactory[Subject]):
    class Meta:
        model = Subject
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"subject-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class TutorFactory(UserFactory):
    role = Role.TUTOR

    @factory.post_generation
    def profile(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            TutorProfile.objects.get_or_create(user=self, defaults={"hourly_rate": 200000, "currency": "PKR",
                                                                   "experience_years": 3})
