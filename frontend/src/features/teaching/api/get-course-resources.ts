import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { teachingKeys } from '../utils/course-cache'

/** `GET /courses/{slug}/resources`: every file of the course (its tutors only). */
export function getCourseResources(slug: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}/resources', { params: { path: { slug } }, signal }))
}

export const courseResourcesQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: teachingKeys.resources(slug),
    queryFn: ({ signal }) => getCourseResources(slug, signal),
  })

export function useCourseResources(slug: string) {
  return useQuery(courseResourcesQueryOptions(slug))
}
