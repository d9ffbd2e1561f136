import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { QuestionBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'

/** `POST /quizzes/{id}/questions`: added at the end; the whole question is checked by the server. */
export function createQuestion(quizId: string, body: QuestionBody) {
  return unwrap(apiClient.POST('/api/v1/quizzes/{id}/questions', { params: { path: { id: quizId } }, body }))
}

export function useCreateQuestion(slug: string, quizId: string) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: (body: QuestionBody) => createQuestion(quizId, body),
    onSuccess: () => cache.refresh(slug, quizId),
  })
}
