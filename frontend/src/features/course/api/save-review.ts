import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { ReviewBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/** `POST /courses/{slug}/reviews {rating, body}`: creates or replaces the caller's one review. */
export function saveReview(slug: string, body: ReviewBody) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/reviews', { params: { path: { slug } }, body }))
}

export function useSaveReview(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ReviewBody) => saveReview(slug, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) }),
        queryClient.invalidateQueries({ queryKey: ['courses', 'reviews', slug] }),
      ]),
  })
}
