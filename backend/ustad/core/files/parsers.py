"""Raw request bodies for upload chunks: the view gets the stream and its length, not bytes in memory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from django.utils.datastructures import MultiValueDict
from rest_framework.parsers import BaseParser, DataAndFiles


@dataclass(frozen=True)
class ChunkBody:
    stream: IO[bytes]
    length: int


class OffsetOctetStreamParser(BaseParser):
    """`application/offset+octet-stream` (the tus convention for a chunk at an offset)."""

    media_type = "application/offset+octet-stream"

    def parse(self, stream: IO[Any], media_type: str | None = None,
              parser_context: Mapping[str, Any] | None = None) -> DataAndFiles[ChunkBody, MultiValueDict[str, Any]]:
        request = (parser_context or {})["request"]
        meta = request.META
        try:
            length = int(meta.get("CONTENT_LENGTH") or meta.get("HTTP_CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        return DataAndFiles(ChunkBody(stream=stream, length=max(length, 0)), MultiValueDict())


class OctetStreamParser(OffsetOctetStreamParser):
    media_type = "application/octet-stream"


class WebmParser(OffsetOctetStreamParser):
    """A piece of a WebM stream as MediaRecorder hands it over (`video/webm;codecs=…`)."""

    media_type = "video/webm"
