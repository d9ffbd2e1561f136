import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

const FILE_CODES = [
  'file_too_large',
  'unsupported_type',
  'type_mismatch',
  'empty_file',
  'too_many_uploads',
  'storage_full',
] as const

/** A sentence for one file the server refused, naming the file and what is allowed. */
export function uploadErrorText(t: TFunction, error: unknown, name: string, kinds: string): string {
  if (isApiError(error)) {
    const code = FILE_CODES.find((known) => known === error.code)
    if (code) return t(`assignments.errors.file.${code}`, { name, kinds })
  }
  return errorMessage(t, error)
}
