import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { CourseUpdateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `PATCH /courses/{slug}`: any editable field, `slug` included. */
export function updateCourse(slug: string, body: CourseUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/courses/{slug}', { params: { path: { slug } }, body }))
}

export function useUpdateCourse(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: (body: CourseUpdateBody) => updateCourse(slug, body),
    onSuccess: (course) => cache.store(course, slug),
  })
}
