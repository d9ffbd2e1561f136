import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses/{slug}/restore`: published again if it ever was, else a draft. */
export function restoreCourse(slug: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/restore', { params: { path: { slug } } }))
}

export function useRestoreCourse(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: () => restoreCourse(slug), onSuccess: (course) => cache.store(course, slug) })
}
