"""The file kinds Ustad knows: MIME type, accepted extensions (the first is canonical) and a name for people.

Callers allow kinds by name (`"pdf"`, `"video/mp4"`) or by group (`"video"`, `"slides"`, `"code"`);
`expand_kinds()` turns either into the set of kinds.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class KindInfo:
    kind: str
    mime: str
    extensions: tuple[str, ...]
    label: str


TEXT_EXTENSIONS = (
    ".txt", ".md", ".markdown", ".rst", ".csv", ".tsv", ".json", ".jsonl", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".conf", ".log", ".xml", ".html", ".htm", ".css", ".scss", ".js", ".mjs", ".cjs", ".jsx", ".ts",
    ".tsx", ".vue", ".svelte", ".py", ".ipynb", ".r", ".rb", ".php", ".pl", ".java", ".kt", ".kts", ".scala",
    ".go", ".rs", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".cs", ".swift", ".m", ".mm", ".dart", ".lua",
    ".hs", ".ex", ".exs", ".erl", ".clj", ".jl", ".ml", ".fs", ".f90", ".asm", ".s", ".sh", ".bash", ".zsh",
    ".ps1", ".bat", ".sql", ".tex", ".bib", ".srt", ".vtt", ".gradle", ".properties",
)

_KINDS = (
    KindInfo("pdf", "application/pdf", (".pdf",), "PDF document"),
    KindInfo("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",),
             "PowerPoint presentation (PPTX)"),
    KindInfo("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",),
             "Word document (DOCX)"),
    KindInfo("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",),
             "Excel workbook (XLSX)"),
    KindInfo("odp", "application/vnd.oasis.opendocument.presentation", (".odp",), "OpenDocument presentation (ODP)"),
    KindInfo("odt", "application/vnd.oasis.opendocument.text", (".odt",), "OpenDocument text (ODT)"),
    KindInfo("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",), "OpenDocument spreadsheet (ODS)"),
    KindInfo("zip", "application/zip", (".zip",), "ZIP archive"),
    KindInfo("tar.gz", "application/gzip", (".tar.gz", ".tgz"), "tar.gz archive"),
    KindInfo("gzip", "application/gzip", (".gz",), "gzip file"),
    KindInfo("tar", "application/x-tar", (".tar",), "tar archive"),
    KindInfo("7z", "application/x-7z-compressed", (".7z",), "7z archive"),
    KindInfo("video/mp4", "video/mp4", (".mp4", ".m4v"), "MP4 video"),
    KindInfo("video/quicktime", "video/quicktime", (".mov", ".qt"), "QuickTime video (MOV)"),
    KindInfo("video/webm", "video/webm", (".webm",), "WebM video"),
    KindInfo("video/x-matroska", "video/x-matroska", (".mkv",), "Matroska video (MKV)"),
    KindInfo("audio/mp4", "audio/mp4", (".m4a", ".m4b", ".mp4"), "M4A audio"),
    KindInfo("audio/webm", "audio/webm", (".weba", ".webm"), "WebM audio"),
    KindInfo("audio/mpeg", "audio/mpeg", (".mp3",), "MP3 audio"),
    KindInfo("audio/wav", "audio/wav", (".wav",), "WAV audio"),
    KindInfo("audio/ogg", "audio/ogg", (".ogg", ".oga", ".opus"), "Ogg audio"),
    KindInfo("image/png", "image/png", (".png",), "PNG image"),
    KindInfo("image/jpeg", "image/jpeg", (".jpg", ".jpeg"), "JPEG image"),
    KindInfo("image/webp", "image/webp", (".webp",), "WebP image"),
    KindInfo("image/gif", "image/gif", (".gif",), "GIF image"),
    KindInfo("text", "text/plain; charset=utf-8", (".txt", *TEXT_EXTENSIONS[1:]), "text file"),
    KindInfo("code", "text/plain; charset=utf-8", (".txt", *TEXT_EXTENSIONS[1:]), "script"),
)
KINDS: dict[str, KindInfo] = {info.kind: info for info in _KINDS}

# Never accepted, whatever a caller allows: they are only ever returned by the sniffer to be refused.
EXECUTABLE = "executable"

_ARCHIVES = ("zip", "tar.gz", "gzip", "tar", "7z")
_OFFICE = ("pptx", "docx", "xlsx", "odp", "odt", "ods")
GROUPS: dict[str, tuple[str, ...]] = {
    "document": ("pdf", *_OFFICE, "text"),
    "slides": ("pdf", "pptx", "odp"),
    "video": ("video/mp4", "video/quicktime", "video/webm", "video/x-matroska"),
    "audio": ("audio/mpeg", "audio/mp4", "audio/wav", "audio/ogg", "audio/webm"),
    "image": ("image/png", "image/jpeg", "image/webp", "image/gif"),
    "archive": _ARCHIVES,
    "text": ("text",),
    # Source code: text files, scripts that start with #!, and archives of a whole project.
    "code": ("text", "code", *_ARCHIVES),
}

# What a client may declare for a chunked upload: any group or single kind.
DECLARABLE = tuple(sorted(set(GROUPS) | set(KINDS)))


def expand_kinds(allowed: Iterable[str]) -> frozenset[str]:
    """Kinds and groups to the set of kinds they stand for. An unknown name is a programming error."""
    kinds: set[str] = set()
    for name in allowed:
        if name in GROUPS:
            kinds.update(GROUPS[name])
        elif name in KINDS:
            kinds.add(name)
        else:
            raise ValueError(f"unknown file kind or group: {name!r}")
    return frozenset(kinds)


def describe(kinds: Iterable[str]) -> str:
    """'PDF document, PowerPoint presentation (PPTX) or text file' for messages."""
    labels = sorted({KINDS[kind].label for kind in kinds if kind in KINDS and kind != "code"})
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def matching_extension(filename: str, kind: str) -> str | None:
    """The extension of `filename` that `kind` accepts (".tar.gz" included), or None when it names another type.

    Text and scripts may also have no extension at all (README, Makefile).
    """
    name = PurePath(filename).name.lower()
    info = KINDS[kind]
    for extension in sorted(info.extensions, key=len, reverse=True):
        if name.endswith(extension) and len(name) > len(extension):
            return extension
    if kind in ("text", "code") and not PurePath(name).suffix:
        return ""
    return None


def extension_of(filename: str) -> str:
    """The extension a person would say the file has: '.tar.gz' for archives, else the last suffix."""
    name = PurePath(filename).name.lower()
    if name.endswith(".tar.gz"):
        return ".tar.gz"
    return PurePath(name).suffix


def extension_allowed(filename: str, kinds: Iterable[str]) -> bool:
    return any(matching_extension(filename, kind) is not None for kind in kinds)


def content_type_for(name: str) -> str:
    """The MIME type to serve a stored file with: from our canonical extensions, else the system's table."""
    lowered = name.lower()
    for info in _KINDS:  # video before audio and text before code, so shared extensions go to the former
        if any(lowered.endswith(extension) for extension in info.extensions):
            return info.mime
    guessed, _ = mimetypes.guess_type(lowered)
    return guessed or "application/octet-stream"
