"""Turn a recording's WebM chunks into what people watch: an MP4 (H.264 + AAC, faststart), an M4A audio
track (for transcription) and a JPEG thumbnail. Runs on the `media` queue; see `tasks.recording_process`.

Idempotent: each run starts from the chunks, writes new files, and replaces (then deletes) the files of an
earlier run, so a retry after a crash never leaves a half-made recording behind.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

import imageio_ffmpeg
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from ustad.classroom.models import Recording, RecordingChunk, RecordingStatus
from ustad.classroom.services.room import event_append
from ustad.core.files.storage import private_files_delete, private_storage

logger = logging.getLogger(__name__)

# One frame size and rate for every part, so parts recorded at different sizes join into one video.
WIDTH, HEIGHT, FPS = 1280, 720, 25
TRANSCODE_TIMEOUT_SECONDS = 6 * 60 * 60
_DURATION = re.compile(rb"Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)")


class RecordingMediaError(Exception):
    """The chunks could not be made into a video; the message is shown to the tutor."""


def _ffmpeg() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def _probe(path: Path) -> tuple[bool, bool, float | None]:
    """(has video, has audio, duration in seconds) as ffmpeg reads the file."""
    result = subprocess.run([_ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, timeout=120)
    info = result.stderr
    match = _DURATION.search(info)
    duration = int(match[1]) * 3600 + int(match[2]) * 60 + float(match[3]) if match else None
    return b"Video:" in info, b"Audio:" in info, duration


def _usable_chunks(chunks: list[RecordingChunk]) -> list[list[RecordingChunk]]:
    """Each part's chunks from its header (index 0) up to the first gap: bytes after a gap cannot be decoded."""
    parts = []
    for _, group in groupby(chunks, key=lambda chunk: chunk.part):
        run = []
        for expected, chunk in enumerate(group):
            if chunk.index != expected:
                break
            run.append(chunk)
        if run:
            parts.append(run)
    return parts


def _join_part(chunks: list[RecordingChunk], target: Path) -> None:
    storage = private_storage()
    with target.open("wb") as out:
        for chunk in chunks:
            with storage.open(chunk.name, "rb") as source:
                out.write(source.read())


def _transcode_part(source: Path, target: Path, *, on_seconds: Callable[[float], None]) -> None:
    """One part to a normalised MP4 segment (silence added when the part has no sound)."""
    has_video, has_audio, _ = _probe(source)
    if not has_video:
        raise RecordingMediaError("A part of the recording has no video.")
    scale = (f"scale={WIDTH}:{HEIGHT}:force_original_aspect_ratio=decrease,"
             f"pad={WIDTH}:{HEIGHT}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={FPS},format=yuv420p")
    command = [_ffmpeg(), "-hide_banner", "-loglevel", "error", "-y", "-fflags", "+genpts", "-i", str(source)]
    if not has_audio:
        command += ["-f", "lavfi", "-i", "anullsrc=channel_layout=stereo:sample_rate=48000"]
    command += ["-map", "0:v:0", "-map", "0:a:0" if has_audio else "1:a:0", "-vf", scale,
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-g", str(FPS * 4),
                "-c:a", "aac", "-b:a", "96k", "-ar", "48000", "-ac", "2", "-shortest",
                "-progress", "pipe:1", "-nostats", str(target)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(b"out_time_us="):
            value = line.split(b"=", 1)[1].strip()
            if value.isdigit():
                on_seconds(int(value) / 1_000_000)
    _, errors = process.communicate(timeout=TRANSCODE_TIMEOUT_SECONDS)
    if process.returncode != 0:
        logger.warning("ffmpeg failed on %s: %s", source.name, errors[-2000:].decode(errors="replace"))
        raise RecordingMediaError("The recording could not be converted to a video.")


def _finish(parts: list[Path], folder: Path) -> tuple[Path, Path, Path, float]:
    """Join the segments into one faststart MP4, and cut the audio track and a thumbnail from it."""
    video, audio, thumbnail = folder / "recording.mp4", folder / "audio.m4a", folder / "thumbnail.jpg"
    listing = folder / "parts.txt"
    listing.write_text("".join(f"file '{part.name}'\n" for part in parts))
    run = [_ffmpeg(), "-hide_banner", "-loglevel", "error", "-y"]
    subprocess.run([*run, "-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy",
                    "-movflags", "+faststart", str(video)], check=True, timeout=TRANSCODE_TIMEOUT_SECONDS,
                   capture_output=True)
    _, _, duration = _probe(video)
    seconds = duration or 0.0
    subprocess.run([*run, "-i", str(video), "-vn", "-c:a", "copy", "-movflags", "+faststart", str(audio)],
                   check=True, timeout=TRANSCODE_TIMEOUT_SECONDS, capture_output=True)
    subprocess.run([*run, "-ss", f"{min(5.0, seconds / 3):.2f}", "-i", str(video), "-frames:v", "1",
                    "-vf", "scale=640:-2", "-q:v", "4", str(thumbnail)], check=True, timeout=600,
                   capture_output=True)
    return video, audio, thumbnail, seconds


def _store(path: Path, name: str) -> str:
    with path.open("rb") as file:
        return private_storage().save(name, File(file))


def _set_progress(recording_id: str, percent: int) -> None:
    Recording.objects.filter(id=recording_id, status=RecordingStatus.PROCESSING).update(progress=percent)


def recording_transcode(*, recording_id: str) -> Recording | None:
    """Make the MP4, audio track and thumbnail of a stopped recording; mark it ready (or failed)."""
    recording = Recording.objects.filter(id=recording_id).select_related("session").first()
    if recording is None or recording.status != RecordingStatus.PROCESSING:
        return recording  # deleted, still recording, or already done
    parts = _usable_chunks(list(recording.chunks.order_by("part", "index")))
    if not parts:
        return _fail(recording, "No video reached the server before the recording stopped.")
    expected = max(1.0, ((recording.stopped_at or timezone.now()) - recording.started_at).total_seconds())
    done_seconds, last_report = 0.0, 0.0
    try:
        with tempfile.TemporaryDirectory(prefix="recording-") as tmp:
            folder = Path(tmp)
            segments = []
            for number, chunks in enumerate(parts):
                source, segment = folder / f"part-{number}.webm", folder / f"segment-{number}.mp4"
                _join_part(chunks, source)

                def report(seconds: float, base: float = done_seconds) -> None:
                    nonlocal last_report
                    if time.monotonic() - last_report >= 1:
                        last_report = time.monotonic()
                        _set_progress(recording_id, min(95, int((base + seconds) * 95 / expected)))

                _transcode_part(source, segment, on_seconds=report)
                done_seconds += _probe(segment)[2] or 0.0
                segments.append(segment)
                source.unlink()
            video, audio, thumbnail, seconds = _finish(segments, folder)
            prefix = f"recordings/{recording.id}/"
            names = (_store(video, prefix + "recording.mp4"), _store(audio, prefix + "audio.m4a"),
                     _store(thumbnail, prefix + "thumbnail.jpg"))
            size = video.stat().st_size
    except (RecordingMediaError, subprocess.SubprocessError) as error:
        message = str(error) if isinstance(error, RecordingMediaError) else "The video could not be processed."
        return _fail(recording, message)
    return _ready(recording, names=names, size=size, seconds=seconds)


@transaction.atomic
def _ready(recording: Recording, *, names: tuple[str, str, str], size: int, seconds: float) -> Recording:
    current = Recording.objects.select_for_update().filter(id=recording.id).first()
    if current is None or current.status != RecordingStatus.PROCESSING:
        transaction.on_commit(lambda: private_files_delete(*names))
        return current or recording
    # Files of an earlier run that crashed after storing are replaced; the chunks are no longer needed.
    old = [name for name in (current.video_name, current.audio_name, current.thumbnail_name) if name]
    chunk_names = list(current.chunks.values_list("name", flat=True))
    current.video_name, current.audio_name, current.thumbnail_name = names
    current.video_size, current.duration_seconds = size, round(seconds, 2)
    current.status, current.progress, current.error = RecordingStatus.READY, 100, ""
    current.save()
    current.chunks.all().delete()
    event_append(session=current.session, type="recording.ready",
                 payload={"recording_id": str(current.id), "status": current.status})
    transaction.on_commit(lambda: private_files_delete(*old, *chunk_names))
    return current


@transaction.atomic
def _fail(recording: Recording, message: str) -> Recording:
    current = Recording.objects.select_for_update().filter(id=recording.id).first()
    if current is None or current.status != RecordingStatus.PROCESSING:
        return current or recording
    current.status, current.error = RecordingStatus.FAILED, message[:300]
    current.save(update_fields=["status", "error", "updated_at"])
    event_append(session=current.session, type="recording.ready",
                 payload={"recording_id": str(current.id), "status": current.status})
    return current
