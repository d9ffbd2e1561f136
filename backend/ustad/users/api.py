"""Accounts API: thin views that parse, call a service or selector, and serialize."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.core.api import request_user, validated_data
from ustad.core.errors import ApplicationError, error_body
from ustad.core.throttling import ScopedAddressThrottle
from ustad.core.ws_tickets import ws_ticket_issue
from ustad.payments.referral_link import referral_signup_from_cookie
from ustad.users import selectors, services
from ustad.users.models import User
from ustad.users.serializers import (
    AvatarInputSerializer,
    DetailSerializer,
    EmailInputSerializer,
    LoginInputSerializer,
    PasswordChangeInputSerializer,
    PasswordResetConfirmInputSerializer,
    ProfileUpdateInputSerializer,
    SessionOutputSerializer,
    SignupInputSerializer,
    SignupOutputSerializer,
    SubjectSerializer,
    TokenInputSerializer,
    TutorPublicSerializer,
    UserSerializer,
    WsTicketOutputSerializer,
)
from ustad.users.tokens import (
    TokenPair,
    refresh_lifetime_seconds,
    refresh_token_revoke,
    token_pair_issue,
    token_pair_rotate,
)


def _caller(request: Request) -> User:
    user = request_user(request)
    assert isinstance(user, User)
    return user


def _session_response(user: User, pair: TokenPair, status_code: int = status.HTTP_200_OK) -> Response:
    body = {"access": pair.access, "access_expires_in": pair.access_expires_in, "user": UserSerializer(user).data}
    response = Response(body, status=status_code)
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME, pair.refresh,
        max_age=refresh_lifetime_seconds(),
        path=settings.REFRESH_COOKIE_PATH, secure=settings.REFRESH_COOKIE_SECURE, httponly=True, samesite="Strict",
    )
    # A readable companion cookie with no secret in it: it tells the web app that a refresh is worth
    # trying, so anonymous visitors do not send a doomed refresh request on every page load.
    response.set_cookie(settings.SESSION_HINT_COOKIE_NAME, "1", max_age=refresh_lifetime_seconds(), path="/",
                        secure=settings.REFRESH_COOKIE_SECURE, httponly=False, samesite="Strict")
    response["Cache-Control"] = "no-store"
    return response


def _forget_session_cookies(response: Response) -> Response:
    response.delete_cookie(settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH, samesite="Strict")
    response.delete_cookie(settings.SESSION_HINT_COOKIE_NAME, path="/", samesite="Strict")
    return response


def _require_same_origin(request: Request) -> None:
    """The refresh cookie is SameSite=Strict; refusing foreign Origins as well closes the CSRF door twice."""
    origin = request.headers.get("Origin")
    if origin and urlparse(origin).netloc != request.get_host() and origin not in settings.CSRF_TRUSTED_ORIGINS:
        raise ApplicationError(code="permission_denied", message="Cross-site request refused.", status_code=403)


class PublicAuthView(APIView):
    """Endpoints used before there is a session: no authentication, rate limited per address."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedAddressThrottle]


class SignupView(PublicAuthView):
    throttle_scope = "signup"

    @extend_schema(request=SignupInputSerializer, responses={201: SignupOutputSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        data = validated_data(SignupInputSerializer, request)
        user = services.user_signup(
            email=data["email"], password=data["password"], first_name=data["first_name"],
            last_name=data["last_name"], role=data["role"], language=data["language"], timezone_name=data["timezone"],
        )
        referral_signup_from_cookie(request=request, user=user)  # a referral link's cookie, if they followed one
        return Response({"detail": "Check your e-mail for a link to confirm your address.", "email": user.email},
                        status=status.HTTP_201_CREATED)


class VerifyEmailView(PublicAuthView):
    throttle_scope = "verify_email"

    @extend_schema(request=TokenInputSerializer, responses={200: DetailSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        services.email_verify(token=validated_data(TokenInputSerializer, request)["token"])
        return Response({"detail": "Your e-mail is confirmed. You can log in now."})


class VerifyEmailResendView(PublicAuthView):
    throttle_scope = "verify_email"

    @extend_schema(request=EmailInputSerializer, responses={202: DetailSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        services.email_verification_resend(email=validated_data(EmailInputSerializer, request)["email"])
        return Response({"detail": "If that account is waiting for confirmation, a new link is on its way."},
                        status=status.HTTP_202_ACCEPTED)


class LoginView(PublicAuthView):
    throttle_scope = "login"

    @extend_schema(request=LoginInputSerializer, responses={200: SessionOutputSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        data = validated_data(LoginInputSerializer, request)
        user = services.user_login(email=data["email"], password=data["password"])
        return _session_response(user, token_pair_issue(user=user))


class RefreshView(PublicAuthView):
    throttle_scope = "refresh"

    @extend_schema(request=None, responses={200: SessionOutputSerializer}, tags=["auth"],
                   description="Uses the HttpOnly refresh cookie; answers with a new access token "
                               "and rotates the cookie.")
    def post(self, request: Request) -> Response:
        _require_same_origin(request)
        try:
            user, pair = token_pair_rotate(raw_refresh=request.COOKIES.get(settings.REFRESH_COOKIE_NAME, ""))
        except ApplicationError as exc:
            return _forget_session_cookies(Response(error_body(exc.code, exc.message), status=exc.status_code))
        return _session_response(user, pair)


class LogoutView(PublicAuthView):
    @extend_schema(request=None, responses={204: None}, tags=["auth"])
    def post(self, request: Request) -> Response:
        _require_same_origin(request)
        refresh_token_revoke(raw_refresh=request.COOKIES.get(settings.REFRESH_COOKIE_NAME, ""))
        return _forget_session_cookies(Response(status=status.HTTP_204_NO_CONTENT))


class PasswordResetView(PublicAuthView):
    throttle_scope = "password_reset"

    @extend_schema(request=EmailInputSerializer, responses={202: DetailSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        services.password_reset_request(email=validated_data(EmailInputSerializer, request)["email"])
        return Response({"detail": "If an account uses that e-mail, a reset link is on its way."},
                        status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(PublicAuthView):
    throttle_scope = "password_reset"

    @extend_schema(request=PasswordResetConfirmInputSerializer, responses={200: DetailSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        data = validated_data(PasswordResetConfirmInputSerializer, request)
        services.password_reset_confirm(token=data["token"], new_password=data["new_password"])
        return Response({"detail": "Your password is changed. Log in with the new one."})


class PasswordChangeView(APIView):
    throttle_classes = [ScopedAddressThrottle]
    throttle_scope = "login"

    @extend_schema(request=PasswordChangeInputSerializer, responses={200: SessionOutputSerializer}, tags=["auth"])
    def post(self, request: Request) -> Response:
        data = validated_data(PasswordChangeInputSerializer, request)
        user = services.password_change(user=_caller(request), current_password=data["current_password"],
                                        new_password=data["new_password"])
        return _session_response(user, token_pair_issue(user=user))


class MeView(APIView):
    @extend_schema(responses={200: UserSerializer}, tags=["me"])
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(_caller(request)).data)

    @extend_schema(request=ProfileUpdateInputSerializer, responses={200: UserSerializer}, tags=["me"])
    def patch(self, request: Request) -> Response:
        data = validated_data(ProfileUpdateInputSerializer, request, partial=True)
        user = services.user_profile_update(user=_caller(request), data=data)
        return Response(UserSerializer(user).data)


class MeAvatarView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": AvatarInputSerializer}, responses={200: UserSerializer},
                   tags=["me"])
    def post(self, request: Request) -> Response:
        upload = validated_data(AvatarInputSerializer, request)["avatar"]
        return Response(UserSerializer(services.user_avatar_set(user=_caller(request), upload=upload)).data)

    @extend_schema(responses={200: UserSerializer}, tags=["me"])
    def delete(self, request: Request) -> Response:
        return Response(UserSerializer(services.user_avatar_remove(user=_caller(request))).data)


class SubjectListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    pagination_class = None
    serializer_class = SubjectSerializer

    def get_queryset(self) -> Any:
        return selectors.subject_list()


class TutorListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = TutorPublicSerializer

    @extend_schema(parameters=[
        OpenApiParameter("subject", str, description="Subject slug"),
        OpenApiParameter("search", str, description="Words in the name, headline or subjects"),
    ], tags=["tutors"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = self.request.query_params
        # PostgreSQL text cannot hold NUL, so a NUL in a filter would be a server error instead of no match.
        subject = (params.get("subject") or "").replace("\x00", "")
        search = (params.get("search") or "").replace("\x00", "")[:100]
        return selectors.tutor_list_public(subject=subject or None, search=search or None)


class TutorDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: TutorPublicSerializer}, tags=["tutors"])
    def get(self, request: Request, pk: str) -> Response:
        tutor = selectors.tutor_get_public(user_id=pk)
        if tutor is None:
            raise ApplicationError(code="not_found", message="No tutor here.", status_code=status.HTTP_404_NOT_FOUND)
        return Response(TutorPublicSerializer(tutor).data)


class WsTicketView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [ScopedAddressThrottle]
    throttle_scope = "ws_ticket"

    @extend_schema(request=None, responses={200: WsTicketOutputSerializer}, tags=["realtime"])
    def post(self, request: Request) -> Response:
        ticket = ws_ticket_issue(user_id=_caller(request).id)
        return Response({"ticket": ticket, "expires_in": settings.WS_TICKET_SECONDS})
