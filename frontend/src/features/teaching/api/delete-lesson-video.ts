import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** `DELETE /lessons/{id}/video`. */
export function deleteLessonVideo(lessonId: string) {
  return unwrap(apiClient.DELETE('/api/v1/lessons/{id}/video', { params: { path: { id: lessonId } } }))
}

export function useDeleteLessonVideo(lessonId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => deleteLessonVideo(lessonId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(lessonId) }),
  })
}
