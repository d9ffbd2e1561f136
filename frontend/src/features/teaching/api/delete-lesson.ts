import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `DELETE /lessons/{id}`. */
export function deleteLesson(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/lessons/{id}', { params: { path: { id } } }))
}

export function useDeleteLesson(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: deleteLesson, onSuccess: () => cache.refresh(slug) })
}
