import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** Shorter searches match too much of the directory to be useful. */
export const MIN_TUTOR_SEARCH = 2

/** `GET /tutors?search=`: the public tutor directory, first page only. */
export function searchTutors(search: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/tutors', { params: { query: { search } }, signal }))
}

export const tutorSearchQueryOptions = (search: string) =>
  queryOptions({
    queryKey: ['tutors', 'list', { search }],
    queryFn: ({ signal }) => searchTutors(search, signal),
    placeholderData: keepPreviousData,
    enabled: search.length >= MIN_TUTOR_SEARCH,
  })

export function useTutorSearch(search: string) {
  return useQuery(tutorSearchQueryOptions(search))
}
