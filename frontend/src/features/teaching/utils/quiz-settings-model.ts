import type { Quiz, QuizCreateBody } from '@/api/types'

import { parseWhole, toAsciiDigits } from './quiz-numbers'

/** The server's limits for a quiz's settings. */
export const QUIZ_LIMITS = {
  titleMax: 160,
  instructionsMax: 10_000,
  timeLimitMinSeconds: 60,
  timeLimitMaxSeconds: 6 * 60 * 60,
  attemptsMax: 20,
} as const

/** What the settings form holds: numbers stay text until saved, so half-typed input is kept as typed. */
export interface QuizSettingsValues {
  title: string
  instructions: string
  /** Minutes; empty for no time limit. */
  timeLimit: string
  attemptsAllowed: string
  passingScore: string
  requiredForCertificate: boolean
  /** A syllabus lesson of kind quiz, or empty. */
  lessonId: string
}

/** Form errors are keyed by the API's field names, so server errors land on the same inputs. */
export const QUIZ_SETTINGS_FIELDS = [
  'title',
  'instructions',
  'time_limit_seconds',
  'attempts_allowed',
  'passing_score_percent',
  'required_for_certificate',
  'lesson_id',
] as const
export type QuizSettingsField = (typeof QUIZ_SETTINGS_FIELDS)[number]

export type QuizSettingsErrorCode =
  | 'titleRequired'
  | 'titleTooLong'
  | 'instructionsTooLong'
  | 'timeLimitInvalid'
  | 'attemptsInvalid'
  | 'passingScoreInvalid'

export type QuizSettingsErrors = Partial<Record<QuizSettingsField, QuizSettingsErrorCode>>

export const NEW_QUIZ_VALUES: QuizSettingsValues = {
  title: '',
  instructions: '',
  timeLimit: '',
  attemptsAllowed: '1',
  passingScore: '60',
  requiredForCertificate: false,
  lessonId: '',
}

export function isQuizSettingsField(key: string): key is QuizSettingsField {
  return (QUIZ_SETTINGS_FIELDS as readonly string[]).includes(key)
}

/** 600 → "10", 90 → "1.5", null → "". */
export function minutesText(seconds: number | null): string {
  if (seconds === null) return ''
  if (seconds % 60 === 0) return String(seconds / 60)
  return String(Number((seconds / 60).toFixed(2)))
}

/** "10" → 600, "" → null (no limit), "abc" or out of range → undefined. */
export function parseTimeLimit(text: string): number | null | undefined {
  const cleaned = toAsciiDigits(text).trim()
  if (cleaned === '') return null
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(cleaned)) return undefined
  const seconds = Math.round(Number(cleaned) * 60)
  return seconds >= QUIZ_LIMITS.timeLimitMinSeconds && seconds <= QUIZ_LIMITS.timeLimitMaxSeconds ? seconds : undefined
}

export function quizSettingsValues(quiz: Quiz): QuizSettingsValues {
  return {
    title: quiz.title,
    instructions: quiz.instructions,
    timeLimit: minutesText(quiz.time_limit_seconds),
    attemptsAllowed: String(quiz.attempts_allowed),
    passingScore: String(quiz.passing_score_percent),
    requiredForCertificate: quiz.required_for_certificate,
    lessonId: quiz.lesson_id ?? '',
  }
}

export function validateQuizSettings(values: QuizSettingsValues): QuizSettingsErrors {
  const errors: QuizSettingsErrors = {}
  const title = values.title.trim()
  if (!title) errors.title = 'titleRequired'
  else if (title.length > QUIZ_LIMITS.titleMax) errors.title = 'titleTooLong'
  if (values.instructions.trim().length > QUIZ_LIMITS.instructionsMax) errors.instructions = 'instructionsTooLong'
  if (parseTimeLimit(values.timeLimit) === undefined) errors.time_limit_seconds = 'timeLimitInvalid'
  if (parseWhole(values.attemptsAllowed, 1, QUIZ_LIMITS.attemptsMax) === null) errors.attempts_allowed = 'attemptsInvalid'
  if (parseWhole(values.passingScore, 0, 100) === null) errors.passing_score_percent = 'passingScoreInvalid'
  return errors
}

/** The body for `POST /courses/{slug}/quizzes` and `PATCH /quizzes/{id}`; call after `validateQuizSettings`. */
export function toQuizBody(values: QuizSettingsValues): QuizCreateBody {
  return {
    title: values.title.trim(),
    instructions: values.instructions.trim(),
    time_limit_seconds: parseTimeLimit(values.timeLimit) ?? null,
    attempts_allowed: parseWhole(values.attemptsAllowed, 1, QUIZ_LIMITS.attemptsMax) ?? 1,
    passing_score_percent: parseWhole(values.passingScore, 0, 100) ?? 0,
    required_for_certificate: values.requiredForCertificate,
    lesson_id: values.lessonId || null,
  }
}
