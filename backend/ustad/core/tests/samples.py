"""Small real files of every kind the file layer knows, made on the spot (media by the ffmpeg in imageio-ffmpeg)."""

from __future__ import annotations

import gzip
import io
import subprocess
import tarfile
import zipfile
import zlib
from pathlib import Path

import imageio_ffmpeg
from PIL import Image


def pdf(text: str = "Hello") -> bytes:
    """A one-page PDF with a correct cross-reference table."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _zip(entries: dict[str, bytes], *, first_stored: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first_stored:
            archive.writestr(zipfile.ZipInfo(first_stored), entries[first_stored], compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            if name != first_stored:
                archive.writestr(name, data)
    return out.getvalue()


_CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def pptx() -> bytes:
    return _zip({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": b"<Relationships/>",
                 "ppt/presentation.xml": b"<p:presentation/>", "ppt/slides/slide1.xml": b"<p:sld/>"})


def docx() -> bytes:
    return _zip({"[Content_Types].xml": _CONTENT_TYPES, "word/document.xml": b"<w:document/>"})


def xlsx() -> bytes:
    return _zip({"[Content_Types].xml": _CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>"})


def opendocument(kind: str) -> bytes:
    mimetype = f"application/vnd.oasis.opendocument.{kind}".encode()
    return _zip({"mimetype": mimetype, "content.xml": b"<office:document-content/>",
                 "META-INF/manifest.xml": b"<manifest/>"}, first_stored="mimetype")


def plain_zip() -> bytes:
    return _zip({"notes.txt": b"plain notes", "data/values.csv": b"a,b\n1,2\n"})


def jar() -> bytes:
    return _zip({"META-INF/MANIFEST.MF": b"Manifest-Version: 1.0\nMain-Class: Main\n",
                 "Main.class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34"})


def apk() -> bytes:
    return _zip({"AndroidManifest.xml": b"\x03\x00\x08\x00", "classes.dex": b"dex\n035\x00"})


def tar(*, compressed: bool) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz" if compressed else "w", format=tarfile.USTAR_FORMAT) as archive:
        data = b"print('hello')\n"
        info = tarfile.TarInfo("project/main.py")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def gzip_file() -> bytes:
    return gzip.compress(b"a log line\n" * 20)


def seven_zip() -> bytes:
    """An empty 7z archive: the 32-byte signature header with correct CRCs."""
    tail = (0).to_bytes(8, "little") + (0).to_bytes(8, "little") + zlib.crc32(b"").to_bytes(4, "little")
    return b"7z\xbc\xaf\x27\x1c\x00\x04" + zlib.crc32(tail).to_bytes(4, "little") + tail


def image(fmt: str, size: tuple[int, int] = (16, 12)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, format=fmt)
    return out.getvalue()


def elf() -> bytes:
    return Path("/bin/true").read_bytes() if Path("/bin/true").exists() else b"\x7fELF\x02\x01\x01" + bytes(57)


def windows_exe() -> bytes:
    """A DOS stub pointing at a PE header, as every Windows program starts."""
    head = bytearray(b"MZ" + bytes(126))
    head[60:64] = (64).to_bytes(4, "little")
    head[64:68] = b"PE\x00\x00"
    return bytes(head) + b"\x4c\x01" + bytes(200)


def mach_o() -> bytes:
    return b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(120)


def media(folder: Path) -> dict[str, bytes]:
    """Audio and video files in every container we accept, one second long and a few kilobytes each."""
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    video_in = ["-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=10"]
    audio_in = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"]
    jobs = {
        "video.mp4": [*video_in, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart"],
        "video-moov-at-end.mp4": [*video_in, *audio_in, "-c:v", "mpeg4", "-c:a", "aac", "-shortest"],
        "video.mov": [*video_in, "-c:v", "mpeg4"],
        "video.webm": [*video_in, "-c:v", "libvpx", "-b:v", "50k"],
        "video.mkv": [*video_in, "-c:v", "mpeg4"],
        "audio.m4a": [*audio_in, "-c:a", "aac"],
        "audio-only.mp4": [*audio_in, "-c:a", "aac", "-f", "mp4"],
        "audio.webm": [*audio_in, "-c:a", "libopus"],
        "audio.mp3": [*audio_in, "-c:a", "libmp3lame", "-b:a", "32k"],
        "audio-untagged.mp3": [*audio_in, "-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "0",
                               "-write_xing", "0"],
        "audio.wav": [*audio_in, "-c:a", "pcm_s16le"],
        "audio.ogg": [*audio_in, "-c:a", "libvorbis"],
    }
    made = {}
    for name, arguments in jobs.items():
        target = folder / name
        subprocess.run([ffmpeg, "-hide_banner", "-loglevel", "error", "-y", *arguments, str(target)],
                       check=True, timeout=60)
        made[name] = target.read_bytes()
    return made
