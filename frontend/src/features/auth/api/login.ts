import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { LoginBody } from '@/api/types'
import { startSession } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'

/** `POST /auth/login`: returns the access token and user; the refresh cookie is set by the server. */
export function login(body: LoginBody) {
  return unwrap(apiClient.POST('/api/v1/auth/login', { body }))
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.setQueryData(sharedQueryKeys.me, session.user)
      startSession(session)
    },
  })
}
