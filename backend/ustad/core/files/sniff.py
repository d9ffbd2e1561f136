"""What a file really is, read from its bytes (magic numbers and container structure), never from its name.

Pure functions over a seekable binary file; no Django. Programs (Windows, Linux and macOS executables,
WebAssembly, Java and Android packages) come back as the kind `executable`, so that callers refuse them
whatever they are called. Text is UTF-8 without NUL bytes; text starting with `#!` is a script (`code`).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from ustad.core.files.kinds import EXECUTABLE, KINDS

HEAD_BYTES = 64 * 1024
_READ_BLOCK = 1024 * 1024
_MOOV_LIMIT = 32 * 1024 * 1024


@dataclass(frozen=True)
class SniffResult:
    kind: str  # a key of kinds.KINDS, or "executable"
    mime: str
    extension: str  # canonical, with the dot: ".pdf", ".tar.gz"
    label: str  # for people: "PDF document"


def _known(kind: str) -> SniffResult:
    info = KINDS[kind]
    return SniffResult(kind=kind, mime=info.mime, extension=info.extensions[0], label=info.label)


def _program(label: str) -> SniffResult:
    return SniffResult(kind=EXECUTABLE, mime="application/octet-stream", extension="", label=label)


def sniff(file: BinaryIO) -> SniffResult | None:
    """The kind of `file` (read from the start; its position is restored), or None when we don't know it."""
    position = file.tell()
    try:
        file.seek(0)
        head = file.read(HEAD_BYTES)
        return _detect(file, head) if head else None
    finally:
        file.seek(position)


def sniff_bytes(data: bytes) -> SniffResult | None:
    return sniff(io.BytesIO(data))


def _detect(file: BinaryIO, head: bytes) -> SniffResult | None:
    program = _program_label(head)
    if program:
        return _program(program)
    if head.startswith(b"#!"):
        return _known("code") if _is_text(file) else _program("program with a #! line")
    if head.startswith(b"%PDF-"):
        return _known("pdf")
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_kind(file)
    if head.startswith(b"\x1f\x8b"):
        return _gzip_kind(head)
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return _known("7z")
    if head[257:262] == b"ustar":
        return _known("tar")
    if head[4:8] == b"ftyp":
        return _iso_media_kind(file, head)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return _ebml_kind(head)
    return _simple_kind(head) or (_known("text") if _is_text(file) else None)


def _simple_kind(head: bytes) -> SniffResult | None:
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return _known("audio/wav")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _known("image/webp")
    if head.startswith(b"OggS"):
        return _known("audio/ogg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _known("image/png")
    if head.startswith(b"\xff\xd8\xff"):
        return _known("image/jpeg")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return _known("image/gif")
    if head.startswith(b"ID3") or _is_mp3_frames(head):
        return _known("audio/mpeg")
    return None


# --- programs ----------------------------------------------------------------------------------
_MACH_O = (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")


def _program_label(head: bytes) -> str | None:
    if head.startswith(b"\x7fELF"):
        return "Linux program (ELF)"
    if head[:4] in _MACH_O:
        return "macOS program (Mach-O)"
    if head.startswith(b"\xca\xfe\xba\xbe"):
        return "macOS universal program or Java class"
    if head.startswith(b"\x00asm"):
        return "WebAssembly module"
    if head.startswith(b"MZ") and (_has_pe_header(head) or b"\x00" in head[:64]):
        return "Windows program (EXE/DLL)"
    return None


def _has_pe_header(head: bytes) -> bool:
    if len(head) < 64:
        return False
    offset = int.from_bytes(head[60:64], "little")
    return head[offset:offset + 4] == b"PE\x00\x00"


# --- containers --------------------------------------------------------------------------------
_ODF = {
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_OOXML = (("ppt/", "pptx"), ("word/", "docx"), ("xl/", "xlsx"))


def _zip_kind(file: BinaryIO) -> SniffResult | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100).strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return None
    if "classes.dex" in names or "AndroidManifest.xml" in names:
        return _program("Android app (APK)")
    if "META-INF/MANIFEST.MF" in names and any(name.endswith(".class") for name in names):
        return _program("Java program (JAR)")
    if mimetype in _ODF:
        return _known(_ODF[mimetype])
    if "[Content_Types].xml" in names:
        for prefix, kind in _OOXML:
            if any(name.startswith(prefix) for name in names):
                return _known(kind)
    return _known("zip")


def _gzip_kind(head: bytes) -> SniffResult | None:
    try:
        start = zlib.decompressobj(wbits=31).decompress(head, 1024)
    except zlib.error:
        return None
    return _known("tar.gz") if start[257:262] == b"ustar" else _known("gzip")


_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}
_IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis", b"crx "}
_HANDLER = re.compile(rb"hdlr.{8}(vide|soun)", re.DOTALL)


def _iso_media_kind(file: BinaryIO, head: bytes) -> SniffResult | None:
    """MP4 / M4A / MOV share the ISO base media format: the brand and the tracks tell them apart."""
    brand = head[8:12]
    if brand in _AUDIO_BRANDS:
        return _known("audio/mp4")
    if brand == b"qt  ":
        return _known("video/quicktime")
    if brand in _IMAGE_BRANDS or brand.startswith(b"3g"):
        return None
    tracks = _iso_track_types(file)
    if b"soun" in tracks and b"vide" not in tracks:
        return _known("audio/mp4")
    return _known("video/mp4")


def _iso_track_types(file: BinaryIO) -> set[bytes]:
    """Handler types of the tracks in the `moov` box, which may sit at the start or at the end of the file."""
    end = file.seek(0, io.SEEK_END)
    position = 0
    for _ in range(10_000):
        file.seek(position)
        header = file.read(16)
        if len(header) < 8:
            break
        size, box = int.from_bytes(header[:4], "big"), header[4:8]
        header_size = 8
        if size == 1 and len(header) == 16:
            size, header_size = int.from_bytes(header[8:16], "big"), 16
        elif size == 0:
            size = end - position
        if size < header_size:
            break
        if box == b"moov":
            file.seek(position)
            return set(_HANDLER.findall(file.read(min(size, _MOOV_LIMIT))))
        position += size
    return set()


_EBML_DOCTYPE = b"\x42\x82"
_MKV_TRACKS = b"\x16\x54\xae\x6b"


def _ebml_kind(head: bytes) -> SniffResult | None:
    """WebM and Matroska (EBML): the DocType says which; a WebM with only audio tracks is audio."""
    index = head.find(_EBML_DOCTYPE, 4, 4096)
    if index < 0 or index + 3 > len(head):
        return None
    first = head[index + 2]
    if first == 0:
        return None
    width = 9 - first.bit_length()
    size = int.from_bytes(head[index + 2:index + 2 + width], "big") & ((1 << (7 * width)) - 1)
    start = index + 2 + width
    doctype = head[start:start + min(size, 32)].rstrip(b"\x00")
    if doctype == b"matroska":
        return _known("video/x-matroska")
    if doctype != b"webm":
        return None
    tracks = head.find(_MKV_TRACKS)
    if tracks >= 0 and b"\x83\x81\x02" in head[tracks:] and b"\x83\x81\x01" not in head[tracks:]:
        return _known("audio/webm")
    return _known("video/webm")


# --- MP3 without a tag: MPEG audio layer III frames ---------------------------------------------
_MP3_BITRATES = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2
    0: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2.5
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame_length(header: bytes) -> int | None:
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index, padding = header[2] >> 4, (header[2] >> 2) & 3, (header[2] >> 1) & 1
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    bitrate = _MP3_BITRATES[version][bitrate_index] * 1000
    rate = _MP3_RATES[version][rate_index]
    return (144 if version == 3 else 72) * bitrate // rate + padding


def _is_mp3_frames(head: bytes) -> bool:
    """A frame header at the start, and another right where the first frame ends (when the file is that long)."""
    length = _mp3_frame_length(head)
    if length is None:
        return False
    if len(head) < length + 4:
        return len(head) >= length
    return _mp3_frame_length(head[length:length + 4]) is not None


# --- text --------------------------------------------------------------------------------------
def _is_text(file: BinaryIO) -> bool:
    """UTF-8 from start to end, with no NUL byte."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := file.read(_READ_BLOCK):
            if b"\x00" in block:
                return False
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
