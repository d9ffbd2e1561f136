import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { LessonCreateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `POST /sections/{id}/lessons {title, kind, …}`: added at the end of the section. */
export function createLesson(sectionId: string, body: LessonCreateBody) {
  return unwrap(apiClient.POST('/api/v1/sections/{id}/lessons', { params: { path: { id: sectionId } }, body }))
}

export function useCreateLesson(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: ({ sectionId, body }: { sectionId: string; body: LessonCreateBody }) => createLesson(sectionId, body),
    onSuccess: () => cache.refresh(slug),
  })
}
