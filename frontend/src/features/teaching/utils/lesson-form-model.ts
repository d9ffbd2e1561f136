import type { Lesson, LessonKind, LessonUpdateBody } from '@/api/types'

export const LESSON_KINDS: readonly LessonKind[] = ['video', 'article', 'resources', 'quiz', 'assignment', 'live']

export interface LessonFormValues {
  title: string
  kind: LessonKind
  is_preview: boolean
  body: string
  duration: string
  live_url: string
}

export type LessonFormField = keyof LessonFormValues
export type LessonFormErrors = Partial<Record<LessonFormField, string>>

/** 750 → "12:30", 600 → "10", 0 → "". */
export function durationText(seconds: number): string {
  if (!seconds) return ''
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes}:${String(rest).padStart(2, '0')}` : String(minutes)
}

/** "12" → 720, "12:30" → 750, "" → 0; null when it can't be read. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})(?::([0-5]\d))?$/.exec(text.trim())
  if (!text.trim()) return 0
  if (!match) return null
  return Number(match[1]) * 60 + Number(match[2] ?? 0)
}

export function lessonValues(lesson: Lesson): LessonFormValues {
  return {
    title: lesson.title,
    kind: lesson.kind,
    is_preview: lesson.is_preview,
    body: lesson.body ?? '',
    duration: durationText(lesson.duration_seconds),
    live_url: lesson.live_url,
  }
}

export function validateLesson(
  values: LessonFormValues,
  messages: { title: string; duration: string; liveUrl: string },
): LessonFormErrors {
  const errors: LessonFormErrors = {}
  if (!values.title.trim()) errors.title = messages.title
  if (parseDuration(values.duration) === null) errors.duration = messages.duration
  if (values.kind === 'live' && !values.live_url.trim()) errors.live_url = messages.liveUrl
  return errors
}

export function toLessonBody(values: LessonFormValues): LessonUpdateBody {
  return {
    title: values.title.trim(),
    kind: values.kind,
    is_preview: values.is_preview,
    body: values.body,
    duration_seconds: parseDuration(values.duration) ?? 0,
    live_url: values.live_url.trim(),
  }
}
