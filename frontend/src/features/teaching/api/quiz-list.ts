import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { quizBuilderKeys } from '../utils/quiz-cache'

/** `GET /courses/{slug}/quizzes`: every quiz of the course, drafts included, for its tutors. */
export function getCourseQuizzes(slug: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}/quizzes', { params: { path: { slug } }, signal }))
}

export const courseQuizzesQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: quizBuilderKeys.list(slug),
    queryFn: ({ signal }) => getCourseQuizzes(slug, signal),
  })

export function useCourseQuizzes(slug: string) {
  return useQuery(courseQuizzesQueryOptions(slug))
}
