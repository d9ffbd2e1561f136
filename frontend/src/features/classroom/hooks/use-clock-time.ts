import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

import { localeOf } from '@/lib/i18n'

/** Formats a moment as a short clock time ("10:05 am") in the viewer's language and time zone. */
export function useClockTime(): (iso: string) => string {
  const { i18n } = useTranslation()
  const clock = useMemo(() => new Intl.DateTimeFormat(localeOf(i18n.language), { timeStyle: 'short' }), [i18n.language])
  return (iso) => {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? '' : clock.format(date)
  }
}
