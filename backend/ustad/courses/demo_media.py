"""Real media for the demo school, made on this machine: slide PDFs, cover images and a lecture video."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

ASSETS = Path(__file__).resolve().parent / "assets"
FONT = ASSETS / "fonts" / "DejaVuSans.ttf"
FONT_BOLD = ASSETS / "fonts" / "DejaVuSans-Bold.ttf"
SPEECH = ASSETS / "demo" / "lecture-speech.ogg"


def slides_pdf(title: str, slides: list[tuple[str, list[str]]]) -> bytes:
    """A 16:9 slide deck: a title slide, then one slide per (heading, bullets)."""
    pdf = FPDF(orientation="L", unit="mm", format=(190.5, 338.7))
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_fill_color(20, 83, 45)
    pdf.rect(0, 0, 338.7, 190.5, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 40)
    pdf.set_y(70)
    pdf.multi_cell(0, 18, title, align="C")
    for heading, bullets in slides:
        pdf.add_page()
        pdf.set_text_color(20, 83, 45)
        pdf.set_font("DejaVu", "B", 30)
        pdf.set_xy(20, 18)
        pdf.cell(0, 16, heading)
        pdf.set_text_color(30, 41, 59)
        pdf.set_font("DejaVu", "", 20)
        pdf.set_y(50)
        for bullet in bullets:
            pdf.set_x(28)
            pdf.multi_cell(290, 12, f"•  {bullet}")
            pdf.ln(3)
    return bytes(pdf.output())


def cover_image(title: str, colour: tuple[int, int, int]) -> bytes:
    """A 1280×720 cover: a colour field with the course title."""
    image = Image.new("RGB", (1280, 720), colour)
    draw = ImageDraw.Draw(image)
    for y in range(720):  # a gentle vertical gradient
        shade = tuple(max(0, c - y // 12) for c in colour)
        draw.line([(0, y), (1280, y)], fill=shade)
    font = ImageFont.truetype(str(FONT_BOLD), 72)
    words, lines, line = title.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > 1100:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    y = 360 - len(lines) * 45
    for text in lines:
        draw.text((90, y), text, font=font, fill=(255, 255, 255))
        y += 90
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)
    return out.getvalue()


def lecture_video(slide_title: str, lines: list[str]) -> tuple[bytes, int]:
    """An H.264/AAC MP4 of one rendered slide with the committed narration; returns (bytes, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        slide = Path(tmp) / "slide.png"
        image = Image.new("RGB", (1280, 720), (248, 250, 252))
        draw = ImageDraw.Draw(image)
        draw.rectangle([0, 0, 1280, 120], fill=(20, 83, 45))
        draw.text((60, 30), slide_title, font=ImageFont.truetype(str(FONT_BOLD), 52), fill=(255, 255, 255))
        body = ImageFont.truetype(str(FONT), 40)
        for index, text in enumerate(lines):
            draw.text((80, 190 + index * 80), f"•  {text}", font=body, fill=(30, 41, 59))
        image.save(slide)
        video = Path(tmp) / "lecture.mp4"
        command = [
            imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y",
            "-loop", "1", "-framerate", "5", "-i", str(slide), "-i", str(SPEECH),
            "-c:v", "libx264", "-tune", "stillimage", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-r", "5",
            "-c:a", "aac", "-b:a", "64k", "-shortest", "-movflags", "+faststart", str(video),
        ]
        subprocess.run(command, check=True, timeout=300)
        frames, _ = imageio_ffmpeg.count_frames_and_secs(str(video))
        return video.read_bytes(), max(1, round(frames / 5))
