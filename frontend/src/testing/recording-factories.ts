import type { Recording } from '@/api/recordings/types'

let seq = 0
const next = () => {
  seq += 1
  return String(seq).padStart(12, '0')
}

/** A ready 25-minute recording of a course's class, with its signed links. */
export function buildRecording(overrides: Partial<Recording> = {}): Recording {
  const id = overrides.id ?? `7ec00000-0000-4000-8000-${next()}`
  return {
    id,
    session_id: 'c1a55000-0000-4000-8000-000000000001',
    course: { slug: 'o-level-algebra', title: 'O Level Algebra' },
    title: 'Algebra live',
    status: 'ready',
    started_at: '2026-12-04T12:02:00Z',
    started_by: '9e3f1a20-6c4d-4f7b-8a21-5d0c7b3e2f10',
    stopped_at: '2026-12-04T12:27:00Z',
    duration_seconds: 1500.4,
    progress: 100,
    error: '',
    size: 48_000_000,
    lesson_id: null,
    video_url: `https://media.example.pk/recordings/${id}.mp4?sig=abc`,
    audio_url: `https://media.example.pk/recordings/${id}.m4a?sig=abc`,
    thumbnail_url: `https://media.example.pk/recordings/${id}.jpg?sig=abc`,
    download_url: `https://media.example.pk/recordings/${id}.mp4?sig=abc&download=1`,
    ...overrides,
  }
}

/** Processing: no links yet, `progress` percent done. */
export function buildProcessingRecording(progress: number, overrides: Partial<Recording> = {}): Recording {
  return buildRecording({
    status: 'processing',
    progress,
    duration_seconds: null,
    size: null,
    video_url: null,
    audio_url: null,
    thumbnail_url: null,
    download_url: null,
    ...overrides,
  })
}
