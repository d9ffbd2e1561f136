"""A URL conf with a view that crashes, to prove API crashes still answer in the error envelope."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [path("api/v1/crash", crash), path("", include("config.urls"))]
handler500 = "ustad.core.errors.json_server_error"
