from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ustad.core import errors
from ustad.core.files.views import private_file
from ustad.core.health import healthz, readyz
from ustad.core.media import public_media
from ustad.core.spa import spa_index
from ustad.payments.referral_link import referral_link

api_v1 = [
    path("", include("ustad.users.urls")),
    path("", include("ustad.courses.api.urls")),
    path("", include("ustad.classroom.api.urls")),
    path("", include("ustad.payments.api.urls")),
    path("", include("ustad.core.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/v1/", include((api_v1, "api"), namespace="v1")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("admin/", admin.site.urls),
    re_path(r"^media/(?P<path>(?:avatars|covers)/.+)$", public_media, name="public-media"),
    path("files/<str:token>", private_file, name="private-file"),
    path("r/<str:code>", referral_link, name="referral-link"),
    re_path(r"^api/", errors.json_not_found),
    re_path(r"^(?!api/|ws/|static/|media/|admin/|files/|r/)(?P<path>.*)$", spa_index, name="spa"),
]

handler400 = "ustad.core.errors.json_bad_request"
handler403 = "ustad.core.errors.json_permission_denied"
handler404 = "ustad.core.errors.json_not_found"
handler500 = "ustad.core.errors.json_server_error"
