from django.urls import path

from ustad.users import api

urlpatterns = [
    path("auth/signup", api.SignupView.as_view(), name="auth-signup"),
    path("auth/verify-email", api.VerifyEmailView.as_view(), name="auth-verify-email"),
    path("auth/verify-email/resend", api.VerifyEmailResendView.as_view(), name="auth-verify-email-resend"),
    path("auth/login", api.LoginView.as_view(), name="auth-login"),
    path("auth/refresh", api.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout", api.LogoutView.as_view(), name="auth-logout"),
    path("auth/password/reset", api.PasswordResetView.as_view(), name="auth-password-reset"),
    path("auth/password/reset/confirm", api.PasswordResetConfirmView.as_view(), name="auth-password-reset-confirm"),
    path("auth/password/change", api.PasswordChangeView.as_view(), name="auth-password-change"),
    path("me", api.MeView.as_view(), name="me"),
    path("me/avatar", api.MeAvatarView.as_view(), name="me-avatar"),
    path("subjects", api.SubjectListView.as_view(), name="subject-list"),
    path("tutors", api.TutorListView.as_view(), name="tutor-list"),
    path("tutors/<uuid:pk>", api.TutorDetailView.as_view(), name="tutor-detail"),
    path("ws-ticket", api.WsTicketView.as_view(), name="ws-ticket"),
]
