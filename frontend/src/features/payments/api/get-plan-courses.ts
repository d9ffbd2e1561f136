import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { PAGE_SIZE, paymentKeys } from './keys'
import { apiRequest, segment } from './request'
import type { PlanCoursePage } from './types'

/** `GET /plans/{slug}/courses?page=`: the courses a plan includes, as catalogue cards. */
export function getPlanCourses(slug: string, page: number, signal?: AbortSignal): Promise<PlanCoursePage> {
  return apiRequest(`/plans/${segment(slug)}/courses`, {
    query: { page: page > 1 ? page : undefined, page_size: PAGE_SIZE },
    signal,
  })
}

export function usePlanCourses(slug: string, page: number) {
  return useQuery({
    queryKey: paymentKeys.planCourses(slug, page),
    queryFn: ({ signal }) => getPlanCourses(slug, page, signal),
    placeholderData: keepPreviousData,
  })
}
