import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { CourseResource } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `DELETE /resources/{id}`. */
export function deleteResource(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/resources/{id}', { params: { path: { id } } }))
}

export function useDeleteResource(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: (resource: CourseResource) => deleteResource(resource.id),
    onSuccess: (_data, resource) => cache.refreshResources(slug, resource.lesson_id),
  })
}
