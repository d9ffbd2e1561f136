from django.urls import path

from ustad.classroom.consumers import ClassroomConsumer
from ustad.core.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/classroom/<uuid:session_id>/", ClassroomConsumer.as_asgi()),
]
