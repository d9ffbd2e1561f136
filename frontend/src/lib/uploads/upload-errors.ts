import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

const UPLOAD_CODES = ['file_too_large', 'unsupported_type', 'type_mismatch', 'empty_file'] as const

/** A sentence for a failed course-file upload (the shared messages speak of photos). */
export function uploadErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const code = UPLOAD_CODES.find((known) => known === error.code)
    if (code) return t(`uploads.errors.${code}`)
  }
  return errorMessage(t, error)
}
