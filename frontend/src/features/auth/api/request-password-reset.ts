import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `POST /auth/password/reset`: e-mails a reset link if the account exists. */
export function requestPasswordReset(email: string) {
  return unwrap(apiClient.POST('/api/v1/auth/password/reset', { body: { email } }))
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset })
}
