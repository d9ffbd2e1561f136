from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from ustad.users.models import Subject, TutorProfile, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "email_verified_at", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("first_name", "last_name", "role", "headline", "bio", "timezone", "language",
                                "phone", "avatar", "email_verified_at")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "first_name", "role", "password1", "password2")}),
    )


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin[Subject]):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(TutorProfile)
class TutorProfileAdmin(admin.ModelAdmin[TutorProfile]):
    list_display = ["user", "hourly_rate", "currency", "experience_years"]
    autocomplete_fields = ["user"]
