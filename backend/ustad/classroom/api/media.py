"""A class's media over REST: the settings a browser needs for video (mesh, LiveKit or Zoom), and face-presence
frames. The media frames themselves go over the room's websocket (docs/classroom.md, "Media")."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.classroom import permissions, selectors
from ustad.classroom.services import face_presence, media_config
from ustad.core.api import request_user

TAGS = ["classroom"]


class IceServerSerializer(serializers.Serializer[Any]):
    urls = serializers.ListField(child=serializers.CharField(), help_text="`stun:` or `turn:` addresses.")
    username = serializers.CharField(required=False, help_text="TURN only: `<expiry unix time>:<user id>`.")
    credential = serializers.CharField(required=False, help_text="TURN only: base64(HMAC-SHA1(secret, username)).")


class LiveKitAccessSerializer(serializers.Serializer[Any]):
    url = serializers.CharField(help_text="The LiveKit server's websocket address.")
    token = serializers.CharField(help_text="A join token for the class's room (the room is the session id).")


class ZoomMeetingSerializer(serializers.Serializer[Any]):
    meeting_id = serializers.CharField()
    join_url = serializers.URLField()
    password = serializers.CharField(allow_blank=True)
    start_url = serializers.URLField(required=False, help_text="The host's link: tutors only.")


class MediaConfigSerializer(serializers.Serializer[Any]):
    mode = serializers.ChoiceField(choices=["mesh", "livekit", "zoom"],
                                   help_text="`mesh`: browsers connect to each other; `livekit`: through the SFU; "
                                             "`zoom`: the class's Zoom meeting.")
    mesh_limit = serializers.IntegerField(help_text="Above this many people a mesh turns newcomers' video off.")
    ice_servers = IceServerSerializer(many=True)
    ice_expires_at = serializers.DateTimeField(allow_null=True,
                                               help_text="When the TURN credential lapses; null without one.")
    livekit = LiveKitAccessSerializer(allow_null=True)
    zoom = ZoomMeetingSerializer(allow_null=True)
    screen_share = serializers.BooleanField(help_text="The caller may share a screen now.")
    face_presence = serializers.BooleanField(help_text="The class counts face presence (students consent first).")


class PresenceInputSerializer(serializers.Serializer[Any]):
    frame = serializers.FileField(help_text="One webcam frame: JPEG or PNG, at most 512 KB and 1280 × 1280.")


class PresenceSerializer(serializers.Serializer[Any]):
    face = serializers.BooleanField(help_text="A face was in the frame.")


class SessionMediaView(APIView):
    @extend_schema(responses={200: MediaConfigSerializer,
                              403: OpenApiResponse(description="Not now: the room's refusal code (`too_early`, "
                                                               "`not_invited`, `removed`, `session_ended`…)"),
                              502: OpenApiResponse(description="Zoom could not make the class's meeting "
                                                               "(`zoom_unavailable`); nothing changed")},
                   tags=TAGS,
                   description="How the caller's browser sends and receives the class's video. For the class's "
                               "tutors and attendees who may enter the room now; TURN credentials and tokens "
                               "are short-lived, so ask again after `ice_expires_at` or a reconnect.")
    def get(self, request: Request, pk: Any) -> Response:
        caller = media_config.media_caller_get(user=request.user, session_id=pk)
        response = Response(MediaConfigSerializer(media_config.media_config(caller=caller)).data)
        response["Cache-Control"] = "no-store"  # credentials inside
        return response


class SessionPresenceView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": PresenceInputSerializer},
                   responses={200: PresenceSerializer,
                              409: OpenApiResponse(description="`face_presence_off` or `session_not_live`"),
                              413: OpenApiResponse(description="`file_too_large` (512 KB) or `image_too_large` "
                                                               "(1280 × 1280)"),
                              415: OpenApiResponse(description="Not a JPEG or PNG (`unsupported_type`)"),
                              429: OpenApiResponse(description="A frame came less than 50 seconds ago "
                                                               "(`throttled`)")},
                   tags=TAGS,
                   description="A webcam frame from a student let into the live class, when the class counts face "
                               "presence. Only whether a face was in it is kept, never the image.")
    def post(self, request: Request, pk: Any) -> Response:
        user = request_user(request)
        session = selectors.session_get_for_user(user=user, session_id=pk)
        tutor = permissions.can_manage_session(user, session)
        face_presence.face_presence_check(session=session, user=user, tutor=tutor)  # before the body is read
        sample = face_presence.face_presence_record(session=session, user=user, tutor=tutor,
                                                    upload=request.FILES.get("frame"))
        return Response(PresenceSerializer({"face": sample.face}).data)
