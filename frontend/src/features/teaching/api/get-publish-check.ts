import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { teachingKeys } from '../utils/course-cache'

/** `GET /courses/{slug}/publish-check` → `{ready, missing: [{field, message}]}`. */
export function getPublishCheck(slug: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}/publish-check', { params: { path: { slug } }, signal }))
}

export const publishCheckQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: teachingKeys.publishCheck(slug),
    queryFn: ({ signal }) => getPublishCheck(slug, signal),
    staleTime: 0,
  })

export function usePublishCheck(slug: string) {
  return useQuery(publishCheckQueryOptions(slug))
}
