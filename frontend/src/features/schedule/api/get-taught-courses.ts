import { useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { TaughtCourse } from './types'

/** The API's largest page; a tutor with more courses sees the first hundred in the picker. */
const PAGE_SIZE = 100

/** `GET /teaching/courses`: the courses the caller owns or co-teaches, archived ones left out. */
export async function getTaughtCourses(signal?: AbortSignal): Promise<TaughtCourse[]> {
  const page = await unwrap(
    apiClient.GET('/api/v1/teaching/courses', { params: { query: { page_size: PAGE_SIZE } }, signal }),
  )
  return page.results.filter((course) => course.status !== 'archived')
}

export function useTaughtCourses() {
  return useQuery({ queryKey: scheduleKeys.taughtCourses, queryFn: ({ signal }) => getTaughtCourses(signal) })
}
