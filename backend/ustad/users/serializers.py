"""Shapes of the accounts API. No business rules here: services decide, serializers describe."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ustad.users.models import Currency, Language, Role, Subject, TutorProfile, User


class SubjectSerializer(serializers.ModelSerializer[Subject]):
    class Meta:
        model = Subject
        fields = ["slug", "name"]


class TutorProfileSerializer(serializers.ModelSerializer[TutorProfile]):
    subjects = SubjectSerializer(many=True, read_only=True)

    class Meta:
        model = TutorProfile
        fields = ["subjects", "hourly_rate", "currency", "experience_years"]


class AvatarUrlMixin:
    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_avatar_url(self, user: User) -> str | None:
        return user.avatar.url if user.avatar else None


class UserSerializer(AvatarUrlMixin, serializers.ModelSerializer[User]):
    full_name = serializers.CharField(read_only=True)
    avatar_url = serializers.SerializerMethodField()
    email_verified = serializers.BooleanField(read_only=True)
    tutor_profile = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name", "full_name", "role", "headline", "bio", "timezone",
                  "language", "phone", "avatar_url", "email_verified", "date_joined", "tutor_profile"]
        read_only_fields = fields

    @extend_schema_field(TutorProfileSerializer(allow_null=True))
    def get_tutor_profile(self, user: User) -> dict[str, Any] | None:
        if user.role != Role.TUTOR or not hasattr(user, "tutor_profile"):
            return None
        return TutorProfileSerializer(user.tutor_profile).data


class TutorPublicSerializer(AvatarUrlMixin, serializers.ModelSerializer[User]):
    full_name = serializers.CharField(read_only=True)
    avatar_url = serializers.SerializerMethodField()
    subjects = serializers.SerializerMethodField()
    hourly_rate = serializers.IntegerField(source="tutor_profile.hourly_rate", allow_null=True, read_only=True)
    currency = serializers.ChoiceField(source="tutor_profile.currency", choices=Currency.choices, read_only=True)
    experience_years = serializers.IntegerField(source="tutor_profile.experience_years", read_only=True)

    class Meta:
        model = User
        fields = ["id", "full_name", "headline", "bio", "avatar_url", "timezone", "language", "subjects",
                  "hourly_rate", "currency", "experience_years"]
        read_only_fields = fields

    @extend_schema_field(SubjectSerializer(many=True))
    def get_subjects(self, user: User) -> list[dict[str, Any]]:
        return SubjectSerializer(user.tutor_profile.subjects.all(), many=True).data  # type: ignore[return-value]


# --- Inputs -------------------------------------------------------------------------------------

class SignupInputSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)
    first_name = serializers.CharField(max_length=80)
    last_name = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=[Role.STUDENT, Role.TUTOR], default=Role.STUDENT)
    language = serializers.ChoiceField(choices=Language.choices, default=Language.ENGLISH)
    timezone = serializers.CharField(max_length=64, default="Asia/Karachi")


class SignupOutputSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()
    email = serializers.EmailField()


class DetailSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()


class TokenInputSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=1024)


class EmailInputSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)


class LoginInputSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class SessionOutputSerializer(serializers.Serializer[Any]):
    access = serializers.CharField()
    access_expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")
    user = UserSerializer()


class PasswordResetConfirmInputSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=1024)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class PasswordChangeInputSerializer(serializers.Serializer[Any]):
    current_password = serializers.CharField(max_length=128, trim_whitespace=False)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class TutorProfileInputSerializer(serializers.Serializer[Any]):
    subject_slugs = serializers.ListField(child=serializers.SlugField(max_length=64), max_length=20, required=False)
    hourly_rate = serializers.IntegerField(min_value=0, max_value=100_000_000, allow_null=True, required=False,
                                           help_text="Minor units (paisa, cents).")
    currency = serializers.ChoiceField(choices=Currency.choices, required=False)
    experience_years = serializers.IntegerField(min_value=0, max_value=80, required=False)


class ProfileUpdateInputSerializer(serializers.Serializer[Any]):
    first_name = serializers.CharField(max_length=80, required=False)
    last_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    headline = serializers.CharField(max_length=160, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    timezone = serializers.CharField(max_length=64, required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    tutor_profile = TutorProfileInputSerializer(required=False)


class AvatarInputSerializer(serializers.Serializer[Any]):
    avatar = serializers.FileField(allow_empty_file=True)


class WsTicketOutputSerializer(serializers.Serializer[Any]):
    ticket = serializers.CharField()
    expires_in = serializers.IntegerField()
