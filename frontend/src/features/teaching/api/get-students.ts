import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { teachingKeys } from '../utils/course-cache'

export const STUDENTS_PAGE_SIZE = 12

/** `GET /courses/{slug}/students?page=`: who is enrolled and how far they are. */
export function getStudents(slug: string, page: number, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/courses/{slug}/students', {
      params: { path: { slug }, query: page > 1 ? { page } : {} },
      signal,
    }),
  )
}

export const studentsQueryOptions = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...teachingKeys.students(slug), page],
    queryFn: ({ signal }) => getStudents(slug, page, signal),
    placeholderData: keepPreviousData,
  })

export function useStudents(slug: string, page: number) {
  return useQuery(studentsQueryOptions(slug, page))
}
