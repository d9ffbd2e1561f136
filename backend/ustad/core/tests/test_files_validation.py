"""upload_validate: the bad uploads bounce with a clear code and message; good ones come back sniffed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ustad.core.errors import ApplicationError
from ustad.core.files.validation import human_size, upload_validate
from ustad.core.tests import samples

MB = 1024 * 1024


def refused(name: str, data: bytes, allowed: set[str], max_bytes: int = 10 * MB) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        upload_validate(file=SimpleUploadedFile(name, data), allowed=allowed, max_bytes=max_bytes)
    return caught.value


def test_given_a_real_pdf_when_validated_for_slides_then_it_comes_back_sniffed():
    found = upload_validate(file=SimpleUploadedFile("Week 1.pdf", samples.pdf()), allowed={"slides"}, max_bytes=MB)
    assert (found.kind, found.mime, found.extension) == ("pdf", "application/pdf", ".pdf")


def test_given_an_empty_file_when_validated_then_empty_file_400():
    error = refused("notes.pdf", b"", {"pdf"})
    assert (error.code, error.status_code) == ("empty_file", 400)
    assert "“notes.pdf” is empty" in error.message and error.fields == {"file": [error.message]}


def test_given_a_file_over_the_limit_when_validated_then_file_too_large_413_names_both_sizes():
    error = refused("big.pdf", samples.pdf() + b" " * MB, {"pdf"}, max_bytes=MB)
    assert (error.code, error.status_code) == ("file_too_large", 413)
    assert "the limit is 1 MB" in error.message


def test_given_a_pdf_that_is_really_a_windows_program_when_validated_then_unsupported_type_415():
    error = refused("homework.pdf", samples.windows_exe(), {"pdf", "document"})
    assert (error.code, error.status_code) == ("unsupported_type", 415)
    assert "really a Windows program" in error.message and "programs cannot be uploaded" in error.message


@pytest.mark.parametrize("allowed", [{"code"}, {"archive"}, {"document", "code"}])
def test_given_programs_when_validated_then_they_are_refused_whatever_is_allowed(allowed):
    for name, data in [("tool.exe", samples.windows_exe()), ("run", samples.elf()), ("app.jar", samples.jar()),
                       ("app.zip", samples.apk())]:
        assert refused(name, data, allowed).code == "unsupported_type"


def test_given_a_png_named_pdf_when_validated_then_type_mismatch_400_says_what_it_really_is():
    error = refused("slides.pdf", samples.image("PNG"), {"slides", "image"})
    assert (error.code, error.status_code) == ("type_mismatch", 400)
    assert "named .pdf but is really a PNG image" in error.message


def test_given_a_plain_zip_named_pptx_when_validated_then_type_mismatch():
    error = refused("deck.pptx", samples.plain_zip(), {"slides"})
    assert error.code == "type_mismatch"
    assert "really a ZIP archive" in error.message


def test_given_a_real_file_of_a_kind_not_accepted_here_when_validated_then_unsupported_type_lists_what_is():
    error = refused("photo.png", samples.image("PNG"), {"slides"})
    assert (error.code, error.status_code) == ("unsupported_type", 415)
    assert "PNG image" in error.message and "PDF document" in error.message


def test_given_unrecognisable_bytes_when_validated_then_unsupported_type():
    assert refused("data.bin", b"\x00\x01\x02\x03" * 10, {"document"}).code == "unsupported_type"


def test_given_a_shebang_script_when_only_text_is_allowed_then_refused_and_when_code_is_then_accepted():
    script = b"#!/bin/sh\necho hello\n"
    assert refused("run.sh", script, {"text"}).code == "unsupported_type"
    found = upload_validate(file=SimpleUploadedFile("run.sh", script), allowed={"code"}, max_bytes=MB)
    assert found.kind == "code"


def test_given_source_code_when_validated_as_text_then_its_own_extension_is_fine():
    for name in ("main.py", "app.js", "scores.csv", "README.md", "Makefile"):
        found = upload_validate(file=SimpleUploadedFile(name, b"x = 1\n"), allowed={"text"}, max_bytes=MB)
        assert found.kind == "text"


def test_given_text_named_like_a_pdf_when_validated_then_type_mismatch():
    assert refused("essay.pdf", b"Just words.\n", {"document"}).code == "type_mismatch"


def test_given_sizes_when_shown_to_people_then_they_read_naturally():
    assert [human_size(n) for n in (512, 1536, 5 * MB, 2 * 1024 * MB)] == ["512 bytes", "1.5 KB", "5 MB", "2 GB"]
