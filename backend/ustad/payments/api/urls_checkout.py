"""Routes of this part of the payments API."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
