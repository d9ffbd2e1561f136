"""Content sniffing: every kind we accept, recognised from real files by its bytes, whatever it is called."""

from __future__ import annotations

import io

import pytest

from ustad.core.files.kinds import DECLARABLE, KINDS, content_type_for, expand_kinds, matching_extension
from ustad.core.files.sniff import sniff, sniff_bytes
from ustad.core.tests import samples


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return samples.media(tmp_path_factory.mktemp("media"))


DOCUMENTS = [
    ("pdf", samples.pdf, "application/pdf", ".pdf"),
    ("pptx", samples.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    ("docx", samples.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("xlsx", samples.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("odp", lambda: samples.opendocument("presentation"), "application/vnd.oasis.opendocument.presentation", ".odp"),
    ("odt", lambda: samples.opendocument("text"), "application/vnd.oasis.opendocument.text", ".odt"),
    ("ods", lambda: samples.opendocument("spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet", ".ods"),
    ("zip", samples.plain_zip, "application/zip", ".zip"),
    ("tar.gz", lambda: samples.tar(compressed=True), "application/gzip", ".tar.gz"),
    ("tar", lambda: samples.tar(compressed=False), "application/x-tar", ".tar"),
    ("gzip", samples.gzip_file, "application/gzip", ".gz"),
    ("7z", samples.seven_zip, "application/x-7z-compressed", ".7z"),
    ("image/png", lambda: samples.image("PNG"), "image/png", ".png"),
    ("image/jpeg", lambda: samples.image("JPEG"), "image/jpeg", ".jpg"),
    ("image/webp", lambda: samples.image("WEBP"), "image/webp", ".webp"),
    ("image/gif", lambda: samples.image("GIF"), "image/gif", ".gif"),
    ("text", lambda: b"Plain notes\n", "text/plain; charset=utf-8", ".txt"),
    ("text", lambda: "# نوٹس\n\nUrdu and English, UTF-8.\n".encode(), "text/plain; charset=utf-8", ".txt"),
    ("text", lambda: b"name,score\nAyesha,91\n", "text/plain; charset=utf-8", ".txt"),
    ("text", lambda: b"def main():\n    print('hi')\n", "text/plain; charset=utf-8", ".txt"),
    ("code", lambda: b"#!/usr/bin/env python3\nprint('hi')\n", "text/plain; charset=utf-8", ".txt"),
]


@pytest.mark.parametrize(("kind", "make", "mime", "extension"), DOCUMENTS,
                         ids=[f"{row[0]}-{index}" for index, row in enumerate(DOCUMENTS)])
def test_given_a_real_file_when_sniffed_then_its_kind_mime_and_extension_come_from_its_bytes(kind, make, mime,
                                                                                              extension):
    found = sniff_bytes(make())
    assert found is not None
    assert (found.kind, found.mime, found.extension) == (kind, mime, extension)


MEDIA = [
    ("video.mp4", "video/mp4", ".mp4"),
    ("video-moov-at-end.mp4", "video/mp4", ".mp4"),
    ("video.mov", "video/quicktime", ".mov"),
    ("video.webm", "video/webm", ".webm"),
    ("video.mkv", "video/x-matroska", ".mkv"),
    ("audio.m4a", "audio/mp4", ".m4a"),
    ("audio-only.mp4", "audio/mp4", ".m4a"),
    ("audio.webm", "audio/webm", ".weba"),
    ("audio.mp3", "audio/mpeg", ".mp3"),
    ("audio-untagged.mp3", "audio/mpeg", ".mp3"),
    ("audio.wav", "audio/wav", ".wav"),
    ("audio.ogg", "audio/ogg", ".ogg"),
]


@pytest.mark.parametrize(("name", "kind", "extension"), MEDIA)
def test_given_audio_or_video_made_by_ffmpeg_when_sniffed_then_the_container_and_tracks_decide(media, name, kind,
                                                                                               extension):
    found = sniff_bytes(media[name])
    assert found is not None
    assert (found.kind, found.mime, found.extension) == (kind, KINDS[kind].mime, extension)


@pytest.mark.parametrize(("make", "label"), [
    (samples.windows_exe, "Windows program"),
    (samples.elf, "Linux program"),
    (samples.mach_o, "macOS program"),
    (lambda: b"\x00asm\x01\x00\x00\x00", "WebAssembly"),
    (samples.jar, "Java program"),
    (samples.apk, "Android app"),
    (lambda: b"#!/bin/sh\n\x00\x01\x02binary", "#!"),
])
def test_given_a_program_when_sniffed_then_it_is_an_executable(make, label):
    found = sniff_bytes(make())
    assert found is not None and found.kind == "executable"
    assert label in found.label


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03 random binary",
    b"\xff\xfe\xfd not utf-8",
    b"PK\x03\x04 a zip that is broken",
    b"\x1f\x8b\x08 broken gzip data",
    bytes(range(256)) * 10,
])
def test_given_unknown_or_damaged_bytes_when_sniffed_then_nothing_is_claimed(data):
    assert sniff_bytes(data) is None


def test_given_text_that_starts_like_a_dos_header_when_sniffed_then_it_is_text():
    found = sniff_bytes(b"MZ is how this essay starts.\n")
    assert found is not None and found.kind == "text"


def test_given_text_with_a_nul_byte_far_past_the_head_when_sniffed_then_it_is_not_text():
    assert sniff_bytes(b"a" * (3 * 1024 * 1024) + b"\x00") is None


def test_given_a_file_positioned_midway_when_sniffed_then_it_reads_from_the_start_and_restores_the_position():
    handle = io.BytesIO(samples.pdf())
    handle.seek(10)
    assert sniff(handle).kind == "pdf"  # type: ignore[union-attr]
    assert handle.tell() == 10


def test_given_groups_when_expanded_then_they_name_known_kinds_and_unknown_names_fail():
    assert expand_kinds(["slides"]) == {"pdf", "pptx", "odp"}
    assert "code" in expand_kinds(["code"]) and "zip" in expand_kinds(["code"])
    assert "code" not in expand_kinds(["text"])
    assert all(expand_kinds([name]) for name in DECLARABLE)
    with pytest.raises(ValueError, match="unknown file kind"):
        expand_kinds(["exe"])


@pytest.mark.parametrize(("filename", "kind", "expected"), [
    ("Slides.PDF", "pdf", ".pdf"),
    ("project.tar.gz", "tar.gz", ".tar.gz"),
    ("project.tgz", "tar.gz", ".tgz"),
    ("photo.jpeg", "image/jpeg", ".jpeg"),
    ("README", "text", ""),
    ("lesson.pdf", "image/png", None),
    (".pdf", "pdf", None),
])
def test_given_a_filename_when_matched_against_a_kind_then_the_extension_must_belong_to_it(filename, kind, expected):
    assert matching_extension(filename, kind) == expected


def test_given_stored_names_when_served_then_the_content_type_follows_the_canonical_extension():
    assert content_type_for("uploads/2026/11/abc.mp4") == "video/mp4"
    assert content_type_for("x.weba") == "audio/webm"
    assert content_type_for("x.txt") == "text/plain; charset=utf-8"
    assert content_type_for("x.html") == "text/plain; charset=utf-8"  # never rendered as a page
    assert content_type_for("x.unknown-ext") == "application/octet-stream"

