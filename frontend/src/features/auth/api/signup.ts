import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { SignupBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/** `POST /auth/signup`: creates the account and e-mails a verification link. */
export function signup(body: SignupBody) {
  return unwrap(apiClient.POST('/api/v1/auth/signup', { body }))
}

export function useSignup() {
  return useMutation({ mutationFn: signup })
}
