"""Small helpers every thin API view uses."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request


def validated_data(serializer_class: type, request: Request, *, partial: bool = False) -> dict[str, Any]:
    """Validate the request body with an input serializer (400 with field errors otherwise)."""
    serializer = serializer_class(data=request.data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def request_user(request: Request) -> Any:
    """The signed-in user of a view whose permission class already required authentication."""
    assert request.user.is_authenticated
    return request.user
