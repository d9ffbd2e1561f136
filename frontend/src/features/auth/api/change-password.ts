import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { PasswordChangeBody } from '@/api/types'
import { startSession } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'
import { noteOwnPasswordChange } from '@/lib/realtime/notifications-socket'

/**
 * `POST /auth/password/change`: answers with a fresh session (other devices
 * are signed out), which replaces the in-memory access token.
 */
export function changePassword(body: PasswordChangeBody) {
  return unwrap(apiClient.POST('/api/v1/auth/password/change', { body }))
}

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePassword,
    // Before the request: the server's event can arrive ahead of the HTTP answer.
    onMutate: () => noteOwnPasswordChange(),
    onSuccess: (session) => {
      startSession(session)
      queryClient.setQueryData(sharedQueryKeys.me, session.user)
    },
  })
}
