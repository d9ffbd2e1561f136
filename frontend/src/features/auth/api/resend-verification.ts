import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `POST /auth/verify-email/resend`: same answer whether or not the e-mail exists. */
export function resendVerification(email: string) {
  return unwrap(apiClient.POST('/api/v1/auth/verify-email/resend', { body: { email } }))
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification })
}
