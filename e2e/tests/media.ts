import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const PYTHON = join(ROOT, '.venv', 'bin', 'python');

export interface CourseFiles {
  cover: string;
  slides: string;
  video: string;
}

/**
 * Real files a tutor would upload: a cover, a slide PDF and a narrated H.264/AAC lecture, made with the
 * same code that builds the demo school (Pillow, fpdf2, and ffmpeg from the imageio-ffmpeg wheel).
 */
export function makeCourseFiles(title: string): CourseFiles {
  const folder = mkdtempSync(join(tmpdir(), 'ustad-e2e-'));
  const script = `
import sys
from pathlib import Path
sys.path.insert(0, ${JSON.stringify(join(ROOT, 'backend'))})
from ustad.courses import demo_media
folder, title = Path(sys.argv[1]), sys.argv[2]
(folder / "cover.jpg").write_bytes(demo_media.cover_image(title, (20, 90, 120)))
(folder / "slides.pdf").write_bytes(demo_media.slides_pdf(title, [("Inside a cell", ["Membrane", "Nucleus"])]))
video, _ = demo_media.lecture_video(title, ["The cell is the unit of life."])
(folder / "lecture.mp4").write_bytes(video)
`;
  execFileSync(PYTHON, ['-c', script, folder, title], { stdio: 'inherit', timeout: 120_000 });
  return { cover: join(folder, 'cover.jpg'), slides: join(folder, 'slides.pdf'), video: join(folder, 'lecture.mp4') };
}
