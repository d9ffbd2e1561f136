from django.urls import path

from ustad.core.files import api as files_api

urlpatterns = [
    path("uploads", files_api.UploadListView.as_view(), name="upload-list"),
    path("uploads/<uuid:pk>", files_api.UploadDetailView.as_view(), name="upload-detail"),
    path("uploads/<uuid:pk>/complete", files_api.UploadCompleteView.as_view(), name="upload-complete"),
]
