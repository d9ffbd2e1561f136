import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** `GET /sessions/{id}`: the class's times and whether the caller may enter now. */
export function getSession(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}', { params: { path: { id } }, signal }))
}

export const sessionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...sharedQueryKeys.sessions, 'detail', id],
    queryFn: ({ signal }) => getSession(id, signal),
  })

export function useSession(id: string) {
  return useQuery(sessionQueryOptions(id))
}
