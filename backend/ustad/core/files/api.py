"""Resumable uploads API under /api/v1/uploads: thin views over ustad.core.files.uploads."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from ustad.core.errors import ApplicationError
from ustad.core.files import selectors, uploads
from ustad.core.files.parsers import ChunkBody, OctetStreamParser, OffsetOctetStreamParser
from ustad.core.files.serializers import UploadCreateInputSerializer, UploadSessionSerializer
from ustad.core.models import UploadSession
from ustad.core.throttling import ScopedUserThrottle

TAGS = ["uploads"]


def _offset_header(*statuses: int) -> OpenApiParameter:
    return OpenApiParameter("Upload-Offset", int, OpenApiParameter.HEADER, response=list(statuses),
                            description="Bytes the server has: the next chunk starts here.")


def _caller(request: Request) -> Any:
    assert request.user.is_authenticated
    return request.user


def _session_response(session: UploadSession, status_code: int = status.HTTP_200_OK) -> Response:
    response = Response(UploadSessionSerializer(session).data, status=status_code,
                        headers={"Upload-Offset": str(session.received_bytes)})
    response["Cache-Control"] = "no-store"
    return response


class UploadListView(APIView):
    throttle_scope = "uploads"

    def get_throttles(self) -> list[BaseThrottle]:
        return [ScopedUserThrottle()] if self.request.method == "POST" else []

    @extend_schema(responses={200: UploadSessionSerializer(many=True)}, tags=TAGS,
                   description="The caller's unfinished uploads (a reloaded page finds where it was).")
    def get(self, request: Request) -> Response:
        sessions = selectors.upload_session_list_open(user=_caller(request))
        return Response(UploadSessionSerializer(sessions, many=True).data)

    @extend_schema(request=UploadCreateInputSerializer, tags=TAGS, responses={
        201: UploadSessionSerializer,
        409: OpenApiResponse(description="Too many unfinished uploads (`too_many_uploads`)"),
        413: OpenApiResponse(description="Larger than the limit (`file_too_large`)"),
        415: OpenApiResponse(description="The name is not of an accepted kind (`unsupported_type`)"),
        507: OpenApiResponse(description="No room on the server (`storage_full`)"),
    })
    def post(self, request: Request) -> Response:
        serializer = UploadCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        session = uploads.upload_session_create(owner=_caller(request), filename=data["filename"],
                                                size=data["size"], kind=data["kind"])
        return _session_response(session, status.HTTP_201_CREATED)


class UploadDetailView(APIView):
    parser_classes = [OffsetOctetStreamParser, OctetStreamParser]

    @extend_schema(tags=TAGS, responses={200: UploadSessionSerializer, 410: OpenApiResponse(description="Expired")},
                   parameters=[_offset_header(200)],
                   description="Where the upload stands: resume from `received_bytes`.")
    def get(self, request: Request, pk: UUID) -> Response:
        return _session_response(selectors.upload_session_get_for_user(user=_caller(request), upload_id=pk))

    @extend_schema(
        tags=TAGS,
        request={"application/offset+octet-stream": OpenApiTypes.BINARY,
                 "application/octet-stream": OpenApiTypes.BINARY},
        parameters=[
            OpenApiParameter("Content-Range", str, OpenApiParameter.HEADER, required=True,
                             description="`bytes start-end/total` (end inclusive; total = the declared size)"),
            _offset_header(200, 409),
        ],
        responses={
            200: UploadSessionSerializer,
            409: OpenApiResponse(description="The chunk does not start at `Upload-Offset` (`offset_mismatch`), "
                                             "or the upload is closed"),
            410: OpenApiResponse(description="Expired (`upload_expired`)"),
            413: OpenApiResponse(description="Chunk larger than `chunk_size` (`chunk_too_large`)"),
            415: OpenApiResponse(description="Not sent as application/offset+octet-stream or application/octet-stream"),
        },
        description="Append the chunk that starts at `received_bytes`. A chunk received already is acknowledged.",
    )
    def put(self, request: Request, pk: UUID) -> Response:
        user = _caller(request)
        selectors.upload_session_get_for_user(user=user, upload_id=pk)  # 404 before reading anything
        body = request.data
        if not isinstance(body, ChunkBody) or body.length <= 0:
            raise ApplicationError(code="unsupported_media_type", status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                                   message="Send the chunk's bytes as application/offset+octet-stream.")
        session = uploads.upload_session_append(owner=user, upload_id=pk, body=body.stream, length=body.length,
                                                content_range=request.headers.get("Content-Range"))
        return _session_response(session)

    @extend_schema(tags=TAGS, request=None, responses={
        204: None, 409: OpenApiResponse(description="Already attached somewhere (`upload_claimed`)")})
    def delete(self, request: Request, pk: UUID) -> Response:
        uploads.upload_session_abort(owner=_caller(request), upload_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class UploadCompleteView(APIView):
    @extend_schema(tags=TAGS, request=None, responses={
        200: UploadSessionSerializer,
        400: OpenApiResponse(description="The name says another type than the content (`type_mismatch`)"),
        409: OpenApiResponse(description="Bytes are missing (`upload_incomplete`) or the upload is closed"),
        410: OpenApiResponse(description="Expired (`upload_expired`)"),
        415: OpenApiResponse(description="Not of the declared kind, or a program (`unsupported_type`)"),
    }, description="Check the assembled file's real type against the declared kind and store it privately. "
                   "A refused file is discarded with its upload.")
    def post(self, request: Request, pk: UUID) -> Response:
        return _session_response(uploads.upload_session_complete(owner=_caller(request), upload_id=pk))
