import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { quizBuilderKeys } from '../utils/quiz-cache'

export const QUIZ_ATTEMPTS_PAGE_SIZE = 20

/** `GET /quizzes/{id}/attempts?page=`: for the course's tutors, every student's attempts. */
export function getQuizAttempts(quizId: string, page: number, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/quizzes/{id}/attempts', {
      params: { path: { id: quizId }, query: { page, page_size: QUIZ_ATTEMPTS_PAGE_SIZE } },
      signal,
    }),
  )
}

export const quizAttemptsQueryOptions = (quizId: string, page: number) =>
  queryOptions({
    queryKey: [...quizBuilderKeys.attempts(quizId), page],
    queryFn: ({ signal }) => getQuizAttempts(quizId, page, signal),
    placeholderData: keepPreviousData,
  })

export function useQuizAttempts(quizId: string, page: number) {
  return useQuery(quizAttemptsQueryOptions(quizId, page))
}
