import { useInfiniteQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { LIST_REFRESH_MS, scheduleKeys } from './keys'
import type { LiveClassFilters, LiveClassPage } from './types'

export const CLASSES_PAGE_SIZE = 20

/** `GET /sessions`: the caller's classes, those still to come first (soonest first), then past ones. */
export function getClasses(query: LiveClassFilters, signal?: AbortSignal): Promise<LiveClassPage> {
  return unwrap(apiClient.GET('/api/v1/sessions', { params: { query }, signal }))
}

const nextPage = (last: LiveClassPage, pages: LiveClassPage[]) => (last.next ? pages.length + 1 : undefined)

/**
 * Classes not over yet. `from` is taken when each page is fetched, so a refetch (every minute, on
 * focus) drops classes that have ended meanwhile.
 */
export function useUpcomingClasses() {
  return useInfiniteQuery({
    queryKey: scheduleKeys.list('upcoming'),
    queryFn: ({ pageParam, signal }) =>
      getClasses({ from: new Date().toISOString(), page: pageParam, page_size: CLASSES_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    refetchInterval: LIST_REFRESH_MS,
  })
}

/** Classes that started before now, latest first (the caller drops those still running). */
export function usePastClasses() {
  return useInfiniteQuery({
    queryKey: scheduleKeys.list('past'),
    queryFn: ({ pageParam, signal }) =>
      getClasses({ to: new Date().toISOString(), page: pageParam, page_size: CLASSES_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    refetchInterval: LIST_REFRESH_MS,
  })
}

/** Every class of the caller's (optionally of one course): still to come first, then past ones. */
export function useTeachingClasses(course: string) {
  return useInfiniteQuery({
    queryKey: scheduleKeys.list('teaching', { course }),
    queryFn: ({ pageParam, signal }) =>
      getClasses({ page: pageParam, page_size: CLASSES_PAGE_SIZE, ...(course ? { course } : {}) }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    refetchInterval: LIST_REFRESH_MS,
  })
}
