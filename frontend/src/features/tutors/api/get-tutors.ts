import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** The server pages the directory 12 at a time. */
export const TUTORS_PAGE_SIZE = 12

export interface TutorFilters {
  subject?: string | undefined
  search?: string | undefined
  page?: number | undefined
}

function toQuery({ subject, search, page }: TutorFilters) {
  return {
    ...(subject ? { subject } : {}),
    ...(search ? { search } : {}),
    ...(page && page > 1 ? { page } : {}),
  }
}

/** `GET /tutors?subject=&search=&page=`. */
export function getTutors(filters: TutorFilters, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/tutors', { params: { query: toQuery(filters) }, signal }))
}

export const tutorsQueryOptions = (filters: TutorFilters) =>
  queryOptions({
    queryKey: ['tutors', 'list', toQuery(filters)],
    queryFn: ({ signal }) => getTutors(filters, signal),
    placeholderData: keepPreviousData,
  })

export function useTutors(filters: TutorFilters) {
  return useQuery(tutorsQueryOptions(filters))
}
