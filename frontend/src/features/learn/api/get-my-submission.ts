import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { Submission } from '@/api/types'
import { isApiError, unwrap } from '@/lib/errors'

/** `GET /assignments/{id}/submission`: the caller's own work, or null when nothing is handed in yet (404). */
export async function getMySubmission(assignmentId: string, signal?: AbortSignal): Promise<Submission | null> {
  try {
    return await unwrap(
      apiClient.GET('/api/v1/assignments/{id}/submission', { params: { path: { id: assignmentId } }, signal }),
    )
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null
    throw error
  }
}

/** Under the shared key, so the notifications socket refreshes it when the tutor returns the work. */
export const mySubmissionQueryOptions = (assignmentId: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.mySubmission(assignmentId),
    queryFn: ({ signal }) => getMySubmission(assignmentId, signal),
  })

export function useMySubmission(assignmentId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...mySubmissionQueryOptions(assignmentId), enabled })
}
