"""JWT pairs: a short-lived access token for the SPA's memory, a rotating refresh token for an
HttpOnly cookie. Rotation blacklists the old refresh token, so a stolen one works at most once."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from rest_framework import status
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from ustad.core.errors import ApplicationError
from ustad.users.models import User


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    access_expires_in: int


def access_lifetime_seconds() -> int:
    return int(jwt_settings.ACCESS_TOKEN_LIFETIME.total_seconds())


def refresh_lifetime_seconds() -> int:
    return int(jwt_settings.REFRESH_TOKEN_LIFETIME.total_seconds())


def token_pair_issue(*, user: User) -> TokenPair:
    refresh = RefreshToken.for_user(user)
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh),
                     access_expires_in=access_lifetime_seconds())


def _not_authenticated() -> ApplicationError:
    return ApplicationError(code="not_authenticated", message="Your session has ended. Log in again.",
                            status_code=status.HTTP_401_UNAUTHORIZED)


def token_pair_rotate(*, raw_refresh: str) -> tuple[User, TokenPair]:
    """Exchange a refresh token for a new pair; the presented one is blacklisted and never works again."""
    if not raw_refresh:
        raise _not_authenticated()
    try:
        old = RefreshToken(raw_refresh)  # type: ignore[arg-type]  # verifies signature, expiry, blacklist
    except TokenError as exc:
        raise _not_authenticated() from exc
    user = User.objects.filter(id=str(old.payload.get(jwt_settings.USER_ID_CLAIM)), is_active=True).first()
    if user is None:
        raise _not_authenticated()
    try:
        old.blacklist()
    except TokenError as exc:
        raise _not_authenticated() from exc
    return user, token_pair_issue(user=user)


def refresh_token_revoke(*, raw_refresh: str) -> None:
    with contextlib.suppress(TokenError):  # already unusable: logging out must still succeed
        RefreshToken(raw_refresh).blacklist()  # type: ignore[arg-type]


def refresh_tokens_revoke_all(*, user: User) -> None:
    """Sign the user out everywhere (after a password change or reset)."""
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    BlacklistedToken.objects.bulk_create([BlacklistedToken(token=token) for token in outstanding],
                                         ignore_conflicts=True)
