import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** `GET /quizzes/{id}`: the quiz with its questions; tutors also get the correct answers. */
export function getQuizDetail(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/quizzes/{id}', { params: { path: { id } }, signal }))
}

export const quizDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.quiz(id),
    queryFn: ({ signal }) => getQuizDetail(id, signal),
  })

export function useQuizDetail(id: string) {
  return useQuery(quizDetailQueryOptions(id))
}
