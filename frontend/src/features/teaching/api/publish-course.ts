import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses/{slug}/publish`: 400 `course_incomplete` lists what is missing in `fields`. */
export function publishCourse(slug: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/publish', { params: { path: { slug } } }))
}

export function usePublishCourse(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: () => publishCourse(slug), onSuccess: (course) => cache.store(course, slug) })
}
