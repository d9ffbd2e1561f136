import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from './client'
import { sharedQueryKeys } from './query-keys'
import type { Lesson } from './types'

/**
 * `GET /lessons/{id}`: the player opens it; the course builder reads the
 * Markdown `body` and resources from it. 403 `not_enrolled` for a locked lesson.
 */
export function getLesson(id: string, signal?: AbortSignal): Promise<Lesson> {
  return unwrap(apiClient.GET('/api/v1/lessons/{id}', { params: { path: { id } }, signal }))
}

export const lessonQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sharedQueryKeys.lesson(id),
    queryFn: ({ signal }) => getLesson(id, signal),
    // The signed video URL is short-lived: don't serve a stale one from the cache.
    staleTime: 60_000,
  })

export function useLesson(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...lessonQueryOptions(id), enabled: options.enabled ?? true })
}
