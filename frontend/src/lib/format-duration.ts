import type { TFunction } from 'i18next'

import { splitDuration } from './format'

/** "1 h 30 min", "45 min", "2 h" in the UI language; an empty string for 0. */
export function formatDuration(t: TFunction, totalSeconds: number): string {
  const { hours, minutes } = splitDuration(totalSeconds)
  if (hours > 0 && minutes > 0) return t('format.hoursMinutes', { hours, minutes })
  if (hours > 0) return t('format.hours', { hours })
  if (minutes > 0) return t('format.minutes', { minutes })
  return ''
}
