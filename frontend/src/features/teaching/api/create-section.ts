import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /courses/{slug}/sections {title}`: added at the end. */
export function createSection(slug: string, title: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/sections', { params: { path: { slug } }, body: { title } }))
}

export function useCreateSection(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: (title: string) => createSection(slug, title), onSuccess: () => cache.refresh(slug) })
}
