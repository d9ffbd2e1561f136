import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { Recap } from './types'

/**
 * `GET /sessions/{id}/recap`: the chat, breakout rooms, polls, Q&A and board pages this viewer may read,
 * during and after the class (404 for anyone who is not its tutor or attendee).
 */
export function getRecap(id: string, signal?: AbortSignal): Promise<Recap> {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}/recap', { params: { path: { id } }, signal }))
}

export const recapQueryOptions = (id: string) =>
  queryOptions({ queryKey: scheduleKeys.recap(id), queryFn: ({ signal }) => getRecap(id, signal) })

export function useRecap(id: string, enabled = true) {
  return useQuery({ ...recapQueryOptions(id), enabled })
}
