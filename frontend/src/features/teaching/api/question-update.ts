import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { QuestionUpdateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { useQuizCache } from '../utils/quiz-cache'

/** `PATCH /questions/{id}`: the given fields are merged in and the whole question is checked again. */
export function updateQuestion(id: string, body: QuestionUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/questions/{id}', { params: { path: { id } }, body }))
}

export function useUpdateQuestion(slug: string, quizId: string) {
  const cache = useQuizCache()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: QuestionUpdateBody }) => updateQuestion(id, body),
    onSuccess: () => cache.refresh(slug, quizId),
  })
}
