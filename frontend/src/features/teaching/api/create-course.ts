import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { CourseCreateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses`: a new draft (tutors only); the slug comes from the title. */
export function createCourse(body: CourseCreateBody) {
  return unwrap(apiClient.POST('/api/v1/courses', { body }))
}

export function useCreateCourse() {
  const cache = useCourseCache()
  return useMutation({ mutationFn: createCourse, onSuccess: (course) => cache.store(course) })
}
