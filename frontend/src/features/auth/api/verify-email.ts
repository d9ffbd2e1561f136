import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `POST /auth/verify-email`. */
export function verifyEmail(token: string) {
  return unwrap(apiClient.POST('/api/v1/auth/verify-email', { body: { token } }))
}

/**
 * Verification runs as a query keyed by the token so it happens exactly once
 * per page (a token is single use), however often the page renders.
 */
export const verifyEmailQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'verify-email', token],
    queryFn: () => verifyEmail(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })

export function useVerifyEmail(token: string | null) {
  return useQuery({ ...verifyEmailQueryOptions(token ?? ''), enabled: Boolean(token) })
}
