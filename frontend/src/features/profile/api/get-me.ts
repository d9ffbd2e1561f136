import { queryOptions, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { updateSessionUser } from '@/lib/auth/session-store'
import { unwrap } from '@/lib/errors'

/** `GET /me`: the signed-in account with its tutor profile. */
export function getMe(signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/me', { signal }))
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: sharedQueryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
  })

/** The account, kept in step with the session's cached user (header, language…). */
export function useMe() {
  const query = useQuery(meQueryOptions())
  const user = query.data
  useEffect(() => {
    if (user) updateSessionUser(user)
  }, [user])
  return query
}
