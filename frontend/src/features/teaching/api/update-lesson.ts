import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { LessonUpdateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useCourseCache } from '../utils/course-cache'

/** `PATCH /lessons/{id}`: title, kind, preview, body, duration, live link. */
export function updateLesson(id: string, body: LessonUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/lessons/{id}', { params: { path: { id } }, body }))
}

export function useUpdateLesson(slug: string) {
  const cache = useCourseCache()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LessonUpdateBody }) => updateLesson(id, body),
    onSuccess: (lesson) => {
      queryClient.setQueryData(sharedQueryKeys.lesson(lesson.id), lesson)
      return cache.refresh(slug)
    },
  })
}
