import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `DELETE /sections/{id}`: with its lessons. */
export function deleteSection(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/sections/{id}', { params: { path: { id } } }))
}

export function useDeleteSection(slug: string) {
  const cache = useCourseCache()
  return useMutation({ mutationFn: deleteSection, onSuccess: () => cache.refresh(slug) })
}
