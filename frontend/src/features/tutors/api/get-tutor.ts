import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `GET /tutors/{id}`: a public tutor profile; 404 for anyone who isn't a tutor. */
export function getTutor(id: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/tutors/{id}', { params: { path: { id } }, signal }))
}

export const tutorQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['tutors', 'detail', id],
    queryFn: ({ signal }) => getTutor(id, signal),
  })

export function useTutor(id: string) {
  return useQuery(tutorQueryOptions(id))
}
