import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

import { attemptKey } from './get-attempt'

/**
 * `POST /quizzes/{id}/attempts`: 201 with a new attempt, or 200 with the one still open (a
 * student has one at a time). 409 `attempts_exhausted` when none are left.
 */
export function startQuizAttempt(quizId: string) {
  return unwrap(apiClient.POST('/api/v1/quizzes/{id}/attempts', { params: { path: { id: quizId } } }))
}

/** Starts or resumes; the attempt goes straight into the cache, so its timer starts from this answer. */
export function useStartQuizAttempt(quizId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => startQuizAttempt(quizId),
    onSuccess: (attempt) => {
      queryClient.setQueryData(attemptKey(attempt.id), attempt)
      void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.quiz(quizId) })
    },
    onError: () => queryClient.invalidateQueries({ queryKey: sharedQueryKeys.quiz(quizId) }),
  })
}
