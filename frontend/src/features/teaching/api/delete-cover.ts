import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `DELETE /courses/{slug}/cover`. */
export function deleteCover(slug: string) {
  return unwrap(apiClient.DELETE('/api/v1/courses/{slug}/cover', { params: { path: { slug } } }))
}

export function useDeleteCover(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: () => deleteCover(slug),
    onSuccess: (course) => (course ? cache.store(course) : cache.refresh(slug)),
  })
}
