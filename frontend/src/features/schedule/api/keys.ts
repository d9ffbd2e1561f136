import { sharedQueryKeys } from '@/api/query-keys'

import type { LiveClassFilters } from './types'

/** Every class query starts with `['sessions']`, so one invalidation refreshes every list and page. */
export const scheduleKeys = {
  all: sharedQueryKeys.sessions,
  list: (scope: 'upcoming' | 'past' | 'teaching', filters: Pick<LiveClassFilters, 'course'> = {}) =>
    ['sessions', 'list', scope, filters.course ?? ''] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  attendance: (id: string) => ['sessions', 'attendance', id] as const,
  calendarLink: ['calendar-link'] as const,
  /** Under the teaching list's prefix, so a course created or renamed there shows here too. */
  taughtCourses: ['courses', 'teaching', 'all'] as const,
}

/** Lists refresh this often while open, and whenever the window regains focus. */
export const LIST_REFRESH_MS = 60_000
