import type { TFunction } from 'i18next'

import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

/** The fields of a hand-in the form shows errors beside; the rest go above the button. */
export const TEXT_FIELDS = ['text'] as const
export const FILE_FIELDS = ['files', 'upload_ids', 'upload_id'] as const

/** Whether the server had already taken this hand-in's uploads, so they must be sent again. */
export function needsFreshUploads(error: unknown): boolean {
  return isApiError(error) && (error.code === 'upload_claimed' || error.code === 'upload_not_complete')
}

/** A sentence for a refused hand-in, from the server's error code. */
export function submitErrorText(t: TFunction, error: unknown, kinds: string): string {
  if (isApiError(error)) {
    if (error.code === 'past_due' || error.code === 'deadline_passed') return t('assignments.errors.past_due')
    if (error.code === 'not_enrolled') return t('assignments.errors.not_enrolled')
    if (needsFreshUploads(error)) return t('assignments.errors.upload_claimed')
    if (error.code === 'unsupported_type') return t('assignments.errors.unsupported_type', { kinds })
  }
  return errorMessage(t, error)
}
