import type { TFunction } from 'i18next'

import { isApiError } from './errors'

const KNOWN_CODES = [
  'network_error',
  'server_error',
  'invalid_credentials',
  'email_not_verified',
  'invalid_token',
  'not_found',
  'permission_denied',
  'not_authenticated',
  'file_too_large',
  'invalid_image',
  'extension_mismatch',
  'not_enrolled',
  'payment_required',
  'course_has_students',
  'course_incomplete',
] as const

type KnownCode = (typeof KNOWN_CODES)[number]

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code)
}

/**
 * A translated sentence for any error thrown by an API call. Validation errors
 * fall back to the server's own message, which the back end localises.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic')
  if (error.code === 'throttled' || error.code === 'login_locked') {
    if (error.retryAfter === null) return t('errors.throttledSoon')
    return error.code === 'login_locked'
      ? t('errors.login_locked', { count: error.retryAfter })
      : t('errors.throttled', { count: error.retryAfter })
  }
  if (isKnownCode(error.code)) return t(`errors.${error.code}`)
  if (error.code === 'validation_error') {
    return Object.keys(error.fields).length > 0 ? t('validation.checkFields') : error.message
  }
  return error.message || t('errors.generic')
}
