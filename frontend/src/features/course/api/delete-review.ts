import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** `DELETE /courses/{slug}/reviews/mine`. */
export function deleteReview(slug: string) {
  return unwrap(apiClient.DELETE('/api/v1/courses/{slug}/reviews/mine', { params: { path: { slug } } }))
}

export function useDeleteReview(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => deleteReview(slug),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) }),
        queryClient.invalidateQueries({ queryKey: ['courses', 'reviews', slug] }),
      ]),
  })
}
