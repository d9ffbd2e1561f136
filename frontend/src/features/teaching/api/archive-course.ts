import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses/{slug}/archive`: hidden from the catalogue; students keep access. */
export function archiveCourse(slug: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/archive', { params: { path: { slug } } }))
}

export function useArchiveCourse(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: () => archiveCourse(slug), onSuccess: (course) => cache.store(course, slug) })
}
