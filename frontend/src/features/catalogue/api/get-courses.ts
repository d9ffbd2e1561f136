import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { CourseFilters } from '@/api/types'
import { unwrap } from '@/lib/errors'

export type { CourseFilters }

/** The server pages the catalogue 12 at a time. */
export const COURSES_PAGE_SIZE = 12

function toQuery(filters: CourseFilters): CourseFilters {
  const query: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue
    if (key === 'page' && value === 1) continue
    query[key] = value
  }
  return query
}

/** `GET /courses?search=&category=&level=&language=&price=&price_min=&price_max=&rating_min=&sort=&page=`. */
export function getCourses(filters: CourseFilters, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/courses', { params: { query: toQuery(filters) }, signal }))
}

export const coursesQueryOptions = (filters: CourseFilters) =>
  queryOptions({
    queryKey: ['courses', 'list', toQuery(filters)],
    queryFn: ({ signal }) => getCourses(filters, signal),
    placeholderData: keepPreviousData,
  })

export function useCourses(filters: CourseFilters) {
  return useQuery(coursesQueryOptions(filters))
}
