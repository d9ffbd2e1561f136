import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

const QUIZ_CODES = ['quiz_has_attempts', 'quiz_incomplete', 'questions_mismatch'] as const
type QuizCode = (typeof QUIZ_CODES)[number]

function isQuizCode(code: string): code is QuizCode {
  return (QUIZ_CODES as readonly string[]).includes(code)
}

/** A translated sentence for a failed quiz-builder call, explaining the quiz-specific conflicts. */
export function quizErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isQuizCode(error.code)) return t(`quizBuilder.errors.${error.code}`)
  return errorMessage(t, error)
}

/** Whether a failed call is the server's answer with this error code. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return isApiError(error) && error.code === code
}
