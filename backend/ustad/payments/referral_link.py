"""`GET /r/<code>`: a referral link. Counts the click, remembers the referrer in a signed cookie for
REFERRAL_ATTRIBUTION_DAYS and sends the visitor on to the site; sign-up reads the cookie back.

The cookie holds only the code and the time of the click, signed so that nobody can name a referrer or move
the click's time; it is HttpOnly and SameSite=Lax (it must survive arriving from another site's link).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from ustad.payments.models import ReferralAttribution
from ustad.payments.services.referrals import (
    attribution_window,
    referral_attribute_signup,
    referral_code_for,
    referral_visit_record,
)

COOKIE = "ustad_ref"
SALT = "ustad.payments.referral"


@dataclass(frozen=True)
class ReferralCookie:
    code: str
    visited_at: datetime


def _next_path(request: HttpRequest) -> str:
    """Where to go after the click: a path on this site only, never another host."""
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=set()):
        return target
    return "/"


@require_safe
def referral_link(request: HttpRequest, code: str) -> HttpResponse:
    response = HttpResponseRedirect(_next_path(request))
    response["Cache-Control"] = "no-store"  # every click must reach the server to be counted
    if request.method != "GET":  # link previews ask with HEAD: not a visit
        return response
    referrer = referral_visit_record(code)
    if referrer is not None:
        visited_at = int(timezone.now().timestamp())
        response.set_signed_cookie(COOKIE, f"{referral_code_for(referrer)}:{visited_at}", salt=SALT,
                                   max_age=int(attribution_window().total_seconds()), path="/",
                                   secure=settings.SITE_IS_HTTPS, httponly=True, samesite="Lax")
    return response


def referral_cookie_read(request: Any) -> ReferralCookie | None:
    """The referral cookie, if it is genuine and younger than the attribution window."""
    try:
        value = request.get_signed_cookie(COOKIE, salt=SALT, max_age=attribution_window())
        code, _, stamp = value.partition(":")
        visited_at = datetime.fromtimestamp(int(stamp), tz=UTC)
    except (KeyError, signing.BadSignature, ValueError, OverflowError, OSError):
        return None
    return ReferralCookie(code=code, visited_at=visited_at)


def referral_signup_from_cookie(*, request: Any, user: Any) -> ReferralAttribution | None:
    """Sign-up's hook: attribute the new user to the referrer named by their cookie, if any."""
    cookie = referral_cookie_read(request)
    if cookie is None:
        return None
    return referral_attribute_signup(user=user, code=cookie.code, visited_at=cookie.visited_at)
