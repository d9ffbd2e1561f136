"""Reads shared by views: the public tutor directory."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ustad.users.models import Role, Subject, User


def tutor_list_public(*, subject: str | None = None, search: str | None = None) -> QuerySet[User]:
    tutors = (
        User.objects.filter(role=Role.TUTOR, is_active=True, email_verified_at__isnull=False)
        .select_related("tutor_profile")
        .prefetch_related("tutor_profile__subjects")
        .order_by("first_name", "last_name", "id")
    )
    if subject:
        tutors = tutors.filter(tutor_profile__subjects__slug=subject)
    if search:
        for word in search.split()[:5]:
            tutors = tutors.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(headline__icontains=word)
                | Q(tutor_profile__subjects__name__icontains=word)
            )
        tutors = tutors.distinct()
    return tutors


def tutor_get_public(*, user_id: str) -> User | None:
    return tutor_list_public().filter(id=user_id).first()


def subject_list() -> QuerySet[Subject]:
    return Subject.objects.order_by("name")
