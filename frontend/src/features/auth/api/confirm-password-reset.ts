import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { PasswordResetConfirmBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/** `POST /auth/password/reset/confirm`: sets the new password and signs out every device. */
export function confirmPasswordReset(body: PasswordResetConfirmBody) {
  return unwrap(apiClient.POST('/api/v1/auth/password/reset/confirm', { body }))
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset })
}
