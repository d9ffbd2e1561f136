import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { Assignment } from '@/api/types'
import { unwrap } from '@/lib/errors'

/** `GET /assignments/{id}`: instructions, deadline, late policy, file rules and rubric. */
export function getAssignment(id: string, signal?: AbortSignal): Promise<Assignment> {
  return unwrap(apiClient.GET('/api/v1/assignments/{id}', { params: { path: { id } }, signal }))
}

export const assignmentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.assignment(id),
    queryFn: ({ signal }) => getAssignment(id, signal),
  })

export function useAssignment(id: string) {
  return useQuery(assignmentQueryOptions(id))
}
