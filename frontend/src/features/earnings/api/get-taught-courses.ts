import { useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { earningKeys } from './keys'

/** The API's largest page: a tutor with more courses picks from the first hundred. */
const COURSES_PAGE_SIZE = 100

/** `GET /teaching/courses`: the courses the caller teaches, to pick recordings and lessons from. */
export async function getTaughtCourses(signal?: AbortSignal) {
  const page = await unwrap(
    apiClient.GET('/api/v1/teaching/courses', { params: { query: { page_size: COURSES_PAGE_SIZE } }, signal }),
  )
  return page.results
}

export function useTaughtCourses() {
  return useQuery({ queryKey: earningKeys.taughtCourses, queryFn: ({ signal }) => getTaughtCourses(signal) })
}
