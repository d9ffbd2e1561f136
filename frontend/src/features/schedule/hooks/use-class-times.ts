import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { localeOf } from '@/lib/i18n'

import { useViewerTimeZone } from './use-time-zones'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Formats class times in the viewer's language and time zone. */
export function useClassTimes() {
  const { i18n } = useTranslation()
  const timeZone = useViewerTimeZone()
  const locale = localeOf(i18n.language)
  return useMemo(() => {
    const range = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    })
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    const zoneName =
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    return {
      timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      zoneName,
      /** "Fri, 4 Dec 2026, 5:00 – 6:00 pm" (both dates when it runs past midnight). */
      range: (startsAt: string, endsAt: string) => range.formatRange(new Date(startsAt), new Date(endsAt)),
      /** "4 Dec 2026, 5:00 pm". */
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "in 25 minutes", "in 2 hours", "tomorrow". */
      relative: (at: number, now: number) => {
        const diff = at - now
        const size = Math.abs(diff)
        if (size < HOUR) return relative.format(diff > 0 ? Math.ceil(diff / MINUTE) : Math.floor(diff / MINUTE), 'minute')
        if (size < DAY) return relative.format(Math.round(diff / HOUR), 'hour')
        return relative.format(Math.round(diff / DAY), 'day')
      },
    }
  }, [locale, timeZone])
}
