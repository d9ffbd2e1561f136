import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** A class's worth of work on one page, so a tutor can grade straight through it. */
export const SUBMISSIONS_PAGE_SIZE = 50

/** `GET /assignments/{id}/submissions?page=`: everyone's latest hand-in, by student name. */
export function getSubmissions(assignmentId: string, page: number, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/assignments/{id}/submissions', {
      params: { path: { id: assignmentId }, query: { page, page_size: SUBMISSIONS_PAGE_SIZE } },
      signal,
    }),
  )
}

export const submissionsQueryOptions = (assignmentId: string, page: number) =>
  queryOptions({
    queryKey: [...gradingKeys.submissions(assignmentId), page],
    queryFn: ({ signal }) => getSubmissions(assignmentId, page, signal),
    placeholderData: keepPreviousData,
  })

export function useSubmissions(assignmentId: string, page: number) {
  return useQuery(submissionsQueryOptions(assignmentId, page))
}
