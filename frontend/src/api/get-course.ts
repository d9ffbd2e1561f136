import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from './client'
import { sharedQueryKeys } from './query-keys'
import type { CourseDetail } from './types'

/**
 * `GET /courses/{slug}`: the course page, the lesson player's syllabus and the
 * course builder all read it, so it lives here rather than in one feature.
 */
export function getCourse(slug: string, signal?: AbortSignal): Promise<CourseDetail> {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}', { params: { path: { slug } }, signal }))
}

export const courseQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.course(slug),
    queryFn: ({ signal }) => getCourse(slug, signal),
  })

export function useCourse(slug: string) {
  return useQuery(courseQueryOptions(slug))
}
