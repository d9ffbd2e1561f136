import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { AttemptAnswersBody } from '@/api/types'
import { isApiError, unwrap } from '@/lib/errors'

import { attemptKey } from './get-attempt'

/**
 * `POST /attempts/{id}/submit {answers?}`: the answers are merged into the saved ones, then the
 * attempt is graded → the attempt with its results. Too late (past the deadline's grace) the
 * answers are refused with 409 `time_up`, though the attempt is still graded from those saved.
 */
export function submitAttempt(attemptId: string, body: AttemptAnswersBody) {
  return unwrap(apiClient.POST('/api/v1/attempts/{id}/submit', { params: { path: { id: attemptId } }, body }))
}

/** Errors after which the attempt is closed and graded all the same: fetch it again for its result. */
export function isClosedAttemptError(error: unknown): boolean {
  return isApiError(error) && (error.code === 'time_up' || error.code === 'attempt_submitted')
}

/** A graded attempt changes the quiz standing, course progress (a pass ticks the lesson) and maybe the certificate. */
export function refreshAfterGrading(queryClient: QueryClient, quizId: string, slug: string) {
  void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.quiz(quizId) })
  void queryClient.invalidateQueries({ queryKey: ['lessons'] })
  void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) })
  void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments })
  void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.myCertificates })
}

export function useSubmitAttempt({ attemptId, quizId, slug }: { attemptId: string; quizId: string; slug: string }) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AttemptAnswersBody) => submitAttempt(attemptId, body),
    onSuccess: (attempt) => {
      queryClient.setQueryData(attemptKey(attemptId), attempt)
      refreshAfterGrading(queryClient, quizId, slug)
    },
    onError: (error) => {
      if (!isClosedAttemptError(error)) return
      void queryClient.invalidateQueries({ queryKey: attemptKey(attemptId) })
      refreshAfterGrading(queryClient, quizId, slug)
    },
  })
}
