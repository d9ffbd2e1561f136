import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/**
 * `POST /courses/{slug}/enroll`: 201 for a free course, 200 when already
 * enrolled, 402 `payment_required` for a paid one.
 */
export function enroll(slug: string) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/enroll', { params: { path: { slug } } }))
}

export function useEnroll(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => enroll(slug),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) }),
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments }),
      ]),
  })
}
