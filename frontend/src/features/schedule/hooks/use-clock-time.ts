import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { localeOf } from '@/lib/i18n'

import { useViewerTimeZone } from './use-time-zones'

/** "5:02 pm" in the viewer's language and time zone, for moments within one class. */
export function useClockTime(): (iso: string) => string {
  const { i18n } = useTranslation()
  const timeZone = useViewerTimeZone()
  const clock = useMemo(
    () => new Intl.DateTimeFormat(localeOf(i18n.language), { timeStyle: 'short', timeZone }),
    [i18n.language, timeZone],
  )
  return (iso) => {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? '' : clock.format(date)
  }
}
