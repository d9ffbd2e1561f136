import { sharedQueryKeys } from '@/api/query-keys'

import type { LiveClassFilters } from './types'

/** Every class query starts with `['sessions']`, so one invalidation refreshes every list and page. */
export const scheduleKeys = {
  all: sharedQueryKeys.sessions,
  list: (scope: 'upcoming' | 'past' | 'teaching', filters: Pick<LiveClassFilters, 'course'> = {}) =>
    ['sessions', 'list', scope, filters.course ?? ''] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  attendance: (id: string) => ['sessions', 'attendance', id] as const,
  recap: (id: string) => ['sessions', 'recap', id] as const,
  /** A board page's elements: under the class's prefix, so they refresh with it while it runs. */
  boardPage: (id: string, pageId: string) => ['sessions', 'recap', id, 'page', pageId] as const,
  /**
   * Board pictures never change under their id, and a page's drawing only with its elements, so neither is
   * under the class's prefix: refreshing the class does not fetch or draw them again.
   */
  boardFiles: (id: string, fileIds: readonly string[]) => ['board-files', id, ...fileIds] as const,
  /** Drawn again when the page changes, or when pictures that were missing arrive. */
  boardPicture: (id: string, pageId: string, sceneVersion: number, missing: readonly string[]) =>
    ['board-picture', id, pageId, sceneVersion, ...missing] as const,
  calendarLink: ['calendar-link'] as const,
  /** Under the teaching list's prefix, so a course created or renamed there shows here too. */
  taughtCourses: ['courses', 'teaching', 'all'] as const,
}

/** Lists refresh this often while open, and whenever the window regains focus. */
export const LIST_REFRESH_MS = 60_000
