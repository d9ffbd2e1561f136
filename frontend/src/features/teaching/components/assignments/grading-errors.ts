import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

/** The app's messages, plus the error codes only assignments and grading answer with. */
export function gradingErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'assignment_has_submissions') return t('grading.errors.hasSubmissions')
    if (error.code === 'not_graded') return t('grading.errors.notGraded')
  }
  return errorMessage(t, error)
}
