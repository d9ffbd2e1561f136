import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { teachingKeys } from '../utils/course-cache'

export const TEACHING_PAGE_SIZE = 12

/** `GET /teaching/courses`: courses the caller owns or co-teaches, in every status. */
export function getTeachingCourses(page: number, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/teaching/courses', { params: { query: page > 1 ? { page } : {} }, signal }))
}

export const teachingCoursesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...teachingKeys.list, page],
    queryFn: ({ signal }) => getTeachingCourses(page, signal),
    placeholderData: keepPreviousData,
  })

export function useTeachingCourses(page: number) {
  return useQuery(teachingCoursesQueryOptions(page))
}
