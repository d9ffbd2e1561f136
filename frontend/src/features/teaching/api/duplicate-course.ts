import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses/{slug}/duplicate`: a new draft copy (syllabus and resources, no students). */
export function duplicateCourse(slug: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/duplicate', { params: { path: { slug } } }))
}

export function useDuplicateCourse(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: () => duplicateCourse(slug), onSuccess: (course) => cache.store(course) })
}
