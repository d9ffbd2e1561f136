import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `GET /submissions/{id}`: one student's work with its grade, as the tutor sees it. */
export function getSubmission(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/submissions/{id}', { params: { path: { id } }, signal }))
}

export const submissionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: gradingKeys.submission(id),
    queryFn: ({ signal }) => getSubmission(id, signal),
  })

export function useSubmission(id: string) {
  return useQuery(submissionQueryOptions(id))
}
