import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { QuizCreateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'

/** `POST /courses/{slug}/quizzes`: a new, unpublished quiz with no questions yet. */
export function createQuiz(slug: string, body: QuizCreateBody) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/quizzes', { params: { path: { slug } }, body }))
}

export function useCreateQuiz(slug: string) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: (body: QuizCreateBody) => createQuiz(slug, body),
    onSuccess: (quiz) => cache.store(quiz),
  })
}
