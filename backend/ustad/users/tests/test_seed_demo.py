from __future__ import annotations

import pytest
from django.core.management import call_command

from ustad.users.management.commands.seed_demo import DEMO_PASSWORD
from ustad.users.models import Role, TutorProfile, User


@pytest.mark.django_db
def test_seed_demo_creates_the_school_once_and_prints_logins(capsys):
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


@pytest.mark.django_db
def test_seed_demo_does_not_reset_changed_passwords():
    call_command("seed_demo")
    user = User.objects.get(email="student1@ustad.test")
    user.set_password("my-own-secret-pass-1")
    user.save()
    call_command("seed_demo")
    user.refresh_from_db()
    assert user.check_password("my-own-secret-pass-1")
