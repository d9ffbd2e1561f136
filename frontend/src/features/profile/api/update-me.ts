import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { MeUpdateBody } from '@/api/types'
import { updateSessionUser } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'

/** `PATCH /me`: any subset of the editable fields, `tutor_profile` for tutors. */
export function updateMe(body: MeUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/me', { body }))
}

export function useUpdateMe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => {
      queryClient.setQueryData(sharedQueryKeys.me, user)
      updateSessionUser(user)
    },
  })
}
