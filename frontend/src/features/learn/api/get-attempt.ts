import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

export const attemptKey = (attemptId: string) => ['attempts', attemptId] as const

/**
 * `GET /attempts/{id}`: an attempt with its questions and saved answers; once submitted, also
 * its score, per-question results and the correct answers. An open attempt past its deadline
 * is graded by this very request.
 */
export function getAttempt(attemptId: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/attempts/{id}', { params: { path: { id: attemptId } }, signal }))
}

export const attemptQueryOptions = (attemptId: string) =>
  queryOptions({
    queryKey: attemptKey(attemptId),
    queryFn: ({ signal }) => getAttempt(attemptId, signal),
  })

export function useAttempt(attemptId: string) {
  return useQuery(attemptQueryOptions(attemptId))
}
