import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { Quiz } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'

/** `DELETE /quizzes/{id}`: 409 `quiz_has_attempts` once a student has taken it (unpublish instead). */
export function deleteQuiz(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/quizzes/{id}', { params: { path: { id } } }))
}

export function useDeleteQuiz(slug: string) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: (quiz: Pick<Quiz, 'id' | 'lesson_id'>) => deleteQuiz(quiz.id),
    onSuccess: (_, quiz) => cache.remove(slug, quiz.id, quiz.lesson_id),
  })
}
