"""The demo's past class gets a real recording: a WebM made the way the tutor's browser makes one (the
board as the equation is worked, the tutor's camera tile, the narration), uploaded in chunks and turned
into an MP4 by the same code as every recording. Safe to run again: a class with a recording is left alone."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import imageio_ffmpeg
from PIL import Image, ImageDraw, ImageFont

from ustad.classroom.demo import PAST_TITLE
from ustad.classroom.models import LiveSession, Recording, RecordingStatus
from ustad.classroom.services.recording import recording_chunk_store
from ustad.classroom.services.recording_media import recording_transcode
from ustad.courses.demo_media import FONT, FONT_BOLD, SPEECH

STEPS = ["2x + 3 = 11", "2x = 11 − 3 = 8", "x = 8 ÷ 2 = 4"]
CHUNK_BYTES = 64 * 1024


def _frame(path: Path, step: int, tutor_initials: str) -> None:
    image = Image.new("RGB", (1280, 720), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((60, 40), "Solving linear equations", font=ImageFont.truetype(str(FONT_BOLD), 48), fill=(20, 83, 45))
    for index, line in enumerate(STEPS[:step + 1]):
        draw.text((120, 170 + index * 120), line, font=ImageFont.truetype(str(FONT), 72), fill=(30, 41, 59))
    draw.rounded_rectangle([960, 500, 1240, 690], radius=16, fill=(30, 41, 59))  # the tutor's camera tile
    draw.text((1060, 560), tutor_initials, font=ImageFont.truetype(str(FONT_BOLD), 56), fill=(255, 255, 255))
    image.save(path)


def _class_webm(folder: Path, tutor_initials: str) -> bytes:
    for step in range(len(STEPS)):
        _frame(folder / f"step-{step + 1}.png", step, tutor_initials)
    out = folder / "class.webm"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y",
                    "-framerate", "1/7", "-i", str(folder / "step-%d.png"), "-i", str(SPEECH),
                    "-vf", "fps=10,format=yuv420p", "-c:v", "libvpx", "-b:v", "300k", "-deadline", "realtime",
                    "-c:a", "libopus", "-b:a", "32k", "-shortest", str(out)], check=True, timeout=300)
    return out.read_bytes()


def load_demo_recording(*, log: Callable[[str], None] = lambda line: None) -> bool:
    session = LiveSession.objects.filter(title=PAST_TITLE).select_related("owner", "course").first()
    if session is None or Recording.objects.filter(session=session).exists():
        return False
    started = session.started_at or session.starts_at
    recording = Recording.objects.create(session=session, course=session.course, started_by=session.owner,
                                         title=session.title, started_at=started + timedelta(minutes=1))
    owner = session.owner
    initials = "".join(word[0] for word in owner.full_name.split()[:2]).upper() or "T"
    with tempfile.TemporaryDirectory(prefix="demo-recording-") as tmp:
        data = _class_webm(Path(tmp), initials)
    for index, start in enumerate(range(0, len(data), CHUNK_BYTES)):
        recording_chunk_store(recording=recording, part=0, index=index, data=data[start:start + CHUNK_BYTES])
    Recording.objects.filter(id=recording.id).update(status=RecordingStatus.PROCESSING,
                                                     stopped_at=recording.started_at + timedelta(seconds=21))
    done = recording_transcode(recording_id=str(recording.id))
    log(f"recording of “{session.title}”: {done.status if done else 'gone'}")
    return done is not None and done.status == RecordingStatus.READY
