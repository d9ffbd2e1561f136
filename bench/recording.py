"""How long the media queue takes to turn a class recording into its MP4, per minute of class.

Usage: python bench/recording.py [--minutes 1,5] [--fps 25]
For each length it makes a WebM like the tutor's browser records (1280×720 VP8 at --fps with moving
content, Opus sound), then times what `recording_process` does with it: joining the chunks is a file
concatenation, so the figure is the transcode to H.264/AAC, the faststart join, the audio track and the
thumbnail (the same functions, on this machine's cores). Prints seconds and seconds per class minute.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402
import imageio_ffmpeg  # noqa: E402

django.setup()

from ustad.classroom.services.recording_media import _finish, _probe, _transcode_part  # noqa: E402


def class_webm(folder: Path, minutes: float, fps: int) -> Path:
    """A screen-share-like recording: a moving test pattern with a clock, and a tone."""
    out = folder / f"class-{minutes}.webm"
    seconds = str(int(minutes * 60))
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate={fps}",
                    "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000",
                    "-t", seconds, "-c:v", "libvpx", "-b:v", "1500k", "-deadline", "realtime", "-cpu-used", "8",
                    "-c:a", "libopus", "-b:a", "64k", str(out)], check=True)
    return out


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", default="1,5")
    parser.add_argument("--fps", type=int, default=25)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; ffmpeg: {imageio_ffmpeg.get_ffmpeg_version()}")
    print(f"{'class':>8} {'input MB':>9} {'wall s':>7} {'s per min':>10} {'CPU s':>7} {'MP4 MB':>7}")
    for minutes in (float(value) for value in args.minutes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-recording-") as tmp:
            folder = Path(tmp)
            source = class_webm(folder, minutes, args.fps)
            cpu_before, started = children_cpu(), time.perf_counter()
            segment = folder / "segment-0.mp4"
            _transcode_part(source, segment, on_seconds=lambda seconds: None)
            video, _, _, seconds = _finish([segment], folder)
            wall, cpu = time.perf_counter() - started, children_cpu() - cpu_before
            assert abs(seconds - minutes * 60) < 2, (seconds, _probe(video))
            print(f"{minutes:>6.1f} m {source.stat().st_size / 2**20:>9.1f} {wall:>7.1f} {wall / minutes:>10.1f} "
                  f"{cpu:>7.1f} {video.stat().st_size / 2**20:>7.1f}")


if __name__ == "__main__":
    main()
