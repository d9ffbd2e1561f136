import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from './client'
import { sharedQueryKeys } from './query-keys'
import type { Category } from './types'

/** `GET /categories`: used by the catalogue filter and the course builder. */
export function getCategories(signal?: AbortSignal): Promise<Category[]> {
  return unwrap(apiClient.GET('/api/v1/categories', { signal }))
}

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: sharedQueryKeys.categories,
    queryFn: ({ signal }) => getCategories(signal),
    staleTime: 10 * 60 * 1000,
  })

export function useCategories() {
  return useQuery(categoriesQueryOptions())
}
