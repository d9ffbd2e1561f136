import { useMutation, useQueryClient } from '@tanstack/react-query'

import { logout } from '@/lib/auth/session-store'

/** `POST /auth/logout`, then forgets the session and every cached query. */
export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear()
    },
  })
}
