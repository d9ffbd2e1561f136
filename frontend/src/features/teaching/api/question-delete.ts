import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'

/** `DELETE /questions/{id}`: 409 `quiz_incomplete` for the last question of a published quiz. */
export function deleteQuestion(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/questions/{id}', { params: { path: { id } } }))
}

export function useDeleteQuestion(slug: string, quizId: string) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: (id: string) => deleteQuestion(id),
    onSuccess: () => cache.refresh(slug, quizId),
  })
}
