import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'

/** `GET /sessions/{id}`: one class, for its tutors and attendees (404 for anyone else). */
export function getClass(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}', { params: { path: { id } }, signal }))
}

export const classQueryOptions = (id: string) =>
  queryOptions({ queryKey: scheduleKeys.detail(id), queryFn: ({ signal }) => getClass(id, signal) })

export function useClass(id: string) {
  return useQuery(classQueryOptions(id))
}
