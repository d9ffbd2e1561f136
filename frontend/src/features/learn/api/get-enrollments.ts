import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

export const ENROLLMENTS_PAGE_SIZE = 12

/** `GET /me/enrollments?page=`: the student's courses with their progress. */
export function getEnrollments(page: number, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/me/enrollments', { params: { query: page > 1 ? { page } : {} }, signal }))
}

export const enrollmentsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...sharedQueryKeys.enrollments, page],
    queryFn: ({ signal }) => getEnrollments(page, signal),
    placeholderData: keepPreviousData,
  })

export function useEnrollments(page: number) {
  return useQuery(enrollmentsQueryOptions(page))
}
