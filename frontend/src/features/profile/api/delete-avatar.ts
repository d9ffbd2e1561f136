import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { updateSessionUser } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'

/** `DELETE /me/avatar`. */
export function deleteAvatar() {
  return unwrap(apiClient.DELETE('/api/v1/me/avatar'))
}

export function useDeleteAvatar() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteAvatar,
    onSuccess: (user) => {
      queryClient.setQueryData(sharedQueryKeys.me, user)
      updateSessionUser(user)
    },
  })
}
