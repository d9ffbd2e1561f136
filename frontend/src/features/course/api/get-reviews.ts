import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

export const REVIEWS_PAGE_SIZE = 12

/** `GET /courses/{slug}/reviews?page=`. */
export function getReviews(slug: string, page: number, signal?: AbortSignal) {
  return unwrap(
    apiClient.GET('/api/v1/courses/{slug}/reviews', {
      params: { path: { slug }, query: page > 1 ? { page } : {} },
      signal,
    }),
  )
}

export const reviewsQueryOptions = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['courses', 'reviews', slug, page],
    queryFn: ({ signal }) => getReviews(slug, page, signal),
    placeholderData: keepPreviousData,
  })

export function useReviews(slug: string, page: number) {
  return useQuery(reviewsQueryOptions(slug, page))
}
