import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'

import type { PaymentsKey, PaymentsT } from '../i18n'

/** Error codes of the payments API that have their own sentence. */
const CODES = [
  'provider_unavailable',
  'already_enrolled',
  'own_course',
  'free_course',
  'idempotency_conflict',
  'coupon_invalid',
  'mixed_currencies',
  'not_found',
  'subscription_required',
  'payment_mismatch',
] as const

type Code = (typeof CODES)[number]

function isCode(code: string): code is Code {
  return (CODES as readonly string[]).includes(code)
}

/** A translated sentence for a failed payments call. */
export function paymentErrorMessage(t: PaymentsT, error: unknown): string {
  if (isApiError(error) && isCode(error.code)) return t(`payments.errors.${error.code}` satisfies PaymentsKey)
  return errorMessage(t, error)
}

export function errorCode(error: unknown): string | null {
  return isApiError(error) ? error.code : null
}
