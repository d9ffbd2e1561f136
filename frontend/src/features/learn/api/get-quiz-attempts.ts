import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** Under the quiz's own key, so refreshing the quiz refreshes this list too. */
export const quizAttemptsKey = (quizId: string) => [...sharedQueryKeys.quiz(quizId), 'attempts'] as const

/** A quiz allows at most 20 attempts, so one page holds them all. */
const PAGE_SIZE = 20

/** `GET /quizzes/{id}/attempts`: the student's own attempts, newest first, with their scores. */
export function getQuizAttempts(quizId: string, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/quizzes/{id}/attempts', {
      params: { path: { id: quizId }, query: { page_size: PAGE_SIZE } },
      signal,
    }),
  )
}

export const quizAttemptsQueryOptions = (quizId: string) =>
  queryOptions({
    queryKey: quizAttemptsKey(quizId),
    queryFn: ({ signal }) => getQuizAttempts(quizId, signal),
  })

export function useQuizAttempts(quizId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...quizAttemptsQueryOptions(quizId), enabled: options.enabled ?? true })
}
