"""Accounts: one User model for every role, with a tutor profile for what only tutors have."""

from __future__ import annotations

import uuid
import zoneinfo
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone as dj_timezone


class Role(models.TextChoices):
    STUDENT = "student", "Student"
    TUTOR = "tutor", "Tutor"
    ADMIN = "admin", "Admin"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    URDU = "ur", "اردو"


class Currency(models.TextChoices):
    PKR = "PKR", "Pakistani rupee"
    USD = "USD", "US dollar"


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a known time zone.", code="invalid_timezone")


def normalize_email(email: str) -> str:
    """E-mail addresses are compared case-insensitively everywhere, so we store them lower-cased."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email=normalize_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(role=Role.ADMIN, is_staff=True, is_superuser=True, email_verified_at=dj_timezone.now())
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(max_length=254, unique=True)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.STUDENT)
    headline = models.CharField(max_length=160, blank=True)
    bio = models.TextField(max_length=4000, blank=True)
    timezone = models.CharField(max_length=64, default="Asia/Karachi", validators=[validate_timezone])
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    phone = models.CharField(max_length=20, blank=True, help_text="E.164, e.g. +923001234567")
    avatar = models.ImageField(upload_to="avatars/", blank=True)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=dj_timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]

    class Meta:
        ordering = ["first_name", "last_name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="users_user_role_valid"),
            # Stored lower-cased, so the unique index is also case-insensitive.
            models.CheckConstraint(condition=models.Q(email=Lower("email")), name="users_user_email_lowercase"),
        ]
        indexes = [models.Index(fields=["role", "is_active"])]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_tutor(self) -> bool:
        return self.role == Role.TUTOR


class Subject(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TutorProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="tutor_profile")
    subjects = models.ManyToManyField(Subject, blank=True, related_name="tutors")
    hourly_rate = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100_000_000)],
        help_text="Minor units of the currency (paisa, cents).",
    )
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.PKR)
    experience_years = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(80)])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hourly_rate__isnull=True) | models.Q(hourly_rate__lte=100_000_000),
                name="users_tutorprofile_rate_sane",
            ),
            models.CheckConstraint(condition=models.Q(experience_years__lte=80), name="users_tutorprofile_exp_sane"),
            models.CheckConstraint(condition=models.Q(currency__in=Currency.values),
                                   name="users_tutorprofile_currency"),
        ]

    def __str__(self) -> str:
        return f"Tutor profile of {self.user}"
