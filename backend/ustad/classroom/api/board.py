"""The whiteboard over REST: pages to read during and after class, board images, and export to PDF.

Drawing itself goes over the room's websocket (docs/classroom.md, "Whiteboard").
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ustad.classroom import permissions, selectors, selectors_recap
from ustad.classroom.services import board, board_files
from ustad.core.api import request_user

TAGS = ["classroom"]


class BoardPageSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    position = serializers.IntegerField()
    room_id = serializers.UUIDField(allow_null=True, help_text="The breakout room whose board this is; null: main.")


class BoardSerializer(serializers.Serializer[Any]):
    pages = BoardPageSerializer(many=True)
    shown_page_id = serializers.UUIDField(allow_null=True)


class BoardSceneSerializer(serializers.Serializer[Any]):
    page = BoardPageSerializer()
    scene_version = serializers.IntegerField(help_text="The sum of every element's version, deleted ones included.")
    elements = serializers.ListField(child=serializers.DictField(), help_text="Excalidraw elements, in order.")


class BoardFileInputSerializer(serializers.Serializer[Any]):
    file_id = serializers.CharField(max_length=64)
    file = serializers.FileField()


class BoardFileSerializer(serializers.Serializer[Any]):
    file_id = serializers.CharField()
    mime_type = serializers.CharField()
    size = serializers.IntegerField()


class BoardExportInputSerializer(serializers.Serializer[Any]):
    pages = serializers.ListField(child=serializers.FileField(), help_text="One PNG per page, in order.")
    title = serializers.CharField(required=False, max_length=160)
    save = serializers.BooleanField(  # type: ignore[assignment]
        required=False, help_text="Keep the PDF in the course's resources.")


class SavedResourceSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    title = serializers.CharField()
    size = serializers.IntegerField()


class BoardSavedSerializer(serializers.Serializer[Any]):
    resource = SavedResourceSerializer()


def _viewer(request: Request, session_id: Any) -> tuple[Any, board.Viewer]:
    user = request_user(request)
    session = selectors.session_get_for_user(user=user, session_id=session_id)
    tutor = permissions.can_manage_session(user, session)
    return session, board.viewer_for(session=session, user=user, tutor=tutor)


class BoardView(APIView):
    @extend_schema(responses={200: BoardSerializer}, tags=TAGS,
                   description="The class's board pages the caller may see: the main board, and breakout rooms' "
                               "boards to their members and the tutors. During and after the class.")
    def get(self, request: Request, pk: Any) -> Response:
        session, viewer = _viewer(request, pk)
        return Response({"pages": [board.page_dict(page) for page in board.visible_pages(session=session,
                                                                                           viewer=viewer)],
                         "shown_page_id": str(session.board_shown_page_id) if session.board_shown_page_id else None})


class BoardPageView(APIView):
    @extend_schema(responses={200: BoardSceneSerializer}, tags=TAGS,
                   description="One page's live elements, ordered by Excalidraw's fractional index.")
    def get(self, request: Request, pk: Any, page_id: Any) -> Response:
        session, viewer = _viewer(request, pk)
        page = board.page_get_for_viewer(session=session, viewer=viewer, page_id=page_id)
        return Response({"page": board.page_dict(page), "scene_version": board.page_scene_version(page),
                         "elements": board.page_elements(page, include_deleted=False)})


class BoardFileCollectionView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": BoardFileInputSerializer},
                   responses={201: BoardFileSerializer, 200: BoardFileSerializer}, tags=TAGS,
                   description="Place an image on the board (PNG, JPEG, WebP or GIF, at most 4 MB). The same "
                               "file id again answers 200 and changes nothing.")
    def post(self, request: Request, pk: Any) -> Response:
        session, viewer = _viewer(request, pk)
        stored = board_files.board_file_store(session=session, viewer=viewer, file_id=request.POST.get("file_id"),
                                              upload=request.FILES.get("file"))
        return Response({"file_id": stored.file.file_id, "mime_type": stored.file.mime_type,
                         "size": stored.file.size},
                        status=status.HTTP_201_CREATED if stored.created else status.HTTP_200_OK)


class BoardFileView(APIView):
    @extend_schema(responses={(200, "image/*"): OpenApiTypes.BINARY}, tags=TAGS)
    def get(self, request: Request, pk: Any, file_id: str) -> HttpResponse:
        session, _ = _viewer(request, pk)
        found = board_files.board_file_get(session=session, file_id=file_id)
        response = HttpResponse(bytes(found.data), content_type=found.mime_type)
        response["Cache-Control"] = "private, max-age=31536000, immutable"
        response["Content-Disposition"] = "inline"
        return response


class BoardExportView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": BoardExportInputSerializer},
                   responses={(200, "application/pdf"): OpenApiTypes.BINARY, 201: BoardSavedSerializer}, tags=TAGS,
                   description="Bind the board's pages (PNGs drawn by the browser) into one PDF: downloaded, or "
                               "with `save=true` kept in the course's resources (409 `no_course` for a standalone "
                               "class).")
    def post(self, request: Request, pk: Any) -> HttpResponse:
        session = selectors.session_get_for_manager(user=request_user(request), session_id=pk)
        title = " ".join(str(request.POST.get("title") or "").split())[:160] or f"Whiteboard – {session.title}"
        pdf = board_files.board_pdf(pages=request.FILES.getlist("pages"))
        if str(request.POST.get("save", "")).lower() in ("true", "1", "on"):
            resource = board_files.board_pdf_save(session=session, tutor=request.user, pdf=pdf, title=title)
            return Response({"resource": {"id": str(resource.id), "title": resource.title, "size": resource.size}},
                            status=status.HTTP_201_CREATED)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="whiteboard.pdf"'
        return response


class RecapRoomSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    round_id = serializers.UUIDField()
    number = serializers.IntegerField()
    name = serializers.CharField()


class RecapMessageSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    room_id = serializers.UUIDField(allow_null=True)
    author_id = serializers.UUIDField()
    author_name = serializers.CharField()
    body = serializers.CharField()
    links = serializers.ListField(child=serializers.CharField())
    to_tutors = serializers.BooleanField()
    deleted = serializers.BooleanField(help_text="Always false here: deleted messages are left out.")
    at = serializers.DateTimeField()


class RecapPollSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    question = serializers.CharField()
    options = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))
    multiple = serializers.BooleanField()
    status = serializers.CharField()
    votes = serializers.IntegerField()
    results = serializers.DictField(child=serializers.IntegerField())
    mine = serializers.ListField(child=serializers.CharField())


class RecapQuestionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    body = serializers.CharField()
    anonymous = serializers.BooleanField()
    author_id = serializers.UUIDField(allow_null=True)
    author_name = serializers.CharField(allow_null=True)
    upvotes = serializers.IntegerField()
    answered = serializers.BooleanField()
    at = serializers.DateTimeField()
    mine = serializers.BooleanField()
    upvoted = serializers.BooleanField()


class RecapSerializer(serializers.Serializer[Any]):
    rooms = RecapRoomSerializer(many=True)
    chat = RecapMessageSerializer(many=True)
    polls = RecapPollSerializer(many=True)
    questions = RecapQuestionSerializer(many=True)
    board = BoardSerializer()


class SessionRecapView(APIView):
    @extend_schema(responses={200: RecapSerializer}, tags=TAGS,
                   description="What the class said, asked, voted and drew, during and after it: the main chat "
                               "(and one's own private messages), the breakout rooms one was in (tutors: all), "
                               "every poll's results, the Q&A and the board's pages.")
    def get(self, request: Request, pk: Any) -> Response:
        user = request_user(request)
        session = selectors.session_get_for_user(user=user, session_id=pk)
        tutor = permissions.can_manage_session(user, session)
        return Response(selectors_recap.session_recap(session=session, user=user, tutor=tutor))
