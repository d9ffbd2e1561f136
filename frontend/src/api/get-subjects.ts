import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from './client'
import { sharedQueryKeys } from './query-keys'
import type { Subject } from './types'

/** `GET /subjects`: used by the tutor directory filter and the tutor profile form. */
export function getSubjects(signal?: AbortSignal): Promise<Subject[]> {
  return unwrap(apiClient.GET('/api/v1/subjects', { signal }))
}

export const subjectsQueryOptions = () =>
  queryOptions({
    queryKey: sharedQueryKeys.subjects,
    queryFn: ({ signal }) => getSubjects(signal),
    staleTime: 10 * 60 * 1000,
  })

export function useSubjects() {
  return useQuery(subjectsQueryOptions())
}
