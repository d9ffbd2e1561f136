import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

const QUIZ_CODES = ['attempts_exhausted', 'time_up', 'attempt_submitted', 'invalid_answers', 'not_enrolled'] as const
type QuizCode = (typeof QUIZ_CODES)[number]

function isQuizCode(code: string): code is QuizCode {
  return (QUIZ_CODES as readonly string[]).includes(code)
}

/** The translated sentence for a quiz API error; other errors as everywhere else. */
export function quizErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isQuizCode(error.code)) return t(`quizzes.errors.${error.code}`)
  return errorMessage(t, error)
}
