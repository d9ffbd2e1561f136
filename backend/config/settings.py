"""Ustad settings: one module, every deployment difference comes from environment variables.

With no variables at all, Ustad runs against the embedded PostgreSQL and Redis under `var/`.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import django_stubs_ext
import environ

from ustad.core import embedded

django_stubs_ext.monkeypatch()

BACKEND_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BACKEND_DIR.parent

env = environ.Env()
VAR_DIR = Path(env("USTAD_VAR_DIR", default=str(PROJECT_DIR / "var"))).resolve()


def _local_secret_key() -> str:
    """A random key kept in var/, so a zero-configuration install never uses a key from the repository."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="") or _local_secret_key()
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The platform's share of each sale, in percent; the rest is the tutor's.
PLATFORM_FEE_PERCENT = env.int("PLATFORM_FEE_PERCENT", default=20)
_site = urlparse(SITE_URL)
SITE_IS_HTTPS = _site.scheme == "https"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[_site.hostname or "127.0.0.1", "127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[f"{_site.scheme}://{_site.netloc}"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "channels",
    "csp",
    "ustad.core",
    "ustad.users",
    "ustad.courses",
    "ustad.classroom",
    "ustad.payments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = None
AUTH_USER_MODEL = "users.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BACKEND_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------------------
if env("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    DATABASES = {"default": embedded.database_settings(VAR_DIR)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("TEST", {})

REDIS_URL = env("REDIS_URL", default="") or embedded.redis_url(VAR_DIR)
REDIS_KEY_PREFIX = env("REDIS_KEY_PREFIX", default="ustad")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": REDIS_KEY_PREFIX,
    }
}
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        # A read timeout longer than the layer's 5-second blocking pop: redis-py 8's default equals it, which
        # makes idle sockets fail with "Timeout reading". redis-py's pool allows 100 connections by default:
        # ending a class of 500 closes hundreds of sockets of one process at once, each leaving its group.
        "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 30, "max_connections": 1000}],
                   "prefix": f"{REDIS_KEY_PREFIX}:channels", "capacity": 1500},
    }
}

# --- Celery ------------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or REDIS_URL.replace("unix://", "redis+socket://", 1)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": f"{REDIS_KEY_PREFIX}:celery:"}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"
# Beat's database scheduler copies these into django_celery_beat's tables when it starts.
CELERY_BEAT_SCHEDULE = {
    "uploads-purge-expired": {"task": "ustad.core.tasks.uploads_purge_expired", "schedule": 60 * 60},
    "breakouts-close": {"task": "ustad.classroom.tasks.breakouts_close", "schedule": 10},
    "subscriptions-sweep": {"task": "ustad.payments.tasks.subscriptions_sweep", "schedule": 15 * 60},
    "payments-inquire-stale": {"task": "ustad.payments.tasks.payments_inquire_stale", "schedule": 10 * 60},
    "commissions-credit-due": {"task": "ustad.payments.tasks.credit_due_commissions", "schedule": 60 * 60},
}

# --- Live-class media (docs/classroom.md, "Media") ----------------------------------------------
WEBRTC_STUN_URLS = env.list("WEBRTC_STUN_URLS", default=[])
WEBRTC_TURN_URLS = env.list("WEBRTC_TURN_URLS", default=[])
WEBRTC_TURN_SECRET = env("WEBRTC_TURN_SECRET", default="")
WEBRTC_TURN_TTL = env.int("WEBRTC_TURN_TTL", default=6 * 60 * 60)
MESH_LIMIT = env.int("MESH_LIMIT", default=4)
LIVEKIT_URL = env("LIVEKIT_URL", default="")
LIVEKIT_API_KEY = env("LIVEKIT_API_KEY", default="")
LIVEKIT_API_SECRET = env("LIVEKIT_API_SECRET", default="")
ZOOM_ACCOUNT_ID = env("ZOOM_ACCOUNT_ID", default="")
ZOOM_CLIENT_ID = env("ZOOM_CLIENT_ID", default="")
ZOOM_CLIENT_SECRET = env("ZOOM_CLIENT_SECRET", default="")
ZOOM_API_BASE = env("ZOOM_API_BASE", default="https://api.zoom.us/v2")
ZOOM_OAUTH_URL = env("ZOOM_OAUTH_URL", default="https://zoom.us/oauth/token")
RECORDING_CHUNK_MAX_BYTES = 8 * 1024 * 1024

# --- Payments (docs/payments.md) ----------------------------------------------------------------
# Providers offered per currency, in the order the checkout page shows them. `local` works offline.
PAYMENT_PROVIDERS = {
    "PKR": env.list("PAYMENT_PROVIDERS_PKR", default=["local"]),
    "USD": env.list("PAYMENT_PROVIDERS_USD", default=["local"]),
}
PAYMENT_LOCAL_SECRET = env("PAYMENT_LOCAL_SECRET", default="") or f"local-gateway:{SECRET_KEY}"
REFUND_WINDOW_DAYS = env.int("REFUND_WINDOW_DAYS", default=14)
SUBSCRIPTION_GRACE_DAYS = env.int("SUBSCRIPTION_GRACE_DAYS", default=7)
REFERRAL_COMMISSION_PERCENT = env.int("REFERRAL_COMMISSION_PERCENT", default=10)
REFERRAL_ATTRIBUTION_DAYS = 30
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env("STRIPE_API_BASE", default="https://api.stripe.com")
STRIPE_TIMEOUT_SECONDS = env.float("STRIPE_TIMEOUT_SECONDS", default=20.0)
PAYPAL_CLIENT_ID = env("PAYPAL_CLIENT_ID", default="")
PAYPAL_CLIENT_SECRET = env("PAYPAL_CLIENT_SECRET", default="")
PAYPAL_WEBHOOK_ID = env("PAYPAL_WEBHOOK_ID", default="")
PAYPAL_API_BASE = env("PAYPAL_API_BASE", default="https://api-m.sandbox.paypal.com")
JAZZCASH_MERCHANT_ID = env("JAZZCASH_MERCHANT_ID", default="")
JAZZCASH_PASSWORD = env("JAZZCASH_PASSWORD", default="")
JAZZCASH_INTEGRITY_SALT = env("JAZZCASH_INTEGRITY_SALT", default="")
JAZZCASH_MERCHANT_MPIN = env("JAZZCASH_MERCHANT_MPIN", default="")
JAZZCASH_API_BASE = env("JAZZCASH_API_BASE", default="https://sandbox.jazzcash.com.pk")
EASYPAISA_STORE_ID = env("EASYPAISA_STORE_ID", default="")
EASYPAISA_HASH_KEY = env("EASYPAISA_HASH_KEY", default="")
EASYPAISA_USERNAME = env("EASYPAISA_USERNAME", default="")
EASYPAISA_PASSWORD = env("EASYPAISA_PASSWORD", default="")
EASYPAISA_ACCOUNT_NUM = env("EASYPAISA_ACCOUNT_NUM", default="")
EASYPAISA_PAYMENT_METHOD = env("EASYPAISA_PAYMENT_METHOD", default="")
EASYPAISA_API_BASE = env("EASYPAISA_API_BASE", default="https://easypaystg.easypaisa.com.pk")

# --- Auth --------------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 2)
EMAIL_VERIFICATION_MAX_AGE = env.int("EMAIL_VERIFICATION_MAX_AGE", default=60 * 60 * 24 * 3)

SIMPLE_JWT = {
    # Capped at 15 minutes: the access token cannot be revoked, only outlived.
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=min(env.int("JWT_ACCESS_SECONDS", default=600), 900)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}
REFRESH_COOKIE_NAME = "ustad_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth/"
SESSION_HINT_COOKIE_NAME = "ustad_session"
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=SITE_IS_HTTPS)

# Requests per period per client address for each throttled operation (a throttle scope). Whole schools
# often share one address, so these stop floods; guessing one account's password is stopped by the lockout.
RATE_LIMITS = {
    "signup": env("RATE_LIMIT_SIGNUP", default="30/hour"),
    "login": env("RATE_LIMIT_LOGIN", default="60/minute"),
    "refresh": env("RATE_LIMIT_REFRESH", default="600/minute"),
    "password_reset": env("RATE_LIMIT_PASSWORD_RESET", default="5/hour"),
    "verify_email": env("RATE_LIMIT_VERIFY_EMAIL", default="20/hour"),
    "ws_ticket": env("RATE_LIMIT_WS_TICKET", default="120/minute"),
    "uploads": env("RATE_LIMIT_UPLOADS", default="120/hour"),  # new upload sessions, per user
    "card_attempts": env("RATE_LIMIT_CARD_ATTEMPTS", default="30/minute"),  # the local gateway, per address
}
LOGIN_LOCKOUT_ATTEMPTS = env.int("LOGIN_LOCKOUT_ATTEMPTS", default=5)
LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", default=15 * 60)
WS_TICKET_SECONDS = 30

# --- API ---------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "ustad.core.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "ustad.core.errors.api_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "PAGE_SIZE": 12,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ustad API",
    "DESCRIPTION": "Live classes, courses and coursework. Errors share one envelope: "
    '{"error": {"code", "message", "fields"}}.',
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ustad.core.openapi.error_envelope_hook",
    ],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "CourseStatusEnum": "ustad.courses.models.CourseStatus",
        "CurrencyEnum": "ustad.users.models.Currency",
        "LanguageEnum": "ustad.users.models.Language",
        "LessonKindEnum": "ustad.courses.models.LessonKind",
        "QuestionKindEnum": "ustad.courses.models.QuestionKind",
        "QuizAttemptStatusEnum": "ustad.courses.models.QuizAttemptStatus",
        "ResourceKindEnum": "ustad.courses.models.ResourceKind",
        "SubmissionStatusEnum": "ustad.courses.models.SubmissionStatus",
        "UploadKindEnum": "ustad.core.files.kinds.DECLARABLE",
        "UploadStatusEnum": "ustad.core.models.UploadStatus",
        "OrderStatusEnum": "ustad.payments.models.OrderStatus",
        "PaymentStatusEnum": "ustad.payments.models.PaymentStatus",
        "ListingStatusEnum": "ustad.payments.models.ListingStatus",
        "PayoutStatusEnum": "ustad.payments.models.PayoutStatus",
        "SubscriptionStatusEnum": "ustad.payments.models.SubscriptionStatus",
        "CommissionStatusEnum": "ustad.payments.models.CommissionStatus",
    },
}

# --- Files -------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
FRONTEND_DIST = PROJECT_DIR / "frontend" / "dist"
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.exists() else None
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
IMAGE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Private files (course files, submissions, recordings): never under a public path; see
# docs/decisions/0004-private-files.md. Local folder <MEDIA_ROOT>/private/ unless a bucket is configured.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="") or None,
            "signature_version": "s3v4",
            "location": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }
else:
    STORAGES["private"] = {"BACKEND": "ustad.core.files.storage.PrivateFileSystemStorage"}
FILES_URL_MAX_SECONDS = 24 * 60 * 60  # the longest a signed link may live
FILES_X_ACCEL_REDIRECT = env.bool("FILES_X_ACCEL_REDIRECT", default=False)
FILES_X_ACCEL_PREFIX = env("FILES_X_ACCEL_PREFIX", default="/_private/")

# Resumable uploads (/api/v1/uploads): chunks collect in UPLOAD_TEMP_DIR (default <MEDIA_ROOT>/uploads/;
# with several web nodes it must be a shared volume) until the upload completes.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=2 * 1024**3)
UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024
UPLOAD_TEMP_DIR = env("UPLOAD_TEMP_DIR", default="")
UPLOAD_SESSION_LIFETIME = timedelta(hours=env.int("UPLOAD_SESSION_HOURS", default=24))
UPLOAD_MAX_OPEN_PER_USER = 10

# --- E-mail ------------------------------------------------------------------------------------
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "ustad.core.mail.DevelopmentEmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Ustad <no-reply@ustad.local>")

# --- Internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ur", "اردو")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Security ----------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SITE_IS_HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SITE_IS_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SITE_IS_HTTPS
SECURE_HSTS_PRELOAD = SITE_IS_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = SITE_IS_HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SITE_IS_HTTPS
X_FRAME_OPTIONS = "DENY"
# The browser talks to the LiveKit SFU itself (its websocket, and HTTPS to check a failed connection).
_livekit = urlparse(LIVEKIT_URL) if LIVEKIT_URL else None
_LIVEKIT_ORIGINS = [f"{scheme}://{_livekit.netloc}" for scheme in (("wss", "https") if _livekit.scheme in (
    "wss", "https") else ("ws", "http"))] if _livekit else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", f"{'wss' if SITE_IS_HTTPS else 'ws'}://{_site.netloc}", *_LIVEKIT_ORIGINS],
        "media-src": ["'self'", "blob:"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
