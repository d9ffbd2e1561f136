import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/**
 * `GET /quizzes/{id}`: the quiz, its questions (without answers for students) and the caller's
 * standing (`viewer`: attempts, best score, the open attempt). 404 while it is unpublished.
 */
export function getQuiz(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/quizzes/{id}', { params: { path: { id } }, signal }))
}

export const quizQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.quiz(id),
    queryFn: ({ signal }) => getQuiz(id, signal),
  })

export function useQuiz(id: string) {
  return useQuery(quizQueryOptions(id))
}
