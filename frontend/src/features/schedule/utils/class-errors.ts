import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

const CLASS_CODES = ['session_closed', 'session_full', 'no_course', 'not_enrolled'] as const
type ClassCode = (typeof CLASS_CODES)[number]

function isClassCode(code: string): code is ClassCode {
  return (CLASS_CODES as readonly string[]).includes(code)
}

/** A translated sentence for a failed scheduling call, with the codes only classes answer. */
export function classErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isClassCode(error.code)) return t(`schedule.errors.${error.code}`)
  return errorMessage(t, error)
}
