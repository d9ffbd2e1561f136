import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `PATCH /sections/{id} {title}`. */
export function updateSection(id: string, title: string) {
  return unwrap(apiClient.PATCH('/api/v1/sections/{id}', { params: { path: { id } }, body: { title } }))
}

export function useUpdateSection(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => updateSection(id, title),
    onSuccess: () => cache.refresh(slug),
  })
}
