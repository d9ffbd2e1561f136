import { isApiError, splitFieldErrors } from '@/lib/errors'

/**
 * Server errors for a form: messages on the fields it has, the rest above it. A refusal that names no
 * field but is about one (`insufficient_balance` is about the amount) goes on that field.
 */
export function formErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Record<string, F> = {},
): { fieldErrors: Partial<Record<F, string>>; otherMessages: string[]; handled: boolean } {
  const { fieldErrors, otherMessages } = splitFieldErrors(error, fields)
  const result = fieldErrors as Partial<Record<F, string>>
  if (isApiError(error)) {
    const field = codeFields[error.code]
    if (field && !result[field]) result[field] = error.message
  }
  const handled = Object.keys(result).length > 0 && otherMessages.length === 0
  return { fieldErrors: result, otherMessages, handled }
}
