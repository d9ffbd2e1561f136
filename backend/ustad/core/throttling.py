"""Rate limits per client address for the operations attackers like (signup, login, resets)."""

from __future__ import annotations

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView


class ScopedAddressThrottle(SimpleRateThrottle):
    """Throttle keyed by the view's `throttle_scope` and the client address; rates from settings.RATE_LIMITS.

    The rate is read on every request rather than at import, so changing settings takes effect at once.
    """

    def __init__(self) -> None:  # SimpleRateThrottle reads the rate in __init__; defer to allow_request
        pass

    def allow_request(self, request: Request, view: APIView) -> bool:
        self.scope = getattr(view, "throttle_scope", None)
        if not self.scope:
            return True
        self.rate = settings.RATE_LIMITS[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ScopedUserThrottle(ScopedAddressThrottle):
    """Like ScopedAddressThrottle, but counted per signed-in user (a school's pupils share one address)."""

    def get_cache_key(self, request: Request, view: APIView) -> str:
        user = request.user
        ident = f"user-{user.pk}" if user is not None and user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
