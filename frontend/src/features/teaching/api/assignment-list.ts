import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `GET /courses/{slug}/assignments`: for the course's tutors, drafts included. */
export function getCourseAssignments(slug: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}/assignments', { params: { path: { slug } }, signal }))
}

export const courseAssignmentsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: gradingKeys.courseAssignments(slug),
    queryFn: ({ signal }) => getCourseAssignments(slug, signal),
  })

export function useCourseAssignments(slug: string) {
  return useQuery(courseAssignmentsQueryOptions(slug))
}
